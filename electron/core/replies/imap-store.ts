/**
 * The IMAP settings and what the last syncs saw (UIDVALIDITY and the last UID per account and
 * mailbox), in <data>/replies/imap.json, written atomically. A file that does not parse is moved
 * aside and the user is told; the next sync then looks at the whole period again and skips what
 * was imported before.
 */
import path from 'node:path'
import { z } from 'zod'
import { CoreError } from '../api/result'
import type { NoticeBoard } from '../notices'
import { openJsonFileStore } from '../storage/document-store'
import { imapSettingsSchema, mailboxStateSchema, syncSummarySchema, type ImapSettings, type MailboxState, type SyncSummary } from './imap-settings'
import { repliesDir } from './store'

const documentSchema = z.object({
  version: z.literal(1),
  settings: imapSettingsSchema.nullable().default(null),
  /** account ("user@host:port") → mailbox → what was seen. */
  seen: z.record(z.string(), z.record(z.string(), mailboxStateSchema)).default({}),
  lastSync: syncSummarySchema.nullable().default(null),
})
type ImapDocument = z.infer<typeof documentSchema>
/** The IMAP file as stored (the backup checks a restored one against it). */
export const imapDocumentSchema = documentSchema

export type ImapStore = {
  settings(): ImapSettings | null
  saveSettings(settings: ImapSettings | null): ImapSettings | null
  seen(account: string, mailbox: string): MailboxState | null
  saveSeen(account: string, mailbox: string, state: MailboxState, summary: SyncSummary): void
  saveSummary(summary: SyncSummary): void
  lastSync(): SyncSummary | null
}

export function accountKey(user: string, host: string, port: number): string {
  return `${user.toLowerCase()}@${host.toLowerCase()}:${port}`
}

export function openImapStore(options: { dataDir: string; notices: NoticeBoard; now: () => Date }): ImapStore {
  const store = openJsonFileStore({ file: path.join(repliesDir(options.dataDir), 'imap.json'), label: 'IMAP settings', notices: options.notices, now: options.now })
  const read = (): ImapDocument => {
    const raw = store.read()
    const parsed = documentSchema.safeParse(Object.keys(raw).length === 0 ? { version: 1 } : raw)
    if (parsed.success) return parsed.data
    const movedTo = store.moveAside()
    options.notices.add({
      code: 'STORE_FILE_UNREADABLE',
      message: `Your IMAP settings could not be read, so the file was moved to ${movedTo} (nothing was deleted). Enter the server again in Settings; the next sync looks at the whole period again and skips what was imported.`,
      path: store.path,
      movedTo,
    })
    return documentSchema.parse({ version: 1 })
  }
  const write = (next: ImapDocument) => {
    try {
      store.write(next)
    } catch (error) {
      throw new CoreError('STORAGE_FAILED', `The IMAP settings could not be saved: ${(error as Error).message}`)
    }
  }
  return {
    settings: () => read().settings,
    saveSettings(settings) {
      write({ ...read(), settings })
      return settings
    },
    seen: (account, mailbox) => read().seen[account]?.[mailbox] ?? null,
    saveSeen(account, mailbox, state, summary) {
      const document = read()
      write({ ...document, seen: { ...document.seen, [account]: { ...document.seen[account], [mailbox]: state } }, lastSync: summary })
    },
    saveSummary(summary) {
      write({ ...read(), lastSync: summary })
    },
    lastSync: () => read().lastSync,
  }
}
