import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { build } from 'vite'
import { lazyModules, lazyStandIns } from '../../vite.lazy-modules'
import { repoRoot, tempDir } from '../helpers/ports'

const requireFromRoot = createRequire(path.join(repoRoot, 'package.json'))

/** A stand-in of vite.lazy-modules.ts run as CommonJS, its require reaching the real library; `loads` counts those requires. */
function standIn(specifier: string): { exports: Record<string, unknown> & ((...args: unknown[]) => unknown); loads: () => number } {
  const source = lazyStandIns.get(specifier)
  if (!source) throw new Error(`no stand-in for ${specifier}`)
  let loads = 0
  const module = { exports: {} as Record<string, unknown> }
  const require = (id: string) => {
    expect(id).toBe(specifier)
    loads += 1
    return requireFromRoot(id) as unknown
  }
  new Function('module', 'exports', 'require', source)(module, module.exports, require)
  return { exports: module.exports as never, loads: () => loads }
}

describe('the stand-ins that defer libraries a letter never runs (vite.lazy-modules.ts)', () => {
  it('decompress brotli as brotli does, loading it on the first call only', () => {
    const { exports: decompress, loads } = standIn('brotli/decompress.js')
    expect(loads()).toBe(0)
    const text = Buffer.from('Rightful '.repeat(500))
    const packed = zlib.brotliCompressSync(text)
    expect(Buffer.from(decompress(packed) as Uint8Array).equals(text)).toBe(true)
    expect(Buffer.from(decompress(packed, text.length) as Uint8Array).equals(text)).toBe(true)
    expect(loads()).toBe(2)
  })

  it('construct the real LineBreaker, whose breaks are linebreak’s', () => {
    const Real = requireFromRoot('linebreak') as new (text: string) => { nextBreak(): { position: number; required: boolean } | null }
    const { exports: LineBreaker, loads } = standIn('linebreak')
    expect(loads()).toBe(0)
    const breaks = (breaker: { nextBreak(): { position: number; required: boolean } | null }) => {
      const found: Array<[number, boolean]> = []
      for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) found.push([next.position, next.required])
      return found
    }
    const text = 'Sehr geehrte Damen und Herren,\nbitte löschen Sie meine Daten – vollständig. 请删除我的数据。'
    const made = new (LineBreaker as unknown as new (text: string) => InstanceType<typeof Real>)(text)
    expect(made).toBeInstanceOf(Real)
    expect(breaks(made)).toEqual(breaks(new Real(text)))
    expect(loads()).toBe(1)
  })

  it('encrypt with AES as @noble/ciphers does (cbc and ecb, the two pdfkit imports)', () => {
    const real = requireFromRoot('@noble/ciphers/aes') as Record<'cbc' | 'ecb', (...args: unknown[]) => { encrypt(data: Uint8Array): Uint8Array }>
    const { exports: aes, loads } = standIn('@noble/ciphers/aes')
    expect(Object.keys(aes).sort()).toEqual(['cbc', 'ecb'])
    const key = new Uint8Array(32).map((_, i) => i * 7)
    const iv = new Uint8Array(16).map((_, i) => 255 - i)
    const data = new TextEncoder().encode('A letter is never encrypted, but pdfkit can.')
    const cbc = aes.cbc as (typeof real)['cbc']
    const ecb = aes.ecb as (typeof real)['ecb']
    expect(cbc(key, iv).encrypt(data)).toEqual(real.cbc(key, iv).encrypt(data))
    expect(ecb(key).encrypt(data)).toEqual(real.ecb(key).encrypt(data))
    expect(loads()).toBe(2)
  })

  it('put each stand-in in a bundle in place of the library, which runs only when called', async () => {
    const dir = tempDir()
    const entry = path.join(dir, 'entry.mjs')
    fs.writeFileSync(
      entry,
      [
        "import decompress from 'brotli/decompress.js'",
        "import LineBreaker from 'linebreak'",
        "import { cbc } from '@noble/ciphers/aes'",
        'export const parts = { decompress, LineBreaker, cbc }',
      ].join('\n'),
    )
    const out = path.join(dir, 'out')
    await build({
      configFile: false,
      logLevel: 'silent',
      root: repoRoot,
      plugins: [lazyModules()],
      build: { outDir: out, minify: false, lib: { entry, formats: ['cjs'], fileName: () => 'bundle.cjs' }, rollupOptions: { external: (id) => id.startsWith('node:') } },
    })
    const bundle = fs.readFileSync(path.join(out, 'bundle.cjs'), 'utf8')
    // The three stand-ins are in the bundle, and each library behind a call.
    for (const specifier of lazyStandIns.keys()) expect(bundle).toContain(`rightful-lazy:${specifier}`)
    const loaded = createRequire(path.join(out, 'bundle.cjs'))(path.join(out, 'bundle.cjs')) as { parts: { decompress: (b: Uint8Array) => Uint8Array } }
    const text = Buffer.from('bundled '.repeat(100))
    expect(Buffer.from(loaded.parts.decompress(zlib.brotliCompressSync(text))).equals(text)).toBe(true)
  })
})
