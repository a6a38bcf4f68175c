/**
 * The reply records: <data>/replies/replies.json, read fresh for every change under the data
 * folder's lock (the CLI and the app may share the folder) and written atomically. Every record is validated before it is written;
 * on reading, a record that does not validate is set aside beside the file (with a notice) and
 * every other record is kept. A file that does not parse at all is moved aside, never deleted,
 * and the user is told.
 */
import path from 'node:path'
import type { NoticeBoard } from '../shared/notices'
import { describeIssues, isJsonObject, readListEntries, type BadEntry } from '../shared/own-keys'
import { openJsonFileStore } from '../storage/document-store'
import { folderLock } from '../storage/folder-lock'
import { reportSetAside } from '../storage/set-aside'
import { attachingSchema, replyRecordSchema, type Attaching, type ReplyRecord } from './model'
import { coreError, coreErrorAs, zodProblems } from '../messages/errors'

/** What replies.json holds, as the service works with it. */
export type RepliesState = { replies: ReplyRecord[]; attaching: Attaching[] }

export type ReplyStore = {
  list(): ReadonlyArray<ReplyRecord>
  /** Replies being put on a timeline when their process stopped (or right now, by another process). */
  attaching(): ReadonlyArray<Attaching>
  /** Reads the records, lets `change` return the new state, validates it and writes it. */
  update<T>(change: (state: RepliesState) => { state: RepliesState; result: T }): T
}

export function repliesDir(dataDir: string): string {
  return path.join(dataDir, 'replies')
}

export function openReplyStore(options: { dataDir: string; notices: NoticeBoard; now: () => Date }): ReplyStore {
  const store = openJsonFileStore({
    file: path.join(repliesDir(options.dataDir), 'replies.json'),
    label: 'imported replies',
    notices: options.notices,
    now: options.now,
    lock: folderLock(options.dataDir),
  })

  const write = (state: RepliesState) => {
    // Validated before it is written: a record that would not read back is refused, and nothing changes.
    const replies = state.replies.map((record) => {
      const parsed = replyRecordSchema.safeParse(record)
      if (!parsed.success) throw coreErrorAs('REPLY_UNSTORABLE', `The reply ${record.id} cannot be kept: ${describeIssues(parsed.error)}. Nothing was changed.`, 'error.replies.recordUnstorable', { id: String(record.id), problems: zodProblems(parsed.error) })
      return parsed.data
    })
    const attaching = state.attaching.map((entry) => attachingSchema.parse(entry))
    try {
      store.write({ version: 1, replies, attaching })
    } catch (error) {
      throw coreError('STORAGE_FAILED', 'error.replies.notSaved', { reason: String((error as Error).message) })
    }
  }

  /** The records in a document, and the ones that do not read; null when the file itself is unusable. */
  const recordsOf = (document: Record<string, unknown>): { state: RepliesState; bad: BadEntry[] } | null => {
    if (Object.keys(document).length === 0) return { state: { replies: [], attaching: [] }, bad: [] }
    if (document.version !== 1 || !isJsonObject(document)) return null
    const replies = readListEntries(document.replies, replyRecordSchema, 'replies')
    const attaching = readListEntries(document.attaching ?? [], attachingSchema, 'attaching')
    const bad: BadEntry[] = [...replies.bad.map((b) => ({ ...b, key: b.key === 'replies' ? b.key : `reply ${b.key}` })), ...attaching.bad.map((b) => ({ ...b, key: `reply being attached ${b.key}` }))]
    return { state: { replies: replies.items, attaching: attaching.items }, bad }
  }

  const unusable = (document: Record<string, unknown>): RepliesState => {
    const movedTo = store.moveAside()
    // Null: another process moved it aside (and told the user) or wrote it anew meanwhile.
    if (movedTo === null) return read()
    options.notices.add({
      code: 'STORE_FILE_UNREADABLE',
      message: `Your imported replies could not be read (a file of version ${JSON.stringify(document.version)?.slice(0, 20)}, which this Rightful does not know). The file was moved to ${movedTo}; nothing was deleted, and the messages themselves are still kept with your requests.`,
      path: store.path,
      movedTo,
    })
    return { replies: [], attaching: [] }
  }

  /** Reads the records; a bad one is set aside (under the lock, from the file as it is then) and the rest kept. */
  const read = (): RepliesState => {
    const document = store.read()
    const found = recordsOf(document)
    if (!found) return store.locked(() => unusable(document))
    if (found.bad.length === 0) return found.state
    return store.locked(() => {
      const fresh = store.read()
      const again = recordsOf(fresh)
      if (!again) return unusable(fresh)
      if (again.bad.length > 0) {
        // Only the bad record leaves the file: it goes beside it, with the reason, and the user is told.
        reportSetAside({ store, notices: options.notices, what: 'your imported replies', consequence: 'The messages themselves are still kept with your requests.', bad: again.bad })
        write(again.state)
      }
      return again.state
    })
  }

  return {
    list: () => read().replies,
    attaching: () => read().attaching,
    // Read, changed and written under the data folder's lock: a reply another process imports meanwhile stays.
    update: (change) =>
      store.locked(() => {
        const { state, result } = change(read())
        write(state)
        return result
      }),
  }
}
