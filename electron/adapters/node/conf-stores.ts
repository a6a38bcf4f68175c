/** Document stores for the CLI and the harness: `conf`, the same JSON format electron-store writes. */
import Conf from 'conf'
import type { NoticeBoard } from '../../core/shared/notices'
import type { DocumentStores } from '../../core/api/ports'
import { createDocumentStores } from '../../core/storage/document-store'

export function createConfStores(options: { dir: string; notices: NoticeBoard; now: () => Date }): DocumentStores {
  return createDocumentStores({
    ...options,
    openBackend: (name) => {
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
}
