/**
 * The shared part of the electron-store and conf adapters: before either library opens its JSON
 * file, a file that does not parse (or holds something other than an object) is moved aside and
 * the user is told, so the app still starts and nothing is lost.
 */
import path from 'node:path'
import type { NoticeBoard } from '../notices'
import type { DocumentStore, DocumentStoreName, DocumentStores } from '../ports'
import { moveAsideSync, readJsonFileSync, writeFileAtomicSync } from './files'
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
  /** Opens the library's store; called after the file has been checked. */
  openBackend: () => WholeDocumentBackend
}): DocumentStore {
  const { file, notices, now } = options

  const moveAside = (reason: string): string => {
    const movedTo = moveAsideSync(file, now())
    notices.add({
      code: 'STORE_FILE_UNREADABLE',
      message: `Your ${options.label} file could not be read (${reason}). It was moved to ${movedTo}; nothing was deleted, and Rightful started with an empty ${options.label}.`,
      path: file,
      movedTo,
    })
    return movedTo
  }

  const check = readJsonFileSync(file)
  if (check.kind === 'unreadable') moveAside(check.reason)
  else if (check.kind === 'parsed' && !isPlainObject(check.value)) moveAside('it does not hold a JSON object')

  let backend = options.openBackend()
  return {
    path: file,
    read: () => {
      const value = backend.read()
      return isPlainObject(value) ? value : {}
    },
    write: (document) => backend.write(document),
    moveAside: () => {
      // The caller reports its own, more specific notice.
      const movedTo = moveAsideSync(file, now())
      backend = options.openBackend()
      return movedTo
    },
    setAside: (what, entries) => setAsideEntriesSync(file, now(), what, entries),
  }
}

/**
 * A large JSON document the core keeps itself (the imported catalog: megabytes, where the
 * libraries behind the small stores take a second to read it): read with one JSON.parse, written
 * atomically in one piece. A file that does not parse is moved aside and the user is told.
 */
export function openJsonFileStore(options: { file: string; label: string; notices: NoticeBoard; now: () => Date }): DocumentStore {
  const { file, notices, now } = options
  return {
    path: file,
    read: () => {
      const found = readJsonFileSync(file)
      if (found.kind === 'missing') return {}
      if (found.kind === 'parsed' && isPlainObject(found.value)) return found.value
      const movedTo = moveAsideSync(file, now())
      notices.add({
        code: 'STORE_FILE_UNREADABLE',
        message: `Your ${options.label} file could not be read (${found.kind === 'unreadable' ? found.reason : 'it does not hold a JSON object'}). It was moved to ${movedTo}; nothing was deleted.`,
        path: file,
        movedTo,
      })
      return {}
    },
    write: (document) => writeFileAtomicSync(file, JSON.stringify(document)),
    moveAside: () => moveAsideSync(file, now()),
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
  return {
    open: (name) =>
      openDocumentStore({
        file: path.join(options.dir, `${name}.json`),
        label: labels[name],
        notices: options.notices,
        now: options.now,
        openBackend: () => options.openBackend(name),
      }),
  }
}
