/**
 * Peak memory of the whole core at the scale issue 15 names: 10,000 requests in the data folder
 * and 100,000 companies in the catalog (the built-in layer from its compact form, as
 * bench/catalog-scale.ts makes it, plus 1,400 entries of the user's own). In a fresh process the
 * core's API is opened (createApi on Node ports, as the CLI and the harness open it), then it
 * lists every request (status and deadline each), searches the catalog and reads one request:
 * what the dashboard's first screen and a search ask of it. Printed: the peak RSS of that process
 * (min / median of 3 fresh processes), its RSS before the core was loaded (the runtime alone), and
 * how long the open and those calls took, beside `node -e 0`. Figures only.
 *
 * Called by bench/run.ts; alone: `npx tsx bench/core-memory.ts`.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { againstAnchor, measureNodeStart } from './anchor'
import { userLayer, writeScaleRoot } from './catalog-scale'
import { seedRequestFiles } from './requests-scale'
import { peakRss } from './peak-rss'
import { recordFigure } from './summary'

const repoRoot = path.resolve(__dirname, '..')

type ChildResult = { readonly rssBefore: number; readonly maxRss: number; readonly openMs: number; readonly listed: number; readonly found: number }

/** In a fresh process: the core opened on `root`'s resources and `dataDir`, three calls; prints JSON. */
async function child(root: string, dataDir: string): Promise<void> {
  const rssBefore = process.memoryUsage().rss
  const started = performance.now()
  const [{ createApi }, { createNodePorts, noFileSink }] = await Promise.all([import('../electron/core/api/create-api'), import('../electron/adapters/node/node-ports')])
  const api = createApi(createNodePorts({ dataDir, resourcesRoot: root, appVersion: 'bench', files: noFileSink, clock: { now: () => new Date('2026-01-31T10:00:00Z') } }))
  const list = await api.call('requests:list', {})
  if (!list.ok) throw new Error(`requests:list failed: ${list.error.message}`)
  const found = await api.call('catalog:search', { query: 'deutsche bank' })
  if (!found.ok) throw new Error(`catalog:search failed: ${found.error.message}`)
  const one = await api.call('requests:get', { reference: list.data[0]!.reference })
  if (!one.ok) throw new Error(`requests:get failed: ${one.error.message}`)
  const openMs = performance.now() - started
  const maxRss = peakRss()
  const result: ChildResult = { rssBefore, maxRss, openMs, listed: list.data.length, found: found.data.length }
  process.stdout.write(JSON.stringify(result))
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`

export function benchCoreMemory(report: (name: string, value: string) => void, companies = 100_000, requests = 10_000): void {
  const { root, companies: all } = writeScaleRoot(companies)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-bench-memory-'))
  try {
    // The rest of what the core reads at start, beside the scaled catalog: templates, fonts, authorities.
    fs.symlinkSync(path.join(repoRoot, 'templates'), path.join(root, 'templates'))
    for (const name of ['fonts', 'authorities']) fs.symlinkSync(path.join(repoRoot, 'assets', name), path.join(root, 'assets', name))
    fs.writeFileSync(path.join(dataDir, 'catalog-edits.json'), JSON.stringify(userLayer(all, 1000, 300, 100)))
    seedRequestFiles(dataDir, requests)
    const runs: ChildResult[] = []
    // The first run writes the requests' index; the figures are the three after it.
    for (let i = 0; i < 4; i += 1) {
      const result = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--child', root, dataDir], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 20 })
      if (result.status !== 0) throw new Error(`the core memory child failed: ${result.stderr.slice(-2000)}`)
      if (i > 0) runs.push(JSON.parse(result.stdout) as ChildResult)
    }
    if (runs.some((r) => r.listed !== requests || r.found === 0)) throw new Error('the core did not list every request or found no company')
    const anchor = measureNodeStart(5)
    const sorted = (values: number[]) => [...values].sort((a, b) => a - b)
    const rss = sorted(runs.map((r) => r.maxRss))
    const open = sorted(runs.map((r) => r.openMs))
    const label = `core @ ${requests.toLocaleString('en')} requests + ${companies.toLocaleString('en')} companies`
    report(`${label}: peak RSS (3 fresh processes)`, `min ${mb(rss[0]!)}, median ${mb(rss[1]!)} (runtime alone, tsx included: ${mb(runs[0]!.rssBefore)})`)
    recordFigure('core-peak-rss', {
      min: rss[0]! / 1048576,
      median: rss[1]! / 1048576,
      unit: 'MB',
      detail: `open + list + search + one request took ${Math.round(open[0]!)} / ${Math.round(open[1]!)} ms`,
      anchor: `runtime alone (tsx included) ${mb(runs[0]!.rssBefore)}`,
    })
    report(`${label}: open + list + search + one request`, `min ${againstAnchor(open[0]!, anchor)}, median ${againstAnchor(open[1]!, anchor)}`)
  } finally {
    fs.rmSync(root, { recursive: true, force: true })
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  const at = process.argv.indexOf('--child')
  if (at >= 0) void child(process.argv[at + 1]!, process.argv[at + 2]!)
  else benchCoreMemory((name, value) => process.stdout.write(`${name.padEnd(72)} ${value}\n`))
}
