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

const repoRoot = path.resolve(__dirname, '..')
const mainBundle = path.join(repoRoot, '.vite', 'build', 'main.js')

/** Run in the child: a stand-in `electron`, then main.js; prints ms from the require to the window. */
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
    process.stdout.write(String(performance.now() - started))
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

function runs(args: ReadonlyArray<string>, env: NodeJS.ProcessEnv, count = 3): number[] {
  const samples: number[] = []
  for (let i = 0; i < count; i += 1) {
    const started = performance.now()
    const result = spawnSync(process.execPath, args, { env, encoding: 'utf8' })
    const wall = performance.now() - started
    if (result.status !== 0) throw new Error(`node ${args.join(' ')}: ${result.stderr}`)
    samples.push(args[0] === '-e' && args[1] === '0' ? wall : Number(result.stdout))
  }
  return samples.sort((a, b) => a - b)
}

export function benchMainStart(report: (name: string, value: string) => void): void {
  if (!fs.existsSync(mainBundle)) {
    report('main process: time to the window', 'skipped: run `npm run build:main` first')
    return
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-bench-main-'))
  try {
    const env = { ...process.env, RIGHTFUL_DATA_DIR: dataDir }
    const anchor = runs(['-e', '0'], env)
    const window = runs(['-e', child, mainBundle], env)
    const median = (values: number[]) => values[Math.floor(values.length / 2)]!
    report('anchor: node -e 0, whole process (min / median of 3)', `${Math.round(anchor[0]!)} / ${Math.round(median(anchor))} ms`)
    report('main.js loaded to BrowserWindow created (min / median of 3)', `${Math.round(window[0]!)} / ${Math.round(median(window))} ms (electron stood in for)`)
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  benchMainStart((name, value) => process.stdout.write(`${name.padEnd(60)} ${value}\n`))
}
