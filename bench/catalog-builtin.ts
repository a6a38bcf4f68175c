/**
 * The built-in catalog (seed companies + datarequests.org + broker packs) as a fresh install has
 * it: the size of the packs, what loading them costs the core at start, and search latency on
 * the names a new user types (test/fixtures/catalog/search-queries.json) and on prefixes of real
 * names, as people type them. Start costs are printed beside `node -e 0` in fresh processes.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { gunzipSync } from 'node:zlib'
import { builtinCatalogFrom } from '../electron/adapters/node/resources'
import { loadBuiltinCatalog, openCatalog } from '../electron/core/catalog/catalog'
import { createNoticeBoard } from '../electron/core/shared/notices'
import type { DocumentStore } from '../electron/core/api/ports'

const repoRoot = path.resolve(__dirname, '..')

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}
const ms = (n: number) => `${n.toFixed(n < 1 ? 3 : 1)} ms`

const emptyStore = (name: string): DocumentStore => ({
  path: `/memory/${name}`,
  read: () => ({}),
  write: () => undefined,
  update: (change) => change({}).result,
  locked: (step) => step(),
  moveAside: () => '',
  setAside: () => '',
})

/** Median wall time of `runs` fresh processes. */
function freshProcess(args: string[], runs: number): number {
  const times: number[] = []
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now()
    const result = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, RIGHTFUL_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-bench-fresh-')) } })
    times.push(performance.now() - start)
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`)
  }
  return percentile(times, 50)
}

export function benchBuiltinCatalog(report: (name: string, value: string) => void): void {
  const packDir = path.join(repoRoot, 'assets', 'catalog', 'packs')
  let packed = 0
  let raw = 0
  for (const name of fs.readdirSync(packDir).filter((n) => n.endsWith('.json.gz'))) {
    const bytes = fs.readFileSync(path.join(packDir, name))
    packed += bytes.length
    raw += gunzipSync(bytes).length
    report(`built-in catalog pack ${name}`, `${(bytes.length / 1024).toFixed(0)} kB (${(gunzipSync(bytes).length / 1024 / 1024).toFixed(1)} MB as JSON)`)
  }
  report('built-in catalog packs, together', `${(packed / 1024).toFixed(0)} kB compressed, ${(raw / 1024 / 1024).toFixed(1)} MB as JSON`)

  const source = builtinCatalogFrom(repoRoot)
  const loads: number[] = []
  const opens: number[] = []
  let companies = 0
  const heapBefore = process.memoryUsage().heapUsed
  for (let i = 0; i < 7; i += 1) {
    let start = performance.now()
    const builtin = loadBuiltinCatalog(source)
    loads.push(performance.now() - start)
    companies = builtin.companies.length
    start = performance.now()
    openCatalog({ builtin: source, edits: emptyStore('edits'), imports: emptyStore('imports'), notices: createNoticeBoard(() => new Date()) }).list()
    opens.push(performance.now() - start)
  }
  report(`built-in catalog: read and merge the packs (${companies.toLocaleString('en')} companies)`, `p50 ${ms(percentile(loads, 50))}, max ${ms(Math.max(...loads))}`)
  report('built-in catalog: open the catalog and list it (compact form, every record decoded)', `p50 ${ms(percentile(opens, 50))}, max ${ms(Math.max(...opens))}`)
  const catalog = openCatalog({ builtin: source, edits: emptyStore('edits'), imports: emptyStore('imports'), notices: createNoticeBoard(() => new Date()) })
  report('built-in catalog: heap after opening it (rough)', `${((process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024).toFixed(0)} MB more than before`)

  let start = performance.now()
  catalog.search('a', 1)
  report('built-in catalog: first search (index read from the compact form)', ms(performance.now() - start))

  const queries = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'catalog', 'search-queries.json'), 'utf8')) as Record<'issue' | 'heldout', Array<{ query: string }>>
  const typed: string[] = []
  // Prefixes of real names as they are typed, from every 25th company.
  catalog.list().forEach((view, i) => {
    if (i % 25 !== 0) return
    for (let n = 1; n <= Math.min(view.name.length, 10); n += 3) typed.push(view.name.slice(0, n))
  })
  const all = [...queries.issue, ...queries.heldout].map((q) => q.query).concat(typed)
  const samples: number[] = []
  for (let round = 0; round < 5; round += 1) {
    for (const query of all) {
      start = performance.now()
      catalog.search(query, 50)
      samples.push(performance.now() - start)
    }
  }
  report(`built-in catalog: search, ${all.length} queries × 5 (limit 50)`, `p50 ${ms(percentile(samples, 50))}, p95 ${ms(percentile(samples, 95))}, max ${ms(Math.max(...samples))}`)

  const cli = path.join(repoRoot, 'build', 'cli', 'cli.js')
  if (!fs.existsSync(cli)) {
    report('fresh process: rightful catalog search', 'skipped: run npm run build:cli first')
    return
  }
  const anchor = freshProcess(['-e', '0'], 5)
  const version = freshProcess([path.join(repoRoot, 'bin', 'rightful.js'), '--version'], 5)
  const search = freshProcess([path.join(repoRoot, 'bin', 'rightful.js'), 'catalog', 'search', 'google', '--limit', '3', '--json'], 5)
  report('fresh process: node -e 0 (anchor)', ms(anchor))
  report('fresh process: rightful --version', `${ms(version)} (${(version / anchor).toFixed(1)}× the anchor)`)
  report('fresh process: rightful catalog search google (built-in catalog)', `${ms(search)} (${(search / anchor).toFixed(1)}× the anchor; ${ms(search - version)} more than --version)`)
}
