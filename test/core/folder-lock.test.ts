// @module-tag process
/**
 * The data folder's lock (storage/folder-lock.ts), with real processes: exclusive across
 * processes, taken over at once when its owner was killed, bounded waiting with DATA_FOLDER_BUSY,
 * and never held across an await.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CoreError } from '../../electron/core/shared/result'
import { createFolderLock, folderLock, folderLockName } from '../../electron/core/storage/folder-lock'
import { repoRoot, tempDir } from '../helpers/ports'

type Child = { code: number | null; signal: NodeJS.Signals | null; stdout: string }

/** Starts the lock worker; `onLine` sees each line of its output as it comes. */
function lockWorker(args: ReadonlyArray<string>, onLine?: (line: string) => void): Promise<Child> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test', 'helpers', 'lock-worker.ts'), ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] })
    let stdout = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
      for (const line of chunk.split('\n')) if (line) onLine?.(line)
    })
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code, signal, stdout }))
  })
}

const lockFiles = (dir: string) => fs.readdirSync(dir).filter((name) => name.startsWith(folderLockName) || name.endsWith('.tmp'))

function busyError(run: () => unknown): CoreError {
  try {
    run()
  } catch (error) {
    if (error instanceof CoreError) return error
    throw error
  }
  throw new Error('expected DATA_FOLDER_BUSY')
}

describe('the data folder lock', () => {
  it('keeps every increment of four processes that read, add one and write the same file', async () => {
    const dir = tempDir('rightful-lock-')
    const counter = path.join(dir, 'counter.txt')
    fs.writeFileSync(counter, '0')
    const children = await Promise.all([1, 2, 3, 4].map(() => lockWorker([dir, 'count', counter, '150'])))
    for (const child of children) expect(child.code).toBe(0)
    expect(fs.readFileSync(counter, 'utf8')).toBe('600')
    expect(lockFiles(dir)).toEqual([])
  })

  it('takes over at once a lock whose owner was killed while holding it, and leaves nothing behind', async () => {
    const dir = tempDir('rightful-lock-')
    const dead = await lockWorker([dir, 'die'])
    expect(dead.signal).toBe('SIGKILL')
    const left = JSON.parse(fs.readFileSync(path.join(dir, folderLockName), 'utf8')) as { pid: number }
    expect(left.pid).toBeGreaterThan(0)
    // A wait of zero: only a dead owner's lock can be had at once.
    const lock = createFolderLock(dir, { waitMs: 0 })
    expect(lock.run(() => 'mine')).toBe('mine')
    expect(lockFiles(dir)).toEqual([])
  })

  it('passes the takeover on when the process taking it over died too', () => {
    const dir = tempDir('rightful-lock-')
    const deadPid = 2 ** 22 + 12345 // above Linux's largest process id: never running
    const owner = (token: string) => JSON.stringify({ pid: deadPid, thread: 0, host: os.hostname(), token, since: new Date().toISOString() })
    fs.writeFileSync(path.join(dir, folderLockName), owner('aaaaaaaaaaaaaaaa'))
    // A first taker died after claiming the takeover, before removing the lock.
    fs.writeFileSync(path.join(dir, `${folderLockName}.takeover-aaaaaaaaaaaaaaaa`), owner('bbbbbbbbbbbbbbbb'))
    const lock = createFolderLock(dir, { waitMs: 0 })
    expect(lock.run(() => 42)).toBe(42)
    expect(lockFiles(dir)).toEqual([])
  })

  it('waits a bounded time for a live owner, then says DATA_FOLDER_BUSY without running the change', async () => {
    const dir = tempDir('rightful-lock-')
    const sentinel = path.join(dir, 'hold')
    fs.writeFileSync(sentinel, '')
    let held!: () => void
    const holding = new Promise<void>((resolve) => (held = resolve))
    const child = lockWorker([dir, 'hold', sentinel], (line) => line === 'held' && held())
    await holding
    const lock = createFolderLock(dir, { waitMs: 300 })
    let ran = false
    const error = busyError(() => lock.run(() => (ran = true)))
    expect(error.code).toBe('DATA_FOLDER_BUSY')
    expect(error.message).toMatch(/Nothing was changed/)
    expect(ran).toBe(false)
    fs.rmSync(sentinel)
    expect((await child).code).toBe(0)
    expect(lock.run(() => 'after')).toBe('after')
    expect(lockFiles(dir)).toEqual([])
  })

  it('leaves a fresh lock of another host alone, and takes over one older than the stale time', () => {
    const dir = tempDir('rightful-lock-')
    const file = path.join(dir, folderLockName)
    const other = (since: Date) => JSON.stringify({ pid: process.pid, thread: 0, host: `not-${os.hostname()}`, token: 'cccccccccccccccc', since: since.toISOString() })
    fs.writeFileSync(file, other(new Date()))
    expect(busyError(() => createFolderLock(dir, { waitMs: 50, staleAfterMs: 60_000 }).run(() => 1)).code).toBe('DATA_FOLDER_BUSY')
    fs.writeFileSync(file, other(new Date(Date.now() - 120_000)))
    expect(createFolderLock(dir, { waitMs: 50, staleAfterMs: 60_000 }).run(() => 2)).toBe(2)
    expect(lockFiles(dir)).toEqual([])
  })

  it('takes over a lock file that does not say who holds it once it is a few seconds old', () => {
    const dir = tempDir('rightful-lock-')
    const file = path.join(dir, folderLockName)
    fs.writeFileSync(file, 'not a lock')
    const old = new Date(Date.now() - 60_000)
    fs.utimesSync(file, old, old)
    expect(createFolderLock(dir, { waitMs: 0 }).run(() => 'ok')).toBe('ok')
    expect(lockFiles(dir)).toEqual([])
  })

  it('runs nested changes inside the same hold, one instance per folder', () => {
    const dir = tempDir('rightful-lock-')
    const lock = folderLock(dir)
    expect(folderLock(path.join(dir, '.'))).toBe(lock)
    const seen = lock.run(() => {
      const inner = folderLock(dir).run(() => lock.held())
      return { inner, file: fs.existsSync(path.join(dir, folderLockName)) }
    })
    expect(seen).toEqual({ inner: true, file: true })
    expect(lock.held()).toBe(false)
    expect(lockFiles(dir)).toEqual([])
  })

  it('refuses a change that returns a promise, and lets go of the lock', () => {
    const dir = tempDir('rightful-lock-')
    const lock = createFolderLock(dir)
    expect(() => lock.run(async () => 1)).toThrow(/synchronous/)
    expect(lock.held()).toBe(false)
    expect(lockFiles(dir)).toEqual([])
  })

  it('lets go of the lock when the change throws', () => {
    const dir = tempDir('rightful-lock-')
    const lock = createFolderLock(dir)
    expect(() =>
      lock.run(() => {
        throw new CoreError('INVALID_INPUT', 'no')
      }),
    ).toThrow('no')
    expect(lockFiles(dir)).toEqual([])
    expect(lock.run(() => 'again')).toBe('again')
  })
})
