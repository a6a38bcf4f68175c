/**
 * Restoring a backup, atomically. Three phases:
 *
 * 1. Stage: the backup is read and verified (reader.ts) into a hidden folder inside the data
 *    folder (`.restore-…/new/`, on the same disk, so the swap is made of renames). The live data
 *    is untouched; any problem removes the staging folder and changes nothing.
 * 2. Commit: a journal (`restore-journal.json`, written atomically) names the staging folder, the
 *    folder the current data moves to (`before-restore-<time>/`) and the roots the backup holds.
 *    From this point on the restore completes, even after a crash.
 * 3. Swap: root by root (dataRoots), the live one moves aside and the staged one moves in; then
 *    the journal is removed. The same idempotent roll-forward runs at the next start when a
 *    journal is found (`finishInterruptedRestore`, called by createApi before anything is read).
 *
 * So a crash leaves the old data (before the journal) or the new (after it), never a mix. The
 * data that was replaced is kept, never deleted, and the caller is told where.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { CoreError } from '../shared/result'
import type { NoticeBoard } from '../shared/notices'
import type { Operation } from '../shared/operation'
import { fsyncDirectory, moveAsideSync, readJsonFileSync, writeFileAtomicSync } from '../storage/files'
import { folderLock, processRuns } from '../storage/folder-lock'
import { dataRoots, listUserData } from './entries'
import { formatBytes, type BackupLimits, type ManifestEntry } from './format'
import { readBackup, type BackupInfo, type EntrySink } from './reader'
import { coreError, noticeWords, reasonOf } from '../messages/errors'
import { message } from '../shared/message'

import { journalName, restorePending, stagingPattern } from './restore-pending'

export { journalName }
const keepPattern = /^before-restore-[0-9A-Za-z-]{1,60}$/

const journalSchema = z.strictObject({
  version: z.literal(1),
  staging: z.string().regex(stagingPattern),
  keep: z.string().regex(keepPattern),
  incoming: z.array(z.enum(dataRoots.map((r) => r.name) as [string, ...string[]])),
})
type Journal = z.infer<typeof journalSchema>

/** A step of the swap; `onStep` is called after each (tests stop there to simulate a crash). */
export type RestoreStep = 'staged' | 'journal-written' | `moved-aside:${string}` | `moved-in:${string}` | 'swapped' | 'journal-removed'

export type StagedRestore = {
  /** The staging folder (inside the data folder). */
  readonly dir: string
  readonly info: BackupInfo
}

/** Whether something is at `target` (a link counts as something; it is never followed). */
function present(target: string): boolean {
  try {
    fs.lstatSync(target)
    return true
  } catch {
    return false
  }
}


/**
 * Flushes files to disk, four at a time: the file system commits concurrent syncs together, which
 * is several times faster than one after the other for thousands of small files.
 */
async function syncFiles(files: ReadonlyArray<string>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < files.length) {
      const handle = await fs.promises.open(files[next++]!, 'r+')
      try {
        await handle.sync()
      } finally {
        await handle.close()
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(4, files.length) }, worker))
}

/** Writes each entry as a file under `root`; `files` and `folders` are synced afterwards. */
function stagingSink(root: string): EntrySink & { abort(): void; files: string[]; folders: Set<string> } {
  let fd: number | null = null
  const files: string[] = []
  const folders = new Set<string>([root])
  return {
    files,
    folders,
    open(entry: ManifestEntry) {
      const target = path.join(root, ...entry.path.split('/'))
      // The reader checked the path; this checks the joined result once more.
      if (!target.startsWith(root + path.sep)) throw coreError('BACKUP_INVALID', 'error.backup.outside', { path: entry.path })
      for (let dir = path.dirname(target); dir.startsWith(root + path.sep) && !folders.has(dir); dir = path.dirname(dir)) folders.add(dir)
      fs.mkdirSync(path.dirname(target), { recursive: true })
      fd = fs.openSync(target, 'wx', 0o600)
      files.push(target)
    },
    write(chunk) {
      let offset = 0
      while (offset < chunk.length) offset += fs.writeSync(fd!, chunk, offset)
    },
    close() {
      fs.closeSync(fd!)
      fd = null
    },
    abort() {
      if (fd !== null) fs.closeSync(fd)
      fd = null
    },
  }
}

/**
 * Phase 1: reads and verifies the backup into a staging folder inside `dataDir`. Nothing of the
 * live data changes; on any error the staging folder is removed and the error passed on.
 */
