/**
 * Requests on disk: one JSON file per request under <data>/requests/, written atomically, plus a
 * rebuildable index of summaries so that listing thousands of requests reads one file.
 * A request file that cannot be read is moved to requests/unreadable/ (never deleted) and the user
 * is told; a discarded draft is moved to requests/discarded/.
 */
import fs from 'node:fs'
import path from 'node:path'
import { CoreError } from '../api/result'
import type { NoticeBoard } from '../notices'
import { createFileExclusiveSync, moveAsideSync, readJsonFileSync, writeFileAtomicSync } from '../storage/files'
import { referencePattern, requestRecordSchema, summarize, type RequestRecord, type RequestSummary } from './model'

const indexFileName = 'index.json'
const indexVersion = 2

/** A cached summary, valid while its file keeps the same modification time and size. */
type IndexEntry = { readonly summary: RequestSummary; readonly mtimeMs: number; readonly size: number }

export type RequestRepository = {
  /** Every request's summary, newest first. */
  list(): ReadonlyArray<RequestSummary>
  /** The full record, read from its file. */
  get(reference: string): RequestRecord
  /** Allocates the next reference of `year` and writes the record `build` makes for it. */
  create(year: number, build: (reference: string) => RequestRecord): RequestRecord
  /** Replaces a request's record (same reference). */
  save(record: RequestRecord): RequestRecord
  /** Moves a request's file to requests/discarded/. */
  discard(reference: string): void
}

export function formatReference(year: number, number: number): string {
  return `RF-${year}-${String(number).padStart(4, '0')}`
}

function fileOf(dir: string, reference: string): string {
  return path.join(dir, `${reference}.json`)
}

