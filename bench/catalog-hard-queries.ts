/**
 * Hard catalog queries, each with the company it means, and how our search, MiniSearch and Fuse.js
 * rank that company: top-1 and top-3 on the built-in catalog (3,767 records) and on 100,000 (the
 * real records and invented companies, bench/synthetic-catalog.ts), with the p50/p95 per query.
 *
 * The set (test/fixtures/catalog/hard-queries.json) was written by `--write` from the real
 * records before any ranking change, and the ranking was not tuned on it: every figure it gives
 * is an untuned one. Kinds (seeded, so `--write` gives the same set again):
 * - typo: one word of a name that only one company's names hold, typed with one edit;
 * - prefix: the start of a name as typed, cut anywhere (mid-word too), that starts only one name;
 * - address: a street line of a postal address that only one company's addresses hold;
 * - domain, email: a domain or e-mail address only one company has;
 * - non-latin: Greek, Japanese, Chinese and Cyrillic names and brands (written by hand: the real
 *   records hold only a few), whole, in part and without accents.
 *
 * `npx tsx bench/catalog-hard-queries.ts` prints the figures; `--write` writes the set again.
 */
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import Fuse from 'fuse.js'
import MiniSearch from 'minisearch'
import { builtinCatalogFrom } from '../electron/adapters/node/resources'
import { searchFieldsOf } from '../electron/core/catalog/builtin-layer'
import { loadBuiltinCatalog } from '../electron/core/catalog/catalog'
import type { Company } from '../electron/core/catalog/schema'
import { createSearchIndex, normalizeForSearch } from '../electron/core/catalog/search'
import { withinOneEdit } from '../electron/core/catalog/search/text'
import { syntheticCompanies } from './catalog-scale'
import { seeded } from '../test/helpers/seeded'
import { recordFigure } from './summary'

const repoRoot = path.resolve(__dirname, '..')
const fixture = path.join(repoRoot, 'test', 'fixtures', 'catalog', 'hard-queries.json')

export type HardQuery = { readonly kind: 'typo' | 'prefix' | 'address' | 'domain' | 'email' | 'non-latin'; readonly query: string; readonly expect: ReadonlyArray<string> }


const legalWords = new Set(['gmbh', 'ltd', 'limited', 'inc', 'llc', 'ag', 'se', 'sas', 'sa', 'sarl', 'bv', 'nv', 'ab', 'oy', 'srl', 'sl', 'kg', 'co', 'ev', 'plc', 'group', 'holding', 'holdings', 'corp', 'corporation', 'company', 'the', 'und', 'and', 'gesellschaft', 'international', 'services', 'service', 'deutschland', 'germany', 'europe', 'media', 'online', 'digital', 'solutions', 'technologies', 'data', 'marketing'])

/** Words, as search folds them. */
const wordsOf = (text: string) => normalizeForSearch(text).split(' ').filter((w) => w.length > 0)

/** One edit of a word: a letter dropped, two swapped, one replaced or one added (never the word itself). */
function typoOf(random: () => number, word: string): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz'
  for (;;) {
    const at = 1 + Math.floor(random() * (word.length - 1)) // people rarely get the first letter wrong
    const kind = Math.floor(random() * 4)
    const typed =
      kind === 0
        ? word.slice(0, at) + word.slice(at + 1)
        : kind === 1 && at + 1 < word.length
          ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
          : kind === 2
            ? word.slice(0, at) + letters[Math.floor(random() * 26)] + word.slice(at + 1)
            : word.slice(0, at) + letters[Math.floor(random() * 26)] + word.slice(at)
    if (typed !== word) return typed
  }
}

