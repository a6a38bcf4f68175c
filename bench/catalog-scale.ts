/**
 * The catalog at 100,000 companies: a built-in layer of 100,000 records, the real built-in ones
 * (the 3,070 datarequests.org records, the 763 brokers and the seed companies) and invented
 * companies with names, addresses and domains of their own (bench/synthetic-catalog.ts), plus
 * a user layer (1,000 companies the user added, 300 changed built-in records, 100 deleted ones).
 * The built-in layer is read from its compact form (assets/catalog/builtin.compact, made here as
 * `npm run catalog:compact` makes the shipped one).
 * Printed, in fresh processes (min / median of 3) running the built core (bench/catalog-scale-child.ts
 * built with the core's Vite settings and run by plain `node`), beside `node -e 0` (its start
 * time and its peak RSS, the anchors):
 * - core start: open the catalog and answer the first search;
 * - peak RSS of that process (and its RSS after loading the bundle, before opening the catalog);
 * - one user edit (add, change, delete a company) followed by a search that sees it;
 * - a page of 100 records from the middle of the list (catalog:list with offset and limit).
 *
 * Called by bench/run.ts; alone: `npx tsx bench/catalog-scale.ts`.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { gunzipSync } from 'node:zlib'
import { builtinCatalogFrom } from '../electron/adapters/node/resources'
import { loadBuiltinCatalog } from '../electron/core/catalog/catalog'
import { compactFileName } from '../electron/core/catalog/compact'
import { makeCompactCatalog } from '../electron/core/catalog/compact-build'
import { writePack } from '../electron/core/catalog/packs'
import type { Company } from '../electron/core/catalog/schema'
import { measureNodeStart, againstAnchor } from './anchor'
import { seeded, pick } from '../test/helpers/seeded'
import { syntheticCompanies } from './synthetic-catalog'
import { nodeBundle } from '../vite.resources'
import { recordFigure } from './summary'

const repoRoot = path.resolve(__dirname, '..')

export { syntheticCompanies }

/** A resources root with the real seed companies and packs, and one more pack up to `total` records. */
export function writeScaleRoot(total: number): { root: string; companies: Company[] } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-bench-scale-'))
  fs.cpSync(path.join(repoRoot, 'assets', 'catalog'), path.join(root, 'assets', 'catalog'), { recursive: true })
  const real = [...loadBuiltinCatalog(builtinCatalogFrom(repoRoot)).companies]
  const all = syntheticCompanies(real, total)
  const extra = all.slice(real.length)
  const source = {
    id: 'synthetic',
    name: 'Synthetic companies for the benchmark',
    description: 'Invented companies (bench/synthetic-catalog.ts).',
    homepage: 'https://example.org/',
    repository: 'https://example.org/repo',
    path: 'bench',
    commit: '0000000',
    date: '2026-12-07',
    license: { spdx: 'CC0-1.0', notice: 'None.' },
  }
  fs.writeFileSync(path.join(root, 'assets', 'catalog', 'packs', 'zz-synthetic.json.gz'), writePack({ order: 99, source, rejected: [], companies: extra, merges: [] }))
  // The compact form, as `npm run catalog:compact` writes it for the shipped catalog.
  fs.writeFileSync(path.join(root, 'assets', 'catalog', compactFileName), makeCompactCatalog(builtinCatalogFrom(root)))
  return { root, companies: all }
}