export function openRequestRepository(options: { dataDir: string; notices: NoticeBoard; now: () => Date }): RequestRepository {
  const dir = path.join(options.dataDir, 'requests')
  fs.mkdirSync(dir, { recursive: true })
  const indexFile = path.join(dir, indexFileName)
  const entries = new Map<string, IndexEntry>()

  const requestFilesOnDisk = (): string[] =>
    fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.json') && referencePattern.test(name.slice(0, -5)))
      .map((name) => name.slice(0, -5))

  const stampOf = (reference: string): { mtimeMs: number; size: number } | null => {
    try {
      const stat = fs.statSync(fileOf(dir, reference))
      return { mtimeMs: stat.mtimeMs, size: stat.size }
    } catch {
      return null
    }
  }

  /** Caches a record's summary with the stamp of the file it was read from. */
  const remember = (record: RequestRecord): void => {
    const stamp = stampOf(record.reference)
    if (stamp) entries.set(record.reference, { summary: summarize(record), ...stamp })
  }

  /** Reads one request file; an unreadable one is moved aside with a notice, and null returned. */
  const readRecord = (reference: string): RequestRecord | null => {
    const file = fileOf(dir, reference)
    const read = readJsonFileSync(file)
    if (read.kind === 'missing') return null
    const parsed = read.kind === 'parsed' ? requestRecordSchema.safeParse(read.value) : null
    if (parsed?.success && parsed.data.reference === reference) return parsed.data
    const reason =
      read.kind === 'unreadable'
        ? read.reason
        : parsed && !parsed.success
          ? parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
          : 'its reference does not match its file name'
    const movedTo = moveAsideSync(file, options.now(), path.join(dir, 'unreadable'))
    options.notices.add({
      code: 'REQUEST_FILE_UNREADABLE',
      message: `The request file ${reference}.json could not be read (${reason}). It was moved to ${movedTo} and is no longer listed; nothing was deleted.`,
      path: file,
      movedTo,
    })
    return null
  }

  const writeIndex = () => {
    const document = { version: indexVersion, entries: Object.fromEntries(entries) }
    writeFileAtomicSync(indexFile, JSON.stringify(document))
  }

  /**
   * Brings the in-memory index in line with the files on disk: files added, removed or changed
   * since (by another process, or by hand) are read again. Rewrites index.json if anything changed.
   */
  const synchronize = (): void => {
    const onDisk = new Set(requestFilesOnDisk())
    let changed = false
    for (const reference of [...entries.keys()]) {
      if (!onDisk.has(reference)) {
        entries.delete(reference)
        changed = true
      }
    }
    for (const reference of onDisk) {
      const cached = entries.get(reference)
      const stamp = stampOf(reference)
      if (cached && stamp && cached.mtimeMs === stamp.mtimeMs && cached.size === stamp.size) continue
      entries.delete(reference)
      const record = readRecord(reference)
      if (record) remember(record)
      changed = true
    }
    if (changed) writeIndex()
  }

  const loadIndex = (): void => {
    const read = readJsonFileSync(indexFile)
    if (read.kind !== 'parsed') return // missing or unreadable: it is rebuilt from the files
    const value = read.value as { version?: unknown; entries?: unknown }
    if (value?.version !== indexVersion || typeof value.entries !== 'object' || value.entries === null) return
    for (const [reference, entry] of Object.entries(value.entries as Record<string, IndexEntry>)) {
      if (referencePattern.test(reference) && entry?.summary?.reference === reference && typeof entry.mtimeMs === 'number' && typeof entry.size === 'number') {
        entries.set(reference, entry)
      }
    }
  }

  loadIndex()
  synchronize()

  const requireRecord = (reference: string): RequestRecord => {
    if (!referencePattern.test(reference)) throw new CoreError('NOT_FOUND', `"${reference}" is not a request reference.`)
    const record = readRecord(reference)
    if (!record) {
      if (entries.delete(reference)) writeIndex()
      throw new CoreError('NOT_FOUND', `There is no request ${reference}.`)
    }
    return record
  }

  return {
    list() {
      synchronize()
      return [...entries.values()].map((e) => e.summary).sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.reference.localeCompare(a.reference)))
    },

    get(reference) {
      const record = requireRecord(reference)
      remember(record)
      return record
    },

    create(year, build) {
      synchronize()
      const prefix = `RF-${year}-`
      let next = 1
      for (const reference of entries.keys()) {
        if (reference.startsWith(prefix)) next = Math.max(next, Number(reference.slice(prefix.length)) + 1)
      }
      // Unreadable files moved aside keep their number reserved too.
      const unreadableDir = path.join(dir, 'unreadable')
      const discardedDir = path.join(dir, 'discarded')
      for (const other of [unreadableDir, discardedDir]) {
        if (!fs.existsSync(other)) continue
        for (const name of fs.readdirSync(other)) {
          const match = /^RF-(\d{4})-(\d{4,})/.exec(name)
          if (match && Number(match[1]) === year) next = Math.max(next, Number(match[2]) + 1)
        }
      }
      for (let attempt = 0; attempt < 1000; attempt += 1, next += 1) {
        const reference = formatReference(year, next)
        const record = requestRecordSchema.parse(build(reference))
        try {
          createFileExclusiveSync(fileOf(dir, reference), JSON.stringify(record, null, 2))
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue // another process took it
          throw new CoreError('STORAGE_FAILED', `The request could not be saved: ${(error as Error).message}`)
        }
        remember(record)
        writeIndex()
        return record
      }
      throw new CoreError('STORAGE_FAILED', 'No free request reference could be found.')
    },

    save(record) {
      const valid = requestRecordSchema.parse(record)
      requireRecord(valid.reference)
      try {
        writeFileAtomicSync(fileOf(dir, valid.reference), JSON.stringify(valid, null, 2))
      } catch (error) {
        throw new CoreError('STORAGE_FAILED', `The request could not be saved: ${(error as Error).message}`)
      }
      remember(valid)
      writeIndex()
      return valid
    },

    discard(reference) {
      requireRecord(reference)
      const discardedDir = path.join(dir, 'discarded')
      fs.mkdirSync(discardedDir, { recursive: true })
      fs.renameSync(fileOf(dir, reference), path.join(discardedDir, `${reference}.json`))
      entries.delete(reference)
      writeIndex()
    },
  }
}
