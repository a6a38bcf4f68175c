/**
 * Requests at scale (issue 15): a data folder of 100,000 request files, and the CLI's
 * `requests list` at 10,000.
 *
 * - create one request at 100,000 (the next number comes from the index, not from a scan);
 * - open the folder cold with its index (in this process, and a fresh `rightful requests list`);
 * - the index lost: rebuilt from the files;
 * - `rightful requests list --json` at 10,000, in a fresh process, beside `node -e 0`;
 * (peak RSS of the core on 10,000 requests and 100,000 companies: bench/core-memory.ts).
 *
 * The request files are written straight to disk (valid records, checked once by the schema), as
 * the repository would write them, so that seeding 100,000 takes seconds. Figures only.
 * Run alone: npx tsx bench/requests-scale.ts [--count 100000] (needs `npm run build:cli` for the CLI rows).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { createNoticeBoard } from '../electron/core/shared/notices'
import { requestRecordSchema, type RequestRecordInput } from '../electron/core/requests/model'
import { formatReference, openRequestRepository } from '../electron/core/requests/repository'
import { againstAnchor, measureNodeStart } from './anchor'
import { describeLoaded, loadedBy } from './loaded-code'
import { recordFigure } from './summary'

const repoRoot = path.resolve(__dirname, '..')
const cli = path.join(repoRoot, 'bin', 'rightful.js')
const now = () => new Date('2026-01-31T10:00:00Z')
const jurisdictions = ['DE', 'DE-BY', 'US-DE', 'US-CA', 'CN', 'HK', 'GB', 'FR', 'CH-ZH', 'BR', 'CA-ON', 'JP', 'AU-NSW']
const lawsOf = new Map([
  ['DE', 'gdpr'], ['DE-BY', 'gdpr'], ['US-DE', 'gdpr'], ['US-CA', 'ccpa'], ['CN', 'cn-pipl'], ['HK', 'hk-pdpo'], ['GB', 'uk-gdpr'],
  ['FR', 'gdpr'], ['CH-ZH', 'ch-fadp'], ['BR', 'lgpd'], ['CA-ON', 'pipeda'], ['JP', 'jp-appi'], ['AU-NSW', 'au-privacy'],
])

const median = (values: ReadonlyArray<number>) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN
const percentile = (values: ReadonlyArray<number>, p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}
const ms = (value: number) => (value < 10 ? `${value.toFixed(2)} ms` : `${Math.round(value).toLocaleString('en')} ms`)

/** The i-th request of the seeded folder: many laws, countries and dates, 9 in 10 sent. */
function seededRecord(i: number, reference: string): RequestRecordInput {
  const stamp = now().toISOString()
  const jurisdiction = jurisdictions[i % jurisdictions.length]!
  const on = new Date(Date.UTC(2024, 0, 1) + ((i * 7919) % 1000) * 86_400_000).toISOString().slice(0, 10)
  const sender = { name: 'Alex Example', email: 'alex@example.org', address: ['Musterstraße 12', '10115 Berlin'], country: 'DE' }
  const subject = `Data protection query: access request – ${reference}`
  const body = 'Dear Sir or Madam,\n\n'.padEnd(2400, 'x')
  const sent = i % 10 !== 0
  return {
    schemaVersion: 1,
    reference,
    createdAt: stamp,
    updatedAt: stamp,
    company: { id: `company-${i % 3000}`, name: `Company ${i % 3000}`, jurisdiction },
    type: 'access',
    law: lawsOf.get(jurisdiction) as RequestRecordInput['law'],
    lang: 'en',
    draft: { to: 'privacy@example.com', recipientAddress: null, sender, subject, body },
    sent: sent ? { on, channel: 'email', to: 'privacy@example.com', recipientAddress: null, sender, subject, body, bodySha256: '0'.repeat(64) } : null,
    events: sent
      ? [
          { id: 'ev-1', kind: 'created', on, recordedAt: stamp },
          { id: 'ev-2', kind: 'sent', on, recordedAt: stamp, channel: 'email' },
        ]
      : [{ id: 'ev-1', kind: 'created', on, recordedAt: stamp }],
  } as RequestRecordInput
}

/** Writes `count` valid request files into `<dataDir>/requests/` (no index). */
export function seedRequestFiles(dataDir: string, count: number): void {
  const dir = path.join(dataDir, 'requests')
  fs.mkdirSync(dir, { recursive: true })
  for (let i = 0; i < count; i += 1) {
    const reference = formatReference(2026, i + 1)
    const record = seededRecord(i, reference)
    // Every thousandth is checked by the schema (the shape is the same for all).
    if (i % 1000 === 0) requestRecordSchema.parse(record)
    fs.writeFileSync(path.join(dir, `${reference}.json`), JSON.stringify(record, null, 2))
  }
}

