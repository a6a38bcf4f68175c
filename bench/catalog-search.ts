/**
 * Catalog search benchmark: our index (electron/core/catalog/search.ts) beside MiniSearch and
 * Fuse.js, on the 3,070 datarequests.org records and on a synthetic 100,000 made from them.
 * For each: index build time, retained memory (JS heap + array buffers, after a collection),
 * per-query p50/p95/max over a fixed, seeded mix of 1,000 queries, and how often the intended
 * company comes first (full names, domains, e-mail addresses) or in the top 5 (names with one
 * typo). Fuse.js scans every record for every query, so it runs a sample of the mix.
 *
 * Called by bench/run.ts; alone: `npx tsx bench/catalog-search.ts`. The garbage collector comes
 * from node's --expose-gc when given, else it is enabled through v8 flags at run time.
 */
import { performance } from 'node:perf_hooks'
import v8 from 'node:v8'
import vm from 'node:vm'
import Fuse from 'fuse.js'
import MiniSearch from 'minisearch'
import { createSearchIndex, normalizeForSearch } from '../electron/core/catalog/search'
import { datarequestsDir, datarequestsFields, loadDatarequests, type DatarequestsRecord } from '../test/helpers/datarequests'
import { seeded, pick } from '../test/helpers/seeded'

type Report = (name: string, value: string) => void



const legalForms = ['GmbH', 'Ltd', 'Ltd.', 'Limited', 'Inc.', 'LLC', 'AG', 'SE', 'SAS', 'S.A.', 'SARL', 'B.V.', 'N.V.', 'AB', 'Oy', 'S.r.l.', 'S.L.', 'GmbH & Co. KG', 'e.V.', 'plc', 'Group', 'Holding']
const legalWords = new Set(legalForms.flatMap((form) => normalizeForSearch(form).split(' ')).concat(['co', 'kg', 'ltd', 'inc', 'corp', 'corporation', 'company']))
const tlds = ['com', 'com', 'com', 'de', 'de', 'fr', 'co.uk', 'eu', 'net', 'io', 'nl', 'es', 'it', 'at', 'ch', 'org']
const mailboxes = ['privacy', 'datenschutz', 'dpo', 'legal', 'gdpr', 'dataprotection', 'info']

const slugOf = (words: ReadonlyArray<string>, joiner: string) => normalizeForSearch(words.join(' ')).split(' ').join(joiner)

/**
 * The real records first, then synthetic ones up to `total`: real names with another legal form,
 * exact copies of real names (branches in other countries), and new names recombined from real
 * name words; domains from the name with varied TLDs; real addresses; e-mail at the domain.
 */
export function syntheticCatalog(real: ReadonlyArray<DatarequestsRecord>, total: number, seed = 20260131): DatarequestsRecord[] {
  const random = seeded(seed)
  const cores = real.map((r) => r.name.split(/\s+/).filter((w) => /\p{L}/u.test(w) && !legalWords.has(normalizeForSearch(w)))).filter((w) => w.length > 0)
  const pool = cores.flat().filter((w) => normalizeForSearch(w).length >= 2)
  const out: DatarequestsRecord[] = [...real]
  for (let i = out.length; i < total; i += 1) {
    const roll = random()
    let words: string[]
    let name: string
    if (roll < 0.25) {
      words = pick(random, cores)
      name = `${words.join(' ')} ${pick(random, legalForms)}`
    } else if (roll < 0.33) {
      const copy = pick(random, real)
      name = copy.name
      words = name.split(/\s+/)
    } else {
      words = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, pool))
      name = random() < 0.7 ? `${words.join(' ')} ${pick(random, legalForms)}` : words.join(' ')
    }
    const label = slugOf(words.slice(0, 1 + Math.floor(random() * Math.min(words.length, 3))), random() < 0.5 ? '' : '-') || `company${i}`
    const domain = `${label}${random() < 0.08 ? Math.floor(random() * 100) : ''}.${pick(random, tlds)}`
    out.push({
      slug: `synthetic-${i}`,
      name,
      runs: random() < 0.15 ? [Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(random, pool)).join(' ')] : [],
      domain: random() < 0.92 ? domain : null,
      email: random() < 0.9 ? `${pick(random, mailboxes)}@${domain}` : null,
      address: pick(random, real).address,
    })
  }
  return out
}

type QueryKind = 'name' | 'domain' | 'prefix' | 'typo' | 'address' | 'email'
type Query = { kind: QueryKind; text: string; target: number }

/** One typo in a word of 4+ letters: insertion, deletion, substitution or swap of neighbours. */
function withTypo(random: () => number, word: string): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz'
  for (;;) {
    const at = Math.floor(random() * word.length)
    const kind = Math.floor(random() * 4)
    const typed =
      kind === 0
        ? word.slice(0, at) + pick(random, [...letters]) + word.slice(at)
        : kind === 1
          ? word.slice(0, at) + word.slice(at + 1)
          : kind === 2
            ? word.slice(0, at) + pick(random, [...letters]) + word.slice(at + 1)
            : at + 1 < word.length
              ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
              : word
    if (typed !== word) return typed
  }
}

