// @module-tag property
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { builtinCatalogFrom } from '../../electron/adapters/node/resources'
import { searchFieldsOf } from '../../electron/core/catalog/builtin-layer'
import { loadBuiltinCompanies, openCatalog, type Catalog } from '../../electron/core/catalog/catalog'
import { makeCompactCatalog } from '../../electron/core/catalog/compact-build'
import type { Company, CompanyEdit, CompanyView } from '../../electron/core/catalog/schema'
import { createSearchIndex } from '../../electron/core/catalog/search'
import { createNoticeBoard } from '../../electron/core/shared/notices'
import type { BuiltinCatalogSource, DocumentStore } from '../../electron/core/api/ports'
import { repoRoot } from '../helpers/ports'
import { newCompany } from '../helpers/company-edits'

const seeds = loadBuiltinCompanies({ load: builtinCatalogFrom(repoRoot).load })
const fsCom = seeds.find((c) => c.id === 'fs-com')!

/** Words the built-in records, the edits and the queries are made of: they collide on purpose. */
const words = ['alpha', 'alphabet', 'bravo', 'brava', 'charlie', 'delta', 'deltas', 'echo', 'foxtrot', 'golf', 'constructor', 'proto', 'müller', 'straße', '福斯康']

/** Built-in records named from the words, with domains and addresses, plus the seed companies. */
function builtinRecords(): Company[] {
  const out: Company[] = [...seeds]
  for (let i = 0; i < 40; i += 1) {
    const name = `${words[i % words.length]} ${words[(i * 7 + 3) % words.length]}${i % 5 === 0 ? ' GmbH' : ''}`
    out.push({
      ...fsCom,
      id: `b-${i}`,
      name,
      legalNames: [],
      brands: i % 6 === 0 ? [words[(i + 2) % words.length]!] : [],
      domains: [`${words[i % words.length]!.replace(/[^a-z]/g, '') || 'x'}${i}.example`],
      emails: [{ ...fsCom.emails[0]!, address: `privacy@b${i}.example` }],
      postalAddresses: [{ ...fsCom.postalAddresses[0]!, lines: [`${i} ${words[(i + 5) % words.length]} Road`, 'Kwun Tong'] }],
      aliases: [],
    })
  }
  return out
}

function memoryStore(name: string): DocumentStore & { document: Record<string, unknown> } {
  const store = {
    path: `/memory/${name}.json`,
    document: {} as Record<string, unknown>,
    read: () => structuredClone(store.document),
    write: (document: Record<string, unknown>) => {
      store.document = structuredClone(document)
    },
    update: <T,>(change: (document: Record<string, unknown>) => { document: Record<string, unknown> | null; result: T }): T => {
      const { document, result } = change(store.read())
      if (document) store.write(document)
      return result
    },
    locked: <T,>(step: () => T): T => step(),
    moveAside: () => null,
    setAside: () => '',
  }
  return store
}

const records = builtinRecords()
const plainSource: BuiltinCatalogSource = { load: () => records.map((c) => ({ file: `${c.id}.json`, data: structuredClone(c) })) }
const compactBytes = makeCompactCatalog(plainSource)
const compactSource: BuiltinCatalogSource = { ...plainSource, compact: () => compactBytes }

const open = (source: BuiltinCatalogSource, edits: DocumentStore, imports: DocumentStore): Catalog =>
  openCatalog({ builtin: source, edits, imports, notices: createNoticeBoard(() => new Date('2026-12-07T10:00:00Z')) })

const editOf = (view: CompanyView, name: string): CompanyEdit & { id: string } => ({
  id: view.id,
  name,
  legalNames: view.legalNames,
  brands: view.brands,
  domains: view.domains,
  website: view.website,
  emails: view.emails.map((e) => ({ address: e.address, purpose: e.purpose, status: e.status })),
  postalAddresses: view.postalAddresses.map((a) => ({ recipient: a.recipient, lines: a.lines, country: a.country, region: a.region, status: a.status })),
  phones: view.phones.map((p) => ({ number: p.number, kind: p.kind, status: p.status })),
  webForms: view.webForms.map((w) => ({ url: w.url, status: w.status })),
  establishment: view.establishment,
  countriesServed: view.countriesServed,
  categories: view.categories,
  requestLanguage: null,
  needsIdDocument: false,
  suggestedChannel: null,
})


