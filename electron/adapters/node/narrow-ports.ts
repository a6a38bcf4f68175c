/**
 * The ports of a narrow API (core/api/narrow-api.ts: `rightful deadline`, `rightful requests
 * list`): the data folder, its notices and the settings file, read as conf reads it (one JSON
 * document) but without loading conf, which only a command that writes a store needs.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { NarrowPorts } from '../../core/api/narrow-api'
import type { Clock } from '../../core/shared/ports'
import { createDocumentStores, type WholeDocumentBackend } from '../../core/storage/document-store'
import { openNoticeFile } from '../../core/storage/notice-file'

/**
 * A store's file read whole, as conf's `store` getter does: an object with no prototype, empty
 * when the file does not exist; a file that does not parse throws (the store moves it aside).
 * Writing is refused: nothing that opens these ports changes a store.
 */
export function readOnlyJsonBackend(file: string): WholeDocumentBackend {
  return {
    read: () => {
      let text: string
      try {
        text = fs.readFileSync(file, 'utf8')
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Object.create(null) as Record<string, unknown>
        throw error
      }
      return Object.assign(Object.create(null) as Record<string, unknown>, JSON.parse(text) as Record<string, unknown>)
    },
    write: () => {
      throw new Error(`${file} is only read by this command`)
    },
  }
}

export function createNarrowPorts(options: { dataDir: string; clock?: Clock }): NarrowPorts {
  const clock = options.clock ?? { now: () => new Date() }
  fs.mkdirSync(options.dataDir, { recursive: true })
  const now = () => clock.now()
  const notices = openNoticeFile({ dataDir: options.dataDir, now })
  const stores = createDocumentStores({ dir: options.dataDir, notices, now, openBackend: (name) => readOnlyJsonBackend(path.join(options.dataDir, `${name}.json`)) })
  return { dataDir: options.dataDir, clock, notices, settings: stores.open('settings') }
}
