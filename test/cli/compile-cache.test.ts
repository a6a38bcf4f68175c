// @module-tag process
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot, tempDir } from '../helpers/ports'

// The launcher's plain CommonJS helper, read as bin/rightful.js reads it.
const { purposeOf, readHeader } = createRequire(import.meta.url)('../../bin/compile-cache.js') as { purposeOf: (argv: string[]) => string; readHeader: (bytes: Buffer) => unknown }

// bin/rightful.js with the built CLI (npm run build:cli), as the bundled-resources test in cli.test.ts.
const bin = path.join(repoRoot, 'bin', 'rightful.js')
const deadline = ['deadline', '--law', 'gdpr', '--country', 'DE-BY', '--received', '2026-01-31', '--json']

function rightful(argv: string[], env: Record<string, string>) {
  const dataDir = tempDir()
  const result = spawnSync(process.execPath, [bin, ...argv], { env: { ...process.env, RIGHTFUL_DATA_DIR: dataDir, ...env }, encoding: 'utf8', cwd: dataDir })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

const cacheFiles = (cacheHome: string) => {
  const dir = path.join(cacheHome, 'rightful', 'v8-cache')
  return fs.existsSync(dir) ? fs.readdirSync(dir).map((name) => path.join(dir, name)) : []
}

describe('the V8 code cache of the CLI (bin/compile-cache.js)', () => {
  const uncached = rightful(deadline, { RIGHTFUL_NO_COMPILE_CACHE: '1' })

  it('saves the compiled bundle on the first run and gives the same output from it after', () => {
    expect(uncached.status, uncached.stderr).toBe(0)
    expect(JSON.parse(uncached.stdout).due).toBe('2026-03-02')
    const cacheHome = tempDir()
    const first = rightful(deadline, { XDG_CACHE_HOME: cacheHome })
    expect(first).toEqual(uncached)
    const saved = cacheFiles(cacheHome)
    expect(saved.length).toBeGreaterThan(0)
    expect(saved.every((file) => file.endsWith('.bin') && fs.statSync(file).size > 0)).toBe(true)
    const second = rightful(deadline, { XDG_CACHE_HOME: cacheHome })
    expect(second).toEqual(uncached)
    const version = rightful(['--version'], { XDG_CACHE_HOME: cacheHome })
    expect(version).toEqual({ status: 0, stdout: `${JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version}\n`, stderr: '' })
  })

  it('compiles afresh over a damaged cache and replaces it', () => {
    const cacheHome = tempDir()
    expect(rightful(deadline, { XDG_CACHE_HOME: cacheHome })).toEqual(uncached)
    const saved = cacheFiles(cacheHome)
    for (const file of saved) fs.writeFileSync(file, 'not V8 code')
    expect(rightful(deadline, { XDG_CACHE_HOME: cacheHome })).toEqual(uncached)
    for (const file of saved) expect(fs.readFileSync(file, 'utf8')).not.toBe('not V8 code')
  })

  it("adds each command's own compiled code to the entries it shares with commands that ran before, once", () => {
    const cacheHome = tempDir()
    const entries = () =>
      new Map(
        cacheFiles(cacheHome).map((file) => {
          const header = readHeader(fs.readFileSync(file)) as { filename: string; purposes: string[] } | null
          expect(header, file).not.toBeNull()
          return [path.basename(header!.filename), { purposes: header!.purposes, digest: createHash('sha256').update(fs.readFileSync(file)).digest('hex') }]
        }),
      )
    expect(rightful(deadline, { XDG_CACHE_HOME: cacheHome })).toEqual(uncached)
    const afterDeadline = entries()
    expect(afterDeadline.get('cli.js')?.purposes).toEqual(['deadline'])

    const dir = tempDir()
    const profile = path.join(dir, 'profile.json')
    fs.writeFileSync(profile, JSON.stringify({ name: 'Alex Example', email: 'alex@example.org', address: 'Musterstraße 12\n10115 Berlin\nGermany' }))
    const letter = (out: string) => rightful(['letter', '--company', 'fs-com', '--type', 'access', '--profile', profile, '--out', path.join(dir, out), '--json'], { XDG_CACHE_HOME: cacheHome })
    const first = letter('first.pdf')
    expect(first.status, first.stderr).toBe(0)
    const afterLetter = entries()
    // The entry of cli.js, which both ran, now holds the letter's code too; the letter's own chunks hold it alone.
    expect(afterLetter.get('cli.js')?.purposes).toEqual(['deadline', 'letter'])
    expect(afterLetter.get('cli.js')?.digest).not.toBe(afterDeadline.get('cli.js')!.digest)
    expect([...afterLetter].filter(([name]) => !afterDeadline.has(name)).every(([, entry]) => entry.purposes.join() === 'letter')).toBe(true)
    // A second letter finds its code in every entry and saves nothing.
    const second = letter('second.pdf')
    expect(second.status, second.stderr).toBe(0)
    expect(entries()).toEqual(afterLetter)
    // Three fresh processes on a loaded machine: more time than the default.
  }, 300_000)

  it('names a run by its command, past --ui-lang and its value', () => {
    expect(purposeOf(['letter', '--company', 'fs-com'])).toBe('letter')
    expect(purposeOf(['--ui-lang', 'de', 'requests', 'list'])).toBe('requests')
    expect(purposeOf(['--json', 'deadline'])).toBe('deadline')
    expect(purposeOf(['--version'])).toBe('')
    expect(purposeOf(['--', 'letter'])).toBe('')
    expect(purposeOf(['Letter'])).toBe('')
  })

  it('runs as usual where no cache folder can be made, and leaves none', () => {
    const dir = tempDir()
    const blocker = path.join(dir, 'a-file')
    fs.writeFileSync(blocker, 'in the way')
    expect(rightful(deadline, { XDG_CACHE_HOME: blocker })).toEqual(uncached)
    expect(fs.readFileSync(blocker, 'utf8')).toBe('in the way')
    const bad = rightful(['deadline', '--law', 'gdpr'], { XDG_CACHE_HOME: blocker })
    expect(bad.status).toBe(2)
    expect(bad.stdout).toBe('')
  })
})
