/**
 * The build step's decisions on small, made-up sources: which records are the same company, which
 * get a new id, where a "merged into" points, and that the core reads the packs as composed.
 */
import { describe, expect, it } from 'vitest'
import { loadBuiltinCatalog } from '../../electron/core/catalog/catalog'
import { mergeCompanies } from '../../electron/core/catalog/merge'
import { writePack, type PackSource } from '../../electron/core/catalog/packs'
import { companySchema, type Company } from '../../electron/core/catalog/schema'
import { composePacks, nameKey } from '../../scripts/catalog/compose'

const source = (id: string): PackSource => ({
  id,
  name: id,
  description: `The ${id} data set.`,
  homepage: 'https://example.org/',
  repository: 'https://example.org/repo',
  path: 'data',
  commit: 'abcdef1',
  date: '2026-08-01',
  license: { spdx: 'MIT', notice: 'MIT License\n\nCopyright (c) 2026 Example' },
})

const seed = companySchema.parse({
  id: 'shop',
  name: 'Shop Ltd',
  legalNames: ['Shop Ltd'],
  brands: [],
  domains: ['shop.example'],
  website: 'https://shop.example/',
  emails: [{ address: 'privacy@shop.example', purpose: 'privacy', status: 'current', provenance: { kind: 'user', enteredOn: '2026-01-01' } }],
  postalAddresses: [],
  phones: [],
  requirements: { subjectLine: null, deletion: null, minimumAge: null },
  establishment: ['GB'],
  notes: [],
  sources: [],
})

const dr = (slug: string, web: string, name = `${slug} GmbH`) => ({
  entry: `${slug}.json`,
  data: {
    slug,
    'relevant-countries': ['de'],
    name,
    address: 'Hauptstraße 1\n10115 Berlin\nDeutschland',
    email: `datenschutz@${slug}.example`,
    web,
    sources: [],
    quality: 'verified',
  },
})

const broker = (id: string, website: string, extra: Record<string, unknown> = {}) => ({ id, name: `${id} Inc`, email: `privacy@${id}.example`, website, opt_out_url: `${website}optout`, region: 'us', category: 'people-search', ...extra })

describe('composing the packs', () => {
  const { packs, report } = composePacks({
    seeds: [{ file: 'shop.json', data: seed }],
    datarequests: {
      source: source('datarequests'),
      entries: [
        dr('shop-de', 'https://www.shop.example/'), // the seed's domain: the same company
        dr('alpha', 'https://alpha.example/'),
        dr('beta-one', 'https://shared.example/'),
        dr('beta-two', 'https://shared.example/'), // two records, one domain: both stay
        dr('peoplefind', 'https://peoplefind.de/'),
        { entry: 'broken.json', error: 'is not valid JSON' },
      ],
    },
    brokers: {
      source: source('brokers'),
      records: [
        broker('alpha-broker', 'https://www.alpha.example/'), // alpha's domain
        broker('peoplefind', 'https://peoplefind.com/'), // alpha's id? no: peoplefind's id, another domain
        broker('shared', 'https://shared.example/'), // ambiguous: two earlier records have it
        broker('dupe-one', 'https://dupe.example/'),
        broker('dupe-two', 'https://dupe.example/'), // the list has the company twice
        broker('gone', 'https://gone.example/', { email: '', notes: 'Gone Co was merged into Alpha GmbH as of 2025-01-01.' }),
        { id: 'Bad Id', name: 'x', region: 'us', category: 'marketing' },
      ],
    },
  })
  const [datarequests, brokers] = packs

  it('folds a record into the earlier layer that has its domain, keeps ambiguous ones apart', () => {
    expect(datarequests.merges.map((m) => [m.company.id, m.into])).toEqual([['shop-de', 'shop']])
    expect(datarequests.companies.map((c) => c.id)).toEqual(['alpha', 'beta-one', 'beta-two', 'peoplefind'])
    expect(brokers.merges.map((m) => [m.company.id, m.into])).toEqual([
      ['alpha-broker', 'alpha'],
      ['dupe-two', 'dupe-one'],
    ])
    expect(report.ambiguous).toEqual([{ id: 'shared', domain: 'shared.example', candidates: ['beta-one', 'beta-two'] }])
  })

  it('gives a record whose id another company has an id of its own', () => {
    expect(brokers.companies.map((c) => c.id)).toEqual(['peoplefind-us', 'shared', 'dupe-one', 'gone'])
    expect(report.renamed).toEqual([{ from: 'peoplefind', to: 'peoplefind-us', reason: 'an earlier layer has this id for another company' }])
  })

  it('points "merged into" at the company of that name, and says what it could not use', () => {
    expect(brokers.companies.find((c) => c.id === 'gone')?.standing).toMatchObject({ kind: 'merged', into: { id: 'alpha', name: 'Alpha GmbH' }, on: '2025-01-01' })
    expect(datarequests.rejected).toEqual([{ entry: 'broken.json', reason: 'is not valid JSON' }])
    expect(brokers.rejected.map((r) => r.entry)).toEqual(['Bad Id'])
  })

  it('makes packs the core reads back into one catalog with both sources on merged records', () => {
    const catalog = loadBuiltinCatalog({
      load: () => [{ file: 'shop.json', data: seed }],
      packs: () => packs.map((pack, i) => ({ file: `${i}.json.gz`, bytes: writePack(pack) })),
    })
    const alpha = catalog.companies.find((c) => c.id === 'alpha')!
    expect(alpha.sources.map((s) => s.id)).toEqual(['datarequests', 'brokers'])
    expect(alpha.aliases).toEqual(['alpha-broker'])
    expect(alpha.emails.map((e) => e.address)).toEqual(['privacy@alpha-broker.example', 'datenschutz@alpha.example'])
    expect(catalog.companies.find((c) => c.id === 'shop')!.domains).toEqual(['shop.example'])
    expect(catalog.packs.map((p) => [p.id, p.companies, p.merged])).toEqual([
      ['datarequests', 4, 1],
      ['brokers', 4, 2],
    ])
    for (const company of catalog.companies) expect(companySchema.safeParse(company).success, company.id).toBe(true)
  })
})

