/**
 * What code a process loaded (issue 15: "load mail, PDF, IMAP, holidays and classifiers only when a
 * command needs them"): the bundle files it required, their size beside the whole bundle folder,
 * and which of the heavy parts they hold, read from each bundle file's source map (the packages
 * and core modules it was built from) or from the package a file of node_modules belongs to.
 *
 * A fresh process is run with bench/loaded-modules.cjs preloaded (`node -r`), which writes the
 * files in require's cache when it exits. Nothing here times anything.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** The preload that writes the loaded files at exit. */
export const loadedModulesHook = path.join(__dirname, 'loaded-modules.cjs')

/** A heavy part: the packages and core modules that make it up. */
type HeavyPart = { readonly name: string; readonly packages: ReadonlyArray<string>; readonly modules: ReadonlyArray<string> }

/** The parts issue 15 wants loaded only when a command needs them. */
export const heavyParts: ReadonlyArray<HeavyPart> = [
  { name: 'mail', packages: ['nodemailer', 'mailparser', '@zone-eu/mailsplit', 'mailsplit', 'libmime'], modules: [] },
  { name: 'PDF', packages: ['pdfkit', 'fontkit'], modules: ['electron/core/letters/pdf-letter.ts'] },
  { name: 'IMAP', packages: ['imapflow'], modules: [] },
  { name: 'holidays library', packages: ['date-holidays', 'date-holidays-parser', 'astronomia', 'moment-timezone'], modules: [] },
  { name: 'classifiers', packages: [], modules: ['electron/core/replies/classify.ts', 'electron/core/catalog/policy-import/extract.ts'] },
]

/** The package a path inside node_modules belongs to ("@scope/name" or "name"), else null. */
export function packageOf(file: string): string | null {
  const parts = file.split(/[\\/]/)
  const at = parts.lastIndexOf('node_modules')
  if (at < 0 || at + 1 >= parts.length) return null
  const first = parts[at + 1]!
  return first.startsWith('@') && at + 2 < parts.length ? `${first}/${parts[at + 2]}` : first
}

/** The packages and repository modules a bundle file was built from (its source map's sources). */
function sourcesOf(file: string): { packages: Set<string>; modules: Set<string> } {
  const packages = new Set<string>()
  const modules = new Set<string>()
  const map = `${file}.map`
  if (!fs.existsSync(map)) return { packages, modules }
  const sources = (JSON.parse(fs.readFileSync(map, 'utf8')) as { sources?: unknown }).sources
  for (const source of Array.isArray(sources) ? sources : []) {
    if (typeof source !== 'string') continue
    const name = packageOf(source)
    if (name) packages.add(name)
    else modules.add(source.replace(/^(\.\.\/)+/, '').replace(/\\/g, '/'))
  }
  return { packages, modules }
}

/** The heavy parts among loaded files, and how much of `bundleDir`'s code they are. */
export type LoadedCode = {
  /** Bytes of the bundle folder's .js files that were loaded, and of all of them. */
  readonly loadedBytes: number
  readonly bundleBytes: number
  /** Names of the heavy parts loaded (empty: none). */
  readonly heavy: ReadonlyArray<string>
  /** The bundle files loaded (base names). */
  readonly files: ReadonlyArray<string>
  /** The repository modules those files were built from ("electron/core/deadlines/engine.ts"). */
  readonly modules: ReadonlyArray<string>
}

/** Reads which heavy parts `loaded` (absolute file names) hold, counting bytes of `bundleDir`. */
export function describeLoaded(loaded: ReadonlyArray<string>, bundleDir: string): LoadedCode {
  const dir = path.resolve(bundleDir)
  const bundleBytes = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0)
  const packages = new Set<string>()
  const modules = new Set<string>()
  const files: string[] = []
  let loadedBytes = 0
  for (const file of loaded) {
    const name = packageOf(file)
    if (name) {
      packages.add(name)
      continue
    }
    if (path.dirname(path.resolve(file)) !== dir || !file.endsWith('.js')) continue
    files.push(path.basename(file))
    loadedBytes += fs.statSync(file).size
    const built = sourcesOf(file)
    for (const p of built.packages) packages.add(p)
    for (const m of built.modules) modules.add(m)
  }
  const heavy = heavyParts.filter((part) => part.packages.some((p) => packages.has(p)) || part.modules.some((m) => modules.has(m))).map((part) => part.name)
  return { loadedBytes, bundleBytes, heavy, files, modules: [...modules].sort() }
}

/** Runs `node -r <hook> ...args` once in `env`; the files it loaded. Throws when it fails. */
export function loadedBy(args: ReadonlyArray<string>, env: NodeJS.ProcessEnv): string[] {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-bench-loaded-'))
  try {
    const out = path.join(scratch, 'loaded.json')
    const result = spawnSync(process.execPath, ['-r', loadedModulesHook, ...args], { env: { ...env, RIGHTFUL_BENCH_LOADED_OUT: out }, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 })
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${String(result.status)}: ${result.stderr.slice(-1000)}`)
    return JSON.parse(fs.readFileSync(out, 'utf8')) as string[]
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true })
  }
}

/** "1,234 KB of 9,400 KB of build/cli; none of mail, PDF, …" or "…; loads IMAP, PDF". */
export function loadedDetail(code: LoadedCode, label: string): string {
  const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')} KB`
  const parts = heavyParts.map((part) => part.name).join(', ')
  return `${kb(code.loadedBytes)} of ${kb(code.bundleBytes)} of ${label} (${code.files.length} files); ${code.heavy.length === 0 ? `none of ${parts}` : `loads ${code.heavy.join(', ')}`}`
}
