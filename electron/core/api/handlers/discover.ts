/** The discovery API: which companies of the catalog wrote to the user, from a mailbox they pick or their IMAP inbox. */
import type { CoreContext, HandlerMap } from '../context'
import { savedImapAccount } from '../saved-account'
import { discoverInImap, discoverSenders } from '../../discover/discover'
import { coreError } from '../../messages/errors'

export function discoverHandlers(ctx: CoreContext): HandlerMap {
  return {
    'discover:scan': async ({ kind, account: given, password, folders }, operation) => {
      if ((given || password) && kind !== 'imap') throw coreError('INVALID_INPUT', 'error.discover.accountKind')
      if (folders && kind !== 'imap') throw coreError('INVALID_INPUT', 'error.discover.foldersKind')
      if (kind === 'imap') {
        if (given && !password) throw coreError('INVALID_INPUT', 'error.discover.password', { user: given.user, server: given.host })
        if (password && !given) throw coreError('INVALID_INPUT', 'error.discover.passwordAlone')
        const account = given && password ? { ...given, password, trustedCertificate: given.trustedCertificate ?? null } : await savedImapAccount(ctx)
        return discoverInImap({ account, companies: ctx.catalog.list(), operation, scope: folders ?? 'mailbox' })
      }
      const source = await ctx.ports.picker.pickMailbox(kind)
      if (!source) return null
      return discoverSenders({ source, companies: ctx.catalog.list(), operation })
    },
  }
}
