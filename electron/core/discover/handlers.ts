/** The discovery API: which companies of the catalog wrote to the user, from a mailbox they pick or their IMAP inbox. */
import type { CoreContext, HandlerMap } from '../api/handlers'
import { CoreError } from '../api/result'
import { savedImapAccount } from '../replies/saved-account'
import { discoverInImap, discoverSenders } from './discover'

export function discoverHandlers(ctx: CoreContext): HandlerMap {
  return {
    'discover:scan': async ({ kind, account: given, password, folders }, operation) => {
      if ((given || password) && kind !== 'imap') throw new CoreError('INVALID_INPUT', 'An IMAP account goes only with kind "imap".')
      if (folders && kind !== 'imap') throw new CoreError('INVALID_INPUT', 'Folders are chosen only in an IMAP account.')
      if (kind === 'imap') {
        if (given && !password) throw new CoreError('INVALID_INPUT', `Give the password for ${given.user} on ${given.host}.`)
        if (password && !given) throw new CoreError('INVALID_INPUT', 'A password goes only with the account it is for.')
        const account = given && password ? { ...given, password, trustedCertificate: given.trustedCertificate ?? null } : await savedImapAccount(ctx)
        return discoverInImap({ account, companies: ctx.catalog.list(), operation, scope: folders ?? 'mailbox' })
      }
      const source = await ctx.ports.picker.pickMailbox(kind)
      if (!source) return null
      return discoverSenders({ source, companies: ctx.catalog.list(), operation })
    },
  }
}