describe('merging two records of one company', () => {
  const base = companySchema.parse({ ...seed, categories: ['commerce'], countriesServed: ['GB'] })
  const later: Company = companySchema.parse({
    ...seed,
    id: 'shop-list',
    name: 'SHOP LIMITED',
    legalNames: ['SHOP LIMITED'],
    emails: [
      { address: 'PRIVACY@shop.example', purpose: 'privacy', status: 'current', provenance: { kind: 'import', sourceId: 'brokers', quality: 'imported' }, problem: { kind: 'bounced', on: '2026-08-20' } },
      { address: 'dpo@shop.example', purpose: 'dpo', status: 'current', provenance: { kind: 'import', sourceId: 'brokers', quality: 'imported' } },
    ],
    categories: ['data broker'],
    countriesServed: ['US'],
    sources: [{ id: 'brokers', title: 'list', url: 'https://example.org/list', kind: 'dataset', archivedOn: '2026-08-22', supersededBy: null }],
  })
  const merged = mergeCompanies(base, later)

  it('keeps the earlier id and name, adds the later names as brands and its id as an alias', () => {
    expect([merged.id, merged.name]).toEqual(['shop', 'Shop Ltd'])
    expect(merged.brands).toEqual([])
    expect(merged.aliases).toEqual(['shop-list'])
    expect(merged.categories).toEqual(['commerce', 'data broker'])
    expect(merged.countriesServed).toEqual(['GB', 'US'])
  })

  it('keeps an address both know once, with the problem the later one reports', () => {
    const privacy = merged.emails.filter((e) => e.address.toLowerCase() === 'privacy@shop.example')
    expect(privacy).toHaveLength(1)
    expect(privacy[0]).toMatchObject({ status: 'historical', problem: { kind: 'bounced', on: '2026-08-20' }, provenance: { kind: 'user' } })
    expect(merged.emails.map((e) => e.address)).toContain('dpo@shop.example')
    expect(companySchema.safeParse(merged).success).toBe(true)
  })

  it('compares names without their legal form', () => {
    expect(nameKey('Epsilon Data Management, LLC')).toBe(nameKey('EPSILON DATA MANAGEMENT'))
    expect(nameKey('Zoom Video Communications Inc.')).not.toBe(nameKey('ZoomInfo'))
  })
})
