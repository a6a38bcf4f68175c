import { describe, expect, it } from 'vitest'
import { builtinCatalogFrom } from '../../electron/adapters/node/resources'
import { layerOfCompanies, nameCollator } from '../../electron/core/catalog/builtin-layer'
import { loadBuiltinCompanies, openCatalog, summaryOf, viewOf, type Catalog } from '../../electron/core/catalog/catalog'
import { readCompactCatalog } from '../../electron/core/catalog/compact'
import { makeCompactCatalog } from '../../electron/core/catalog/compact-build'
import { createOverlay } from '../../electron/core/catalog/overlay'
import type { Company, CompanyView } from '../../electron/core/catalog/schema'
import { createNoticeBoard } from '../../electron/core/shared/notices'
import type { BuiltinCatalogSource, DocumentStore } from '../../electron/core/api/ports'
import { expectOk, repoRoot, startCore } from '../helpers/ports'
import { memoryDocument } from '../../electron/adapters/node/cli-mail'
import { newCompany } from '../helpers/company-edits'

const seeds = loadBuiltinCompanies({ load: builtinCatalogFrom(repoRoot).load })
const fsCom = seeds.find((c) => c.id === 'fs-com')!

/** The seed companies and 60 more, named so that the user's companies fall between them. */
const records: Company[] = [
  ...seeds,
  ...Array.from({ length: 60 }, (_, i) => ({ ...fsCom, id: `p-${i}`, name: `Page ${String(i).padStart(2, '0')} GmbH`, legalNames: [], domains: [`p${i}.example`], aliases: [] })),
]
const plainSource: BuiltinCatalogSource = { load: () => records.map((c) => ({ file: `${c.id}.json`, data: structuredClone(c) })) }
const compactBytes = makeCompactCatalog(plainSource)
const compactSource: BuiltinCatalogSource = { ...plainSource, compact: () => compactBytes }


const open = (source: BuiltinCatalogSource, edits: DocumentStore, imports: DocumentStore): Catalog =>
  openCatalog({ builtin: source, edits, imports, notices: createNoticeBoard(() => new Date('2026-12-07T10:00:00Z')) })


const ids = (views: ReadonlyArray<CompanyView>) => views.map((v) => v.id)

describe('the catalog list a page at a time', () => {
  for (const [label, source] of [['compact form', compactSource], ['packs read whole', plainSource]] as const) {
    it(`gives the same records as the whole list, page by page, with the user's companies, changes and deletions (${label})`, () => {
      const edits = memoryDocument('edits', {})
      const imports = memoryDocument('imports', {})
      const before = open(source, edits, imports)
      // The user's own companies land between built-in ones, at the start and at the end.
      for (const name of ['Page 05a Own', 'Page 30 Own', 'Aaaa First Own', 'Zzzz Last Own']) before.save(newCompany(name, `${name.replaceAll(' ', '').toLowerCase()}.example`), '2026-12-01')
      before.remove('p-7', '2026-12-01')
      before.remove('p-40', '2026-12-01')
      const renamed = before.get('p-12')
      before.save({ ...newCompany('Page 99 Renamed', 'p12.example'), id: renamed.id, domains: renamed.domains, emails: [] }, '2026-12-01')

      const whole = ids(open(source, edits, imports).list())
      expect(whole).toContain('aaaa-first-own')
      expect(whole).not.toContain('p-7')
      for (const size of [1, 3, 7, 50, 5000]) {
        // A fresh catalog for each size: no whole list was made before the pages.
        const paged = open(source, edits, imports)
        const pages: string[] = []
        for (let offset = 0; ; offset += size) {
          const page = paged.page(offset, size)
          expect(page.length).toBeLessThanOrEqual(size)
          pages.push(...ids(page))
          if (page.length < size) break
        }
        expect(pages, `pages of ${size}`).toEqual(whole)
      }
      const catalog = open(source, edits, imports)
      expect(ids(catalog.page(whole.length - 2, 10))).toEqual(whole.slice(-2))
      expect(catalog.page(whole.length, 10)).toEqual([])
      // After the whole list was made, a page is a slice of it.
      catalog.list()
      expect(ids(catalog.page(3, 4))).toEqual(whole.slice(3, 7))
    })
  }

  it('reads only the built-in records of the page', () => {
    const layer = layerOfCompanies({ companies: records, packs: [], seedIds: new Set(), mergedParts: new Map() })
    const read: number[] = []
    const counted = {
      ...layer,
      record: (doc: number) => (read.push(doc), layer.record(doc)),
      recordOnce: (doc: number) => (read.push(doc), layer.recordOnce(doc)),
    }
    const overlay = createOverlay({ builtin: counted, collator: nameCollator, viewOf: (company) => viewOf(company) })
    const page = overlay.page(20, 5)
    expect(page.map((v) => v.id)).toEqual([20, 21, 22, 23, 24].map((doc) => layer.idAt(doc)))
    expect(read.sort((a, b) => a - b)).toEqual([20, 21, 22, 23, 24])
    read.length = 0
    overlay.page(layer.count - 1, 100)
    expect(read).toEqual([layer.count - 1])
  })

  it('decodes the records of a page without keeping them (the compact form keeps only what was shown)', () => {
    const compact = readCompactCatalog(compactBytes)
    const once = compact.recordOnce(7)
    expect(once).toEqual(compact.recordOnce(7))
    expect(once).not.toBe(compact.recordOnce(7))
    const kept = compact.record(7)
    expect(kept).toEqual(once)
    expect(compact.record(7)).toBe(kept)
    // Once kept, the kept one is given.
    expect(compact.recordOnce(7)).toBe(kept)
  })

  it('answers catalog:list with a page, with ids in their order, and with everything when asked for nothing', async () => {
    const { api } = startCore()
    const all = expectOk(await api.call('catalog:list', {}))
    expect(all.length).toBeGreaterThan(100)
    expect(expectOk(await api.call('catalog:list', { offset: 10, limit: 25 }))).toEqual(all.slice(10, 35))
    expect(expectOk(await api.call('catalog:list', { offset: all.length - 1, limit: 25 }))).toEqual(all.slice(-1))
    expect(expectOk(await api.call('catalog:list', { offset: 5 }))).toEqual(all.slice(5))
    const wanted = [all[40]!.id, 'no-such-company', all[3]!.id, 'constructor', all[40]!.id]
    expect(expectOk(await api.call('catalog:list', { ids: wanted }))).toEqual([all[40], all[3], all[40]])
    expect(expectOk(await api.call('catalog:list', { ids: wanted, offset: 1, limit: 1 }))).toEqual([all[3]])
    for (const bad of [{ offset: -1 }, { limit: 0 }, { limit: 5001 }, { offset: 1.5 }, { ids: [''] }, { ids: 'fs-com' }, { page: 2 }]) {
      const result = await api.call('catalog:list', bad as never)
      expect(result.ok ? null : result.error.code, JSON.stringify(bad)).toBe('INVALID_INPUT')
    }
    // A summary is the same whether listed whole or by id.
    expect(expectOk(await api.call('catalog:list', { ids: ['fs-com'] }))).toEqual([summaryOf(expectOk(await api.call('catalog:get', { id: 'fs-com' })))])
  })
})
