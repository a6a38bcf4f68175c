/**
 * Notices kept in `<data>/notices.json` until the user dismisses them: the desktop app shows them,
 * the CLI prints new ones on stderr, and both see what the other found (each change reads the file
 * again under the data folder's lock and writes it atomically). A notice that does not read is set aside beside the file; a
 * file that does not parse at all is moved aside. Either way the user is told by a new notice.
 */
import path from 'node:path'
import { createNoticeBoard, noticeSchema, type Notice, type NoticeBoard, type NoticeStorage } from '../shared/notices'
import { isJsonObject, readListEntries, type BadEntry } from '../shared/own-keys'
import { moveAsideSync, readJsonFileSync, writeFileAtomicSync } from './files'
import { folderLock } from './folder-lock'
import { setAsideEntriesSync } from './set-aside'

export const noticesFileName = 'notices.json'

/** The notice storage of a data folder. */
export function noticeFileStorage(options: { dataDir: string; now: () => Date }): NoticeStorage {
  const file = path.join(options.dataDir, noticesFileName)
  /** Problems found while reading, told as notices in the same step. */
  const read = (): { notices: Notice[]; problems: Array<Pick<Notice, 'code' | 'message' | 'path' | 'movedTo'>> } => {
    const found = readJsonFileSync(file)
    if (found.kind === 'missing') return { notices: [], problems: [] }
    if (found.kind === 'unreadable' || !isJsonObject(found.value) || found.value.version !== 1) {
      const movedTo = moveAsideSync(file, options.now())
      const reason = found.kind === 'unreadable' ? found.reason : 'it is not a list of notices Rightful knows'
      return {
        notices: [],
        problems: [
          {
            code: 'STORE_FILE_UNREADABLE',
            message: `The list of messages for you could not be read (${reason}). It was moved to ${movedTo}; nothing was deleted.`,
            path: file,
            movedTo,
          },
        ],
      }
    }
    const { items, bad } = readListEntries(found.value.notices, noticeSchema)
    if (bad.length === 0) return { notices: items, problems: [] }
    const movedTo = setAsideEntriesSync(file, options.now(), 'messages for you', bad as ReadonlyArray<BadEntry>)
    return {
      notices: items,
      problems: [
        {
          code: 'RECORDS_SET_ASIDE',
          message: `${bad.length} of the messages for you could not be read and ${bad.length === 1 ? 'was' : 'were'} set aside in ${movedTo}; nothing was deleted.`,
          path: file,
          movedTo,
        },
      ],
    }
  }

  const lock = folderLock(options.dataDir)
  return {
    // Read, changed and written under the data folder's lock: a notice another process adds meanwhile stays.
    update: (change) =>
      lock.run(() => {
        const { notices, problems } = read()
        // Problems with the file itself join the list first (through a board without storage of its own).
        const withProblems = problems.length === 0 ? notices : addAll(notices, problems, options.now)
        const { notices: next, result } = change(withProblems)
        if (problems.length > 0 || next !== withProblems) writeFileAtomicSync(file, `${JSON.stringify({ version: 1, notices: next }, null, 2)}\n`)
        return result
      }),
  }
}

function addAll(notices: Notice[], problems: ReadonlyArray<Pick<Notice, 'code' | 'message' | 'path' | 'movedTo'>>, now: () => Date): Notice[] {
  let list = notices
  const board = createNoticeBoard(now, {
    update(change) {
      const { notices: next, result } = change(list)
      list = next
      return result
    },
  })
  for (const problem of problems) board.add(problem)
  return list
}

/** The notice board of a data folder (what the app and the CLI use). */
export function openNoticeFile(options: { dataDir: string; now: () => Date }): NoticeBoard {
  return createNoticeBoard(options.now, noticeFileStorage(options))
}
