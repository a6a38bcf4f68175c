/**
 * The reply records: <data>/replies/replies.json, read fresh for every change (the CLI and the app
 * may share the folder) and written atomically. Every record is validated before it is written;
 * on reading, a record that does not validate is set aside beside the file (with a notice) and
 * every other record is kept. A file that does not parse at all is moved aside, never deleted,
 * and the user is told.
 */
import path from 'node:path'
import { CoreError } from '../api/result'
import type { NoticeBoard } from '../notices'
import { describeIssues, isJsonObject, readListEntries, type BadEntry } from '../own-keys'
import { openJsonFileStore } from '../storage/document-store'
import { reportSetAside } from '../storage/set-aside'
import { attachingSchema, replyRecordSchema, type Attaching, type ReplyRecord } from './model'

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
  const store = openJsonFileStore({ file: path.join(repliesDir(options.dataDir), 'replies.json'), label: 'imported replies', notices: options.notices, now: options.now })

  const write = (state: RepliesState) => {
    // Validated before it is written: a record that would not read back is refused, and nothing changes.
    const replies = state.replies.map((record) => {
      const parsed = replyRecordSchema.safeParse(record)
      if (!parsed.success) throw new CoreError('REPLY_UNSTORABLE', `The reply ${record.id} cannot be kept: ${describeIssues(parsed.error)}. Nothing was changed.`)
      return parsed.data
    })
    const attaching = state.attaching.map((entry) => attachingSchema.parse(entry))
    try {
      store.write({ version: 1, replies, attaching })
    } catch (error) {
      throw new CoreError('STORAGE_FAILED', `The imported replies could not be saved: ${(error as Error).message}`)
    }
  }

  const read = (): RepliesState => {
    const document = store.read()
    if (Object.keys(document).length === 0) return { replies: [], attaching: [] }
    if (document.version !== 1 || !isJsonObject(document)) {
      const movedTo = store.moveAside()
      options.notices.add({
        code: 'STORE_FILE_UNREADABLE',
        message: `Your imported replies could not be read (a file of version ${JSON.stringify(document.version)?.slice(0, 20)}, which this Rightful does not know). The file was moved to ${movedTo}; nothing was deleted, and the messages themselves are still kept with your requests.`,
        path: store.path,
        movedTo,
      })
      return { replies: [], attaching: [] }
    }
    const replies = readListEntries(document.replies, replyRecordSchema, 'replies')
    const attaching = readListEntries(document.attaching ?? [], attachingSchema, 'attaching')
    const bad: BadEntry[] = [...replies.bad.map((b) => ({ ...b, key: b.key === 'replies' ? b.key : `reply ${b.key}` })), ...attaching.bad.map((b) => ({ ...b, key: `reply being attached ${b.key}` }))]
    const state = { replies: replies.items, attaching: attaching.items }
    if (bad.length > 0) {
      // Only the bad record leaves the file: it goes beside it, with the reason, and the user is told.
      reportSetAside({ store, notices: options.notices, what: 'your imported replies', consequence: 'The messages themselves are still kept with your requests.', bad })
      write(state)
    }
    return state
  }

  return {
    list: () => read().replies,
    attaching: () => read().attaching,
    update(change) {
      const { state, result } = change(read())
      write(state)
      return result
    },
  }
}
