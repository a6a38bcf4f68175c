/**
 * The shared part of the electron-store and conf adapters: before either library opens its JSON
 * file, a file that does not parse (or holds something other than an object) is moved aside and
 * the user is told, so the app still starts and nothing is lost. Every write, every
 * read-modify-write and every move aside runs under the data folder's lock (folder-lock.ts), so
 * the app and the CLI on one folder never lose each other's changes.
 */
import path from 'node:path'
import type { NoticeBoard } from '../shared/notices'
import type { DocumentStore, DocumentStoreName, DocumentStores } from '../shared/ports'
import { fileStamp, moveAsideSync, readJsonFileSync, writeFileAtomicSync } from './files'
import { folderLock, type FolderLock } from './folder-lock'
import { setAsideEntriesSync } from './set-aside'

/** The whole-document view both libraries offer (`store.store` getter and setter). */
export type WholeDocumentBackend = {
  read(): Record<string, unknown>
  write(document: Record<string, unknown>): void
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function openDocumentStore(options: {
  file: string
  /** A human name for messages, e.g. "profile". */
  label: string
  notices: NoticeBoard
  now: () => Date
  /** The lock of the folder the file is in. */
  lock: FolderLock
  /** Opens the library's store; called after the file has been checked. */
  openBackend: () => WholeDocumentBackend
}): DocumentStore {
  const { file, notices, now, lock } = options

  const unusable = (): string | null => {
    const check = readJsonFileSync(file)
    if (check.kind === 'unreadable') return check.reason
    if (check.kind === 'parsed' && !isPlainObject(check.value)) return 'it does not hold a JSON object'
    return null
  }
  /** Moves the file aside and tells when it does not parse; checked again under the lock: another process may have moved it aside (or written it anew) meanwhile. */
  const moveAsideIfUnusable = (): boolean =>
    lock.run(() => {
      const reason = unusable()
      if (reason === null) return false
      const movedTo = moveAsideSync(file, now())
      notices.add({
        code: 'STORE_FILE_UNREADABLE',
        message: `Your ${options.label} file could not be read (${reason}). It was moved to ${movedTo}; nothing was deleted, and Rightful started with an empty ${options.label}.`,
        path: file,
        movedTo,
      })
      return true
    })
  if (unusable() !== null) moveAsideIfUnusable()

  let backend = options.openBackend()
  /** The library's read; a file replaced while Rightful runs by one that does not parse is moved aside and told, as at start. */
  const readBackend = (): unknown => {
    try {
      return backend.read()
    } catch {
      if (!moveAsideIfUnusable()) return backend.read()
      backend = options.openBackend()
      return {}
    }
  }
  /** The file as it was at the last read: a move aside applies only to that one. */
  let lastRead = 'missing'
  const read = (): Record<string, unknown> => {
    let value: unknown
    for (let tries = 0; ; tries += 1) {
      const before = fileStamp(file)
      value = readBackend()
      const after = fileStamp(file)
      lastRead = after
      // Replaced while being read: read again (a few times at most).
      if (before === after || tries >= 4) break
    }
    return isPlainObject(value) ? value : {}
  }
  /** Writes under the lock; the file written is then the one this store knows. */
  const writeLocked = (document: Record<string, unknown>) => {
    backend.write(document)
    lastRead = fileStamp(file)
  }
  return {
    path: file,
    read,
    write: (document) => lock.run(() => writeLocked(document)),
    update: (change) =>
      lock.run(() => {
        const { document, result } = change(read())
        if (document) writeLocked(document)
        return result
      }),
    locked: (step) => lock.run(step),
    moveAside: () =>
      lock.run(() => {
        // The caller reports its own, more specific notice.
        if (lastRead === 'missing' || fileStamp(file) !== lastRead) return null
        const movedTo = moveAsideSync(file, now())
        backend = options.openBackend()
        return movedTo
      }),
    setAside: (what, entries) => setAsideEntriesSync(file, now(), what, entries),
  }
}

/**
 * A large JSON document the core keeps itself (the imported catalog: megabytes, where the
 * libraries behind the small stores take a second to read it): read with one JSON.parse, written
 * atomically in one piece. A file that does not parse is moved aside and the user is told.
 */
export function openJsonFileStore(options: { file: string; label: string; notices: NoticeBoard; now: () => Date; lock: FolderLock }): DocumentStore {
  const { file, notices, now, lock } = options
  let lastRead = 'missing'
  const readOnce = () => {
    const before = fileStamp(file)
    const found = readJsonFileSync(file)
    return { found, stamp: before === fileStamp(file) ? before : null }
  }
  const read = (): Record<string, unknown> => {
    let { found, stamp } = readOnce()
    for (let tries = 0; stamp === null && tries < 4; tries += 1) ({ found, stamp } = readOnce())
    lastRead = stamp ?? fileStamp(file)
    if (found.kind === 'missing') return {}
    if (found.kind === 'parsed' && isPlainObject(found.value)) return found.value
    // Moved aside under the lock, and only when it is still the file just read.
    return lock.run(() => {
      if (fileStamp(file) !== lastRead) return read()
      const movedTo = moveAsideSync(file, now())
      lastRead = 'missing'
      notices.add({
        code: 'STORE_FILE_UNREADABLE',
        message: `Your ${options.label} file could not be read (${found.kind === 'unreadable' ? found.reason : 'it does not hold a JSON object'}). It was moved to ${movedTo}; nothing was deleted.`,
        path: file,
        movedTo,
      })
      return {}
    })
  }
  /** Writes under the lock; the file written is then the one this store knows. */
  const writeLocked = (document: Record<string, unknown>) => {
    writeFileAtomicSync(file, JSON.stringify(document))
    lastRead = fileStamp(file)
  }
  return {
    path: file,
    read,
    write: (document) => lock.run(() => writeLocked(document)),
    update: (change) =>
      lock.run(() => {
        const { document, result } = change(read())
        if (document) writeLocked(document)
        return result
      }),
    locked: (step) => lock.run(step),
    moveAside: () =>
      lock.run(() => {
        if (lastRead === 'missing' || fileStamp(file) !== lastRead) return null
        const movedTo = moveAsideSync(file, now())
        lastRead = 'missing'
        return movedTo
      }),
    setAside: (what, entries) => setAsideEntriesSync(file, now(), what, entries),
  }
}

const labels: Record<DocumentStoreName, string> = {
  profile: 'profile',
  settings: 'settings',
  'catalog-edits': 'catalog edits',
  notifications: 'notification log',
  mail: 'mail settings',
}

/**
 * `<dir>/<name>.json` for each store the core asks for, opened by the host's library
 * (electron-store in the app, conf elsewhere) behind the same safety net.
 */
export function createDocumentStores(options: {
  dir: string
  notices: NoticeBoard
  now: () => Date
  openBackend: (name: DocumentStoreName) => WholeDocumentBackend
}): DocumentStores {
  const lock = folderLock(options.dir)
  return {
    open: (name) =>
      openDocumentStore({
        file: path.join(options.dir, `${name}.json`),
        label: labels[name],
        notices: options.notices,
        now: options.now,
        lock,
        openBackend: () => options.openBackend(name),
      }),
  }
}