/** The set, from the built-in records (seeded). */
export function makeHardQueries(companies: ReadonlyArray<Company>): HardQuery[] {
  const random = seeded(20261207)
  const order = companies.map((_, i) => i).sort(() => 0)
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1))
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
  const names = (c: Company) => [c.name, ...c.legalNames, ...c.brands]
  const nameWordHolders = new Map<string, Set<string>>()
  for (const c of companies) for (const n of names(c)) for (const w of wordsOf(n)) (nameWordHolders.get(w) ?? nameWordHolders.set(w, new Set()).get(w)!).add(c.id)
  const allWords = new Set<string>()
  for (const c of companies) for (const field of searchFieldsOf(c)) for (const w of wordsOf(field.text)) allWords.add(w)
  const out: HardQuery[] = []
  const taken = new Set<string>()
  const add = (query: HardQuery, quota: number) => {
    if (out.filter((q) => q.kind === query.kind).length >= quota || taken.has(query.query)) return
    taken.add(query.query)
    out.push(query)
  }

  for (const i of order) {
    const c = companies[i]!
    const candidates = wordsOf(c.name).filter((w) => /^[a-z]{5,}$/.test(w) && !legalWords.has(w) && nameWordHolders.get(w)?.size === 1)
    if (candidates.length === 0) continue
    const word = candidates[Math.floor(random() * candidates.length)]!
    const typed = typoOf(random, word)
    if (!allWords.has(typed)) add({ kind: 'typo', query: typed, expect: [c.id] }, 60)
  }

  const normalNames = companies.map((c) => [c.name, ...c.legalNames].map(normalizeForSearch))
  for (const i of order) {
    const c = companies[i]!
    const name = normalizeForSearch(c.name)
    if (name.length < 6) continue
    const cut = 4 + Math.floor(random() * (Math.min(name.length - 1, 14) - 4))
    const prefix = name.slice(0, cut).trimEnd()
    if (prefix.length < 4) continue
    const holders = companies.filter((_, k) => normalNames[k]!.some((n) => n.startsWith(prefix)))
    if (holders.length === 1) add({ kind: 'prefix', query: c.name.slice(0, c.name.length - (name.length - cut)).trimEnd() || prefix, expect: [c.id] }, 50)
  }

  const addressWords = companies.map((c) => new Set(c.postalAddresses.flatMap((a) => a.lines.flatMap(wordsOf))))
  for (const i of order) {
    const c = companies[i]!
    const line = c.postalAddresses[0]?.lines.find((l) => /\d/.test(l) && /\p{L}{4,}/u.test(l) && l.length <= 40)
    if (!line) continue
    const words = wordsOf(line)
    const holders = companies.filter((_, k) => words.every((w) => addressWords[k]!.has(w)))
    if (holders.length === 1) add({ kind: 'address', query: line, expect: [c.id] }, 40)
  }

  const holdersOf = (values: (c: Company) => ReadonlyArray<string>) => {
    const map = new Map<string, Set<string>>()
    for (const c of companies) for (const v of values(c)) (map.get(v.toLowerCase()) ?? map.set(v.toLowerCase(), new Set()).get(v.toLowerCase())!).add(c.id)
    return map
  }
  const domainHolders = holdersOf((c) => c.domains)
  const emailHolders = holdersOf((c) => c.emails.map((e) => e.address))
  for (const i of order) {
    const c = companies[i]!
    const domain = c.domains[0]
    if (domain && domainHolders.get(domain.toLowerCase())?.size === 1) add({ kind: 'domain', query: domain, expect: [c.id] }, 25)
    const email = c.emails[0]?.address
    if (email && emailHolders.get(email.toLowerCase())?.size === 1) add({ kind: 'email', query: email, expect: [c.id] }, 25)
  }

  const byHand: Array<[string, string]> = [
    ['Ελληνική Ραδιοφωνία Τηλεόραση', 'ert-gr'],
    ['ελληνικη ραδιοφωνια', 'ert-gr'],
    ['Ραδιοφωνία', 'ert-gr'],
    ['Τηλεόραση', 'ert-gr'],
    ['ΕΡΑ Σπορ', 'ert-gr'],
    ['Πρώτο Πρόγραμμα', 'ert-gr'],
    ['τριτο προγραμμα', 'ert-gr'],
    ['Ελληνικ', 'ert-gr'],
    ['パブマティック', 'pubmatic'],
    ['パブマティック株式会社', 'pubmatic'],
    ['パブマ', 'pubmatic'],
    ['据翼软件科技有限公司', 'pubmatic'],
    ['据翼软件', 'pubmatic'],
    ['据翼', 'pubmatic'],
    ['БГменю', 'takeaway-com'],
    ['бгменю еоод', 'takeaway-com'],
    ['БГмен', 'takeaway-com'],
    ['ЕООД БГменю', 'takeaway-com'],
  ]
  for (const [query, id] of byHand) if (companies.some((c) => c.id === id)) add({ kind: 'non-latin', query, expect: [id] }, 100)
  return out
}

