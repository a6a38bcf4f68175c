/**
 * The opt-in IMAP sync of replies: the saved account (Settings → Replies) and its password, what
 * Settings shows of it, and the sync that looks through the mailbox for answers to sent requests
 * and imports them through the reply service. Opened once by createApi.
 */
import { isCancelled, type Operation } from '../shared/operation'
import { addDays, type PlainDate } from '../shared/calendar'
import type { SecretStore } from '../shared/ports'
import { passwordStorageOf, smtpPasswordSecret, type MailSettingsStore } from '../mail/mail-settings'
import type { PasswordStorage } from '../mail/mail-types'
import { imapPasswordSecret, type ImapSettings, type SyncSummary } from './imap-settings'
import { accountKey, type ImapStore } from './imap-store'
import { scanMailbox, type ImapAccount } from './imap-sync'
import type { ReplyImportOutcome } from './model'
import { maxReplyBytes } from './parse'
import type { ReplyService } from './service'
import { coreError } from '../messages/errors'
import { secretStep } from '../mail/secret-step'

/** What Settings shows about the IMAP sync; the password itself never leaves the core. */
export type ImapView = {
  readonly settings: ImapSettings | null
  readonly hasPassword: boolean
  readonly passwordStorage: PasswordStorage
  /** The SMTP login that `useSmtpLogin` would reuse (its user name), when one is saved. */
  readonly smtpLogin: { readonly user: string; readonly hasPassword: boolean } | null
  readonly lastSync: SyncSummary | null
}

export type SyncResult = {
  readonly account: string
  readonly mailbox: string
  /** Messages that arrived since this day were looked at; null: no request waits for an answer. */
  readonly since: PlainDate | null
  /** New messages looked at (headers only). */
  readonly checked: number
  /** Messages downloaded because they could belong to a request. */
  readonly downloaded: number
  /** Messages imported: each matched a request (or needs the user to confirm which). */
  readonly imported: ReadonlyArray<ReplyImportOutcome>
  readonly failed: ReadonlyArray<{ readonly source: string; readonly code: string; readonly message: string }>
}

/**
 * The saved account with the user and password it logs in with; IMAP_NOT_CONFIGURED,
 * IMAP_PASSWORD_MISSING or SECRETS_UNAVAILABLE when it cannot log in yet.
 */
export async function savedImapAccount(deps: { readonly imap: ImapStore; readonly mailSettings: MailSettingsStore; readonly secrets: SecretStore }): Promise<ImapAccount> {
  const { imap, mailSettings, secrets } = deps
  const settings = imap.settings()
  if (!settings) throw coreError('IMAP_NOT_CONFIGURED', 'error.imap.notSetUp')
  let user = settings.user
  let secret = imapPasswordSecret
  if (settings.useSmtpLogin) {
    const smtp = mailSettings.get().smtp
    if (!smtp?.user) throw coreError('IMAP_NOT_CONFIGURED', 'error.imap.noSmtpUser')
    user = smtp.user
    secret = smtpPasswordSecret
  }
  if (!user) throw coreError('IMAP_NOT_CONFIGURED', 'error.imap.noUser')
  const password = await secretStep(() => secrets.get(secret))
  if (!password) throw coreError('IMAP_PASSWORD_MISSING', 'error.imap.noPassword', { user, server: settings.host })
  return { host: settings.host, port: settings.port, security: settings.security, user, password, mailbox: settings.mailbox, trustedCertificate: settings.trustedCertificate }
}

/** The IMAP account's settings and the sync. */
export type ImapService = {
  view(): Promise<ImapView>
  /** The saved account with its login (see savedImapAccount): for the sync and for discovery. */
  savedAccount(): Promise<ImapAccount>
  /** `password`: a string sets it, null forgets it, left out keeps it; `settings: null` removes the account. */
  save(input: { settings: ImapSettings | null; password?: string | null | undefined }): Promise<ImapView>
  /** One sync at a time: a second while one runs fails with INVALID_STATE. */
  sync(input: { account?: Omit<ImapAccount, 'password' | 'trustedCertificate'> & { trustedCertificate?: string | null | undefined } | undefined; password?: string | undefined }, operation: Operation): Promise<SyncResult>
}

