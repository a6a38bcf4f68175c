/** The discovery API: which companies of the catalog wrote to the user, from a mailbox they pick. */
import type { CoreContext, HandlerMap } from '../api/handlers'
import { discoverSenders } from './discover'

export function discoverHandlers(ctx: CoreContext): HandlerMap {
  return {
    'discover:scan': async ({ kind }, operation) => {
      const source = await ctx.ports.picker.pickMailbox(kind)
      if (!source) return null
      return discoverSenders({ source, companies: ctx.catalog.list(), operation })
    },
  }
}
