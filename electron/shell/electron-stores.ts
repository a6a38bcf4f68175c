/**
 * Document stores for the desktop app: electron-store, one JSON file per concern in the data
 * folder. Same file format and same safety net as the CLI's conf stores (conf-stores.ts): a file
 * that does not parse is moved aside before electron-store opens it, and the user is told.
 */
import Store from 'electron-store'
import type { NoticeBoard } from '../core/notices'
import type { DocumentStores } from '../core/ports'
import { createDocumentStores } from '../core/storage/document-store'

/** Opens `<dir>/<name>.json` with electron-store for each store the core asks for. */
export function createElectronStores(options: { dir: string; notices: NoticeBoard; now: () => Date }): DocumentStores {
  return createDocumentStores({
    ...options,
    openBackend: (name) => {
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
}
