// @module-tag process
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot, tempDir } from '../helpers/ports'

// The V8 code cache (bin/compile-cache.js) on a bundle folder of its own: what it keeps and drops
// as the bundle's files change and disappear, as after rebuilds with new chunk hashes.
const compileCache = path.join(repoRoot, 'bin', 'compile-cache.js')

/** Runs a fresh Node that loads `files` of `bundle` through the cache under `cacheHome`; returns what they printed. */
function loadThroughCache(bundle: string, files: ReadonlyArray<string>, cacheHome: string): string {
  const script = `require(${JSON.stringify(compileCache)}).useCompileCache(${JSON.stringify(bundle)})\n${files.map((f) => `require(${JSON.stringify(path.join(bundle, f))})`).join('\n')}\n`
  const result = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, XDG_CACHE_HOME: cacheHome, RIGHTFUL_NO_COMPILE_CACHE: '' }, encoding: 'utf8' })
  expect(result.status, result.stderr).toBe(0)
  return result.stdout
}

const entries = (cacheHome: string) => fs.readdirSync(path.join(cacheHome, 'rightful', 'v8-cache')).sort()

/** The bundle file each entry names in its header. */
const sources = (cacheHome: string) =>
  entries(cacheHome).map((name) => {
    const bytes = fs.readFileSync(path.join(cacheHome, 'rightful', 'v8-cache', name))
    const start = 'rightful-v8-cache\0'.length
    return JSON.parse(bytes.subarray(start, bytes.indexOf(0, start)).toString('utf8'))[0] as string
  })

function writeChunk(file: string, word: string) {
  // Big enough for V8 to cache its code; prints the word so the run shows which code ran.
  const filler = Array.from({ length: 200 }, (_, i) => `function f${i}(x) { return x * ${i} + ${word.length} }`).join('\n')
  fs.writeFileSync(file, `${filler}\nconsole.log(${JSON.stringify(word)})\n`)
}

describe('the V8 code cache stays as large as the bundles that exist', () => {
  it('drops the entries of chunks that are gone or changed, and keeps those in use', () => {
    const bundle = tempDir()
    const cacheHome = tempDir()
    writeChunk(path.join(bundle, 'cli.js'), 'cli')
    writeChunk(path.join(bundle, 'core-AAAA.js'), 'core one')
    expect(loadThroughCache(bundle, ['cli.js', 'core-AAAA.js'], cacheHome)).toBe('cli\ncore one\n')
    expect(sources(cacheHome).sort()).toEqual([path.join(bundle, 'cli.js'), path.join(bundle, 'core-AAAA.js')].sort())

    // A rebuild: the chunk gets a new hash, the old one is removed, cli.js changes.
    fs.rmSync(path.join(bundle, 'core-AAAA.js'))
    writeChunk(path.join(bundle, 'core-BBBB.js'), 'core two')
    writeChunk(path.join(bundle, 'cli.js'), 'cli two')
    const future = new Date(Date.now() + 5_000)
    fs.utimesSync(path.join(bundle, 'cli.js'), future, future)
    expect(loadThroughCache(bundle, ['cli.js', 'core-BBBB.js'], cacheHome)).toBe('cli two\ncore two\n')
    expect(entries(cacheHome)).toHaveLength(2)
    expect(sources(cacheHome).sort()).toEqual([path.join(bundle, 'cli.js'), path.join(bundle, 'core-BBBB.js')].sort())

    // A run that saves nothing new leaves the folder as it is, and reads from it.
    const before = entries(cacheHome)
    expect(loadThroughCache(bundle, ['cli.js', 'core-BBBB.js'], cacheHome)).toBe('cli two\ncore two\n')
    expect(entries(cacheHome)).toEqual(before)
  })

  it('removes entries without a header (an older format or damage) and stale temporary files, and keeps a fresh one', () => {
    const bundle = tempDir()
    const cacheHome = tempDir()
    const dir = path.join(cacheHome, 'rightful', 'v8-cache')
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, `${'0'.repeat(32)}.bin`), 'raw V8 bytes of an older Rightful')
    fs.writeFileSync(path.join(dir, 'old.bin.123.tmp'), 'half')
    const longAgo = new Date(Date.now() - 3_600_000)
    fs.utimesSync(path.join(dir, 'old.bin.123.tmp'), longAgo, longAgo)
    fs.writeFileSync(path.join(dir, 'new.bin.456.tmp'), 'being written')
    fs.writeFileSync(path.join(dir, 'README'), 'not ours to judge')
    writeChunk(path.join(bundle, 'cli.js'), 'cli')
    expect(loadThroughCache(bundle, ['cli.js'], cacheHome)).toBe('cli\n')
    const left = entries(cacheHome)
    expect(left).toContain('new.bin.456.tmp')
    expect(left).toContain('README')
    expect(left).not.toContain('old.bin.123.tmp')
    expect(left).not.toContain(`${'0'.repeat(32)}.bin`)
    expect(left.filter((name) => name.endsWith('.bin'))).toHaveLength(1)
  })
})