/** Queries over the words: whole, prefixes, one typo, two words, domains, e-mail addresses, addresses. */
const probes = [
  ...words,
  ...words.map((w) => w.slice(0, 3)),
  'alpah',
  'charlei',
  'foxtrto',
  'alpha bravo',
  'delta echo',
  'b3.example',
  'privacy@b7.example',
  'kwun tong',
  'road',
  'fs.com',
  'gmbh',
  'zzqx',
  '',
]

describe('the catalog after edits: the search index patched in place', () => {
  it('finds an added company, a changed one under its new name and not its old one, and not a deleted one', () => {
    const edits = memoryStore('edits')
    const catalog = open(compactSource, edits, memoryStore('imports'))
    expect(catalog.search('charlie', 50).length).toBeGreaterThan(0)
    const added = catalog.save(newCompany('Quuxly Widgets', 'quuxly.example'), '2026-12-07')
    expect(catalog.search('quuxly', 5).map((v) => v.id)).toEqual([added.id])
    expect(catalog.search('quxly', 5).map((v) => v.id)).toEqual([added.id])
    expect(catalog.resolve('quuxly.example').id).toBe(added.id)

    const target = catalog.get('b-2')
    const oldName = target.name
    catalog.save({ ...editOf(target, 'Zebrafish Holdings'), domains: ['zebrafish.example'], emails: [] }, '2026-12-07')
    expect(catalog.search('zebrafish', 5).map((v) => v.id)).toEqual(['b-2'])
    expect(catalog.search(oldName, 50).map((v) => v.id)).not.toContain('b-2')
    expect(catalog.search(target.domains[0]!, 50).map((v) => v.id)).not.toContain('b-2')
    expect(catalog.resolve('zebrafish.example').id).toBe('b-2')
    // Its address still finds it, once: the built-in record under the change is hidden, not shown twice.
    expect(catalog.search(target.postalAddresses[0]!.lines[0]!, 50).filter((v) => v.id === 'b-2')).toHaveLength(1)

    catalog.remove('b-2', '2026-12-07')
    expect(catalog.search('zebrafish', 5)).toEqual([])
    expect(catalog.search(target.postalAddresses[0]!.lines[0]!, 50).map((v) => v.id)).not.toContain('b-2')
    expect(catalog.matches({ domains: ['zebrafish.example', ...target.domains], emails: [] })).toEqual([])
    catalog.restore('b-2')
    expect(catalog.search('zebrafish', 5).map((v) => v.id)).toEqual(['b-2'])
    catalog.reset('b-2')
    expect(catalog.search('zebrafish', 5)).toEqual([])
    expect(catalog.search(oldName, 50).map((v) => v.id)).toContain('b-2')

    catalog.remove(added.id, '2026-12-07')
    expect(catalog.search('quuxly', 5)).toEqual([])
    expect(() => catalog.resolve('quuxly.example')).toThrow(/No company/)
  })

  it('keeps hostile ids and names (constructor, __proto__) apart in the overlay: added, changed and deleted as data', () => {
    const hostile: Company = { ...fsCom, id: 'constructor', name: 'constructor', legalNames: [], brands: ['__proto__'], domains: ['constructor.example'], aliases: [] }
    const source: BuiltinCatalogSource = { load: () => [...records, hostile].map((c) => ({ file: `${c.id}.json`, data: structuredClone(c) })) }
    const bytes = makeCompactCatalog(source)
    const catalog = open({ ...source, compact: () => bytes }, memoryStore('edits'), memoryStore('imports'))
    const proto = catalog.save(newCompany('__proto__', 'proto-own.example'), '2026-12-07')
    const second = catalog.save(newCompany('constructor', 'constructor-own.example'), '2026-12-07')
    expect(second.id).toBe('constructor-2')
    // Both named exactly so: first, the built-in one before the user's of the same name.
    expect(catalog.search('constructor', 5).map((v) => v.id).slice(0, 2)).toEqual(['constructor', 'constructor-2'])
    expect(catalog.search('proto', 5).map((v) => v.id).slice(0, 2)).toEqual([proto.id, 'constructor'])
    catalog.save(editOf(catalog.get('constructor'), 'hasOwnProperty'), '2026-12-07')
    expect(catalog.search('hasownproperty', 5).map((v) => v.id)).toEqual(['constructor'])
    const afterRename = catalog.search('constructor', 50).map((v) => v.id)
    expect(afterRename[0]).toBe('constructor-2')
    expect(afterRename.filter((id) => id === 'constructor')).toHaveLength(1) // by its domain, once
    catalog.remove('constructor', '2026-12-07')
    expect(catalog.search('hasownproperty', 5)).toEqual([])
    expect(catalog.search('constructor', 50).map((v) => v.id)).not.toContain('constructor')
    expect(catalog.deleted().map((d) => d.id)).toEqual(['constructor'])
    expect(catalog.resolve('constructor-own.example').id).toBe('constructor-2')
  })

  it('answers like a catalog opened afresh on the same files, and like one index built from scratch, after any sequence of edits', () => {
    type Step =
      | { kind: 'add'; name: string; n: number }
      | { kind: 'rename'; pick: number; name: string }
      | { kind: 'remove'; pick: number }
      | { kind: 'restore'; pick: number }
      | { kind: 'reset'; pick: number }
      | { kind: 'contact'; pick: number; n: number }
    const name = fc.tuple(fc.constantFrom(...words), fc.constantFrom(...words, 'Ltd', 'AG', '')).map(([a, b]) => `${a} ${b}`.trim())
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), name, n: fc.nat(1000) }),
      // Small picks: the same few records are edited again and again.
      fc.record({ kind: fc.constant('rename' as const), pick: fc.nat(12), name }),
      fc.record({ kind: fc.constant('remove' as const), pick: fc.nat(12) }),
      fc.record({ kind: fc.constant('restore' as const), pick: fc.nat(12) }),
      fc.record({ kind: fc.constant('reset' as const), pick: fc.nat(12) }),
      fc.record({ kind: fc.constant('contact' as const), pick: fc.nat(12), n: fc.nat(1000) }),
    )
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), fc.boolean(), (steps, useCompact) => {
        const source = useCompact ? compactSource : plainSource
        const edits = memoryStore('edits')
        const imports = memoryStore('imports')
        // A user's layer there at start (read into one segment), then edited.
        const before = open(source, edits, imports)
        for (const [i, id] of ['b-0', 'b-1', 'b-4', 'b-9'].entries()) before.save(editOf(before.get(id), `${words[i + 3]} renamed`), '2026-12-01')
        for (const n of [1, 2, 3]) before.save(newCompany(`${words[n]} own ${n}`, `own${n}.example`), '2026-12-01')
        before.remove('b-5', '2026-12-01')
        const catalog = open(source, edits, imports)
        catalog.search('alpha', 5) // the index exists before the edits: they patch it
        for (const s of steps) {
          const all = catalog.list()
          const target = all[('pick' in s ? s.pick : 0) % all.length]!
          const deleted = catalog.deleted()
          switch (s.kind) {
            case 'add':
              catalog.save(newCompany(s.name, `n${s.n}.example`), '2026-12-07')
              break
            case 'rename':
              catalog.save(editOf(target, s.name), '2026-12-07')
              break
            case 'remove':
              catalog.remove(target.id, '2026-12-07')
              break
            case 'restore':
              if (deleted.length > 0) catalog.restore(deleted[s.pick % deleted.length]!.id)
              break
            case 'reset':
              if (target.origin !== 'user') catalog.reset(target.id)
              break
            case 'contact':
              catalog.addContact({ companyId: target.id, email: `dpo${s.n}@contact.example`, purpose: 'dpo' }, '2026-12-07')
              break
          }
          // Searches between edits use the patched index.
          catalog.search(s.kind, 5)
        }
        const fresh = open(source, edits, imports)
        const ids = (views: ReadonlyArray<CompanyView>) => views.map((v) => v.id)
        expect(ids(catalog.list())).toEqual(ids(fresh.list()))
        const scratch = createSearchIndex(fresh.list(), searchFieldsOf)
        for (const query of [...probes, 'dpo1@contact.example', 'n1.example']) {
          const patched = ids(catalog.search(query, 15))
          expect(patched, query).toEqual(ids(fresh.search(query, 15)))
          expect(patched, query).toEqual(ids(scratch.search(query, 15)))
        }
        for (const view of fresh.list()) expect(catalog.get(view.id)).toEqual(view)
      }),
      { numRuns: 60 },
    )
  })
})