/**
 * The queries whose company is still the only right answer among `companies`: at 100,000 an
 * invented company may fit a query that meant one company among 3,767 as well (a brand one typo
 * away from the typed word, a name that starts with the same letters, a company on the same street
 * at the same number), as it would among 100,000 real ones. Such a query has no one right answer;
 * the figures are given with and without them, and their number is printed.
 */
export function stillUnique(companies: ReadonlyArray<Company>, queries: ReadonlyArray<HardQuery>): Set<HardQuery> {
  const nameTexts = companies.map((c) => [c.name, ...c.legalNames, ...c.brands].map(normalizeForSearch))
  const nameWords = new Map<string, Set<number>>()
  nameTexts.forEach((texts, i) => texts.forEach((text) => text.split(' ').forEach((w) => (nameWords.get(w) ?? nameWords.set(w, new Set()).get(w)!).add(i))))
  const addressWords = companies.map((c) => new Set(c.postalAddresses.flatMap((a) => a.lines.flatMap(wordsOf))))
  const lower = (values: ReadonlyArray<string>) => values.map((v) => v.toLowerCase())
  const unique = new Set<HardQuery>()
  for (const q of queries) {
    const normal = normalizeForSearch(q.query)
    const words = normal.split(' ')
    let fits: (i: number) => boolean
    switch (q.kind) {
      case 'typo': {
        const near = new Set<number>()
        for (const [word, holders] of nameWords) if (withinOneEdit(normal, word)) for (const i of holders) near.add(i)
        fits = (i) => near.has(i)
        break
      }
      case 'prefix':
        fits = (i) => nameTexts[i]!.some((text) => text.startsWith(normal))
        break
      case 'address':
        fits = (i) => words.every((w) => addressWords[i]!.has(w))
        break
      case 'domain':
        fits = (i) => lower(companies[i]!.domains).includes(q.query.toLowerCase())
        break
      case 'email':
        fits = (i) => lower(companies[i]!.emails.map((e) => e.address)).includes(q.query.toLowerCase())
        break
      case 'non-latin':
        fits = (i) => words.every((w) => nameTexts[i]!.some((text) => text.split(' ').some((t) => t.startsWith(w) || t.includes(w))))
        break
    }
    let count = 0
    for (let i = 0; i < companies.length && count <= q.expect.length; i += 1) if (fits(i) && !q.expect.includes(companies[i]!.id)) count += 1
    if (count === 0) unique.add(q)
  }
  return unique
}

type Engine = { readonly label: string; build(companies: ReadonlyArray<Company>): (query: string, limit: number) => ReadonlyArray<string> }

const ours: Engine = {
  label: 'ours',
  build(companies) {
    const index = createSearchIndex(companies, searchFieldsOf)
    return (query, limit) => index.search(query, limit).map((c) => c.id)
  },
}

const fold = (term: string) => term.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
const documentOf = (c: Company, id: number) => ({
  id,
  name: [c.name, ...c.legalNames].join('\n'),
  brands: c.brands.join('\n'),
  domain: c.domains.join('\n'),
  email: c.emails.map((e) => e.address).join('\n'),
  address: c.postalAddresses.flatMap((a) => a.lines).join('\n'),
})