/** The user's layer: `added` companies of their own, `changed` built-in records renamed, `deleted` ones deleted. */
export function userLayer(companies: ReadonlyArray<Company>, added: number, changed: number, deleted: number): Record<string, unknown> {
  const random = seeded(77)
  const document = { version: 2, contacts: {}, companies: {} as Record<string, Company>, overrides: {} as Record<string, unknown>, deleted: {} as Record<string, string> }
  for (let i = 0; i < added; i += 1) {
    const base = pick(random, companies)
    const id = `own-${i}-${base.id}`.slice(0, 100)
    document.companies[id] = { ...base, id, name: `Own ${base.name} ${i}`, domains: [`own${i}.example`], identityProvenance: { kind: 'user', enteredOn: '2026-12-01', quality: 'user' }, aliases: [] }
  }
  for (let i = 0; i < changed; i += 1) {
    const base = pick(random, companies)
    document.overrides[base.id] = { editedOn: '2026-12-01', fields: { name: `${base.name} (renamed ${i})` } }
  }
  for (let i = 0; i < deleted; i += 1) {
    const base = pick(random, companies)
    if (!(base.id in document.overrides)) document.deleted[base.id] = '2026-12-02'
  }
  return document
}

const spreadOf = (values: ReadonlyArray<number>) => {
  const sorted = [...values].sort((a, b) => a - b)
  return { min: sorted[0]!, median: sorted[Math.floor((sorted.length - 1) / 2)]! }
}
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`
const ms = (n: number) => `${n.toFixed(1)} ms`

/** Builds bench/catalog-scale-child.ts as `npm run build:core` builds the core (the same Vite settings); returns the bundle's path. */
async function buildChild(outDir: string): Promise<string> {
  const { build } = await import('vite')
  await build({ configFile: false, logLevel: 'warn', ...nodeBundle('bench/catalog-scale-child.ts', 'catalog-scale-child.js', outDir) })
  return path.join(outDir, 'catalog-scale-child.js')
}

/** Peak RSS of a fresh `node -e 0`-like process (it only reads its own VmHWM), in bytes: the RSS anchor. */
function nodeAloneRss(): number {
  const script = `const m = /^VmHWM:\\s+(\\d+) kB$/m.exec(require('fs').readFileSync('/proc/self/status', 'utf8')); process.stdout.write(String(m ? Number(m[1]) * 1024 : process.resourceUsage().maxRSS * 1024))`
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`node alone failed: ${result.stderr}`)
  return Number(result.stdout)
}

type ChildRun = { startMs: number; edits: number[]; pageMs: number; rssBefore: number; maxRss: number }

/**
 * The figures at `total` companies, in 3 fresh processes running the built child (plain node on
 * the bundle), beside `node -e 0`'s start time and peak RSS.
 */
export async function benchCatalogScale(report: (name: string, value: string) => void, total = 100_000): Promise<void> {
  const made = performance.now()
  const { root, companies } = writeScaleRoot(total)
  const layer = userLayer(companies, 1000, 300, 100)
  const makeMs = performance.now() - made
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-bench-scale-build-'))
  try {
    const bundle = await buildChild(outDir)
    const runs: ChildRun[] = []
    for (let i = 0; i < 3; i += 1) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-bench-scale-data-'))
      fs.writeFileSync(path.join(dataDir, 'catalog-edits.json'), JSON.stringify(layer))
      const result = spawnSync(process.execPath, [bundle, root, dataDir, String(Math.floor(total / 2))], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 20 })
      fs.rmSync(dataDir, { recursive: true, force: true })
      if (result.status !== 0) throw new Error(`the catalog scale child failed: ${result.stderr.slice(-2000)}`)
      runs.push(JSON.parse(result.stdout) as ChildRun)
    }
    const anchor = measureNodeStart(5)
    const aloneRss = [nodeAloneRss(), nodeAloneRss(), nodeAloneRss()]
    const n = total.toLocaleString('en')
    const minMedian = (values: number[], show: (n: number) => string) => {
      const sorted = [...values].sort((a, b) => a - b)
      return `min ${show(sorted[0]!)}, median ${show(sorted[Math.floor(sorted.length / 2)]!)}`
    }
    report(`catalog @ ${n} (+1,400 user entries): made in`, `${(makeMs / 1000).toFixed(1)} s (not part of any figure)`)
    report('fresh process: node -e 0 (anchor)', `${ms(anchor)}, peak RSS ${minMedian(aloneRss, mb)}`)
    report(`catalog @ ${n}: the built core (node on a Vite bundle)`, `${(fs.statSync(bundle).size / 1024).toFixed(0)} KB bundle, its own compact catalog ${mb(fs.statSync(path.join(root, 'assets', 'catalog', compactFileName)).size)}`)
    const starts = runs.map((r) => r.startMs).sort((a, b) => a - b)
    const anchorText = `node -e 0 ${ms(anchor)}`
    report(`catalog @ ${n}: core start = open + first search (3 fresh processes)`, `min ${againstAnchor(starts[0]!, anchor)}, median ${againstAnchor(starts[1]!, anchor)}`)
    recordFigure('catalog-start', { ...spreadOf(starts), unit: 'ms', detail: `at ${n}: ${(starts[0]! / anchor).toFixed(1)} / ${(starts[1]! / anchor).toFixed(1)} × node -e 0`, anchor: anchorText })
    const medianAlone = [...aloneRss].sort((a, b) => a - b)[1]!
    report(
      `catalog @ ${n}: peak RSS of that process (built core)`,
      `${minMedian(runs.map((r) => r.maxRss), mb)}; anchor node -e 0 ${mb(medianAlone)}; after loading the bundle, before opening: ${mb(runs[0]!.rssBefore)}`,
    )
    const rss = spreadOf(runs.map((r) => r.maxRss / 1048576))
    recordFigure('catalog-rss', { ...rss, unit: 'MB', detail: `at ${n}; after loading the bundle, before opening: ${mb(runs[0]!.rssBefore)}`, anchor: `node -e 0 peak RSS ${mb(medianAlone)}` })
    const editNames = ['add a company', 'change a built-in company', 'delete it']
    for (const [i, what] of editNames.entries()) {
      report(`catalog @ ${n}: one edit (${what}) + a search that sees it`, minMedian(runs.map((r) => r.edits[i]!), ms))
    }
    recordFigure('catalog-edit', {
      ...spreadOf(runs.map((r) => Math.max(...r.edits))),
      unit: 'ms',
      detail: `at ${n}, medians: ${editNames.map((what, i) => `${what.split(' ')[0]} ${ms(spreadOf(runs.map((r) => r.edits[i]!)).median)}`).join(', ')}`,
      anchor: anchorText,
    })
    // What start would cost if it parsed everything: every pack of the built-in layer read,
    // unzipped and parsed (in this process, 3 times), beside the start from the compact form.
    const packDir = path.join(root, 'assets', 'catalog', 'packs')
    const parses: number[] = []
    for (let i = 0; i < 3; i += 1) {
      const at = performance.now()
      for (const name of fs.readdirSync(packDir).filter((file) => file.endsWith('.json.gz'))) JSON.parse(gunzipSync(fs.readFileSync(path.join(packDir, name))).toString('utf8'))
      parses.push(performance.now() - at)
    }
    const parse = spreadOf(parses)
    const compactSize = fs.statSync(path.join(root, 'assets', 'catalog', compactFileName)).size
    report(`catalog @ ${n}: read, unzip and parse every pack (in this process, min / median of 3)`, `${ms(parse.min)} / ${ms(parse.median)}`)
    recordFigure('catalog-compact', {
      ...spreadOf(starts),
      unit: 'ms',
      detail: `start from the compact form (${mb(compactSize)} on disk) beside parsing every pack ${ms(parse.min)} / ${ms(parse.median)}`,
      check: spreadOf(starts).median < parse.median,
      anchor: `parse every pack ${ms(parse.median)}`,
    })
    report(`catalog @ ${n}: a page of 100 from the middle of the list`, minMedian(runs.map((r) => r.pageMs), ms))
  } finally {
    fs.rmSync(root, { recursive: true, force: true })
    fs.rmSync(outDir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  process.stdout.write(`catalog at scale, Node ${process.version}\n`)
  void benchCatalogScale((name, value) => process.stdout.write(`${name.padEnd(70)} ${value}\n`), Number(process.env.RIGHTFUL_BENCH_CATALOG_TOTAL ?? 100_000))
}