/**
 * The closing note: main before the narrow list API and the list items built field by field; then
 * main before and after the index in columns (format 6) and a `requests list` that keeps no deadline
 * cache and starts no background check, run alternately in one session of a heavily loaded machine.
 */
const before = [
  'before (main at d7a7b6e; npx tsx bench/requests-scale.ts, load 0.8, node -e 0 74 ms): open and list 100,000 cold 544 / 575 ms, `requests list --json` at 10,000 465 / 475 ms (min / median of 3)',
  'before the index format 6 (main at 5ff7650; npx tsx bench/requests-scale.ts twice each, alternately, load 10.5-13.8 on 2 cores): open and list 100,000 cold 1,868 / 2,958 ms (node -e 0 275 ms) and 1,241 / 1,659 ms (297 ms); `requests list --json` at 10,000 1,620 / 2,397 ms and 1,578 / 1,878 ms',
  'after (branch reqperf, same session): open and list 100,000 cold 870 / 1,250 ms (node -e 0 258 ms) and 808 / 1,277 ms (161 ms); `requests list --json` at 10,000 1,171 / 1,304 ms and 1,606 / 1,654 ms; CPU of `rightful requests list --json` at 10,000 (user + sys, 7 runs each, /usr/bin/time) 0.56-0.64 s before, 0.40-0.54 s after',
  'saved deadlines and one reading of the folder (branch list10k against main at 3752764, fresh processes run in turns, 7 each, load 6.5-6.9 on 2 cores): `requests list --json` at 10,000 min / median 586 / 807 ms before, 576 / 655 ms after (node -e 0 54 / 112 ms); CPU (user + sys) median 0.39 s before, 0.32 s after; with the saved deadlines removed before each run 424 / 580 ms against 340 / 440 ms with them (load 6.5)',
].join('\n  ')

/** The years and places the build-time holiday table covers ("2015-2045, 36 places"), read from the table itself. */
function holidayTableYears(): string {
  const table = JSON.parse(fs.readFileSync(path.join(repoRoot, 'electron', 'core', 'deadlines', 'holiday-table.json'), 'utf8')) as { from?: unknown; to?: unknown; jurisdictions?: unknown }
  const places = table.jurisdictions && typeof table.jurisdictions === 'object' ? Object.keys(table.jurisdictions).length : 0
  return `${String(table.from)}-${String(table.to)}, ${places} places`
}

function time<T>(run: () => T): [T, number] {
  const start = performance.now()
  const value = run()
  return [value, performance.now() - start]
}

