/**
 * One lock per data folder, shared by every process that opens it: the desktop app, the
 * `rightful` command and the browser harness may run side by side on the same folder (a supported
 * set-up). Every read-modify-write of the folder runs inside `run`: it takes the lock, reads the
 * file again, changes it and writes it atomically, then lets go. Reads need no lock (every file is
 * replaced atomically, so a reader sees the old or the new content, never a mix).
 *
 * The lock is the file `<data>/.rightful.lock`, created in one step (a hard link from a finished
 * temporary file, so it never exists half-written) and holding its owner: process id, host, a
 * random token and the time it was taken. It is held only for synchronous work, milliseconds long,
 * never across an await (no network, no dialog): `run` refuses a change that returns a promise.
 *
 * A lock whose owner died (killed, crashed, power cut) is taken over at once: its process no
 * longer runs on this host. Taking over is itself exclusive, so two waiters never both remove it
 * (and one never removes the lock the other just took): the right to remove the lock with token T
 * belongs to whoever creates `<lock>.takeover-T`; if that one dies too, the right passes on through
 * `<lock>.takeover-<its token>`, and so on. Only the lock that still carries the token T is removed.
 * A lock older than `staleAfterMs` (a process id reused by another program, an owner on another
 * host sharing the folder) counts as abandoned as well.
 *
 * Waiting is bounded: after `waitMs` the call fails with DATA_FOLDER_BUSY and nothing was changed.
 *
 * Not proper-lockfile: it tells a dead owner only by the age of the lock (at least 2 s, 10 s by
 * default, so every crash stalls the next process that long), and it keeps the age fresh with a
 * timer, which cannot run while a synchronous write holds the lock: a write longer than the stale
 * time loses the lock to another process mid-write (measured: a 3.5 s hold was taken over after
 * 2.4 s, and the first owner's release then removed the second owner's lock).
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { threadId } from 'node:worker_threads'
import { CoreError } from '../shared/result'
import { coreError, reasonOf } from '../messages/errors'
import { message } from '../shared/message'

/** The lock's file name in the data folder (hidden: never backed up, never swapped by a restore). */
export const folderLockName = '.rightful.lock'

export type FolderLock = {
  /** The lock file. */
  readonly file: string
  /**
   * Runs `change` holding the lock and returns what it returns. `change` must be synchronous.
   * Nested calls (in this process) run inside the outer hold. Throws DATA_FOLDER_BUSY when the
   * lock could not be had within the wait; `change` has not run then.
   */
  run<T>(change: () => T): T
  /** Whether this process holds the lock right now (inside `run`). */
  held(): boolean
  /**
   * Removes what a dead process left of the lock (the lock itself, takeover claims), without
   * waiting for anyone: a live owner's lock is left alone. Run when the folder is opened.
   */
  clearAbandoned(): void
}

export type FolderLockOptions = {
  /** How long a caller waits for another process's hold before DATA_FOLDER_BUSY. */
  readonly waitMs?: number
  /** After this long a lock counts as abandoned whoever holds it (a hold takes milliseconds). */
  readonly staleAfterMs?: number
}

/** Who holds a lock (or a right to take one over): what the lock file says. */
type Owner = { readonly pid: number; readonly thread: number; readonly host: string; readonly token: string; readonly since: string }

type Found = { readonly kind: 'missing' } | { readonly kind: 'owner'; readonly owner: Owner } | { readonly kind: 'unreadable'; readonly id: string; readonly mtimeMs: number }

const defaultWaitMs = 20_000
const defaultStaleAfterMs = 10 * 60_000
/** A lock file that does not say who holds it (written by something else) is left alone this long. */
const unreadableGraceMs = 5_000

/** Tokens of the locks this thread holds, in any instance: a lock file naming this thread and another token is left over. */
const heldTokens = new Set<string>()

const sleeper = new Int32Array(new SharedArrayBuffer(4))
/** Waits without giving the event loop a turn (the lock is for synchronous work). */
function sleepSync(ms: number): void {
  try {
    Atomics.wait(sleeper, 0, 0, ms)
  } catch {
    // Where Atomics.wait is not allowed, a short busy wait.
    const end = Date.now() + ms
    while (Date.now() < end) {
      /* waiting */
    }
  }
}