/** 1,000 queries: 250 full names, 200 domains, 150 three-letter prefixes, 200 names with a typo, 100 address words, 100 e-mails. */
export function queryMix(records: ReadonlyArray<DatarequestsRecord>, seed = 7): Query[] {
  const random = seeded(seed)
  const queries: Query[] = []
  const draw = (kind: QueryKind, count: number, make: (r: DatarequestsRecord) => string | null) => {
    for (let made = 0, tries = 0; made < count && tries < count * 50; tries += 1) {
      const target = Math.floor(random() * records.length)
      const text = make(records[target]!)
      if (text) {
        queries.push({ kind, text, target })
        made += 1
      }
    }
  }
  draw('name', 250, (r) => r.name)
  draw('domain', 200, (r) => r.domain)
  draw('prefix', 150, (r) => {
    const normal = normalizeForSearch(r.name)
    return normal.length >= 3 ? normal.slice(0, 3) : null
  })
  draw('typo', 200, (r) => {
    const words = r.name.split(/\s+/)
    const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => /^[a-z]{4,}$/i.test(w) && !legalWords.has(w.toLowerCase()))
    if (candidates.length === 0) return null
    const [word, at] = pick(random, candidates)
    return words.map((w, i) => (i === at ? withTypo(random, word.toLowerCase()) : w)).join(' ')
  })
  draw('address', 100, (r) => {
    const words = r.address.split(/[\s,]+/).filter((w) => /^\p{L}{3,}$/u.test(w))
    if (words.length === 0) return null
    const from = Math.floor(random() * words.length)
    return words.slice(from, from + 1 + Math.floor(random() * 2)).join(' ')
  })
  draw('email', 100, (r) => r.email)
  for (let i = queries.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1))
    ;[queries[i], queries[j]] = [queries[j]!, queries[i]!]
  }
  return queries
}

type Engine = {
  readonly label: string
  build(records: ReadonlyArray<DatarequestsRecord>): (query: string, limit: number) => ReadonlyArray<number>
}

const ours: Engine = {
  label: 'ours',
  build(records) {
    const index = createSearchIndex(Array.from(records.keys()), (i) => datarequestsFields(records[i]!))
    return (query, limit) => index.search(query, limit)
  },
}

const fold = (term: string) => term.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()

const miniSearch: Engine = {
  label: 'MiniSearch',
  build(records) {
    const index = new MiniSearch<{ id: number; name: string; brands: string; domain: string; email: string; address: string }>({
      fields: ['name', 'brands', 'domain', 'email', 'address'],
      processTerm: fold,
      searchOptions: { boost: { name: 3, brands: 2, domain: 2 }, fuzzy: 0.2, prefix: (_term, i, terms) => i === terms.length - 1 },
    })
    index.addAll(records.map((r, id) => ({ id, name: r.name, brands: r.runs.join('\n'), domain: r.domain ?? '', email: r.email ?? '', address: r.address })))
    return (query, limit) => index.search(query).slice(0, limit).map((hit) => hit.id as number)
  },
}

const fuse: Engine = {
  label: 'Fuse.js',
  build(records) {
    const docs = records.map((r, id) => ({ id, name: r.name, brands: r.runs, domain: r.domain ?? '', email: r.email ?? '', address: r.address }))
    const keys = [{ name: 'name', weight: 3 }, { name: 'brands', weight: 2 }, { name: 'domain', weight: 2 }, 'email', 'address']
    const index = new Fuse(docs, { keys, threshold: 0.3, ignoreLocation: true }, Fuse.createIndex(keys, docs))
    return (query, limit) => index.search(query, { limit }).map((hit) => hit.item.id)
  },
}

/** A garbage collector to call before reading the heap: node's --expose-gc, or enabled through v8 flags. */
function collector(): { gc: () => void; how: string } | null {
  const exposed = (globalThis as { gc?: () => void }).gc
  if (exposed) return { gc: exposed, how: 'after gc' }
  try {
    v8.setFlagsFromString('--expose-gc')
    const gc = vm.runInNewContext('gc') as () => void
    if (typeof gc === 'function') return { gc, how: 'after gc' }
  } catch {
    // fall through: no collector
  }
  return null
}

