// @module-tag corpus
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtinCatalogFrom } from '../../electron/adapters/node/resources'
import { loadBuiltinCompanies } from '../../electron/core/catalog/catalog'
import { companySchema, type Company, type Provenance } from '../../electron/core/catalog/schema'
import { expectOk, repoRoot, startCore } from '../helpers/ports'

// The archived policies the catalog quotes (outside the repository; RIGHTFUL_SEEDS_DIR overrides).
const seedsDir = process.env.RIGHTFUL_SEEDS_DIR ?? path.resolve(repoRoot, '..', 'shared', 'seeds')
const seedsPresent = fs.existsSync(seedsDir)
if (!seedsPresent) console.log(`[skip reason] ${seedsDir} is absent: the quotes of the built-in catalog are not checked against the source policies.`)

/** The policy text as a reader sees it: Markdown links as their visible text, no emphasis, single spaces. */
function visibleText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*/g, '')
    .replace(/\\/g, '')
    .replace(/\s+/g, ' ')
}

function policyQuotes(company: Company): Array<Extract<Provenance, { kind: 'policy' }>> {
  const found: Array<Extract<Provenance, { kind: 'policy' }>> = []
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit)
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>
      if (record.kind === 'policy' && typeof record.quote === 'string') found.push(record as Extract<Provenance, { kind: 'policy' }>)
      Object.values(record).forEach(visit)
    }
  }
  visit(company)
  return found
}

const companies = loadBuiltinCompanies({ load: builtinCatalogFrom(repoRoot).load })

describe('the built-in catalog', () => {
  it('holds the four seed companies, each record valid', () => {
    expect(companies.map((c) => c.id).sort()).toEqual(['b2s', 'faasoft', 'foscam', 'fs-com'])
  })

  it('holds the open data sets too, every record valid and every id unique', () => {
    const all = loadBuiltinCompanies(builtinCatalogFrom(repoRoot))
    expect(all.length).toBeGreaterThan(3700)
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length)
    for (const company of all) {
      const parsed = companySchema.safeParse(company)
      expect(parsed.success, `${company.id}: ${parsed.success ? '' : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`).toBe(true)
      if (parsed.success) expect(parsed.data).toEqual(company)
    }
  })

  it('cites only sources the record lists', () => {
    for (const company of companies) {
      const ids = new Set(company.sources.map((s) => s.id))
      for (const quote of policyQuotes(company)) expect(ids.has(quote.sourceId), `${company.id}: ${quote.sourceId}`).toBe(true)
    }
  })

  it.skipIf(!seedsPresent)('quotes every policy verbatim, from the archived copy of that date', () => {
    const seeds = fs.readdirSync(seedsDir).map((name) => fs.readFileSync(path.join(seedsDir, name), 'utf8'))
    for (const company of companies) {
      for (const source of company.sources) {
        const seed = seeds.find((text) => text.includes(`archived on ${source.archivedOn}`) && text.includes(source.url.slice(0, 60)))
        expect(seed, `${source.id}: no seed policy archived on ${source.archivedOn}`).toBeDefined()
        const text = visibleText(seed!)
        for (const quote of policyQuotes(company).filter((q) => q.sourceId === source.id)) {
          expect(text, `${company.id}: "${quote.quote}"`).toContain(visibleText(quote.quote))
        }
      }
    }
  })
})