const miniSearch: Engine = {
  label: 'MiniSearch',
  build(companies) {
    const index = new MiniSearch<ReturnType<typeof documentOf>>({
      fields: ['name', 'brands', 'domain', 'email', 'address'],
      processTerm: fold,
      searchOptions: { boost: { name: 3, brands: 2, domain: 2 }, fuzzy: 0.2, prefix: (_term, i, terms) => i === terms.length - 1 },
    })
    index.addAll(companies.map(documentOf))
    return (query, limit) => index.search(query).slice(0, limit).map((hit) => companies[hit.id as number]!.id)
  },
}

const fuse: Engine = {
  label: 'Fuse.js',
  build(companies) {
    const docs = companies.map(documentOf)
    const keys = [{ name: 'name', weight: 3 }, { name: 'brands', weight: 2 }, { name: 'domain', weight: 2 }, 'email', 'address']
    const index = new Fuse(docs, { keys, threshold: 0.3, ignoreLocation: true }, Fuse.createIndex(keys, docs))
    return (query, limit) => index.search(query, { limit }).map((hit) => companies[hit.item.id]!.id)
  },
}

const pct = (hits: number, of: number) => (of === 0 ? 'n/a' : `${((100 * hits) / of).toFixed(1)}%`)
const ms = (n: number) => `${n.toFixed(n < 1 ? 3 : 2)} ms`
function percentile(samples: ReadonlyArray<number>, p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

export function loadHardQueries(): HardQuery[] {
  return (JSON.parse(fs.readFileSync(fixture, 'utf8')) as { queries: HardQuery[] }).queries
}

export function benchHardQueries(report: (name: string, value: string) => void): void {
  const real = [...loadBuiltinCatalog(builtinCatalogFrom(repoRoot)).companies]
  const queries = loadHardQueries()
  const kinds = [...new Set(queries.map((q) => q.kind))]
  recordFigure('hard-queries-set', {
    min: queries.length,
    median: queries.length,
    unit: 'queries',
    detail: `${kinds.map((kind) => `${kind} ${queries.filter((q) => q.kind === kind).length}`).join(', ')}; written before any ranking change`,
    anchor: '-',
  })
  for (const [scale, companies] of [['builtin', real], ['100k', syntheticCompanies(real, 100_000)]] as const) {
    const size = companies.length.toLocaleString('en')
    const unique = stillUnique(companies, queries)
    const several = queries.filter((q) => !unique.has(q))
    const severalByKind = kinds.map((kind) => `${kind} ${several.filter((q) => q.kind === kind).length}`).join(', ')
    report(`hard queries @ ${size}: queries with more than one right answer`, `${several.length} of ${queries.length} (${severalByKind})`)
    const top3 = new Map<string, number>()
    const p95s = new Map<string, { min: number; median: number }>()
    for (const engine of [ours, miniSearch, fuse]) {
      const search = engine.build(companies)
      // Fuse.js scans every record for every query: a sample of each kind at 100,000.
      const chosen = engine === fuse && companies.length > 10_000 ? kinds.flatMap((kind) => queries.filter((q) => q.kind === kind).slice(0, 6)) : queries
      for (const q of chosen.slice(0, 20)) search(q.query, 3) // warm up
      // Ours: 3 rounds over the set, the p95 of each (min / median of the 3); the others, one round.
      const rounds = engine === ours ? 3 : 1
      const roundP95: number[] = []
      const tally = new Map<string, { top1: number; top3: number; of: number }>()
      const count = (key: string, top1: boolean, top3: boolean) => {
        const row = tally.get(key) ?? { top1: 0, top3: 0, of: 0 }
        row.top1 += top1 ? 1 : 0
        row.top3 += top3 ? 1 : 0
        row.of += 1
        tally.set(key, row)
      }
      const all: number[] = []
      for (let round = 0; round < rounds; round += 1) {
        const times: number[] = []
        for (const q of chosen) {
          const start = performance.now()
          const found = search(q.query, 3)
          times.push(performance.now() - start)
          if (round > 0) continue
          const top1 = found[0] !== undefined && q.expect.includes(found[0])
          const top3 = found.some((id) => q.expect.includes(id))
          count('all', top1, top3)
          count(q.kind, top1, top3)
          if (unique.has(q)) count('unique', top1, top3)
        }
        roundP95.push(percentile(times, 95))
        all.push(...times)
      }
      const row = (key: string) => tally.get(key) ?? { top1: 0, top3: 0, of: 0 }
      const perKind = kinds.map((kind) => `${kind} ${pct(row(kind).top3, row(kind).of)}`)
      const of = chosen.length === queries.length ? `${queries.length} queries` : `a sample of ${chosen.length} of ${queries.length}`
      report(`hard queries @ ${size}, ${engine.label}: top-1 / top-3 (untuned)`, `${pct(row('all').top1, row('all').of)} / ${pct(row('all').top3, row('all').of)} of ${of}; top-3 by kind: ${perKind.join(', ')}`)
      if (unique.size < queries.length) {
        report(`hard queries @ ${size}, ${engine.label}: the same, still one right answer`, `${pct(row('unique').top1, row('unique').of)} / ${pct(row('unique').top3, row('unique').of)} of the ${row('unique').of} whose company is still the only one that fits`)
      }
      const sortedP95 = [...roundP95].sort((a, b) => a - b)
      const p95 = { min: sortedP95[0]!, median: sortedP95[Math.floor((sortedP95.length - 1) / 2)]! }
      report(
        `hard queries @ ${size}, ${engine.label}: query p50 / p95`,
        rounds > 1 ? `${ms(percentile(all, 50))} / ${ms(p95.min)} (min) ${ms(p95.median)} (median) of the p95 of ${rounds} rounds` : `${ms(percentile(all, 50))} / ${ms(p95.median)}`,
      )
      top3.set(engine.label, row('all').of === 0 ? Number.NaN : (100 * row('all').top3) / row('all').of)
      p95s.set(engine.label, p95)
    }
    const beside = (values: ReadonlyMap<string, number>, show: (n: number) => string) =>
      [miniSearch, fuse].map((engine) => `${engine.label} ${show(values.get(engine.label)!)}`).join(', ')
    const ourTop3 = top3.get(ours.label)!
    recordFigure(`hard-queries-top3-${scale}`, {
      min: ourTop3,
      median: ourTop3,
      unit: '%',
      detail: `of ${queries.length} at ${size} (the same every round); top-1 and by kind above`,
      anchor: `${beside(top3, (n) => `${n.toFixed(1)}%`)}${companies.length > 10_000 ? ' (Fuse.js on a sample)' : ''}`,
    })
    recordFigure(`hard-queries-p95-${scale}`, {
      ...p95s.get(ours.label)!,
      unit: 'ms',
      detail: `p95 of each of 3 rounds over ${queries.length} queries at ${size}`,
      anchor: beside(new Map([...p95s].map(([label, value]) => [label, value.median])), ms),
    })
  }
}

if (require.main === module) {
  if (process.argv.includes('--write')) {
    const queries = makeHardQueries(loadBuiltinCatalog(builtinCatalogFrom(repoRoot)).companies)
    const about =
      'Hard queries, each with the company it means (any id of expect counts). Written by bench/catalog-hard-queries.ts --write from the built-in records before any ranking change; the ranking is not tuned on them. Measured by npm run bench (top-1 / top-3).'
    fs.writeFileSync(fixture, `${JSON.stringify({ about, queries }, null, 1)}\n`)
    const counts = new Map<string, number>()
    for (const q of queries) counts.set(q.kind, (counts.get(q.kind) ?? 0) + 1)
    process.stdout.write(`wrote ${queries.length} queries: ${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')}\n`)
  } else {
    benchHardQueries((name, value) => process.stdout.write(`${name.padEnd(64)} ${value}\n`))
  }
}
