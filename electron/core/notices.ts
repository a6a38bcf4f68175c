/**
 * Things the user must be told about that are not the answer to something they did, e.g. a store
 * file that could not be read and was moved aside. Kept in memory for the session.
 */

export type Notice = {
  readonly id: string
  /** RESTORE_FINISHED: a restore a crash interrupted was completed at start. */
  readonly code: 'STORE_FILE_UNREADABLE' | 'REQUEST_FILE_UNREADABLE' | 'CATALOG_RECORDS_SKIPPED' | 'RESTORE_FINISHED'
  readonly message: string
  /** The file as it was found. */
  readonly path: string
  /** Where it was moved to (null when it was left in place); nothing is ever deleted. */
  readonly movedTo: string | null
  readonly at: string
}

export type NoticeBoard = {
  add(notice: Omit<Notice, 'id' | 'at'>): Notice
  list(): ReadonlyArray<Notice>
  dismiss(id: string): boolean
}

export function createNoticeBoard(now: () => Date, initial: ReadonlyArray<Notice> = []): NoticeBoard {
  const notices: Notice[] = [...initial]
  let counter = notices.length
  return {
    add(notice) {
      counter += 1
      const entry: Notice = { ...notice, id: `notice-${counter}`, at: now().toISOString() }
      notices.push(entry)
      return entry
    },
    list: () => [...notices],
    dismiss(id) {
      const index = notices.findIndex((n) => n.id === id)
      if (index < 0) return false
      notices.splice(index, 1)
      return true
    },
  }
}
