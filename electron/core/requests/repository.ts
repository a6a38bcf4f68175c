/**
 * Requests on disk: one JSON file per request under <data>/requests/, written atomically, plus a
 * rebuildable index of summaries so that listing thousands of requests reads no request file.
 *
 * Several processes may use the folder at once (the app and the CLI): every change (creating a
 * request, changing one, discarding a draft, rewriting the index) runs under the data folder's lock
 * (storage/folder-lock.ts) and reads what it changes afresh under it, so no acknowledged change of
 * another process is ever lost, and a reference is never handed out twice.
 *
 * The index is a snapshot (index.v6.json) and a journal (index.log): its first line names the
 * generation of the snapshot it continues, then one JSON line per change, appended under the lock.
 * A change costs one request file and one appended line, whatever the count; every process sees
 * the others' changes by reading the journal's new lines. The journal is never cut short in place:
 * when it has grown large, or when an open finds files the index does not describe (changed by
 * hand, restored), the index is merged with what is on disk under the lock and written as a new
 * snapshot with a new, empty journal of the next generation, each put in place atomically. A
 * process that finds a journal it did not start reading (another inode) reads the new pair; one
 * whose snapshot and journal do not belong together rebuilds them from the request files. Both
 * can be deleted at any time.
 *
 * An open reads the snapshot and journal and compares them with the folder's listing (new and
 * removed files are read or dropped at once), and checks the time and size of the newest files
 * (stampsCheckedAtOpen); the other files' stamps are checked in the background right after, so
 * that opening 100,000 requests does not wait for 100,000 stats. A file edited by hand in place is
 * therefore seen at open when it is among the newest, else a moment later, and always when its
 * record is read.
 *
 * The snapshot stores the summaries in columns (index-snapshot.ts: version 6), so that an open
 * parses a few long arrays rather than an object per request. The highest number of each year is
 * kept as the index changes, so that creating a request does not look at every reference.
 *
 * Older Rightfuls kept the snapshot in index.json (versions 4 and 5) and read no other; they write
 * the same journal lines. An open that finds only index.json reads it and writes the index anew as
 * index.v6.json, and index.json goes. An older Rightful that still uses the folder then finds no
 * snapshot, rebuilds its own from the files once and writes index.json again: an open that finds
 * that index.json continuing the journal while index.v6.json does not knows that an older Rightful
 * shares the folder. From then on the two are kept side by side, of one generation and with one
 * journal: this version copies the older snapshot into index.v6.json (the pair stays as it is),
 * and whenever it writes a new snapshot, it writes both. Neither version rebuilds the other's
 * index again; nothing is lost either way. Deleting index.json ends this once no older Rightful
 * uses the folder.
 *
 * A request file that cannot be read is moved to requests/unreadable/ (never deleted) and the user
 * is told; a discarded draft is moved to requests/discarded/. Their numbers are never reused.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { NoticeBoard } from '../shared/notices'
import { createFileExclusiveSync, moveAsideSync, readJsonFileSync, writeFileAtomicSync } from '../storage/files'
import { folderLock } from '../storage/folder-lock'
import { referencePattern, requestRecordSchema, summarize, type RequestRecord, type RequestRecordInput, type RequestSummary } from './model'
import { decodeSnapshot, encodeOlderSnapshot, encodeSnapshot, entryOf, storedEntry, type DecodedSnapshot, type IndexEntry } from './index-snapshot'

export { packSummary, unpackSummary } from './index-snapshot'
import { coreError, noticeWords } from '../messages/errors'

/** This version's snapshot (index version 6, in columns). */
const snapshotName = 'index.v6.json'
/**
 * The snapshot an older Rightful (index versions 4 and 5, before index.v6.json) reads and writes:
 * kept, in version 5, only while one shares the data folder.
 */
