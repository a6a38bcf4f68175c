/**
 * Discovery as one step: which source to read (a mailbox file or folder the user picks, the saved
 * IMAP account, or an account given once), checked, then read against the catalog's companies.
 */
import type { Operation } from '../shared/operation'
import type { FilePicker } from '../shared/ports'
import type { Catalog } from '../catalog/catalog'
import type { ImapAccount } from '../replies/imap-sync'
import type { ImapService } from '../replies/imap-service'
import { coreError } from '../messages/errors'
import { discoverInImap, discoverSenders, type DiscoverResult } from './discover'

/** What discover:scan asks for. */
export type DiscoverScan = {
  readonly kind: 'file' | 'folder' | 'imap'
  /** An IMAP account used once, without saving it (with `password`). */
  readonly account?: (Omit<ImapAccount, 'password' | 'trustedCertificate'> & { readonly trustedCertificate?: string | null | undefined }) | undefined
  readonly password?: string | undefined
  readonly folders?: 'mailbox' | 'all' | undefined
}

export type DiscoverService = {
  /** Null when the user picked no mailbox. */
  scan(input: DiscoverScan, operation: Operation): Promise<DiscoverResult | null>
}

export function createDiscoverService(deps: {
  readonly catalog: Catalog
  readonly picker: Pick<FilePicker, 'pickMailbox'>
  readonly imap: Pick<ImapService, 'savedAccount'>
}): DiscoverService {
  return {
    async scan({ kind, account: given, password, folders }, operation) {
      if ((given || password) && kind !== 'imap') throw coreError('INVALID_INPUT', 'error.discover.accountKind')
      if (folders && kind !== 'imap') throw coreError('INVALID_INPUT', 'error.discover.foldersKind')
      if (kind === 'imap') {
        if (given && !password) throw coreError('INVALID_INPUT', 'error.discover.password', { user: given.user, server: given.host })
        if (password && !given) throw coreError('INVALID_INPUT', 'error.discover.passwordAlone')
        const account = given && password ? { ...given, password, trustedCertificate: given.trustedCertificate ?? null } : await deps.imap.savedAccount()
        return discoverInImap({ account, companies: deps.catalog.list(), operation, scope: folders ?? 'mailbox' })
      }
      const source = await deps.picker.pickMailbox(kind)
      if (!source) return null
      return discoverSenders({ source, companies: deps.catalog.list(), operation })
    },
  }
}
