/** The discovery API: which companies of the catalog wrote to the user, from a mailbox they pick or their IMAP inbox. */
import type { CoreContext, HandlerMap } from '../api/handlers'
import { savedImapAccount } from '../replies/saved-account'
import { discoverInImap, discoverSenders } from './discover'

export function discoverHandlers(ctx: CoreContext): HandlerMap {
  return {
    'discover:scan': async ({ kind }, operation) => {
      if (kind === 'imap') return discoverInImap({ account: await savedImapAccount(ctx), companies: ctx.catalog.list(), operation })
      const source = await ctx.ports.picker.pickMailbox(kind)
      if (!source) return null
      return discoverSenders({ source, companies: ctx.catalog.list(), operation })
    },
  }
}
