/** Document stores for the CLI and the harness: `conf`, the same JSON format electron-store writes. */
import Conf from 'conf'
import path from 'node:path'
import type { NoticeBoard } from '../../core/notices'
import type { DocumentStoreName, DocumentStores } from '../../core/ports'
import { openDocumentStore } from '../../core/storage/document-store'

const labels: Record<DocumentStoreName, string> = {
  profile: 'profile',
  settings: 'settings',
  'catalog-edits': 'catalog edits',
}

export function createConfStores(options: { dir: string; notices: NoticeBoard; now: () => Date }): DocumentStores {
  return {
    open(name) {
      return openDocumentStore({
        file: path.join(options.dir, `${name}.json`),
        label: labels[name],
        notices: options.notices,
        now: options.now,
        openBackend: () => {
          const conf = new Conf<Record<string, unknown>>({
            cwd: options.dir,
            configName: name,
            projectName: 'rightful',
            clearInvalidConfig: false,
            accessPropertiesByDotNotation: false,
          })
          return {
            read: () => conf.store,
            write: (document) => {
              conf.store = document
            },
          }
        },
      })
    },
  }
}
