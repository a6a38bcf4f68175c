/**
 * Requests on disk: one JSON file per request under <data>/requests/, written atomically, plus a
 * rebuildable index of summaries so that listing thousands of requests reads no request file.
 *
 * The index is a snapshot (index.json) and a journal (index.log, one JSON line per change,
 * appended). A change costs one request file and one appended line, whatever the count; other
 * processes on the same folder (the CLI beside the app) see each other's changes by reading the
 * journal's new lines. At open, the snapshot and journal are checked against the files (name,
 * modification time, size), anything changed is read again, and the journal is folded into a new
 * snapshot. Both can be deleted at any time: they are rebuilt from the request files.
 *
 * A request file that cannot be read is moved to requests/unreadable/ (never deleted) and the user
 * is told; a discarded draft is moved to requests/discarded/. Their numbers are never reused.
 */
import fs from 'node:fs'
import path from 'node:path'
import { CoreError } from '../api/result'
import type { NoticeBoard } from '../notices'
import { createFileExclusiveSync, moveAsideSync, readJsonFileSync, writeFileAtomicSync } from '../storage/files'
import { referencePattern, requestRecordSchema, summarize, type RequestRecord, type RequestRecordInput, type RequestSummary } from './model'

const snapshotName = 'index.json'
const journalName = 'index.log'
const indexVersion = 3

/** A cached summary, valid while its file keeps the same modification time and size. */
type IndexEntry = { readonly summary: RequestSummary; readonly mtimeMs: number; readonly size: number }

type JournalLine = { readonly ref: string; readonly entry: IndexEntry | null }

export type RequestRepository = {
  /** Every request's summary, newest first. */
  list(): ReadonlyArray<RequestSummary>
  /** The full record, read from its file. */
  get(reference: string): RequestRecord
  /** Allocates the next reference of `year` and writes the record `build` makes for it. */
  create(year: number, build: (reference: string) => RequestRecordInput): RequestRecord
  /** Replaces a request's record (same reference). */
  save(record: RequestRecordInput): RequestRecord
  /** Moves a request's file to requests/discarded/. */
  discard(reference: string): void
}

export function formatReference(year: number, number: number): string {
  return `RF-${year}-${String(number).padStart(4, '0')}`
}

function isIndexEntry(value: unknown, reference: string): value is IndexEntry {
  const entry = value as IndexEntry | null
  return (
    typeof entry === 'object' &&
    entry !== null &&
    entry.summary?.reference === reference &&
    typeof entry.mtimeMs === 'number' &&
    typeof entry.size === 'number'
  )
}

