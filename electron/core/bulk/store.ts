/**
 * Batches on disk: <data>/bulk/<BA-YYYY-NNNN>.json, one file per batch, each validated before it
 * is written and written atomically under the data folder's lock, always as a change to the batch
 * as it is on disk then (another process may have changed it meanwhile). Evidence files of web
 * forms are kept in <data>/bulk/<id>.files/, letters' PDFs as <data>/bulk/<id>-letters.pdf.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { NoticeBoard } from '../shared/notices'
import { moveAsideSync, readJsonFileSync, writeFileAtomicSync } from '../storage/files'
import { folderLock } from '../storage/folder-lock'
import { batchIdPattern, batchSchema, type Batch } from './model'
import { coreError } from '../messages/errors'

export type BatchStore = {
  readonly dir: string
  /** A new batch with the next free id of `year`, built by `make` under the lock. */
  create(year: number, make: (id: string) => Batch): Batch
  get(id: string): Batch
  /** Every readable batch, newest first. */
  list(): Batch[]
  /** Changes a batch as it is on disk now; `change` runs under the lock and must be synchronous. */
  update(id: string, change: (batch: Batch) => Batch): Batch
  /** Where a batch's own files go. */
  filesDir(id: string): string
}

export function openBatchStore(options: { dataDir: string; notices: NoticeBoard; now: () => Date }): BatchStore {
  const dir = path.join(options.dataDir, 'bulk')
  const lock = folderLock(options.dataDir)
  const fileOf = (id: string) => path.join(dir, `${id}.json`)

  const read = (id: string): Batch | null => {
    const file = fileOf(id)
    const raw = readJsonFileSync(file)
    if (raw.kind === 'missing') return null
    const parsed = raw.kind === 'parsed' ? batchSchema.safeParse(raw.value) : null
    if (parsed?.success && parsed.data.id === id) return parsed.data
    // Unreadable: moved aside (never deleted) under the lock, and the user is told.
    return lock.run(() => {
      const again = readJsonFileSync(file)
      const retry = again.kind === 'parsed' ? batchSchema.safeParse(again.value) : null
      if (retry?.success && retry.data.id === id) return retry.data
      if (again.kind === 'missing') return null
      const movedTo = moveAsideSync(file, options.now())
      options.notices.add({
        code: 'STORE_FILE_UNREADABLE',
        message: `The bulk batch ${id} could not be read, so it was moved to ${movedTo} (nothing was deleted). Its requests are all still in your list.`,
        path: file,
        movedTo,
      })
      return null
    })
  }

  const write = (batch: Batch): Batch => {
    const valid = batchSchema.parse({ ...batch, updatedAt: options.now().toISOString() })
    try {
      fs.mkdirSync(dir, { recursive: true })
      writeFileAtomicSync(fileOf(valid.id), JSON.stringify(valid, null, 2))
    } catch (error) {
      throw coreError('STORAGE_FAILED', 'error.bulk.notSaved', { batch: valid.id, reason: String((error as Error).message) })
    }
    return valid
  }

  const ids = (): string[] => {
    if (!fs.existsSync(dir)) return []
    return fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.json') && batchIdPattern.test(name.slice(0, -5)))
      .map((name) => name.slice(0, -5))
  }

  return {
    dir,
    create(year, make) {
      return lock.run(() => {
        let highest = 0
        for (const id of ids()) {
          const match = batchIdPattern.exec(id)
          if (match && Number(match[1]) === year) highest = Math.max(highest, Number(match[2]))
        }
        const id = `BA-${year}-${String(highest + 1).padStart(4, '0')}`
        const batch = make(id)
        if (batch.id !== id) throw new Error('A new batch must keep the id it was given.')
        return write(batch)
      })
    },
    get(id) {
      if (!batchIdPattern.test(id)) throw coreError('NOT_FOUND', 'error.bulk.notAnId', { id })
      const batch = read(id)
      if (!batch) throw coreError('NOT_FOUND', 'error.bulk.notFound', { batch: id })
      return batch
    },
    list() {
      return ids()
        .map((id) => read(id))
        .filter((b): b is Batch => b !== null)
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id.localeCompare(a.id)))
    },
    update(id, change) {
      return lock.run(() => {
        const batch = read(id)
        if (!batch) throw coreError('NOT_FOUND', 'error.bulk.notFound', { batch: id })
        return write(change(batch))
      })
    },
    filesDir: (id) => path.join(dir, `${id}.files`),
  }
}
