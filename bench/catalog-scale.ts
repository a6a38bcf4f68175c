/**
 * The catalog at 100,000 companies: a built-in layer of 100,000 records made from the real
 * built-in ones (the 3,070 datarequests.org records, the 763 brokers and the seed companies), plus
 * a user layer (1,000 companies the user added, 300 changed built-in records, 100 deleted ones).
 * The built-in layer is read from its compact form (assets/catalog/builtin.compact, made here as
 * `npm run catalog:compact` makes the shipped one).
 * Printed, in fresh processes (min / median of 3), beside `node -e 0`:
 * - core start: open the catalog and answer the first search;
 * - peak RSS of that process (and its RSS before opening, the runtime alone);
 * - one user edit (add, change, delete a company) followed by a search that sees it.
 *
 * Called by bench/run.ts; alone: `npx tsx bench/catalog-scale.ts`.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { builtinCatalogFrom } from '../electron/adapters/node/resources'
import { loadBuiltinCatalog, openCatalog, slugOf } from '../electron/core/catalog/catalog'
import { compactFileName } from '../electron/core/catalog/compact'
import { makeCompactCatalog } from '../electron/core/catalog/compact-build'
import { writePack } from '../electron/core/catalog/packs'
import type { Company } from '../electron/core/catalog/schema'
import { normalizeForSearch } from '../electron/core/catalog/search'
import { createNoticeBoard } from '../electron/core/shared/notices'
import type { DocumentStore } from '../electron/core/api/ports'
import { measureNodeStart, againstAnchor } from './anchor'
import { seeded, pick } from '../test/helpers/seeded'

const repoRoot = path.resolve(__dirname, '..')

const legalForms = ['GmbH', 'Ltd', 'Limited', 'Inc.', 'LLC', 'AG', 'SE', 'SAS', 'S.A.', 'SARL', 'B.V.', 'AB', 'Oy', 'S.r.l.', 'GmbH & Co. KG', 'plc', 'Group']
const tlds = ['com', 'com', 'de', 'fr', 'co.uk', 'eu', 'net', 'io', 'nl', 'es', 'it']
const mailboxes = ['privacy', 'datenschutz', 'dpo', 'legal', 'gdpr', 'info']

/**
 * `total` built-in records: the real ones first, then copies of real records under new names
 * (real names with another legal form, and names recombined from real name words), each with its
 * own id, domain and e-mail address at that domain, and the real record's first postal address
 * at another house number and postcode; provenance and sources are the real record's.
 */
export function syntheticCompanies(real: ReadonlyArray<Company>, total: number, seed = 20261207): Company[] {
  const random = seeded(seed)
  const taken = new Set(real.map((c) => c.id))
  const words = real.flatMap((c) => c.name.split(/\s+/)).filter((w) => normalizeForSearch(w).length >= 2 && /\p{L}/u.test(w))
  const out: Company[] = [...real]
  for (let i = out.length; i < total; i += 1) {
    const base = pick(random, real)
    const stem = random() < 0.3 ? base.name.split(/\s+/).slice(0, 2).join(' ') : Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, words)).join(' ')
    const name = random() < 0.7 ? `${stem} ${pick(random, legalForms)}` : stem
    let id = slugOf(name)
    if (taken.has(id)) id = `${id}-${i}`
    taken.add(id)
    const domain = `${normalizeForSearch(stem).split(' ').join(random() < 0.5 ? '' : '-') || 'company'}${i}.${pick(random, tlds)}`
    out.push({
      ...base,
      id,
      name,
      legalNames: [name],
      brands: random() < 0.1 ? [pick(random, words)] : [],
      domains: [domain],
      website: `https://${domain}/`,
      emails: base.emails.slice(0, 1).map((e) => ({ ...e, address: `${pick(random, mailboxes)}@${domain}` })),
      // The real street and town, at another number and postcode.
      postalAddresses: base.postalAddresses.slice(0, 1).map((a) => ({ ...a, recipient: name, lines: a.lines.map((line) => line.replace(/\d+/g, () => String(1 + Math.floor(random() * 400)))) })),
      aliases: [],
    })
  }
  return out
}

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
    description: 'Copies of the real records under new names.',
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

/** A DocumentStore on one JSON file, written atomically (write beside, rename). */
export function fileStore(file: string): DocumentStore {
  return {
    path: file,
    read: () => (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {}),
    write: (document) => {
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(document))
      fs.renameSync(`${file}.tmp`, file)
    },
    update: () => {
      throw new Error('not used')
    },
    locked: (step) => step(),
    moveAside: () => null,
    setAside: () => '',
  }
}