function percentile(samples: ReadonlyArray<number>, p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

const ms = (n: number) => `${n.toFixed(n < 1 ? 3 : n < 100 ? 2 : 0)} ms`
const pct = (hits: number, of: number) => (of === 0 ? 'n/a' : `${((100 * hits) / of).toFixed(1)}%`)
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`

function run(engine: Engine, records: ReadonlyArray<DatarequestsRecord>, queries: ReadonlyArray<Query>, sample: number, report: Report): void {
  const size = records.length.toLocaleString('en')
  const gc = collector()
  // Typed arrays keep their data outside the JS heap: count heapUsed + arrayBuffers.
  const memory = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers
  gc?.gc()
  const heapBefore = memory()
  const started = performance.now()
  const search = engine.build(records)
  const buildMs = performance.now() - started
  gc?.gc()
  const heap = memory() - heapBefore

  // A sample keeps the mix: the first queries of each kind (the mix is shuffled), in proportion.
  const chosen: Query[] = []
  const taken = new Map<QueryKind, number>()
  const quota = (kind: QueryKind) => Math.round((queries.filter((q) => q.kind === kind).length * Math.min(sample, queries.length)) / queries.length)
  const quotas = new Map((['name', 'domain', 'prefix', 'typo', 'address', 'email'] as const).map((kind) => [kind, quota(kind)]))
  for (const query of queries) {
    const count = taken.get(query.kind) ?? 0
    if (count >= quotas.get(query.kind)!) continue
    chosen.push(query)
    taken.set(query.kind, count + 1)
  }
  for (const query of chosen.slice(0, Math.min(50, Math.ceil(sample / 10)))) search(query.text, 10)
  const times: number[] = []
  const right = { name: [0, 0], domain: [0, 0], email: [0, 0], typo: [0, 0] }
  const normalName = (i: number) => normalizeForSearch(records[i]!.name)
  for (const query of chosen) {
    const start = performance.now()
    const hits = search(query.text, 10)
    times.push(performance.now() - start)
    const target = records[query.target]!
    const same = (i: number | undefined) =>
      i !== undefined &&
      (i === query.target ||
        (query.kind === 'domain' ? records[i]!.domain === target.domain : query.kind === 'email' ? records[i]!.email === target.email : normalName(i) === normalName(query.target)))
    if (query.kind === 'name' || query.kind === 'domain' || query.kind === 'email') {
      right[query.kind][1]! += 1
      if (same(hits[0])) right[query.kind][0]! += 1
    } else if (query.kind === 'typo') {
      right.typo[1]! += 1
      if (hits.slice(0, 5).some(same)) right.typo[0]! += 1
    }
  }
  const label = `search @ ${size}, ${engine.label}`
  const of = chosen.length === queries.length ? `${queries.length.toLocaleString('en')} queries` : `a sample of ${chosen.length} of the ${queries.length.toLocaleString('en')} queries: it scans every record`
  report(`${label}: build / memory retained`, `${ms(buildMs)} / ${mb(heap)} (heap + array buffers, ${gc ? gc.how : 'delta without gc: noisy'})`)
  report(`${label}: query p50 / p95 / max`, `${ms(percentile(times, 50))} / ${ms(percentile(times, 95))} / ${ms(Math.max(...times))} (${of})`)
  report(
    `${label}: 1st: name / domain / e-mail; typo top-5`,
    `${pct(right.name[0]!, right.name[1]!)} / ${pct(right.domain[0]!, right.domain[1]!)} / ${pct(right.email[0]!, right.email[1]!)}; ${pct(right.typo[0]!, right.typo[1]!)}`,
  )
}

/** Every prefix of 100 names, typed one character at a time, against our index. */
function typing(records: ReadonlyArray<DatarequestsRecord>, report: Report): void {
  const index = createSearchIndex(Array.from(records.keys()), (i) => datarequestsFields(records[i]!))
  const random = seeded(99)
  const times: number[] = []
  for (let n = 0; n < 100; n += 1) {
    const name = pick(random, records).name
    for (let end = 1; end <= name.length; end += 1) {
      const start = performance.now()
      index.search(name.slice(0, end), 50)
      times.push(performance.now() - start)
    }
  }
  report(`search @ ${records.length.toLocaleString('en')}, ours: as-you-type, every prefix of 100 names`, `${ms(percentile(times, 50))} / ${ms(percentile(times, 95))} / ${ms(Math.max(...times))} (p50 / p95 / max of ${times.length.toLocaleString('en')}, limit 50)`)
}

export function benchCatalogSearch(report: Report): void {
  const real = loadDatarequests()
  if (!real) {
    report('catalog search', `skipped: no datarequests records at ${datarequestsDir} (set RIGHTFUL_DATAREQUESTS_DIR)`)
    return
  }
  for (const records of [real, syntheticCatalog(real, 100_000)]) {
    const queries = queryMix(records)
    run(ours, records, queries, queries.length, report)
    run(miniSearch, records, queries, queries.length, report)
    // Fuse scans every record for every query (about 0.1 s per query at 3,070, seconds at
    // 100,000): a sample of the same mix.
    run(fuse, records, queries, records.length > 10_000 ? 20 : 200, report)
    typing(records, report)
  }
}

if (require.main === module) {
  process.stdout.write(`catalog search benchmark, Node ${process.version}\n`)
  benchCatalogSearch((name, value) => process.stdout.write(`${name.padEnd(58)} ${value}\n`))
}