/** Runs the built CLI `runs` times; the median wall time and the peak RSS (kB) of the last run. */
function runCli(args: ReadonlyArray<string>, env: NodeJS.ProcessEnv, runs = 3): { ms: number; min: number; out: string } {
  const samples: number[] = []
  let out = ''
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now()
    const result = spawnSync(process.execPath, [cli, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    samples.push(performance.now() - start)
    if (result.status !== 0) throw new Error(`rightful ${args.join(' ')} failed: ${result.stderr}`)
    out = result.stdout
  }
  return { ms: median(samples), min: Math.min(...samples), out }
}

export async function benchRequestsScale(report: (name: string, value: string) => void, anchorMs: number, count = 100_000): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-bench-scale-'))
  try {
    const n = count.toLocaleString('en')
    const [, seedMs] = time(() => seedRequestFiles(dataDir, count))
    process.stdout.write(`  (${n} request files written in ${ms(seedMs)})\n`)
    const open = () => openRequestRepository({ dataDir, notices: createNoticeBoard(now), now })
    const [, rebuildMs] = time(() => open().list())
    report(`requests @ ${n}: open, index lost (rebuilt from the files)`, againstAnchor(rebuildMs, anchorMs))
    const colds: number[] = []
    for (let run = 0; run < 3; run += 1) colds.push(time(() => open().list())[1])
    report(`requests @ ${n}: open and list, cold, with index (min / median of 3)`, `${ms(Math.min(...colds))} / ${againstAnchor(median(colds), anchorMs)}`)
    const anchorText = `node -e 0 ${ms(anchorMs)}`
    recordFigure('requests-cold-open', { min: Math.min(...colds), median: median(colds), unit: 'ms', detail: `at ${n}; index lost (rebuilt): ${ms(rebuildMs)}`, anchor: anchorText })
    const repo = open()
    const creates: number[] = []
    // The time each create waits in fsync (the request file and its folder: 2 per create), apart:
    // it is the disk's, and on a disk other processes write to it varies from 0.2 to 20 ms.
    const syncs: number[] = []
    const fsync = fs.fsyncSync
    let synced = 0
    fs.fsyncSync = (fd) => {
      const start = performance.now()
      fsync(fd)
      synced += performance.now() - start
    }
    try {
      for (let i = 0; i < 50; i += 1) {
        synced = 0
        creates.push(time(() => repo.create(2026, (reference) => seededRecord(count + i, reference)))[1])
        syncs.push(synced)
      }
    } finally {
      fs.fsyncSync = fsync
    }
    report(`requests @ ${n}: create one (p50 / p95 of 50)`, `${ms(percentile(creates, 50))} / ${ms(percentile(creates, 95))}`)
    const withoutSync = creates.map((total, i) => total - syncs[i]!)
    report(`requests @ ${n}: create, of which in fsync / the rest (p50)`, `${ms(percentile(syncs, 50))} / ${ms(percentile(withoutSync, 50))}`)
    recordFigure('requests-create', {
      min: Math.min(...creates),
      median: median(creates),
      unit: 'ms',
      detail: `of 50 creates at ${n}, fsync included; p95 ${ms(percentile(creates, 95))}; in fsync (p50) ${ms(percentile(syncs, 50))}`,
      anchor: anchorText,
    })
    if (!fs.existsSync(cli)) {
      report('rightful requests list at 10,000', 'skipped: the CLI is not built (npm run build:cli)')
      return
    }
    const listDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-bench-list10k-'))
    try {
      seedRequestFiles(listDir, 10_000)
      const env = { RIGHTFUL_DATA_DIR: listDir, LANG: 'en_GB.UTF-8' }
      runCli(['requests', 'list', '--json'], env, 1) // builds the index once, and saves the deadlines
      const list = runCli(['requests', 'list', '--json'], env)
      const listed = (JSON.parse(list.out) as unknown[]).length
      if (listed !== 10_000) throw new Error(`rightful requests list listed ${listed}, not 10,000`)
      report('rightful requests list --json at 10,000, fresh process (min / median of 3)', `${ms(list.min)} / ${againstAnchor(list.ms, anchorMs)}`)
      recordFigure('requests-list-cli', { min: list.min, median: list.ms, unit: 'ms', detail: `${(list.min / anchorMs).toFixed(1)} / ${(list.ms / anchorMs).toFixed(1)} × node -e 0`, anchor: anchorText })
      // The first list after the deadline rules or settings changed counts every deadline again.
      const cache = path.join(listDir, 'requests', '.deadline-cache.json')
      const counting: number[] = []
      for (let run = 0; run < 3; run += 1) {
        fs.rmSync(cache, { force: true })
        const counted = runCli(['requests', 'list', '--json'], env, 1)
        // (the same output, unless the date changed between the runs: statuses count days from today)
        if (counted.out !== list.out) process.stdout.write('  (!) the list with every deadline counted differs from the one with saved deadlines\n')
        counting.push(counted.ms)
      }
      report('  the same, every deadline counted (no saved deadlines; min / median of 3)', `${ms(Math.min(...counting))} / ${againstAnchor(median(counting), anchorMs)}`)
      // The holidays of 13 laws' countries over 2024-2026 for every deadline counted (no saved
      // deadlines): from the build-time tables, without the date-holidays package (one more run,
      // with the files it loads written at exit).
      fs.rmSync(cache, { force: true })
      const code = describeLoaded(loadedBy([cli, 'requests', 'list', '--json'], { ...process.env, ...env }), path.join(repoRoot, 'build', 'cli'))
      const engine = code.modules.includes('electron/core/deadlines/engine.ts')
      const holidays = `${engine ? 'every deadline counted' : 'the deadline engine not loaded'}, build-time tables for ${holidayTableYears()}; ${code.heavy.includes('holidays library') ? 'the date-holidays package was loaded' : 'the date-holidays package not loaded'}`
      report('rightful requests list --json at 10,000: holidays', holidays)
      recordFigure('holiday-tables', { detail: holidays, check: engine && !code.heavy.includes('holidays library'), anchor: '-' })
      process.stdout.write(`  ${before}\n`)
    } finally {
      fs.rmSync(listDir, { recursive: true, force: true })
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  const at = process.argv.indexOf('--count')
  const count = at > 0 ? Number(process.argv[at + 1]) : 100_000
  const anchorMs = measureNodeStart()
  const report = (name: string, value: string) => process.stdout.write(`${name.padEnd(72)} ${value}\n`)
  report('anchor: node -e 0 (p50 of 5)', ms(anchorMs))
  void benchRequestsScale(report, anchorMs, count)
}