/** In a fresh process: open, first search, three edits each followed by a search; prints JSON. */
function child(root: string, dataDir: string): void {
  const rssBefore = process.memoryUsage().rss
  const started = performance.now()
  const catalog = openCatalog({
    builtin: builtinCatalogFrom(root),
    edits: fileStore(path.join(dataDir, 'catalog-edits.json')),
    imports: fileStore(path.join(dataDir, 'catalog-imports.json')),
    notices: createNoticeBoard(() => new Date()),
  })
  const first = catalog.search('deutsche bank', 10)
  const startMs = performance.now() - started
  if (first.length === 0) throw new Error('the first search found nothing')
  const edits: number[] = []
  const time = (step: () => void) => {
    const at = performance.now()
    step()
    edits.push(performance.now() - at)
  }
  const target = first[0]!
  time(() => {
    catalog.save({ name: 'Zyxwv Benchmark Ltd', legalNames: [], brands: [], domains: ['zyxwv-bench.example'], website: null, emails: [], postalAddresses: [], phones: [], webForms: [], establishment: [], countriesServed: [], categories: [], requestLanguage: null, needsIdDocument: false, suggestedChannel: null }, '2026-12-07')
    if (catalog.search('zyxwv', 5)[0]?.name !== 'Zyxwv Benchmark Ltd') throw new Error('the added company is not found')
  })
  time(() => {
    catalog.save({ id: target.id, name: `${target.name} Qwertz`, legalNames: target.legalNames, brands: target.brands, domains: target.domains, website: target.website, emails: target.emails.map((e) => ({ address: e.address, purpose: e.purpose, status: e.status })), postalAddresses: target.postalAddresses.map((a) => ({ recipient: a.recipient, lines: a.lines, country: a.country, region: a.region, status: a.status })), phones: target.phones.map((p) => ({ number: p.number, kind: p.kind, status: p.status })), webForms: [], establishment: target.establishment, countriesServed: target.countriesServed, categories: target.categories, requestLanguage: null, needsIdDocument: false, suggestedChannel: null }, '2026-12-07')
    if (catalog.search('qwertz', 5)[0]?.id !== target.id) throw new Error('the changed company is not found')
  })
  time(() => {
    catalog.remove(target.id, '2026-12-07')
    if (catalog.search('qwertz', 5).some((v) => v.id === target.id)) throw new Error('the deleted company is still found')
  })
  const maxRss = process.resourceUsage().maxRSS * 1024
  process.stdout.write(JSON.stringify({ startMs, edits, rssBefore, maxRss }))
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`
const ms = (n: number) => `${n.toFixed(1)} ms`

export function benchCatalogScale(report: (name: string, value: string) => void, total = 100_000): void {
  const made = performance.now()
  const { root, companies } = writeScaleRoot(total)
  const layer = userLayer(companies, 1000, 300, 100)
  const makeMs = performance.now() - made
  try {
    const runs: Array<{ startMs: number; edits: number[]; rssBefore: number; maxRss: number }> = []
    for (let i = 0; i < 3; i += 1) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-bench-scale-data-'))
      fs.writeFileSync(path.join(dataDir, 'catalog-edits.json'), JSON.stringify(layer))
      const result = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--child', root, dataDir], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 20 })
      fs.rmSync(dataDir, { recursive: true, force: true })
      if (result.status !== 0) throw new Error(`the catalog scale child failed: ${result.stderr.slice(-2000)}`)
      runs.push(JSON.parse(result.stdout) as (typeof runs)[number])
    }
    const anchor = measureNodeStart(5)
    const n = total.toLocaleString('en')
    const minMedian = (values: number[], show: (n: number) => string) => {
      const sorted = [...values].sort((a, b) => a - b)
      return `min ${show(sorted[0]!)}, median ${show(sorted[Math.floor(sorted.length / 2)]!)}`
    }
    report(`catalog @ ${n} (+1,400 user entries): made in`, `${(makeMs / 1000).toFixed(1)} s (not part of any figure)`)
    report('fresh process: node -e 0 (anchor)', ms(anchor))
    const starts = runs.map((r) => r.startMs).sort((a, b) => a - b)
    report(`catalog @ ${n}: core start = open + first search (3 fresh processes)`, `min ${againstAnchor(starts[0]!, anchor)}, median ${againstAnchor(starts[1]!, anchor)}`)
    report(`catalog @ ${n}: peak RSS of that process`, `${minMedian(runs.map((r) => r.maxRss), mb)} (runtime alone before opening: ${mb(runs[0]!.rssBefore)})`)
    for (const [i, what] of ['add a company', 'change a built-in company', 'delete it'].entries()) {
      report(`catalog @ ${n}: one edit (${what}) + a search that sees it`, minMedian(runs.map((r) => r.edits[i]!), ms))
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true })
  }
}

if (require.main === module) {
  const at = process.argv.indexOf('--child')
  if (at >= 0) child(process.argv[at + 1]!, process.argv[at + 2]!)
  else {
    process.stdout.write(`catalog at scale, Node ${process.version}\n`)
    benchCatalogScale((name, value) => process.stdout.write(`${name.padEnd(70)} ${value}\n`), Number(process.env.RIGHTFUL_BENCH_CATALOG_TOTAL ?? 100_000))
  }
}
