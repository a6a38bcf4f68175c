/**
 * The replies API: importing .eml files (chosen with the host's picker, or dropped on the window),
 * confirming what a reply is and which request it answers, and the opt-in IMAP sync.
 */
import type { CoreContext, HandlerMap } from '../context'
import { isCancelled } from '../../shared/operation'
import { CoreError } from '../../shared/result'
import { addDays, type PlainDate } from '../../shared/calendar'
import { openMailSettings, passwordStorageOf, smtpPasswordSecret } from '../../mail/mail-settings'
import { imapPasswordSecret, type ImapSettings, type SyncSummary } from '../../replies/imap-settings'
import { accountKey, openImapStore } from '../../replies/imap-store'
import { savedImapAccount } from '../saved-account'
import { scanMailbox, type ImapAccount } from '../../replies/imap-sync'
import type { ReplyImportOutcome, ReplyImportResult } from '../../replies/model'
import type { PasswordStorage } from '../../mail/mail-types'
import { maxReplyBytes } from '../../replies/parse'
import { createReplyService, type ReplyService } from '../../replies/service'
import { coreError } from '../../messages/errors'
import { secretStep } from '../../mail/secret-step'

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

const decodeBase64 = (value: string, name: string): Uint8Array => {
  // As /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/, with the trailing spaces cut first so no two quantifiers trade line breaks.
  if (!/^[A-Za-z0-9+/\r\n]*={0,2}$/.test(value.trimEnd())) throw coreError('INVALID_INPUT', 'error.replies.notIntact', { name })
  return new Uint8Array(Buffer.from(value, 'base64'))
}

export function replyHandlers(ctx: CoreContext): HandlerMap {
  const now = () => ctx.ports.clock.now()
  const replies: ReplyService = createReplyService({
    dataDir: ctx.ports.dataDir,
    requests: ctx.requests,
    catalog: ctx.catalog,
    attachments: ctx.attachments,
    notices: ctx.notices,
    now,
  })
  const imap = openImapStore({ dataDir: ctx.ports.dataDir, notices: ctx.notices, now })
  const mailSettings = () => openMailSettings(ctx.ports.stores.open('mail'), ctx.notices).get()
  let syncing = false

  /** Imports several files: each one's failure is reported, and only a lone file's failure fails the call. */
  const importAll = async (
    items: ReadonlyArray<{ source: string; run: () => Promise<ReplyImportOutcome | null> }>,
  ): Promise<ReplyImportResult> => {
    const outcomes: ReplyImportOutcome[] = []
    const failed: Array<{ source: string; code: string; message: string }> = []
    for (const item of items) {
      try {
        const outcome = await item.run()
        if (outcome) outcomes.push(outcome)
      } catch (error) {
        if (!(error instanceof CoreError) || items.length === 1) throw error
        failed.push({ source: item.source, code: error.code, message: error.message })
      }
    }
    return { outcomes, failed }
  }

  const imapView = async (): Promise<ImapView> => {
    const settings = imap.settings()
    const smtp = mailSettings().smtp
    const known = async (name: string) => (await secretStep(() => ctx.ports.secrets.get(name)).catch(() => null)) !== null
    return {
      settings,
      hasPassword: settings ? await known(settings.useSmtpLogin ? smtpPasswordSecret : imapPasswordSecret) : false,
      passwordStorage: await passwordStorageOf(ctx.ports.secrets),
      smtpLogin: smtp?.user ? { user: smtp.user, hasPassword: await known(smtpPasswordSecret) } : null,
      lastSync: imap.lastSync(),
    }
  }

  /** The account to sync: the saved one, with the user and password it logs in with. */
  const savedAccount = (): Promise<ImapAccount> => savedImapAccount(ctx, imap)

  return {
    'replies:import': async ({ reference, files, confirm }) => {
      if (files) {
        return importAll(
          files.map((file) => ({
            source: file.name,
            run: () => {
              const bytes = decodeBase64(file.base64, file.name)
              if (bytes.length > maxReplyBytes) {
                throw coreError('EML_TOO_LARGE', 'error.replies.fileTooLarge', { name: file.name, size: (bytes.length / 1048576).toFixed(1), max: maxReplyBytes / 1048576 })
              }
              return replies.importBytes(bytes, { source: file.name, origin: 'file', hint: reference ?? null, confirm })
            },
          })),
        )
      }
      const paths = await ctx.ports.picker.pickFiles('replies')
      return importAll(paths.map((file) => ({ source: file, run: () => replies.importFile(file, { hint: reference ?? null, confirm }) })))
    },
    'replies:list': ({ reference, pending }) => replies.list({ ...(reference ? { reference } : {}), pending }),
    'replies:confirm': (input) => replies.confirm(input),
    'replies:dismiss': ({ replyId }) => replies.dismiss(replyId),
    'replies:imapSettings': () => imapView(),
    'replies:saveImap': async ({ settings, password }) => {
      if (settings?.useSmtpLogin && password) {
        throw coreError('INVALID_INPUT', 'error.replies.smtpPassword')
      }
      if (password !== undefined && !settings?.useSmtpLogin) {
        if (password === null) await secretStep(() => ctx.ports.secrets.delete(imapPasswordSecret))
        else await secretStep(() => ctx.ports.secrets.set(imapPasswordSecret, password))
      }
      imap.saveSettings(settings)
      if (settings === null) await secretStep(() => ctx.ports.secrets.delete(imapPasswordSecret))
      return imapView()
    },
    'replies:sync': async ({ account: given, password }, operation) => {
      if (syncing) throw coreError('INVALID_STATE', 'error.replies.syncRunning')
      syncing = true
      try {
        let account: ImapAccount
        if (given) {
          if (!password) throw coreError('IMAP_PASSWORD_MISSING', 'error.replies.passwordNeeded', { user: given.user, server: given.host })
          account = { ...given, password, trustedCertificate: given.trustedCertificate ?? null }
        } else {
          account = await savedAccount()
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
