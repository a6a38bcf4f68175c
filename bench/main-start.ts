/**
 * How soon the Electron main process (the built .vite/build/main.js) asks for its window, measured
 * in plain Node with `electron` replaced by a stand-in that answers every call (the Electron binary
 * cannot run here): the time from loading main.js to the BrowserWindow being created, in fresh
 * processes (min / median of 3), beside `node -e 0`. What main.js loads before that is what delays
 * the window; the core runs in its own process (forked here as a no-op).
 *
 * Run alone: npx tsx bench/main-start.ts (needs `npm run build:main`). Figures only.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { describeLoaded, loadedDetail } from './loaded-code'
import { recordFigure } from './summary'

const repoRoot = path.resolve(__dirname, '..')
const mainBundle = path.join(repoRoot, '.vite', 'build', 'main.js')

/**
 * Run in the child: a stand-in `electron`, then main.js; prints JSON: ms from the require to the
 * window, and the files loaded by then.
 */
const child = String.raw`
const Module = require('node:module')
const { performance } = require('node:perf_hooks')
let started = 0
/** Answers any property and any call with itself; not a thenable. */
const anything = () => {
  const target = function () {}
  const proxy = new Proxy(target, {
    get: (_t, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : proxy),
    apply: () => proxy,
    construct: () => proxy,
  })
  return proxy
}
class BrowserWindow {
  constructor() {
    const ms = performance.now() - started
    process.stdout.write(JSON.stringify({ ms, loaded: Object.keys(Module._cache) }))
    process.exit(0)
  }
  static getAllWindows() { return [] }
}
const electron = new Proxy({}, {
  get: (_t, key) => {
    if (key === 'BrowserWindow') return BrowserWindow
    if (key === 'app') return new Proxy({}, { get: (_a, k) => k === 'whenReady' ? () => Promise.resolve() : k === 'getPath' ? () => process.env.RIGHTFUL_DATA_DIR : k === 'getPreferredSystemLanguages' ? () => ['en'] : k === 'getVersion' ? () => '0.0.0' : k === 'then' ? undefined : anything() })
    return key === 'then' || key === '__esModule' ? undefined : anything()
  },
})
const load = Module._load
Module._load = function (request, parent, isMain) {
  if (request === 'electron' || request.startsWith('electron/')) return electron
  return load.call(this, request, parent, isMain)
}
globalThis.MAIN_WINDOW_VITE_NAME = 'main_window'
started = performance.now()
require(process.argv[1])
setTimeout(() => { process.stderr.write('no window within 10 s'); process.exit(1) }, 10000).unref()
`

/** `count` fresh processes of `node args`: their times (sorted; the wall time for `node -e 0`) and the last one's output. */
function runs(args: ReadonlyArray<string>, env: NodeJS.ProcessEnv, count = 3): { samples: number[]; loaded: string[] } {
  const samples: number[] = []
  let loaded: string[] = []
  for (let i = 0; i < count; i += 1) {
    const started = performance.now()
    const result = spawnSync(process.execPath, args, { env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })
    const wall = performance.now() - started
    if (result.status !== 0) throw new Error(`node ${args.join(' ')}: ${result.stderr}`)
    if (args[0] === '-e' && args[1] === '0') samples.push(wall)
    else {
      const printed = JSON.parse(result.stdout) as { ms: number; loaded: string[] }
      samples.push(printed.ms)
      loaded = printed.loaded
    }
  }
  return { samples: samples.sort((a, b) => a - b), loaded }
}

export function benchMainStart(report: (name: string, value: string) => void): void {
  if (!fs.existsSync(mainBundle)) {
    report('main process: time to the window', 'skipped: run `npm run build:main` first')
    return
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-bench-main-'))
  try {
    const env = { ...process.env, RIGHTFUL_DATA_DIR: dataDir }
    const anchor = runs(['-e', '0'], env).samples
    const { samples: window, loaded } = runs(['-e', child, mainBundle], env)
    const median = (values: number[]) => values[Math.floor(values.length / 2)]!
    const anchorText = `node -e 0 ${Math.round(anchor[0]!)} / ${Math.round(median(anchor))} ms`
    report('anchor: node -e 0, whole process (min / median of 3)', `${Math.round(anchor[0]!)} / ${Math.round(median(anchor))} ms`)
    report('main.js loaded to BrowserWindow created (min / median of 3)', `${Math.round(window[0]!)} / ${Math.round(median(window))} ms (electron stood in for)`)
    // What the main process had loaded when it asked for the window: the core (its own process),
    // mail, PDF, IMAP, the holidays library and the classifiers should not be among it.
    const code = describeLoaded(loaded, path.dirname(mainBundle))
    const coreLoaded = code.files.some((file) => file === 'core.js' || file === 'compute-worker.js')
    const detail = `${loadedDetail(code, '.vite/build')}${coreLoaded ? '; the core bundle too' : ''}`
    report('main.js: code loaded before the window', detail)
    recordFigure('main-window', { min: window[0]!, median: median(window), unit: 'ms', detail, check: code.heavy.length === 0 && !coreLoaded, anchor: anchorText })
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  benchMainStart((name, value) => process.stdout.write(`${name.padEnd(60)} ${value}\n`))
}
