// @module-tag process
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot, tempDir } from '../helpers/ports'

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
