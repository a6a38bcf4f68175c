/**
 * The IMAP settings and what the last syncs saw (UIDVALIDITY and the last UID per account and
 * mailbox), in <data>/replies/imap.json, written atomically. A file that does not parse is moved
 * aside and the user is told; the next sync then looks at the whole period again and skips what
 * was imported before.
 */
import path from 'node:path'
import { z } from 'zod'
import type { NoticeBoard } from '../shared/notices'
import { dictionaryOf, readKeyedEntries, type BadEntry } from '../shared/own-keys'
import { openJsonFileStore } from '../storage/document-store'
import { folderLock } from '../storage/folder-lock'
import { reportSetAside } from '../storage/set-aside'
import { imapSettingsSchema, mailboxStateSchema, syncSummarySchema, type ImapSettings, type MailboxState, type SyncSummary } from './imap-settings'
import { repliesDir } from './store'
import { coreError, noticeWords } from '../messages/errors'

const documentSchema = z.object({
  version: z.literal(1),
  settings: imapSettingsSchema.nullable().default(null),
  /** account ("user@host:port") → mailbox → what was seen; read entry by entry (readSeen). */
  seen: z.unknown().optional(),
  lastSync: syncSummarySchema.nullable().default(null),
})

/**
 * Accounts and mailbox names are what the user typed ("constructor" is a fine folder name): kept
 * in Maps, and stored as JSON objects read one entry at a time.
 */
type Seen = ReadonlyMap<string, ReadonlyMap<string, MailboxState>>
type ImapDocument = { settings: ImapSettings | null; seen: Seen; lastSync: SyncSummary | null }

const anyKey = z.string().min(1).max(1000)
const mailboxesSchema = z.unknown().transform((value, context) => {
  const read = readKeyedEntries(value, { key: anyKey, value: mailboxStateSchema })
  for (const bad of read.bad) context.addIssue({ code: 'custom', message: `${bad.key}: ${bad.reason}` })
  return read.entries as ReadonlyMap<string, MailboxState>
})

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
  const store = openJsonFileStore({
    file: path.join(repliesDir(options.dataDir), 'imap.json'),
    label: 'IMAP settings',
    notices: options.notices,
    now: options.now,
    lock: folderLock(options.dataDir),
  })
  /** The document as read, with the accounts that do not read; null when it is unusable as a whole. */
  const parse = (raw: Record<string, unknown>): { document: ImapDocument; bad: BadEntry[] } | null => {
    const parsed = documentSchema.safeParse(Object.keys(raw).length === 0 ? { version: 1 } : raw)
    if (!parsed.success) return null
    // What a sync saw, account by account: one that does not read is set aside, and only its mailboxes are looked at afresh.
    const accounts = readKeyedEntries(parsed.data.seen, { key: anyKey, value: mailboxesSchema }, 'seen')
    return {
      document: { settings: parsed.data.settings, seen: accounts.entries, lastSync: parsed.data.lastSync },
      bad: accounts.bad.map((b) => ({ ...b, key: `what the sync saw of ${b.key}` })),
    }
  }
  const read = (): ImapDocument => {
    const first = parse(store.read())
    if (first && first.bad.length === 0) return first.document
    // Set aside or moved aside under the lock, from the file as it is then.
    return store.locked(() => {
      const found = parse(store.read())
      if (found) {
        if (found.bad.length > 0) {
          reportSetAside({ store, notices: options.notices, what: 'the records of what the IMAP sync saw', consequence: 'Those mailboxes are looked at again from the start; what was imported before is recognised.', bad: found.bad })
          write(found.document)
        }
        return found.document
      }
      return unusable()
    })
  }
  const unusable = (): ImapDocument => {
    const movedTo = store.moveAside()
    if (movedTo === null) return read()
    options.notices.add({
      code: 'STORE_FILE_UNREADABLE',
      ...noticeWords('notice.imap', { movedTo }),
      path: store.path,
      movedTo,
    })
    return { settings: null, seen: new Map(), lastSync: null }
  }
  function write(next: ImapDocument) {
    try {
      store.write({
        version: 1,
        settings: next.settings,
        seen: dictionaryOf([...next.seen].map(([account, mailboxes]) => [account, dictionaryOf(mailboxes)] as const)),
        lastSync: next.lastSync,
      })
    } catch (error) {
      throw coreError('STORAGE_FAILED', 'error.imap.notSaved', { reason: String((error as Error).message) })
    }
  }
  return {
    settings: () => read().settings,
    // Each change reads the document afresh under the data folder's lock, so another process's sync or settings stay.
    saveSettings(settings) {
      const valid = settings === null ? null : imapSettingsSchema.parse(settings)
      store.locked(() => write({ ...read(), settings: valid }))
      return settings
    },
    seen: (account, mailbox) => read().seen.get(account)?.get(mailbox) ?? null,
    saveSeen(account, mailbox, state, summary) {
      const mailboxState = mailboxStateSchema.parse(state)
      const lastSync = syncSummarySchema.parse(summary)
      store.locked(() => {
        const document = read()
        const mailboxes = new Map(document.seen.get(account) ?? [])
        mailboxes.set(mailbox, mailboxState)
        const seen = new Map(document.seen)
        seen.set(account, mailboxes)
        write({ ...document, seen, lastSync })
      })
    },
    saveSummary(summary) {
      const lastSync = syncSummarySchema.parse(summary)
      store.locked(() => write({ ...read(), lastSync }))
    },
    lastSync: () => read().lastSync,
  }
}
