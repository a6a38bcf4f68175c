/**
 * Document stores for the desktop app: electron-store, one JSON file per concern in the data
 * folder. Same file format and same safety net as the CLI's conf stores (conf-stores.ts): a file
 * that does not parse is moved aside before electron-store opens it, and the user is told.
 */
import Store from 'electron-store'
import path from 'node:path'
import type { NoticeBoard } from '../core/notices'
import type { DocumentStoreName, DocumentStores } from '../core/ports'
import { openDocumentStore } from '../core/storage/document-store'

const labels: Record<DocumentStoreName, string> = {
  profile: 'profile',
  settings: 'settings',
  'catalog-edits': 'catalog edits',
}

/** Opens `<dir>/<name>.json` with electron-store for each store the core asks for. */
export function createElectronStores(options: { dir: string; notices: NoticeBoard; now: () => Date }): DocumentStores {
  return {
    open(name) {
      return openDocumentStore({
        file: path.join(options.dir, `${name}.json`),
        label: labels[name],
        notices: options.notices,
        now: options.now,
        openBackend: () => {
          const store = new Store<Record<string, unknown>>({
            name,
            cwd: options.dir,
            clearInvalidConfig: false,
            accessPropertiesByDotNotation: false,
          })
          return {
            read: () => store.store,
            write: (document) => {
              store.store = document
            },
          }
        },
      })
    },
  }
}
