/**
 * File primitives for stores: atomic writes and moving unreadable files aside. Plain Node; used by
 * every host, so a crash never leaves a half-written file and nothing is ever deleted.
 */
import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { cutUtf8 } from '../shared/text-cut'

/** Makes a rename or a new file in `dir` durable (a no-op on Windows). */
export function fsyncDirectory(dir: string): void {
  // Directories cannot be opened for fsync on Windows; durability there comes from rename itself.
  if (process.platform === 'win32') return
  const fd = fs.openSync(dir, 'r')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

function writeTempSync(target: string, data: string | Uint8Array, tempDir?: string): string {
  const dir = tempDir ?? path.dirname(target)
  fs.mkdirSync(dir, { recursive: true })
  // The temporary name must fit where the final one fits (255 bytes): a long name is shortened in it.
  const temp = path.join(dir, `.${cutUtf8(path.basename(target), 200)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  const fd = fs.openSync(temp, 'wx', 0o600)
  try {
    fs.writeFileSync(fd, data)
    fs.fsyncSync(fd)
  } catch (error) {
    fs.closeSync(fd)
    fs.rmSync(temp, { force: true })
    throw error
  }
  fs.closeSync(fd)
  return temp
}

/** Writes a file so that readers see either the old or the new content, never a mix. */
export function writeFileAtomicSync(target: string, data: string | Uint8Array): void {
  const temp = writeTempSync(target, data)
  try {
    fs.renameSync(temp, target)
  } catch (error) {
    fs.rmSync(temp, { force: true })
    throw error
  }
  fsyncDirectory(path.dirname(target))
}

/**
 * Creates a file atomically, failing with EEXIST when it already exists (the hard link is the
 * exclusive step), so two writers can never claim the same name. `tempDir` (on the same file
 * system) holds the temporary file instead of the target's folder: one folder to clean at open
 * instead of thousands (a request's files).
 */
export function createFileExclusiveSync(target: string, data: string | Uint8Array, options: { tempDir?: string } = {}): void {
  const temp = writeTempSync(target, data, options.tempDir)
  try {
    if (options.tempDir) fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.linkSync(temp, target)
  } finally {
    fs.rmSync(temp, { force: true })
  }
  fsyncDirectory(path.dirname(target))
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-')
}

/**
 * Renames an unreadable file to `<name>.unreadable-<time><ext>` beside it (or into `intoDir`), and
 * returns the new path. Nothing is deleted: the user can recover it by hand.
 */
export function moveAsideSync(file: string, now: Date, intoDir?: string): string {
  const ext = path.extname(file)
  const base = path.basename(file, ext)
  const dir = intoDir ?? path.dirname(file)
  fs.mkdirSync(dir, { recursive: true })
  let target = path.join(dir, `${base}.unreadable-${timestamp(now)}${ext}`)
  for (let n = 2; fs.existsSync(target); n += 1) {
    target = path.join(dir, `${base}.unreadable-${timestamp(now)}-${n}${ext}`)
  }
  fs.renameSync(file, target)
  return target
}

/** How old a temporary file of a live process may be before it counts as left behind. */
const staleAfterMs = 10 * 60 * 1000

/** Our temporary files (`.<name>.<pid>.<hex>.tmp`, `.import-<pid>-<hex>`) and conf's (`<name>.tmp-<digits><hex>`). */
const ownTemp = /^\.(?:.+\.(\d+)\.[0-9a-f]+\.tmp|import-(\d+)-[0-9a-f]+)$/
const confTemp = /^.+\.tmp-\d{10}[0-9a-f]{6}$/

function processIsAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes the temporary files and folders a killed process left in `dir` (not in its
 * sub-folders): those of a process that no longer runs, and any older than ten minutes (a write
 * takes milliseconds). Another live process's write in progress is never touched. Returns the
 * names removed.
 */
export function cleanStaleTempFilesSync(dir: string, now: Date = new Date(), listing?: ReadonlyArray<string>): string[] {
  let names: ReadonlyArray<string>
  try {
    // (the folder's names as the caller just read them, or read here)
    names = listing ?? fs.readdirSync(dir)
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names) {
    const own = ownTemp.exec(name)
    if (!own && !confTemp.test(name)) continue
    const full = path.join(dir, name)
    let stat: fs.Stats
    try {
      stat = fs.lstatSync(full)
    } catch {
      continue
    }
    const pid = own ? Number(own[1] ?? own[2]) : null
    const old = now.getTime() - stat.mtimeMs > staleAfterMs
    if (!old && (pid === null || processIsAlive(pid))) continue
    try {
      fs.rmSync(full, { recursive: true, force: true })
      removed.push(name)
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed
}

/**
 * What a file is now: its inode, size and modification time ("missing" when there is none). An
 * atomic write puts a new inode in place, so any change by any process gives a new stamp; a store
 * that kept what it read compares stamps before using it again.
 */
export function fileStamp(file: string): string {
  try {
    const stat = fs.statSync(file, { bigint: true })
    return `${stat.ino}:${stat.size}:${stat.mtimeNs}`
  } catch {
    return 'missing'
  }
}

/** Reads and parses a JSON file: `missing`, `parsed` with the value, or `unreadable` with the reason. */
export function readJsonFileSync(
  file: string,
): { kind: 'missing' } | { kind: 'parsed'; value: unknown } | { kind: 'unreadable'; reason: string } {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' }
    return { kind: 'unreadable', reason: (error as Error).message }
  }
  try {
    return { kind: 'parsed', value: JSON.parse(text) }
  } catch (error) {
    return { kind: 'unreadable', reason: (error as Error).message }
  }
}
