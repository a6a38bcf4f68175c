/**
 * Things the user must be told about that are not the answer to something they did, e.g. a store
 * file that could not be read and was moved aside, or one record of a list set aside. The desktop
 * app and the CLI keep them in the data folder (storage/notice-file.ts) until the user dismisses
 * them, so damage found by one process is told in the other; tests keep them in memory.
 */
import { z } from 'zod'
import { messageSchema } from './message'

export const noticeCodes = ['STORE_FILE_UNREADABLE', 'REQUEST_FILE_UNREADABLE', 'RECORDS_SET_ASIDE', 'RESTORE_FINISHED'] as const
/** RESTORE_FINISHED: a restore a crash interrupted was completed at start. */
export type NoticeCode = (typeof noticeCodes)[number]

export const noticeSchema = z.object({
  id: z.string().regex(/^notice-[0-9a-z-]{1,40}$/),
  code: z.enum(noticeCodes),
  message: z.string().min(1).max(4000),
  /** `message` as a key and parameters (core/messages), where it has one: the hosts say it in the user's language. */
  detail: messageSchema.optional(),
  /** The file as it was found. */
  path: z.string().max(4096),
  /** Where it was moved to (null when it was left in place); nothing is ever deleted. */
  movedTo: z.string().max(4096).nullable(),
  at: z.iso.datetime(),
  /** When a terminal (the CLI) printed it; the app shows it until it is dismissed all the same. */
  printedAt: z.iso.datetime().nullable().default(null),
})
export type Notice = z.infer<typeof noticeSchema>

/** How many notices are kept at most (the newest); older ones are long seen or long stale. */
export const maxNotices = 200

export type NoticeBoard = {
  /** Adds a notice, unless the same one (code, file, words) is still waiting to be seen. */
  add(notice: Pick<Notice, 'code' | 'message' | 'path' | 'movedTo'> & { readonly detail?: Notice['detail'] }): Notice
  /** Every notice not dismissed yet, oldest first. */
  list(): ReadonlyArray<Notice>
  dismiss(id: string): boolean
  /** The notices no terminal has printed yet, marked as printed now (the CLI prints them on stderr). */
  takeUnprinted(): ReadonlyArray<Notice>
}

/** Where a board keeps its notices: `load` gives them (validated), `save` replaces them. */
export type NoticeStorage = {
  /** Runs `change` on the stored notices and stores what it returns, as one step. */
  update<T>(change: (notices: Notice[]) => { notices: Notice[]; result: T }): T
}

/** Keeps notices in memory for one process (tests, tools). */
export function memoryNoticeStorage(initial: ReadonlyArray<Notice> = []): NoticeStorage {
  let stored: Notice[] = [...initial]
  return {
    update(change) {
      const { notices, result } = change([...stored])
      stored = notices
      return result
    },
  }
}

const same = (a: Pick<Notice, 'code' | 'message' | 'path' | 'movedTo'>, b: Pick<Notice, 'code' | 'message' | 'path' | 'movedTo'>) =>
  a.code === b.code && a.path === b.path && a.movedTo === b.movedTo && a.message === b.message

export function createNoticeBoard(
  now: () => Date,
  storage: NoticeStorage | ReadonlyArray<Notice> = [],
  newId: () => string = defaultId(),
): NoticeBoard {
  const store = Array.isArray(storage) ? memoryNoticeStorage(storage as ReadonlyArray<Notice>) : (storage as NoticeStorage)
  return {
    add(notice) {
      return store.update((notices) => {
        const known = notices.find((n) => same(n, notice))
        if (known) return { notices, result: known }
        const entry = noticeSchema.parse({
          code: notice.code,
          message: notice.message.slice(0, 4000),
          ...(notice.detail ? { detail: notice.detail } : {}),
          path: notice.path.slice(0, 4096),
          movedTo: notice.movedTo === null ? null : notice.movedTo.slice(0, 4096),
          id: newId(),
          at: now().toISOString(),
          printedAt: null,
        })
        return { notices: [...notices, entry].slice(-maxNotices), result: entry }
      })
    },
    list: () => store.update((notices) => ({ notices, result: notices })),
    dismiss(id) {
      return store.update((notices) => {
        const kept = notices.filter((n) => n.id !== id)
        return { notices: kept, result: kept.length < notices.length }
      })
    },
    takeUnprinted() {
      return store.update((notices) => {
        const fresh = notices.filter((n) => n.printedAt === null)
        if (fresh.length === 0) return { notices, result: [] }
        const at = now().toISOString()
        return { notices: notices.map((n) => (n.printedAt === null ? { ...n, printedAt: at } : n)), result: fresh }
      })
    },
  }
}

/** Ids that stay unique across processes sharing a data folder: time and randomness. */
function defaultId(): () => string {
  let counter = 0
  return () => {
    counter += 1
    const random = Math.floor(Math.random() * 0xffffffff).toString(36)
    return `notice-${Date.now().toString(36)}-${counter.toString(36)}-${random}`
  }
}