function isOwner(value: unknown): value is Owner {
  const owner = value as Owner | null
  return (
    typeof owner === 'object' &&
    owner !== null &&
    Number.isSafeInteger(owner.pid) &&
    Number.isSafeInteger(owner.thread) &&
    typeof owner.host === 'string' &&
    typeof owner.token === 'string' &&
    /^[0-9a-f]{8,64}$/.test(owner.token) &&
    typeof owner.since === 'string' &&
    !Number.isNaN(Date.parse(owner.since))
  )
}

function readOwnerFile(file: string): Found {
  let text: string
  let stat: fs.Stats
  try {
    const fd = fs.openSync(file, 'r')
    try {
      stat = fs.fstatSync(fd)
      text = fs.readFileSync(fd, 'utf8')
    } finally {
      fs.closeSync(fd)
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' }
    throw error
  }
  try {
    const value: unknown = JSON.parse(text)
    if (isOwner(value)) return { kind: 'owner', owner: value }
  } catch {
    // Not ours: told by its identity below.
  }
  return { kind: 'unreadable', id: `i${stat.ino}m${Math.floor(stat.mtimeMs)}s${stat.size}`, mtimeMs: stat.mtimeMs }
}

/** Whether a process runs (Linux: a zombie, killed and not yet reaped, does not). */
export function processRuns(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
  if (process.platform !== 'linux') return true
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    // "pid (name) S ...": the state follows the last parenthesis (a name may hold one).
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
  } catch {
    return true
  }
}