describe('catalog API', () => {
  it('finds each seed company by name or domain, the intended one first', async () => {
    const { api } = startCore()
    for (const [query, id] of [['fs', 'fs-com'], ['foscam', 'foscam'], ['b2s', 'b2s'], ['faasoft', 'faasoft'], ['fs.com', 'fs-com'], ['Fiberstore', 'fs-com'], ['legal@fs.com', 'fs-com'], ['Kwun Tong', 'b2s']] as const) {
      const hits = expectOk(await api.call('catalog:search', { query }))
      expect(hits[0]?.id, query).toBe(id)
    }
    expect(expectOk(await api.call('catalog:search', { query: 'no such company' }))).toEqual([])
    expect(expectOk(await api.call('catalog:search', { query: '', limit: 7 }))).toHaveLength(7)
  })

  it('makes legal@fs.com the privacy contact and keeps the 2017 Sales@fs.com as historical', async () => {
    const { api } = startCore()
    const fs2 = expectOk(await api.call('catalog:get', { id: 'fs-com' }))
    expect(fs2.privacyEmail).toBe('legal@fs.com')
    expect(fs2.privacyEmailBasis).toBe('privacy')
    const sales = fs2.emails.find((e) => e.address === 'Sales@fs.com')
    expect(sales?.status).toBe('historical')
    expect(fs2.sources.find((s) => s.archivedOn === '2017-11-19')?.supersededBy).toBe('fs-com-2019')
    expect(fs2.letterAddress?.recipient).toBe('FS.COM INC')
    expect(fs2.holidayJurisdiction).toBe('US-DE')
    expect(fs2.requirements.subjectLine?.provenance).toMatchObject({ kind: 'policy', sourceId: 'fs-com-2019' })
  })

  it('finds a company by its domain as well as its id', async () => {
    const { api } = startCore()
    expect(expectOk(await api.call('catalog:get', { id: 'foscam.com' })).id).toBe('foscam')
    expect(expectOk(await api.call('catalog:get', { id: 'https://www.b2s.com/privacy' })).id).toBe('b2s')
    const missing = await api.call('catalog:get', { id: 'example.com' })
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND')
  })

  it('says that no contact is known for Faasoft, and uses the one the user adds, after a restart too', async () => {
    const first = startCore()
    const before = expectOk(await first.api.call('catalog:get', { id: 'faasoft' }))
    expect(before.privacyEmail).toBeNull()
    expect(before.letterAddress).toBeNull()

    const added = expectOk(await first.api.call('catalog:addContact', { companyId: 'faasoft', email: 'privacy@faasoft.example' }))
    expect(added.privacyEmail).toBe('privacy@faasoft.example')
    expect(added.privacyEmailBasis).toBe('user')
    expect(added.emails[0]?.provenance).toEqual({ kind: 'user', enteredOn: '2026-01-31', quality: 'user' })

    const restarted = startCore({ dataDir: first.dataDir })
    expect(expectOk(await restarted.api.call('catalog:get', { id: 'faasoft' })).privacyEmail).toBe('privacy@faasoft.example')
  })

  it('rejects a contact without an address, or with a broken one, and changes nothing', async () => {
    const { api } = startCore()
    const none = await api.call('catalog:addContact', { companyId: 'faasoft' })
    expect(none.ok ? null : none.error.code).toBe('INVALID_INPUT')
    const bad = await api.call('catalog:addContact', { companyId: 'faasoft', email: 'not an address' })
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_INPUT')
    const unknown = await api.call('catalog:addContact', { companyId: 'nope', email: 'a@b.example' })
    expect(unknown.ok ? null : unknown.error.code).toBe('NOT_FOUND')
    expect(expectOk(await api.call('catalog:get', { id: 'faasoft' })).emails).toEqual([])
  })

  it('lists every company with the fields the CLI promises', async () => {
    const { api } = startCore()
    const list = expectOk(await api.call('catalog:list', {}))
    const fsCom = list.find((c) => c.id === 'fs-com')!
    expect(fsCom).toMatchObject({ name: 'FS.COM', domains: ['fs.com'], privacyEmail: 'legal@fs.com' })
    expect(fsCom.subjectRule).toContain('data protection query, request or complain in the subject line')
    expect(list.find((c) => c.id === 'b2s')?.privacyEmail).toBe('webmaster@b2s.com')
    expect(list.find((c) => c.id === 'foscam')?.phones.map((p) => p.kind)).toEqual(['phone', 'fax'])
    expect(list.find((c) => c.id === 'faasoft')?.privacyEmail).toBeNull()
  })
})