export function createImapService(deps: {
  readonly imap: ImapStore
  readonly mailSettings: MailSettingsStore
  readonly secrets: SecretStore
  readonly replies: ReplyService
  readonly now: () => Date
}): ImapService {
  const { imap, mailSettings, secrets, replies, now } = deps

  const view = async (): Promise<ImapView> => {
    const settings = imap.settings()
    const smtp = mailSettings.get().smtp
    const known = async (name: string) => (await secretStep(() => secrets.get(name)).catch(() => null)) !== null
    return {
      settings,
      hasPassword: settings ? await known(settings.useSmtpLogin ? smtpPasswordSecret : imapPasswordSecret) : false,
      passwordStorage: await passwordStorageOf(secrets),
      smtpLogin: smtp?.user ? { user: smtp.user, hasPassword: await known(smtpPasswordSecret) } : null,
      lastSync: imap.lastSync(),
    }
  }

  let syncing = false

  return {
    view,
    savedAccount: () => savedImapAccount({ imap, mailSettings, secrets }),
    async save({ settings, password }) {
      if (settings?.useSmtpLogin && password) {
        throw coreError('INVALID_INPUT', 'error.replies.smtpPassword')
      }
      if (password !== undefined && !settings?.useSmtpLogin) {
        if (password === null) await secretStep(() => secrets.delete(imapPasswordSecret))
        else await secretStep(() => secrets.set(imapPasswordSecret, password))
      }
      imap.saveSettings(settings)
      if (settings === null) await secretStep(() => secrets.delete(imapPasswordSecret))
      return view()
    },
    async sync({ account: given, password }, operation) {
      if (syncing) throw coreError('INVALID_STATE', 'error.replies.syncRunning')
      syncing = true
      try {
        let account: ImapAccount
        if (given) {
          if (!password) throw coreError('IMAP_PASSWORD_MISSING', 'error.replies.passwordNeeded', { user: given.user, server: given.host })
          account = { ...given, password, trustedCertificate: given.trustedCertificate ?? null }
        } else {
          account = await savedImapAccount({ imap, mailSettings, secrets })
        }
        const key = accountKey(account.user, account.host, account.port)
        const since = replies.oldestOpenSentOn()
        if (!since) return { account: key, mailbox: account.mailbox, since: null, checked: 0, downloaded: 0, imported: [], failed: [] } satisfies SyncResult
        const imported: ReplyImportOutcome[] = []
        const summary = (partial: Pick<SyncSummary, 'checked' | 'downloaded' | 'imported' | 'error'>): SyncSummary => ({ at: now().toISOString(), account: key, ...partial })
        let scan
        try {
          scan = await replies.batch(() => scanMailbox({
            account,
            // SINCE compares dates on the server's calendar: a day earlier misses nothing.
            since: new Date(`${addDays(since, -1)}T00:00:00Z`),
            seen: imap.seen(key, account.mailbox),
            maxBytes: maxReplyBytes,
            skip: (headers) => replies.knows(headers.messageId),
            isCandidate: (headers) => replies.isCandidate(headers),
            bodyTerms: replies.bodySearchTerms(),
            take: async (bytes, headers) => {
              const outcome = await replies.importBytes(bytes, { source: `${account.mailbox} #${headers.uid}`, origin: 'imap', onlyIfMatched: true })
              if (outcome && !outcome.duplicate) imported.push(outcome)
            },
            operation,
          }))
        } catch (error) {
          if (isCancelled(error)) {
            // What was imported stays: each reply went in whole. What the sync saw is not recorded, so the next one looks again.
            const kept = imported.length
            const stopped = kept > 0 ? coreError('CANCELLED', 'error.replies.syncStoppedKept', { count: kept }) : coreError('CANCELLED', 'error.replies.syncStopped')
            imap.saveSummary(summary({ checked: 0, downloaded: 0, imported: kept, error: stopped.message }))
            throw stopped
          }
          imap.saveSummary(summary({ checked: 0, downloaded: 0, imported: imported.length, error: (error as Error).message }))
          throw error
        }
        imap.saveSeen(
          key,
          account.mailbox,
          { uidValidity: scan.uidValidity, lastUid: scan.lastUid, syncedAt: now().toISOString() },
          summary({ checked: scan.checked, downloaded: scan.downloaded, imported: imported.length, error: null }),
        )
        return {
          account: key,
          mailbox: account.mailbox,
          since,
          checked: scan.checked,
          downloaded: scan.downloaded,
          imported,
          failed: scan.failed.map((f) => ({ source: `${account.mailbox} #${f.uid}`, code: f.code, message: f.message })),
        } satisfies SyncResult
      } finally {
        syncing = false
      }
    },
  }
}
