/**
 * Setting aside single records: when one entry of a stored list cannot be read (a field a newer
 * version wrote, a hand edit, a damaged byte), only that entry leaves the list. It is written to
 * `<name>.set-aside-<time>.json` beside the file, with the reason, before the list is written
 * again without it; the user is told where it went. Nothing is ever deleted.
 */
import path from 'node:path'
import type { NoticeBoard } from '../shared/notices'
import type { BadEntry } from '../shared/own-keys'
import type { DocumentStore } from '../shared/ports'
import { createFileExclusiveSync } from './files'

function timestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-')
}

/** Writes the bad entries beside `file` and returns the new file's path. */
export function setAsideEntriesSync(file: string, now: Date, what: string, bad: ReadonlyArray<BadEntry>): string {
  const ext = path.extname(file)
  const base = path.join(path.dirname(file), `${path.basename(file, ext)}.set-aside-${timestamp(now)}`)
  const content = `${JSON.stringify({ from: file, what, at: now.toISOString(), entries: bad }, null, 2)}\n`
  for (let n = 1; ; n += 1) {
    const target = n === 1 ? `${base}${ext || '.json'}` : `${base}-${n}${ext || '.json'}`
    try {
      createFileExclusiveSync(target, content)
      return target
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n > 1000) throw error
    }
  }
}

/**
 * Sets the bad entries aside and tells the user: how many, which (the first few, with the
 * reason), and where they are now. Returns where they went.
 */
export function reportSetAside(options: {
  /** The store the entries come from; it keeps them beside itself (DocumentStore.setAside). */
  store: Pick<DocumentStore, 'path' | 'setAside'>
  notices: NoticeBoard
  /** What the entries belong to, as a plural: "your catalog changes" (read "2 of your catalog changes"). */
  what: string
  /** What follows for the user, when something does: "Those mailboxes are looked at again." */
  consequence?: string
  bad: ReadonlyArray<BadEntry>
}): string {
  const { bad } = options
  const movedTo = options.store.setAside(options.what, bad)
  const shown = bad
    .slice(0, 3)
    .map((entry) => `${entry.key.slice(0, 80)}: ${entry.reason.slice(0, 200)}`)
    .join('; ')
  const more = bad.length > 3 ? `; and ${bad.length - 3} more` : ''
  options.notices.add({
    code: 'RECORDS_SET_ASIDE',
    message: `${bad.length} of ${options.what} could not be read (${shown}${more}). ${bad.length === 1 ? 'It was' : 'They were'} set aside in ${movedTo}; nothing was deleted, and everything else is kept as it was.${options.consequence ? ` ${options.consequence}` : ''}`,
    path: options.store.path,
    movedTo,
  })
  return movedTo
}
