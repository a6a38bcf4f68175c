/**
 * The reply records: <data>/replies/replies.json, read fresh for every change (the CLI and the app
 * may share the folder) and written atomically. A file that does not parse is moved aside, never
 * deleted, and the user is told.
 */
import path from 'node:path'
import { CoreError } from '../api/result'
import type { NoticeBoard } from '../notices'
import { openJsonFileStore } from '../storage/document-store'
import { repliesDocumentSchema, type ReplyRecord } from './model'

export type ReplyStore = {
  list(): ReadonlyArray<ReplyRecord>
  /** Reads the records, lets `change` return the new list, and writes it. */
  update<T>(change: (replies: ReplyRecord[]) => { replies: ReplyRecord[]; result: T }): T
}

export function repliesDir(dataDir: string): string {
  return path.join(dataDir, 'replies')
}

export function openReplyStore(options: { dataDir: string; notices: NoticeBoard; now: () => Date }): ReplyStore {
  const store = openJsonFileStore({ file: path.join(repliesDir(options.dataDir), 'replies.json'), label: 'imported replies', notices: options.notices, now: options.now })

  const read = (): ReplyRecord[] => {
    const document = store.read()
    if (Object.keys(document).length === 0) return []
    const parsed = repliesDocumentSchema.safeParse(document)
    if (parsed.success) return parsed.data.replies
    const movedTo = store.moveAside()
    options.notices.add({
      code: 'STORE_FILE_UNREADABLE',
      message: `Your imported replies could not be read (${parsed.error.issues[0]?.message ?? 'unknown format'}). The file was moved to ${movedTo}; nothing was deleted, and the messages themselves are still kept with your requests.`,
      path: store.path,
      movedTo,
    })
    return []
  }

  return {
    list: read,
    update(change) {
      const { replies, result } = change(read())
      try {
        store.write({ version: 1, replies })
      } catch (error) {
        throw new CoreError('STORAGE_FAILED', `The imported replies could not be saved: ${(error as Error).message}`)
      }
      return result
    },
  }
}