export function openRequestRepository(options: { dataDir: string; notices: NoticeBoard; now: () => Date }): RequestRepository {
  const dir = path.join(options.dataDir, 'requests')
  const unreadableDir = path.join(dir, 'unreadable')
  const discardedDir = path.join(dir, 'discarded')
  fs.mkdirSync(dir, { recursive: true })
  const snapshotFile = path.join(dir, snapshotName)
  const journalFile = path.join(dir, journalName)
  const fileOf = (reference: string) => path.join(dir, `${reference}.json`)

  const entries = new Map<string, IndexEntry>()
  /** Highest number per year that must not be handed out again (moved-aside and discarded files). */
  const reserved = new Map<number, number>()
  /** How far this process has read the journal. */
  let journalOffset = 0

  const reserve = (reference: string) => {
    const match = /^RF-(\d{4})-(\d{4,})/.exec(reference)
    if (!match) return
    const year = Number(match[1])
    reserved.set(year, Math.max(reserved.get(year) ?? 0, Number(match[2])))
  }

  const stampOf = (reference: string): { mtimeMs: number; size: number } | null => {
    try {
      const stat = fs.statSync(fileOf(reference))
      return { mtimeMs: stat.mtimeMs, size: stat.size }
    } catch {
      return null
    }
  }

  const appendJournal = (line: JournalLine) => {
    fs.appendFileSync(journalFile, `${JSON.stringify(line)}\n`)
  }

  /** Caches a record's summary with the stamp of its file, and journals the change. */
  const remember = (record: RequestRecord): void => {
    const stamp = stampOf(record.reference)
    if (!stamp) return
    const entry: IndexEntry = { summary: summarize(record), ...stamp }
    const known = entries.get(record.reference)
    entries.set(record.reference, entry)
    if (!known || known.mtimeMs !== entry.mtimeMs || known.size !== entry.size) appendJournal({ ref: record.reference, entry })
  }

  const forget = (reference: string): void => {
    if (entries.delete(reference)) appendJournal({ ref: reference, entry: null })
  }

  /** Reads one request file; an unreadable one is moved aside with a notice, and null returned. */
  const readRecord = (reference: string): RequestRecord | null => {
    const file = fileOf(reference)
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
    const movedTo = moveAsideSync(file, options.now(), unreadableDir)
    reserve(reference)
    options.notices.add({
      code: 'REQUEST_FILE_UNREADABLE',
      message: `The request file ${reference}.json could not be read (${reason}). It was moved to ${movedTo} and is no longer listed; nothing was deleted.`,
      path: file,
      movedTo,
    })
    return null
  }

  /** Applies journal lines written since `journalOffset` (by this or another process). */
  const readJournal = (): void => {
    let size: number
    try {
      size = fs.statSync(journalFile).size
    } catch {
      journalOffset = 0
      return
    }
    if (size < journalOffset) {
      // Another process folded the journal into a new snapshot: start again from that.
      loadIndex()
      return
    }
    if (size === journalOffset) return
    const fd = fs.openSync(journalFile, 'r')
    let text: string
    try {
      const buffer = Buffer.alloc(size - journalOffset)
      fs.readSync(fd, buffer, 0, buffer.length, journalOffset)
      text = buffer.toString('utf8')
    } finally {
      fs.closeSync(fd)
    }
    // Only whole lines: a line being written right now is read next time.
    const end = text.lastIndexOf('\n') + 1
    journalOffset += Buffer.byteLength(text.slice(0, end))
    for (const raw of text.slice(0, end).split('\n')) {
      if (!raw) continue
      try {
        const line = JSON.parse(raw) as JournalLine
        if (!referencePattern.test(line.ref)) continue
        if (line.entry === null) entries.delete(line.ref)
        else if (isIndexEntry(line.entry, line.ref)) entries.set(line.ref, line.entry)
      } catch {
        // A damaged line: the check against the files at the next open repairs what it described.
      }
    }
  }

  function loadIndex(): void {
    entries.clear()
    journalOffset = 0
    const read = readJsonFileSync(snapshotFile)
    if (read.kind === 'parsed') {
      const value = read.value as { version?: unknown; entries?: unknown }
      if (value?.version === indexVersion && typeof value.entries === 'object' && value.entries !== null) {
        for (const [reference, entry] of Object.entries(value.entries as Record<string, unknown>)) {
          if (referencePattern.test(reference) && isIndexEntry(entry, reference)) entries.set(reference, entry)
        }
      }
    }
    readJournal()
  }

  /** Checks the index against every request file, reads what changed, and writes a new snapshot. */
  const verifyAndCompact = (): void => {
    const onDisk = new Set(
      fs
        .readdirSync(dir)
        .filter((name) => name.endsWith('.json') && referencePattern.test(name.slice(0, -5)))
        .map((name) => name.slice(0, -5)),
    )
    for (const reference of [...entries.keys()]) if (!onDisk.has(reference)) entries.delete(reference)
    for (const reference of onDisk) {
      const cached = entries.get(reference)
      const stamp = stampOf(reference)
      if (cached && stamp && cached.mtimeMs === stamp.mtimeMs && cached.size === stamp.size) continue
      entries.delete(reference)
      const record = readRecord(reference)
      const fresh = record && stampOf(reference)
      if (record && fresh) entries.set(reference, { summary: summarize(record), ...fresh })
    }
    writeFileAtomicSync(snapshotFile, JSON.stringify({ version: indexVersion, entries: Object.fromEntries(entries) }))
    fs.writeFileSync(journalFile, '')
    journalOffset = 0
  }

  for (const other of [unreadableDir, discardedDir]) {
    if (fs.existsSync(other)) for (const name of fs.readdirSync(other)) reserve(name)
  }
  loadIndex()
  verifyAndCompact()

  const requireRecord = (reference: string): RequestRecord => {
    if (!referencePattern.test(reference)) throw new CoreError('NOT_FOUND', `"${reference}" is not a request reference.`)
    const record = readRecord(reference)
    if (!record) {
      forget(reference)
      throw new CoreError('NOT_FOUND', `There is no request ${reference}.`)
    }
    return record
  }

  const writeFailed = (error: unknown) =>
    new CoreError('STORAGE_FAILED', `The request could not be saved: ${(error as Error).message}`)

  return {
    list() {
      readJournal()
      return [...entries.values()]
        .map((e) => e.summary)
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.reference.localeCompare(a.reference)))
    },

    get(reference) {
      const record = requireRecord(reference)
      remember(record)
      return record
    },

    create(year, build) {
      readJournal()
      const prefix = `RF-${year}-`
      let next = (reserved.get(year) ?? 0) + 1
      for (const reference of entries.keys()) {
        if (reference.startsWith(prefix)) next = Math.max(next, Number(reference.slice(prefix.length)) + 1)
      }
      for (let attempt = 0; attempt < 1000; attempt += 1, next += 1) {
        const reference = formatReference(year, next)
        if (fs.existsSync(path.join(discardedDir, `${reference}.json`))) continue
        const record = requestRecordSchema.parse(build(reference))
        try {
          createFileExclusiveSync(fileOf(reference), JSON.stringify(record, null, 2))
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue // another process took it
          throw writeFailed(error)
        }
        remember(record)
        return record
      }
      throw new CoreError('STORAGE_FAILED', 'No free request reference could be found.')
    },

    save(record) {
      const valid = requestRecordSchema.parse(record)
      requireRecord(valid.reference)
      try {
        writeFileAtomicSync(fileOf(valid.reference), JSON.stringify(valid, null, 2))
      } catch (error) {
        throw writeFailed(error)
      }
      remember(valid)
      return valid
    },

    discard(reference) {
      requireRecord(reference)
      fs.mkdirSync(discardedDir, { recursive: true })
      fs.renameSync(fileOf(reference), path.join(discardedDir, `${reference}.json`))
      reserve(reference)
      forget(reference)
    },
  }
}