export async function stageBackup(options: {
  dataDir: string
  file: string
  passphrase: string | null
  limits?: BackupLimits
  /** Reports progress and may stop the unpacking between chunks (CANCELLED; the staging folder goes). */
  operation?: Operation
}): Promise<StagedRestore> {
  // The process id in the name: a process that opens the folder meanwhile leaves a live process's staging alone.
  const dir = path.join(options.dataDir, `.restore-p${process.pid}-${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`)
  stagingInProgress.add(path.basename(dir))
  const root = path.join(dir, 'new')
  fs.mkdirSync(root, { recursive: true })
  const sink = stagingSink(root)
  try {
    const operation = options.operation
    const between = operation
      ? ({ done, total }: { done: number; total: number }) =>
          operation.checkpoint({
            stage: 'unpacking',
            done,
            total,
            message: `Checking and unpacking the backup: ${formatBytes(done)} of ${formatBytes(total)}…`,
            detail: message('progress.unpacking', { done: formatBytes(done), total: formatBytes(total) }),
            cancellable: true,
          })
      : undefined
    const info = await readBackup(options.file, { passphrase: options.passphrase, ...(options.limits ? { limits: options.limits } : {}), sink, ...(between ? { between } : {}) })
    // On disk before the journal names them: a power cut after the swap must not find empty files.
    await syncFiles(sink.files)
    for (const folder of sink.folders) fsyncDirectory(folder)
    return { dir, info }
  } catch (error) {
    sink.abort()
    stagingInProgress.delete(path.basename(dir))
    fs.rmSync(dir, { recursive: true, force: true })
    if (error instanceof CoreError) throw error
    throw coreError('STORAGE_FAILED', 'error.backup.unpack', { reason: reasonOf(error) })
  }
}

/** Removes a staged restore that will not be used. */
export function discardStaged(staged: StagedRestore): void {
  stagingInProgress.delete(path.basename(staged.dir))
  fs.rmSync(staged.dir, { recursive: true, force: true })
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-')
}

/** Moves every root to its place: the live one aside (if any), the staged one in (if any). Idempotent. */
function rollForward(dataDir: string, journal: Journal, onStep: (step: RestoreStep) => void): void {
  const staging = path.join(dataDir, journal.staging, 'new')
  const keep = path.join(dataDir, journal.keep)
  const incoming = new Set(journal.incoming)
  for (const { name } of dataRoots) {
    const live = path.join(dataDir, name)
    const staged = path.join(staging, name)
    if (incoming.has(name) && !present(staged)) continue // already moved in
    if (present(live)) {
      fs.mkdirSync(keep, { recursive: true })
      let aside = path.join(keep, name)
      for (let n = 2; present(aside); n += 1) aside = path.join(keep, `${name}-${n}`)
      fs.renameSync(live, aside)
      onStep(`moved-aside:${name}`)
    }
    if (incoming.has(name)) {
      fs.renameSync(staged, live)
      onStep(`moved-in:${name}`)
    }
  }
  fsyncDirectory(dataDir)
  if (present(keep)) fsyncDirectory(keep)
}

/** After the swap: the journal goes, the staging folder goes, and the replaced data stays (if any). */
function closeJournal(dataDir: string, journal: Journal, onStep: (step: RestoreStep) => void): string | null {
  fs.rmSync(path.join(dataDir, journalName), { force: true })
  fsyncDirectory(dataDir)
  onStep('journal-removed')
  fs.rmSync(path.join(dataDir, journal.staging), { recursive: true, force: true })
  const keep = path.join(dataDir, journal.keep)
  if (!present(keep)) return null
  // Only rebuildable files (the request index) were there: nothing of the user's to keep.
  if (listUserData(keep).files.length === 0 && listUserData(keep).unsafe.length === 0) {
    fs.rmSync(keep, { recursive: true, force: true })
    return null
  }
  return keep
}

/** Throws DATA_FOLDER_NOT_EMPTY when the data folder holds anything of the user's. */
export function refuseIfNotEmpty(dataDir: string): void {
  const current = listUserData(dataDir)
  if (current.files.length + current.unsafe.length === 0) return
  const requests = current.files.filter((f) => /^requests\/RF-\d{4}-\d{4,}\.json$/.test(f.path)).length
  throw coreError('DATA_FOLDER_NOT_EMPTY', 'error.backup.notEmpty', {
    requests: message('error.count.requests', { count: requests }),
    files: message('error.count.files', { count: current.files.length }),
  })
}

/**
 * Phases 2 and 3: swaps the staged data in. Refuses (DATA_FOLDER_NOT_EMPTY) when the data folder
 * holds data of the user's and `replace` is false; the staged folder is then left to the caller.
 * Resolves to where the replaced data was kept (null when there was none).
 */
export function swapIn(options: {
  dataDir: string
  staged: StagedRestore
  replace: boolean
  now: Date
  onStep?: (step: RestoreStep) => void
}): { previousData: string | null } {
  // Under the data folder's lock: no other process (the CLI beside the app) writes while the data is swapped.
  try {
    return folderLock(options.dataDir).run(() => swapInLocked(options))
  } finally {
    // From here the journal owns the staged folder (or the caller discards it): the next start may clean it.
    stagingInProgress.delete(path.basename(options.staged.dir))
  }
}