/** Creates `file` with `content` in one step; false when it exists. */
function createExclusive(file: string, content: string): boolean {
  const temp = path.join(path.dirname(file), `.${path.basename(file).slice(0, 120)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  fs.writeFileSync(temp, content, { flag: 'wx', mode: 0o600 })
  try {
    fs.linkSync(temp, file)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    fs.rmSync(temp, { force: true })
  }
}

const instances = new Map<string, FolderLock>()

/**
 * The lock of a data folder; one instance per folder in a process (so nested calls share the
 * hold). Options apply when the instance is first made.
 */
export function folderLock(dataDir: string, options: FolderLockOptions = {}): FolderLock {
  fs.mkdirSync(dataDir, { recursive: true })
  const key = fs.realpathSync(dataDir)
  let lock = instances.get(key)
  if (!lock) {
    lock = createFolderLock(key, options)
    instances.set(key, lock)
  }
  return lock
}

/** A lock on its own, outside the per-folder registry (tests of waiting and taking over). */
export function createFolderLock(dataDir: string, options: FolderLockOptions = {}): FolderLock {
  const file = path.join(dataDir, folderLockName)
  const waitMs = options.waitMs ?? defaultWaitMs
  const staleAfterMs = options.staleAfterMs ?? defaultStaleAfterMs
  const host = os.hostname()
  let depth = 0
  let mine: Owner | null = null
  let swept = false

  const isGone = (found: Found): boolean => {
    if (found.kind === 'missing') return false
    if (found.kind === 'unreadable') return Date.now() - found.mtimeMs > unreadableGraceMs
    const { owner } = found
    if (Date.now() - Date.parse(owner.since) > staleAfterMs) return true
    if (owner.host !== host) return false
    if (owner.pid === process.pid && owner.thread === threadId) return !heldTokens.has(owner.token)
    if (owner.pid === process.pid) return false
    return !processRuns(owner.pid)
  }

  const tokenOf = (found: Exclude<Found, { kind: 'missing' }>): string => (found.kind === 'owner' ? found.owner.token : found.id)

  /**
   * Removes the abandoned lock `victim`, when this process wins the right to (see the header).
   * Returns false, doing nothing, when another live process is taking it over right now.
   */
  const takeOver = (victim: Exclude<Found, { kind: 'missing' }>, me: Owner): boolean => {
    const claims: string[] = []
    let level = tokenOf(victim)
    for (let hops = 0; hops < 64; hops += 1) {
      const claim = `${file}.takeover-${level}`
      if (createExclusive(claim, JSON.stringify(me))) {
        claims.push(claim)
        const current = readOwnerFile(file)
        if (current.kind !== 'missing' && tokenOf(current) === tokenOf(victim)) fs.rmSync(file, { force: true })
        for (const done of claims) fs.rmSync(done, { force: true })
        return true
      }
      const claimer = readOwnerFile(claim)
      if (claimer.kind === 'missing') continue // let go meanwhile: try the same claim again
      if (!isGone(claimer)) return false
      claims.push(claim)
      level = tokenOf(claimer)
    }
    return false
  }

  /** Takeover claims a dead process left behind after the lock they were about went away. */
  const sweep = (): void => {
    swept = true
    const prefix = `${folderLockName}.takeover-`
    let names: string[]
    try {
      names = fs.readdirSync(dataDir).filter((name) => name.startsWith(prefix))
    } catch {
      return
    }
    if (names.length === 0) return
    const current = readOwnerFile(file)
    const currentToken = current.kind === 'missing' ? null : tokenOf(current)
    for (const name of names) {
      if (name.slice(prefix.length) === currentToken) continue
      const claim = path.join(dataDir, name)
      const claimer = readOwnerFile(claim)
      if (claimer.kind !== 'missing' && isGone(claimer)) fs.rmSync(claim, { force: true })
    }
  }

  const busy = (found: Found, waitedMs: number): CoreError => {
    const who =
      found.kind === 'owner'
        ? found.owner.host === host
          ? message('error.who.process', { pid: String(found.owner.pid) })
          : message('error.who.host', { host: found.owner.host.slice(0, 100) })
        : message('error.who.another')
    return coreError('DATA_FOLDER_BUSY', 'error.busy', { who, seconds: Math.round(waitedMs / 1000) })
  }

  const newOwner = (): Owner => ({ pid: process.pid, thread: threadId, host, token: randomBytes(12).toString('hex'), since: new Date().toISOString() })

  const acquire = (): void => {
    const me = newOwner()
    const started = Date.now()
    let pause = 1
    for (;;) {
      let created: boolean
      try {
        created = createExclusive(file, JSON.stringify(me))
      } catch (error) {
        throw coreError('STORAGE_FAILED', 'error.storage.dataFolder', { reason: reasonOf(error), folder: dataDir })
      }
      if (created) {
        mine = me
        heldTokens.add(me.token)
        if (!swept) sweep()
        return
      }
      const found = readOwnerFile(file)
      if (found.kind === 'missing') continue // let go between the two steps
      if (isGone(found) && takeOver(found, me)) continue
      const waited = Date.now() - started
      if (waited >= waitMs) throw busy(found, waited)
      // A little randomness, so that waiters do not wake together.
      sleepSync(Math.min(pause + Math.random() * pause, waitMs - waited))
      pause = Math.min(pause * 2, 20)
    }
  }

  const release = (): void => {
    const owner = mine
    mine = null
    if (!owner) return
    heldTokens.delete(owner.token)
    const current = readOwnerFile(file)
    // Ours still (it always is: a live owner is never taken over within staleAfterMs).
    if (current.kind === 'owner' && current.owner.token === owner.token) fs.rmSync(file, { force: true })
  }

  return {
    file,
    held: () => depth > 0,
    clearAbandoned() {
      if (depth > 0) return
      const found = readOwnerFile(file)
      if (found.kind !== 'missing' && isGone(found)) takeOver(found, newOwner())
      sweep()
    },
    run<T>(change: () => T): T {
      if (depth > 0) {
        depth += 1
        try {
          return guardSync(change())
        } finally {
          depth -= 1
        }
      }
      acquire()
      depth = 1
      try {
        return guardSync(change())
      } finally {
        depth = 0
        release()
      }
    },
  }
}

/** A change that returns a promise would hold the lock across an await: refused, loudly. */
function guardSync<T>(value: T): T {
  if (typeof (value as { then?: unknown } | null)?.then === 'function') {
    throw new Error('A change of the data folder must be synchronous: the lock is never held across an await.')
  }
  return value
}