const olderSnapshotName = 'index.json'
const journalName = 'index.log'
/** Past this size the journal is folded into a new snapshot by the next change. */
const compactAfterBytes = 1024 * 1024
/**
 * How many request files have their time and size checked when the folder is opened: the newest
 * ones (highest numbers). A stat costs 3 to 7 µs, so checking 100,000 files would cost most of a
 * cold open; the others are checked in the background right after, a slice at a time, and a
 * record is always checked when it is read. New and removed files are found at open from the
 * folder's listing, whatever the count.
 */
export const stampsCheckedAtOpen = 2_000
/** Files checked per turn of the event loop by the background check. */
const backgroundSlice = 500

/** A journal line: a request's new entry, its summary packed (or null: gone). */
type JournalLine = { readonly ref: string; readonly entry: unknown }

const numberPattern = /^RF-(\d{4})-(\d{4,})$/

/**
 * The index's entries, knowing the highest number seen per year, so that `create` need not look
 * at every reference. A number stays known after its request is gone: it is not handed out again.
 */
class IndexEntries extends Map<string, IndexEntry> {
  readonly highest = new Map<number, number>()

  override set(reference: string, entry: IndexEntry): this {
    const match = numberPattern.exec(reference)
    if (match) {
      const year = Number(match[1])
      const number = Number(match[2])
      if (number > (this.highest.get(year) ?? 0)) this.highest.set(year, number)
    }
    return super.set(reference, entry)
  }
}

export type RequestRepository = {
  /** Every request's summary, newest first (with the changes other processes made). */
  list(): ReadonlyArray<RequestSummary>
  /** The full record, read from its file. */
  get(reference: string): RequestRecord
  /** Allocates the next reference of `year` and writes the record `build` makes for it. */
  create(year: number, build: (reference: string) => RequestRecordInput): RequestRecord
  /**
   * Changes a request: under the lock, its record is read afresh, `change` returns the new one
   * (same reference), which is validated and written. What another process added meanwhile is in
   * the record `change` sees, so nothing is lost.
   */
  update(reference: string, change: (record: RequestRecord) => RequestRecordInput): RequestRecord
  /** Replaces a request's record whole (same reference); `update` for a change of what it holds. */
  save(record: RequestRecordInput): RequestRecord
  /** Moves a request's file to requests/discarded/. */
  discard(reference: string): void
  /** Runs `step` (synchronous) under the data folder's lock: several requests changed as one step. */
  locked<T>(step: () => T): T
}

export function formatReference(year: number, number: number): string {
  return `RF-${year}-${String(number).padStart(4, '0')}`
}

const newGeneration = () => randomBytes(8).toString('hex')