function swapInLocked(options: Parameters<typeof swapIn>[0]): { previousData: string | null } {
  const { dataDir, staged } = options
  const onStep = options.onStep ?? (() => undefined)
  if (!options.replace) refuseIfNotEmpty(dataDir)
  let keepName = `before-restore-${stamp(options.now)}`
  for (let n = 2; present(path.join(dataDir, keepName)); n += 1) keepName = `before-restore-${stamp(options.now)}-${n}`
  const journal: Journal = {
    version: 1,
    staging: path.basename(staged.dir),
    keep: keepName,
    incoming: dataRoots.filter((r) => present(path.join(staged.dir, 'new', r.name))).map((r) => r.name),
  }
  onStep('staged')
  try {
    writeFileAtomicSync(path.join(dataDir, journalName), JSON.stringify(journal))
  } catch (error) {
    throw coreError('STORAGE_FAILED', 'error.backup.restoreStart', { reason: String((error as Error).message) })
  }
  onStep('journal-written')
  try {
    rollForward(dataDir, journal, onStep)
    onStep('swapped')
  } catch (error) {
    if (error instanceof CoreError) throw error
    throw coreError('STORAGE_FAILED', 'error.backup.restoreHalfway', { reason: String((error as Error).message) })
  }
  return { previousData: closeJournal(dataDir, journal, onStep) }
}

/** Stage, verify and swap in one go (the CLI and tests). */
export async function restoreBackup(options: {
  dataDir: string
  file: string
  passphrase: string | null
  replace: boolean
  now: Date
  limits?: BackupLimits
  onStep?: (step: RestoreStep) => void
}): Promise<{ info: BackupInfo; previousData: string | null }> {
  const staged = await stageBackup(options)
  try {
    return { info: staged.info, ...swapIn({ ...options, staged }) }
  } catch (error) {
    if (error instanceof CoreError && error.code === 'DATA_FOLDER_NOT_EMPTY') discardStaged(staged)
    throw error
  }
}

/**
 * Run before anything in the data folder is read: finishes a restore that a crash interrupted
 * (after its journal was written), and removes staging folders no journal names. Resolves to what
 * it did, for a notice.
 */
export function finishInterruptedRestore(dataDir: string, options: { notices: NoticeBoard; now: Date }): { finished: boolean; previousData: string | null } {
  // Quick when there is nothing to do; under the lock otherwise (another process may be swapping right now).
  if (!restorePending(dataDir)) return { finished: false, previousData: null }
  return folderLock(dataDir).run(() => finishLocked(dataDir, options))
}

/** Staging folders this process is filling right now. */
const stagingInProgress = new Set<string>()

/** A staging folder being filled right now, by this process or another that still runs. */
function stagedByLiveProcess(name: string): boolean {
  const pid = /^\.restore-p(\d{1,10})-/.exec(name)?.[1]
  if (pid === undefined) return false
  return Number(pid) === process.pid ? stagingInProgress.has(name) : processRuns(Number(pid))
}

function finishLocked(dataDir: string, options: { notices: NoticeBoard; now: Date }): { finished: boolean; previousData: string | null } {
  const journalFile = path.join(dataDir, journalName)
  let finished = false
  let previousData: string | null = null
  const read = readJsonFileSync(journalFile)
  if (read.kind !== 'missing') {
    const parsed = read.kind === 'parsed' ? journalSchema.safeParse(read.value) : null
    if (!parsed?.success) {
      // Never guess with someone's data: leave everything where it is and say so.
      const movedTo = moveAsideSync(journalFile, options.now)
      options.notices.add({
        code: 'STORE_FILE_UNREADABLE',
        ...noticeWords('notice.restoreJournal', { movedTo }),
        path: journalFile,
        movedTo,
      })
      return { finished: false, previousData: null }
    }
    rollForward(dataDir, parsed.data, () => undefined)
    previousData = closeJournal(dataDir, parsed.data, () => undefined)
    finished = true
    options.notices.add({
      code: 'RESTORE_FINISHED',
      ...(previousData ? noticeWords('notice.restoreFinishedKept', { previousData }) : noticeWords('notice.restoreFinished')),
      path: dataDir,
      movedTo: previousData,
    })
  }
  let names: string[]
  try {
    names = fs.readdirSync(dataDir)
  } catch {
    return { finished, previousData }
  }
  for (const name of names) {
    if (!stagingPattern.test(name) || stagedByLiveProcess(name)) continue
    if (fs.lstatSync(path.join(dataDir, name)).isDirectory()) fs.rmSync(path.join(dataDir, name), { recursive: true, force: true })
  }
  return { finished, previousData }
}
