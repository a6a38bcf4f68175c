/**
 * How soon a `rightful` command is done, in fresh processes of the built CLI (bin/rightful.js,
 * `npm run build:cli` first): `rightful --version` and `rightful deadline … --json`, min and
 * median of 3, each beside `node -e 0` measured in the same run (min and median of 3 as well).
 * Measured with the V8 code cache warm (bin/compile-cache.js, primed by one run into a cache
 * folder of the bench's own) and, for comparison, with it turned off (RIGHTFUL_NO_COMPILE_CACHE=1).
 * The target (issue 15) is under 150 ms on an idle machine; nothing passes or fails on time.
 *
 * Run alone: `npx tsx bench/cli-start.ts`.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { describeLoaded, loadedBy, loadedDetail } from './loaded-code'
import { recordFigure } from './summary'

const repoRoot = path.join(__dirname, '..')
const bin = path.join(repoRoot, 'bin', 'rightful.js')

type Timing = { readonly min: number; readonly median: number }

/** Min and median wall time of `runs` fresh processes of `node args`; throws when one fails. */
function timeProcess(args: ReadonlyArray<string>, env: NodeJS.ProcessEnv, runs = 3): Timing {
  const samples: number[] = []
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now()
    const result = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
    samples.push(performance.now() - start)
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${String(result.status)}: ${result.stderr}`)
  }
  samples.sort((a, b) => a - b)
  return { min: samples[0]!, median: samples[Math.floor(samples.length / 2)]! }
}

const show = (t: Timing, anchor: Timing) =>
  `${Math.round(t.min)} / ${Math.round(t.median)} ms (${(t.min / anchor.min).toFixed(1)} / ${(t.median / anchor.median).toFixed(1)} × node -e 0)`

/** The figures measured on main before each round of this work, for the closing note. */
const before = [
  'before (main at 0f7070d, one bundle, no cache; min / median of 5 on this 2-core machine, load ~2): --version 321 / 344 ms, deadline 429 / 473 ms, node -e 0 48 / 49 ms',
  'before the narrow deadline API (main at d7a7b6e, with the code cache; min / median of 3, load 0.8): --version 102 / 114 ms, deadline 216 / 236 ms, node -e 0 61 / 73 ms',
].join('\n  ')

export function benchCliStart(report: (name: string, value: string) => void): void {
  if (!fs.existsSync(path.join(repoRoot, 'build', 'cli', 'cli.js'))) {
    report('CLI start', 'skipped: run `npm run build:cli` first')
    return
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-bench-cli-start-'))
  try {
    const env = { ...process.env, RIGHTFUL_DATA_DIR: path.join(scratch, 'data'), XDG_CACHE_HOME: path.join(scratch, 'cache') }
    const uncached = { ...env, RIGHTFUL_NO_COMPILE_CACHE: '1' }
    const commands: ReadonlyArray<[string, string[]]> = [
      ['rightful --version', ['--version']],
      ['rightful deadline --law gdpr --country DE-BY … --json', ['deadline', '--law', 'gdpr', '--country', 'DE-BY', '--received', '2026-01-31', '--json']],
    ]
    // One run of each fills the data folder and the code cache; the figures are the runs after it.
    for (const [, args] of commands) timeProcess([bin, ...args], env, 1)
    const anchor = timeProcess(['-e', '0'], env)
    const anchorText = `node -e 0 ${Math.round(anchor.min)} / ${Math.round(anchor.median)} ms`
    report('anchor: node -e 0 (min / median of 3)', `${Math.round(anchor.min)} / ${Math.round(anchor.median)} ms`)
    const timings: Timing[] = []
    let withoutCache: Timing | null = null
    for (const [name, args] of commands) {
      const cached = timeProcess([bin, ...args], env)
      timings.push(cached)
      report(`${name} (min / median of 3)`, show(cached, anchor))
      withoutCache = timeProcess([bin, ...args], uncached)
      report(`  the same without the code cache`, show(withoutCache, anchor))
    }
    const ratios = (t: Timing) => `${(t.min / anchor.min).toFixed(1)} / ${(t.median / anchor.median).toFixed(1)} × node -e 0`
    recordFigure('cli-version', { ...timings[0]!, unit: 'ms', detail: ratios(timings[0]!), anchor: anchorText })
    recordFigure('cli-deadline', { ...timings[1]!, unit: 'ms', detail: ratios(timings[1]!), anchor: anchorText })
    // The code cache the runs above started from: written by the first run of each command.
    const cacheDir = path.join(scratch, 'cache', 'rightful', 'v8-cache')
    const entries = fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).filter((name) => name.endsWith('.bin')).length : 0
    recordFigure('cli-compile-cache', {
      ...withoutCache!,
      unit: 'ms',
      detail: `the runs above started from ${entries} cached bundle files`,
      check: entries > 0,
      anchor: anchorText,
    })
    // Which code `rightful deadline` loads (one more run, with the loaded files written at exit).
    const loaded = describeLoaded(loadedBy([bin, ...commands[1]![1]], env), path.join(repoRoot, 'build', 'cli'))
    report('rightful deadline … --json: code it loads', loadedDetail(loaded, 'build/cli'))
    recordFigure('cli-lazy', { detail: loadedDetail(loaded, 'build/cli'), check: loaded.heavy.length === 0, anchor: 'the whole build/cli' })
    process.stdout.write(`  after: the figures above (npx tsx bench/cli-start.ts, or npm run bench)\n  ${before}\n`)
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true })
  }
}

if (require.main === module) {
  benchCliStart((name, value) => process.stdout.write(`${name.padEnd(58)} ${value}\n`))
}