export function openRequestRepository(options: {
  dataDir: string
  notices: NoticeBoard
  now: () => Date
  /** Files whose stamps are checked at open (default stampsCheckedAtOpen); the rest in the background. */
  stampsAtOpen?: number
  /**
   * Whether the other files' stamps are checked in the background after the open (default true).
   * A command that reads the list once and ends (api/narrow-api.ts) passes false: it would end
   * before the check did, and meanwhile the check would slow the writing of its output.
   */
  checkLater?: boolean
  /**
   * The names of the requests folder as the caller just read them (api/housekeeping.ts), for the
   * open's first check against the files: one reading of 10,000 names instead of two. Temporary
   * files the caller removed meanwhile do not matter (only request files' names are used); every
   * later check reads the folder afresh.
   */
  listing?: ReadonlyArray<string>
}): RequestRepository {
  const dir = path.join(options.dataDir, 'requests')
  const unreadableDir = path.join(dir, 'unreadable')
  const discardedDir = path.join(dir, 'discarded')
  fs.mkdirSync(dir, { recursive: true })
  const lock = folderLock(options.dataDir)
  const snapshotFile = path.join(dir, snapshotName)
  const olderSnapshotFile = path.join(dir, olderSnapshotName)
  const journalFile = path.join(dir, journalName)
  const fileOf = (reference: string) => path.join(dir, `${reference}.json`)

  let entries = new IndexEntries()
  /** Highest number per year that must not be handed out again (moved-aside and discarded files). */
  const reserved = new Map<number, number>()
  /** The journal this process reads: its inode, generation and how far it has been read. */
  let journal: { ino: number; generation: string; offset: number } | null = null
  /**
   * Which snapshot `journal` continues: this version's, or the older one (index.json: an older
   * Rightful's, or this version's own before it moved to index.v6.json), which is written anew.
   */
  let loadedFrom: 'own' | 'older' | null = null
  /**
   * Whether an older Rightful shares the folder: it wrote index.json after this version wrote
   * index.v6.json. Then every new snapshot is written in both versions, with one generation and
   * one journal, so that neither version finds the other's index unusable and rebuilds it.
   */
  let olderShares = false
  /** The older snapshot just loaded while an older Rightful shares the folder (copied into index.v6.json at open). */
  let olderSnapshot: DecodedSnapshot | null = null

  /** The caller's reading of the folder's names, for the first check at open only. */
  let listingAtOpen: ReadonlyArray<string> | null = options.listing ?? null

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

  /** Appends a change to the journal; under the lock, after reading the journal to its end. */
  const appendJournal = (line: JournalLine) => {
    if (!journal) return
    const text = `${JSON.stringify(line)}\n`
    fs.appendFileSync(journalFile, text)
    journal.offset += Buffer.byteLength(text)
  }

  /** Caches a record's summary with the stamp of its file, and journals the change (under the lock). */
  const remember = (record: RequestRecord): void => {
    const stamp = stampOf(record.reference)
    if (!stamp) return
    const entry: IndexEntry = { summary: summarize(record), ...stamp }
    entries.set(record.reference, entry)
    appendJournal({ ref: record.reference, entry: storedEntry(entry) })
  }

  const forget = (reference: string): void => {
    if (entries.delete(reference)) appendJournal({ ref: reference, entry: null })
  }

  /**
   * Reads one request file. An unreadable one is moved aside with a notice (under the lock, and
   * only if it is still unreadable then), and null returned.
   */
  const readRecord = (reference: string): RequestRecord | null => {
    const file = fileOf(reference)
    const attempt = () => {
      const read = readJsonFileSync(file)
      if (read.kind === 'missing') return { record: null, reason: null }
      const parsed = read.kind === 'parsed' ? requestRecordSchema.safeParse(read.value) : null
      if (parsed?.success && parsed.data.reference === reference) return { record: parsed.data, reason: null }
      const reason =
        read.kind === 'unreadable'
          ? read.reason
          : parsed && !parsed.success
            ? parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
            : 'its reference does not match its file name'
      return { record: null, reason }
    }
    const first = attempt()
    if (first.reason === null) return first.record
    return lock.run(() => {
      const again = attempt()
      if (again.reason === null) return again.record
      const movedTo = moveAsideSync(file, options.now(), unreadableDir)
      reserve(reference)
      options.notices.add({
        code: 'REQUEST_FILE_UNREADABLE',
        ...noticeWords('notice.request', { reference, reason: again.reason, movedTo }),
        path: file,
        movedTo,
      })
      return null
    })
  }

  /** Applies journal lines from the current journal's `offset` on (written by this or another process). */
  const readJournalLines = (fd: number, size: number): void => {
    if (!journal || size <= journal.offset) return
    const buffer = Buffer.alloc(size - journal.offset)
    fs.readSync(fd, buffer, 0, buffer.length, journal.offset)
    const text = buffer.toString('utf8')
    // Only whole lines: a line being written right now is read next time.
    const end = text.lastIndexOf('\n') + 1
    journal.offset += Buffer.byteLength(text.slice(0, end))
    for (const raw of text.slice(0, end).split('\n')) {
      if (!raw) continue
      try {
        const line = JSON.parse(raw) as JournalLine
        if (typeof line.ref !== 'string' || !referencePattern.test(line.ref)) continue
        if (line.entry === null) entries.delete(line.ref)
        else {
          const entry = entryOf(line.entry, line.ref, true)
          if (entry) entries.set(line.ref, entry)
        }
      } catch {
        // A damaged line: the check against the files at the next open repairs what it described.
      }
    }
  }

  /** A snapshot file's content: null when missing or not a snapshot; `exists` whether there is a file. */
  const readSnapshot = (file: string): { exists: boolean; snapshot: DecodedSnapshot | null } => {
    const read = readJsonFileSync(file)
    if (read.kind === 'missing') return { exists: false, snapshot: null }
    return { exists: true, snapshot: read.kind === 'parsed' ? decodeSnapshot(read.value) : null }
  }

  /**
   * Loads the snapshot and the journal that continues it: index.v6.json, else index.json (an
   * older Rightful's). False when there is no such pair (none yet, damaged, or a snapshot and a
   * journal of different generations): then the files rebuild it.
   */
  const loadIndex = (): boolean => {
    entries = new IndexEntries()
    journal = null
    loadedFrom = null
    olderShares = false
    olderSnapshot = null
    let fd: number
    try {
      fd = fs.openSync(journalFile, 'r')
    } catch {
      return false
    }
    try {
      const stat = fs.fstatSync(fd)
      const head = Buffer.alloc(Math.min(stat.size, 200))
      fs.readSync(fd, head, 0, head.length, 0)
      const firstLine = head.toString('utf8').split('\n')[0] ?? ''
      let generation: unknown = null
      try {
        generation = (JSON.parse(firstLine) as { generation?: unknown }).generation
      } catch {
        return false
      }
      if (typeof generation !== 'string' || !head.toString('utf8').includes('\n')) return false
      const own = readSnapshot(snapshotFile)
      let snapshot = own.snapshot
      if (snapshot?.generation === generation) {
        loadedFrom = 'own'
        // index.json beside it: written by this version for an older one that shares the folder.
        olderShares = fs.existsSync(olderSnapshotFile)
      } else {
        snapshot = readSnapshot(olderSnapshotFile).snapshot
        if (snapshot?.generation !== generation) return false
        loadedFrom = 'older'
        // This version's snapshot is there but does not continue the journal: an older Rightful
        // wrote the index after this one did. (Without one, the folder is an older one's, upgraded.)
        olderShares = own.exists
        if (olderShares) olderSnapshot = snapshot
      }
      for (const [reference, entry] of snapshot.entries) entries.set(reference, entry)
      journal = { ino: stat.ino, generation, offset: Buffer.byteLength(firstLine) + 1 }
      readJournalLines(fd, stat.size)
      return true
    } finally {
      fs.closeSync(fd)
    }
  }

  /** Writes `entries` as a new snapshot and an empty journal of a new generation (under the lock). */
  const writeIndex = (): void => {
    const generation = newGeneration()
    const header = `${JSON.stringify({ generation })}\n`
    // Also when the pair did not load (a rebuild): both snapshots there mean an older Rightful shares the folder.
    olderShares ||= fs.existsSync(olderSnapshotFile) && fs.existsSync(snapshotFile)
    // The journal first: a process that sees it reads the pair under the lock, after both are in place.
    writeFileAtomicSync(journalFile, header)
    writeFileAtomicSync(snapshotFile, encodeSnapshot(generation, entries))
    // An older Rightful that shares the folder gets the same snapshot in its version, so that it
    // reads it rather than rebuilding; without one, index.json (its version's) is not kept.
    if (olderShares) writeFileAtomicSync(olderSnapshotFile, encodeOlderSnapshot(generation, entries))
    else fs.rmSync(olderSnapshotFile, { force: true })
    journal = { ino: fs.statSync(journalFile).ino, generation, offset: Buffer.byteLength(header) }
    loadedFrom = 'own'
    olderSnapshot = null
  }

  /**
   * Under the lock, while an older Rightful shares the folder and wrote the index last: its
   * snapshot, as read, copied into index.v6.json with the same generation, so that the next open
   * of this version reads its own version again. The pair and index.json stay as they are (the
   * older Rightful goes on reading them); nothing is written when the journal changed meanwhile.
   */
  const copyOlderSnapshot = (): void => {
    if (!journal || !olderSnapshot) return
    let ino: number | null = null
    try {
      ino = fs.statSync(journalFile).ino
    } catch {
      // Gone: the next open rebuilds it.
    }
    if (ino === journal.ino) writeFileAtomicSync(snapshotFile, encodeSnapshot(journal.generation, olderSnapshot.entries))
    olderSnapshot = null
  }

  /** The request files in the folder. */
  const referencesOnDisk = (): Set<string> => {
    const names = listingAtOpen ?? fs.readdirSync(dir)
    listingAtOpen = null
    // One pass over the names, no arrays in between: 100,000 at every open.
    const found = new Set<string>()
    for (const name of names) {
      if (!name.endsWith('.json')) continue
      const reference = name.slice(0, -5)
      if (referencePattern.test(reference)) found.add(reference)
    }
    return found
  }

  /**
   * Checks one file's entry against the file (time and size); reads it again when it differs or
   * is not known. Returns whether anything differed.
   */
  const checkStamp = (reference: string): boolean => {
    const cached = entries.get(reference)
    const stamp = stampOf(reference)
    if (cached && stamp && cached.mtimeMs === stamp.mtimeMs && cached.size === stamp.size) return false
    entries.delete(reference)
    const record = readRecord(reference)
    const fresh = record && stampOf(reference)
    if (record && fresh) entries.set(reference, { summary: summarize(record), ...fresh })
    return true
  }

  /**
   * Checks `entries` against the files: drops what is gone, reads what is new, and reads what
   * changed (time, size) among `stamps` (every file when 'all'). Returns whether anything differed.
   */
  const verify = (stamps: 'all' | ReadonlyArray<string> = 'all'): boolean => {
    const onDisk = referencesOnDisk()
    let changed = false
    // (a Map's iteration carries on past an entry deleted during it)
    for (const reference of entries.keys()) {
      if (!onDisk.has(reference)) {
        entries.delete(reference)
        changed = true
      }
    }
    if (stamps === 'all') {
      for (const reference of onDisk) if (checkStamp(reference)) changed = true
      return changed
    }
    for (const reference of onDisk) if (!entries.has(reference) && checkStamp(reference)) changed = true
    for (const reference of stamps) if (onDisk.has(reference) && checkStamp(reference)) changed = true
    return changed
  }

  /**
   * Brings the index in line with the files. The slow part (reading files that changed) runs
   * without the lock; under it the files are checked once more (a stat each of `stamps`: only what
   * changed in between is read) and the index is written anew when it differs or its journal is large.
   */
  const resync = (options: { force: boolean; verified?: boolean; stamps?: 'all' | ReadonlyArray<string> }): void => {
    const stamps = options.stamps ?? 'all'
    if (!lock.held() && !options.verified) verify(stamps)
    lock.run(() => {
      const { consistent, kept } = loadIndexKeeping()
      const changed = verify(consistent ? stamps : 'all')
      // An older snapshot is written anew in this version (both versions, while an older Rightful shares the folder).
      const outdated = loadedFrom === 'older' && !olderShares
      if (options.force || !consistent || kept || changed || outdated || (journal?.offset ?? 0) > compactAfterBytes) writeIndex()
      else copyOlderSnapshot()
    })
  }

  /**
   * The references whose stamps an open checks: every one when there are at most `limit`, else
   * the `limit` highest numbers of the latest years (the requests most likely to be edited).
   */
  const newestReferences = (limit: number): 'all' | string[] => {
    if (entries.size <= limit) return 'all'
    const newest: string[] = []
    for (const year of [...entries.highest.keys()].sort((a, b) => b - a)) {
      for (let number = entries.highest.get(year) ?? 0; number > 0 && newest.length < limit; number -= 1) {
        const reference = formatReference(year, number)
        if (entries.has(reference)) newest.push(reference)
      }
      if (newest.length >= limit) break
    }
    return newest
  }

  /**
   * Checks the stamps of the files an open did not check, `backgroundSlice` files per turn of
   * the event loop (without keeping the process alive for it), and writes the index anew under
   * the lock when one differed. Best effort: a failure (the folder gone) ends it quietly; a
   * record read later is checked anyway.
   */
  const checkRestLater = (checked: ReadonlyArray<string>): void => {
    const skip = new Set(checked)
    const rest = [...entries.keys()].filter((reference) => !skip.has(reference))
    const changed: string[] = []
    let next = 0
    const slice = () => {
      try {
        for (const end = Math.min(rest.length, next + backgroundSlice); next < end; next += 1) {
          const reference = rest[next]!
          if (entries.has(reference) && checkStamp(reference)) changed.push(reference)
        }
        if (next < rest.length) {
          setImmediate(slice).unref()
          return
        }
        if (changed.length > 0) resync({ force: false, verified: true, stamps: changed })
      } catch {
        // The folder went away or cannot be read now: the next open checks again.
      }
    }
    if (rest.length > 0) setImmediate(slice).unref()
  }

  /**
   * Under the lock: loads the index as stored, but keeps the summaries just verified for files
   * the stored index does not know in that exact state (so they need not be read again). `kept`:
   * whether it kept any, so that the index is written with them.
   */
  const loadIndexKeeping = (): { consistent: boolean; kept: boolean } => {
    const verified = entries
    const consistent = loadIndex()
    let kept = false
    for (const [reference, entry] of verified) {
      const stored = entries.get(reference)
      if (!stored || stored.mtimeMs !== entry.mtimeMs || stored.size !== entry.size) {
        entries.set(reference, entry)
        kept = true
      }
    }
    return { consistent, kept }
  }

  /**
   * Reads what other processes changed: the journal's new lines, or the new snapshot and journal
   * when another process wrote the index anew, or a rebuild from the files when the pair is gone.
   */
  const catchUp = (): void => {
    let fd: number | null = null
    try {
      fd = fs.openSync(journalFile, 'r')
      const stat = fs.fstatSync(fd)
      if (journal && stat.ino === journal.ino) {
        readJournalLines(fd, stat.size)
        return
      }
    } catch {
      // No journal: rebuilt below.
    } finally {
      if (fd !== null) fs.closeSync(fd)
    }
    // Another generation: the pair is read under the lock (never half-written then).
    if (!lock.run(loadIndex)) resync({ force: true })
  }

  /** Numbers of discarded drafts and of files moved aside are never handed out again (read afresh: another process may have added some). */
  const reserveSetAside = (): void => {
    for (const other of [unreadableDir, discardedDir]) {
      if (fs.existsSync(other)) for (const name of fs.readdirSync(other)) reserve(name)
    }
  }
  reserveSetAside()
  // At open: the stored index, checked against the folder's listing and the newest files' stamps
  // (all of them when the index is not usable); written anew only when it needs to be.
  const consistent = loadIndex()
  const checkedAtOpen = consistent ? newestReferences(options.stampsAtOpen ?? stampsCheckedAtOpen) : 'all'
  // An index of an older version is written anew as the current one (new files, synced, renamed
  // into place: a crash meanwhile leaves the old pair or a mismatched one, which the files rebuild).
  // While an older Rightful shares the folder, its snapshot is copied into this version's instead.
  if (verify(checkedAtOpen) || !consistent || loadedFrom === 'older') resync({ force: !consistent, verified: true, stamps: checkedAtOpen })
  if (checkedAtOpen !== 'all' && options.checkLater !== false) checkRestLater(checkedAtOpen)

  const requireRecord = (reference: string): RequestRecord => {
    if (!referencePattern.test(reference)) throw coreError('NOT_FOUND', 'error.request.notReference', { reference })
    const record = readRecord(reference)
    if (!record) {
      if (lock.held()) forget(reference)
      else entries.delete(reference)
      throw coreError('NOT_FOUND', 'error.request.notFound', { reference })
    }
    return record
  }

  const writeFailed = (error: unknown) =>
    coreError('STORAGE_FAILED', 'error.request.notSaved', { reason: String((error as Error).message) })

  /**
   * Under the lock: the journal read to its end, so that appends go after it. It is folded into a
   * new snapshot when it has grown large, or when it ends in a part of a line (a process stopped
   * while appending; nobody else writes now), which an append would otherwise run into.
   */
  const beforeChange = (): void => {
    catchUp()
    let size = 0
    try {
      size = fs.statSync(journalFile).size
    } catch {
      // Gone: written anew below.
    }
    if (!journal || journal.offset > compactAfterBytes || size !== journal.offset) writeIndex()
  }

  /** Writes a request's new record under the lock (the caller holds it). */
  const replace = (valid: RequestRecord): RequestRecord => {
    try {
      writeFileAtomicSync(fileOf(valid.reference), JSON.stringify(valid, null, 2))
    } catch (error) {
      throw writeFailed(error)
    }
    remember(valid)
    return valid
  }

  return {
    list() {
      catchUp()
      return [...entries.values()]
        .map((e) => e.summary)
        // Ties by reference, compared by code unit: the same order as localeCompare for references
        // (RF-, digits and a hyphen), without a collator call for each of 100,000 comparisons.
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.reference < b.reference ? 1 : a.reference > b.reference ? -1 : 0))
    },

    get(reference) {
      const record = requireRecord(reference)
      // Keeps this process's list right when the file changed behind the index's back.
      const stamp = stampOf(reference)
      const known = entries.get(reference)
      if (stamp && (!known || known.mtimeMs !== stamp.mtimeMs || known.size !== stamp.size)) entries.set(reference, { summary: summarize(record), ...stamp })
      return record
    },

    create(year, build) {
      return lock.run(() => {
        beforeChange()
        reserveSetAside()
        let next = Math.max(reserved.get(year) ?? 0, entries.highest.get(year) ?? 0) + 1
        for (let attempt = 0; attempt < 1000; attempt += 1, next += 1) {
          const reference = formatReference(year, next)
          if (fs.existsSync(path.join(discardedDir, `${reference}.json`))) continue
          const record = requestRecordSchema.parse(build(reference))
          try {
            createFileExclusiveSync(fileOf(reference), JSON.stringify(record, null, 2))
          } catch (error) {
            // A file the index did not know yet (written by hand, or by an older Rightful without the lock).
            if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue
            throw writeFailed(error)
          }
          remember(record)
          return record
        }
        throw coreError('STORAGE_FAILED', 'error.request.noReference')
      })
    },

    update(reference, change) {
      return lock.run(() => {
        beforeChange()
        const current = requireRecord(reference)
        const valid = requestRecordSchema.parse(change(current))
        if (valid.reference !== reference) throw new Error(`A change of ${reference} returned the record of ${valid.reference}.`)
        return replace(valid)
      })
    },

    save(record) {
      const valid = requestRecordSchema.parse(record)
      return lock.run(() => {
        beforeChange()
        requireRecord(valid.reference)
        return replace(valid)
      })
    },

    discard(reference) {
      lock.run(() => {
        beforeChange()
        requireRecord(reference)
        fs.mkdirSync(discardedDir, { recursive: true })
        fs.renameSync(fileOf(reference), path.join(discardedDir, `${reference}.json`))
        reserve(reference)
        forget(reference)
      })
    },

    locked: (step) => lock.run(step),
  }
}
