import type { CoreContext, HandlerMap } from '../context'
import { previewTemplate } from '../../requests/template-preview'

export function templateHandlers(ctx: CoreContext): HandlerMap {
  // An authority's name for a complaint's preview; null when the registry has no such authority.
  const authorityName = (id: string) => {
    try {
      return ctx.authorities.get(id).name
    } catch {
      return null
    }
  }
  return {
    'templates:available': () => ctx.templates.list().map((t) => ({ type: t.type, lang: t.lang, laws: t.laws, title: t.title })),
    'templates:list': () => ctx.templates.list(),
    'templates:get': ({ id }) => ctx.templates.get(id),
    'templates:preview': ({ text, companyId, law }) =>
      previewTemplate({ text, law, company: ctx.catalog.get(companyId), profile: ctx.profiles.get(), today: ctx.today() }, ctx.templates, authorityName),
    'templates:saveUser': (input) => ctx.templates.saveUser(input),
    'templates:deleteUser': ({ id }) => {
      ctx.templates.deleteUser(id)
      return { id }
    },
  }
}
