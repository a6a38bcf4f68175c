import type { CoreContext, HandlerMap } from '../api/handlers'
import { summaryOf } from './catalog'

export function catalogHandlers(ctx: CoreContext): HandlerMap {
  return {
    'catalog:search': ({ query, limit }) =>
      ctx.catalog.search(query, limit).map((c) => ({
        id: c.id,
        name: c.name,
        domains: c.domains,
        privacyEmail: c.privacyEmail,
        country: c.letterAddress?.country ?? c.establishment[0] ?? null,
      })),
    'catalog:get': ({ id }) => ctx.catalog.resolve(id),
    'catalog:list': () => ctx.catalog.list().map(summaryOf),
    'catalog:addContact': (input) => ctx.catalog.addContact(input, ctx.today()),
  }
}
