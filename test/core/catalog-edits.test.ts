// @module-tag corpus
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtinCatalogFrom } from '../../electron/adapters/node/resources'
import { loadBuiltinCompanies, openCatalog, type Catalog } from '../../electron/core/catalog/catalog'
import type { Company } from '../../electron/core/catalog/schema'
import { createNoticeBoard } from '../../electron/core/shared/notices'
import type { DocumentStore } from '../../electron/core/api/ports'
import { expectOk, repoRoot, startCore, tempDir } from '../helpers/ports'
import { editOf } from '../../electron/core/catalog/edit-form'

// The seed companies only: these tests are about the user's layer over built-in records.
const builtin = loadBuiltinCompanies({ load: builtinCatalogFrom(repoRoot).load })
const fsCom = builtin.find((c) => c.id === 'fs-com')!

function memoryStore(name: string): DocumentStore & { document: Record<string, unknown>; writes: number; setAsideEntries: unknown[] } {
  const store = {
    path: `/memory/${name}.json`,
    document: {} as Record<string, unknown>,
    writes: 0,
    setAsideEntries: [] as unknown[],
    setAside: (_what: string, entries: ReadonlyArray<unknown>) => {
      store.setAsideEntries.push(...entries)
      return `/memory/${name}.set-aside.json`
    },
    read: () => structuredClone(store.document),
    write: (document: Record<string, unknown>) => {
      store.document = structuredClone(document)
      store.writes++
    },
    update: <T,>(change: (document: Record<string, unknown>) => { document: Record<string, unknown> | null; result: T }): T => {
      const { document, result } = change(store.read())
      if (document) store.write(document)
      return result
    },
    locked: <T,>(step: () => T): T => step(),
    moveAside: () => {
      store.document = {}
      return `/memory/${name}.moved.json`
    },
  }
  return store
}

function open(companies: ReadonlyArray<Company>, edits: DocumentStore, imports = memoryStore('imports')): Catalog {
  return openCatalog({
    builtin: { load: () => companies.map((c) => ({ file: `${c.id}.json`, data: structuredClone(c) })) },
    edits,
    imports,
    notices: createNoticeBoard(() => new Date('2026-11-30T10:00:00Z')),
  })
}


describe('user edits to the catalog', () => {
  it('adds a company of the user own, with a unique id and "entered by you" provenance', () => {
    const catalog = open(builtin, memoryStore('edits'))
    const added = catalog.save(
      {
        name: 'Faasoft',
        legalNames: [],
        brands: ['Faasoft Video Converter'],
        domains: ['faasoft.example'],
        website: 'https://www.faasoft.example/',
        emails: [{ address: 'privacy@faasoft.example', purpose: 'privacy', status: 'current' }],
        postalAddresses: [],
        phones: [],
        webForms: [],
        establishment: ['CN'],
        countriesServed: ['all'],
        categories: [],
        requestLanguage: null,
        needsIdDocument: false,
        suggestedChannel: null,
      },
      '2026-11-30',
    )
    // "faasoft" is taken by the built-in record.
    expect(added.id).toBe('faasoft-2')
    expect(added.origin).toBe('user')
    expect(added.privacyEmail).toBe('privacy@faasoft.example')
    expect(added.emails[0]!.provenance).toEqual({ kind: 'user', enteredOn: '2026-11-30', quality: 'user' })
    expect(catalog.search('faasoft video', 5)[0]!.id).toBe('faasoft-2')
    expect(catalog.resolve('faasoft.example').id).toBe('faasoft-2')
  })

  it('keeps a change to a built-in record as the user own, and a newer built-in catalog never overwrites it', () => {
    const edits = memoryStore('edits')
    const first = open(builtin, edits)
    const shown = first.get('fs-com')
    const edit = editOf(shown)
    edit.name = 'FS.COM Inc. (Delaware)'
    edit.emails = [...edit.emails, { address: 'dpo@fs.com', purpose: 'dpo', status: 'current' }]
    const changed = first.save(edit, '2026-11-30')
    expect(changed.name).toBe('FS.COM Inc. (Delaware)')
    expect(changed.editedFields).toEqual(expect.arrayContaining(['name', 'emails', 'identityProvenance', 'history']))
    // Unchanged entries keep their quotes; the new one is the user's.
    expect(changed.emails.find((e) => e.address === 'legal@fs.com')!.provenance.kind).toBe('policy')
    expect(changed.emails.find((e) => e.address === 'dpo@fs.com')!.provenance.kind).toBe('user')
    expect(changed.history).toContainEqual(expect.objectContaining({ field: 'name', value: shown.name, until: '2026-11-30' }))

    // Rightful is updated: the built-in record has a new name, a new phone and a new e-mail list.
    const newer: Company = {
      ...structuredClone(fsCom),
      name: 'FS.COM Limited',
      phones: [...fsCom.phones, { number: '+1 555 0100', kind: 'phone', status: 'current', provenance: fsCom.phones[0]!.provenance }],
      emails: [...fsCom.emails, { address: 'privacy@fs.com', purpose: 'privacy', status: 'current', provenance: fsCom.emails[0]!.provenance, problem: null }],
    }
    const updated = open([newer, ...builtin.filter((c) => c.id !== 'fs-com')], edits).get('fs-com')
    expect(updated.name).toBe('FS.COM Inc. (Delaware)')
    expect(updated.emails.map((e) => e.address)).not.toContain('privacy@fs.com')
    expect(updated.emails.map((e) => e.address)).toContain('dpo@fs.com')
    // A field the user did not touch follows the newer catalog.
    expect(updated.phones.map((p) => p.number)).toContain('+1 555 0100')
  })

  it('deletes a built-in record restorably, resets a change, and deletes the user own company for good', () => {
    const catalog = open(builtin, memoryStore('edits'))
    expect(catalog.remove('foscam', '2026-11-30')).toEqual({ id: 'foscam', restorable: true })
    expect(catalog.list().map((c) => c.id)).not.toContain('foscam')
    expect(catalog.search('foscam', 5)).toEqual([])
    expect(catalog.deleted()).toEqual([{ id: 'foscam', name: 'Foscam', deletedOn: '2026-11-30' }])
    expect(catalog.restore('foscam').id).toBe('foscam')

    const edit = editOf(catalog.get('b2s'))
    edit.website = 'https://www.b2s.example/'
    expect(catalog.save(edit, '2026-11-30').website).toBe('https://www.b2s.example/')
    expect(catalog.reset('b2s').website).toBe(builtin.find((c) => c.id === 'b2s')!.website)

    // A copy of B2S's record: added as a company of its own on purpose (asNew), though it shares B2S's domain.
    const own = catalog.save({ ...editOf(catalog.get('b2s')), id: undefined, name: 'Mine Ltd', asNew: true }, '2026-11-30')
    expect(catalog.remove(own.id, '2026-11-30')).toEqual({ id: own.id, restorable: false })
    expect(() => catalog.get(own.id)).toThrow(/no company/)
    expect(() => catalog.restore(own.id)).toThrow(/not among the deleted/)
  })

  it('rejects an edit that would make an invalid record, changing nothing', () => {
    const edits = memoryStore('edits')
    const catalog = open(builtin, edits)
    const edit = editOf(catalog.get('fs-com'))
    edit.id = 'no-such-company'
    expect(() => catalog.save(edit, '2026-11-30')).toThrow(/no company "no-such-company"/)
    expect(edits.writes).toBe(0)
  })

  it('reads the version 1 edits file (contacts only) of earlier releases', () => {
    const edits = memoryStore('edits')
    edits.document = {
      version: 1,
      contacts: {
        faasoft: {
          emails: [{ address: 'privacy@faasoft.example', purpose: 'privacy', status: 'current', provenance: { kind: 'user', enteredOn: '2026-01-31' } }],
          postalAddresses: [],
        },
      },
    }
    expect(open(builtin, edits).get('faasoft').privacyEmail).toBe('privacy@faasoft.example')
  })
})

/** A datarequests.org record using every field of its schema. */
const fullRecord = {
  slug: 'example-gmbh',
  'relevant-countries': ['de', 'at'],
  categories: ['commerce', 'telecommunication'],
  name: 'Example GmbH',
  runs: ['Example Shop', 'Beispiel.de'],
  address: 'Musterstraße 1\n10115 Berlin\nDeutschland',
  phone: '+49 30 1234567',
  fax: '+49 30 1234568',
  email: 'datenschutz@example.de',
  webform: 'https://www.example.de/datenschutz/anfrage',
  'pgp-fingerprint': 'BCA8 A5F2 2F7F D05A ED67  EE2B FE5B E03D 78C1 CF0F',
  'pgp-url': 'https://www.example.de/privacy.asc',
  web: 'https://www.example.de',
  sources: ['https://www.example.de/datenschutz', 'printed leaflet, 2019'],
  'required-elements': [
    { desc: 'Customer number', type: 'input' },
    { desc: 'Date of birth', type: 'birthdate', optional: true },
  ],
  'request-language': 'de',
  'custom-access-template': 'example-access-de.txt',
  'custom-erasure-template': 'example-erasure-de.txt',
  'custom-rectification-template': 'example-rect-de.txt',
  'custom-objection-template': 'example-obj-de.txt',
  'needs-id-document': true,
  'suggested-transport-medium': 'letter',
  comments: ['Answers within a week.'],
  quality: 'scraped',
  'facet-group': 'school',
  nsfw: true,
}

function writeFolder(files: Record<string, string>): string {
  const dir = tempDir('rightful-import-')
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text)
  return dir
}

describe('importing datarequests.org records', () => {
  it('maps every field of the format', async () => {
    const host = startCore()
    host.picked.push(writeFolder({ 'example-gmbh.json': JSON.stringify(fullRecord) }))
    const report = expectOk(await host.api.call('catalog:import', { format: 'datarequests', kind: 'folder' }))
    expect(report).toMatchObject({ imported: 1, rejected: [] })
    const c = expectOk(await host.api.call('catalog:get', { id: 'example-gmbh' }))
    const imported = { kind: 'import', sourceId: 'datarequests', quality: 'extracted' }
    expect(c.origin).toBe('imported')
    expect(c).toMatchObject({
      name: 'Example GmbH',
      legalNames: ['Example GmbH'],
      brands: ['Example Shop', 'Beispiel.de'],
      domains: ['example.de'],
      website: 'https://www.example.de/',
      countriesServed: ['DE', 'AT'],
      establishment: ['DE'],
      categories: ['commerce', 'telecommunication'],
      facetGroup: 'school',
      nsfw: true,
      identityProvenance: imported,
    })
    expect(c.emails).toEqual([{ address: 'datenschutz@example.de', purpose: 'privacy', status: 'current', provenance: imported, problem: null }])
    expect(c.postalAddresses).toEqual([
      { recipient: 'Example GmbH', lines: ['Musterstraße 1', '10115 Berlin'], country: 'DE', region: null, status: 'current', provenance: imported },
    ])
    expect(c.phones.map((p) => [p.kind, p.number])).toEqual([['phone', '+49 30 1234567'], ['fax', '+49 30 1234568']])
    expect(c.webForms.map((w) => w.url)).toEqual(['https://www.example.de/datenschutz/anfrage'])
    expect(c.pgp).toEqual({ fingerprint: 'BCA8 A5F2 2F7F D05A ED67 EE2B FE5B E03D 78C1 CF0F', url: 'https://www.example.de/privacy.asc', provenance: imported })
    expect(c.requirements).toMatchObject({
      language: { code: 'de', basis: 'catalog' },
      idDocument: { provenance: imported },
      requiredElements: [
        { description: 'Customer number', kind: 'input', optional: false },
        { description: 'Date of birth', kind: 'birthdate', optional: true },
      ],
      suggestedChannel: 'letter',
      customTemplates: { access: 'example-access-de.txt', erasure: 'example-erasure-de.txt', rectification: 'example-rect-de.txt', objection: 'example-obj-de.txt' },
    })
    expect(c.notes.map((n) => n.text)).toEqual(['Source: printed leaflet, 2019', 'Answers within a week.'])
    expect(c.sources.map((s) => [s.kind, s.url])).toEqual([
      ['dataset', 'https://www.datarequests.org/company/example-gmbh'],
      ['page', 'https://www.example.de/datenschutz'],
    ])
    expect(c.sources[0]!.retrievedOn).toBe('2026-01-31')
    // Searchable at once, by brand and by domain; letters go to the Berlin address.
    expect(expectOk(await host.api.call('catalog:search', { query: 'beispiel', limit: 5 }))[0]!.id).toBe('example-gmbh')
    expect(c.holidayJurisdiction).toBe('DE')
  })

  it('accounts for every entry of a folder, odd names included, and stores nothing when all are bad', async () => {
    const host = startCore()
    const folder = writeFolder({
      'good.json': JSON.stringify({ ...fullRecord, slug: 'good' }),
      'no-extension': JSON.stringify({ ...fullRecord, slug: 'no-extension' }),
      'Ünïcödé name.json': JSON.stringify({ ...fullRecord, slug: 'unicode' }),
      '.hidden.json': '{ not json',
      'README.md': '# notes',
      'missing-country.json': JSON.stringify({ ...fullRecord, slug: 'missing-country', address: 'Musterstraße 1\n10115 Berlin', 'relevant-countries': ['all'] }),
      'bad-slug.json': JSON.stringify({ ...fullRecord, slug: 'Bad Slug' }),
      'duplicate.json': JSON.stringify({ ...fullRecord, slug: 'good' }),
      'builtin.json': JSON.stringify({ ...fullRecord, slug: 'foscam' }),
    })
    fs.mkdirSync(path.join(folder, 'sub'))
    host.picked.push(folder)
    const report = expectOk(await host.api.call('catalog:import', { format: 'datarequests', kind: 'folder' }))
    expect(report.imported).toBe(3)
    const reasons = Object.fromEntries(report.rejected.map((r) => [r.entry, r.reason]))
    // Entries are read in name order: duplicate.json comes first and claims the id "good".
    expect(Object.keys(reasons).sort()).toEqual(['.hidden.json', 'README.md', 'bad-slug.json', 'builtin.json', 'good.json', 'missing-country.json', 'sub'].sort())
    expect(reasons['.hidden.json']).toMatch(/not valid JSON/)
    expect(reasons['missing-country.json']).toMatch(/does not end with a country/)
    expect(reasons['bad-slug.json']).toMatch(/slug/)
    expect(reasons['good.json']).toMatch(/repeats the id "good" of duplicate.json/)
    expect(reasons['builtin.json']).toMatch(/own catalog already has "foscam"/)
    expect(reasons.sub).toMatch(/folder/)
    expect(report.imported + report.rejected.length).toBe(fs.readdirSync(folder).length)

    const empty = startCore()
    empty.picked.push(writeFolder({ 'a.json': '[', 'b.json': JSON.stringify({ name: 'No slug' }) }))
    const nothing = expectOk(await empty.api.call('catalog:import', { format: 'datarequests', kind: 'folder' }))
    expect(nothing.imported).toBe(0)
    expect(nothing.rejected).toHaveLength(2)
    expect(fs.existsSync(path.join(empty.dataDir, 'catalog-imports.json'))).toBe(false)
    expect(fs.existsSync(path.join(empty.dataDir, 'catalog-edits.json'))).toBe(false)
  })

  it('changes nothing on a dry run or a missing source', async () => {
    const host = startCore()
    host.picked.push(writeFolder({ 'good.json': JSON.stringify(fullRecord) }))
    const dry = expectOk(await host.api.call('catalog:import', { format: 'datarequests', kind: 'folder', dryRun: true }))
    expect(dry).toMatchObject({ imported: 1, dryRun: true })
    expect(fs.existsSync(path.join(host.dataDir, 'catalog-imports.json'))).toBe(false)
    host.picked.push(path.join(host.dataDir, 'no-such-folder'))
    const missing = await host.api.call('catalog:import', { format: 'datarequests', kind: 'folder' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const cancelled = expectOk(await host.api.call('catalog:import', { format: 'datarequests', kind: 'folder' }))
    expect(cancelled).toEqual({ source: null, imported: 0, rejected: [], dryRun: false })
  })

  it('keeps the user change to an imported record when a newer version is imported', async () => {
    const host = startCore()
    host.picked.push(writeFolder({ 'example-gmbh.json': JSON.stringify(fullRecord) }))
    expectOk(await host.api.call('catalog:import', { format: 'datarequests', kind: 'folder' }))
    const edit = editOf(expectOk(await host.api.call('catalog:get', { id: 'example-gmbh' })))
    edit.emails = [{ address: 'privacy@example.de', purpose: 'privacy', status: 'current' }]
    expectOk(await host.api.call('catalog:save', edit))

    host.picked.push(writeFolder({ 'example-gmbh.json': JSON.stringify({ ...fullRecord, email: 'dsb@example.de', phone: '+49 30 7654321' }) }))
    expectOk(await host.api.call('catalog:import', { format: 'datarequests', kind: 'folder' }))
    const after = expectOk(await host.api.call('catalog:get', { id: 'example-gmbh' }))
    expect(after.privacyEmail).toBe('privacy@example.de')
    expect(after.phones[0]!.number).toBe('+49 30 7654321')
  })
})

describe('export and re-import', () => {
  it('moves the user catalog to another data folder without loss', async () => {
    const host = startCore()
    host.picked.push(writeFolder({ 'example-gmbh.json': JSON.stringify(fullRecord), 'other.json': JSON.stringify({ ...fullRecord, slug: 'other', name: 'Other AG' }) }))
    expectOk(await host.api.call('catalog:import', { format: 'datarequests', kind: 'folder' }))
    // A change to a built-in record, a contact added, a deletion, a change to an imported record, an own company.
    const fs1 = editOf(expectOk(await host.api.call('catalog:get', { id: 'fs-com' })))
    fs1.name = 'FS.COM (mine)'
    expectOk(await host.api.call('catalog:save', fs1))
    expectOk(await host.api.call('catalog:addContact', { companyId: 'faasoft', email: 'privacy@faasoft.example' }))
    expectOk(await host.api.call('catalog:remove', { id: 'b2s' }))
    const other = editOf(expectOk(await host.api.call('catalog:get', { id: 'other' })))
    other.categories = ['finance']
    expectOk(await host.api.call('catalog:save', other))
    expectOk(await host.api.call('catalog:save', { ...fs1, id: undefined, name: 'Own Company', domains: ['own.example'], asNew: true }))

    const exported = expectOk(await host.api.call('catalog:export', {}))
    expect(exported.path).not.toBeNull()
    const document = JSON.parse(fs.readFileSync(exported.path!, 'utf8'))
    expect(document.format).toBe('rightful-catalog')

    const other2 = startCore()
    other2.picked.push(exported.path!)
    const report = expectOk(await other2.api.call('catalog:import', { format: 'rightful', kind: 'file' }))
    expect(report.rejected).toEqual([])
    const listed = async (h: typeof host) => expectOk(await h.api.call('catalog:list', {}))
    expect(await listed(other2)).toEqual(await listed(host))
    for (const id of ['fs-com', 'faasoft', 'other', 'example-gmbh', 'own-company']) {
      expect(expectOk(await other2.api.call('catalog:get', { id }))).toEqual(expectOk(await host.api.call('catalog:get', { id })))
    }
    expect(expectOk(await other2.api.call('catalog:deleted', {}))).toEqual(expectOk(await host.api.call('catalog:deleted', {})))
    const again = expectOk(await other2.api.call('catalog:export', {}))
    expect(JSON.parse(fs.readFileSync(again.path!, 'utf8'))).toEqual(document)
  })

  it('rejects a file that is not an export, changing nothing', async () => {
    const host = startCore()
    const folder = writeFolder({ 'x.json': JSON.stringify({ companies: [] }) })
    host.picked.push(path.join(folder, 'x.json'))
    const report = expectOk(await host.api.call('catalog:import', { format: 'rightful', kind: 'file' }))
    expect(report.imported).toBe(0)
    expect(report.rejected[0]!.reason).toMatch(/not a Rightful catalog export/)
    expect(fs.existsSync(path.join(host.dataDir, 'catalog-edits.json'))).toBe(false)
  })
})

// The CC0 snapshot of datarequests.org (outside the repository; RIGHTFUL_DATAREQUESTS_DIR overrides).
const datarequestsDir = process.env.RIGHTFUL_DATAREQUESTS_DIR ?? path.resolve(repoRoot, '..', 'shared', 'datarequests')
const companiesDir = path.join(datarequestsDir, 'companies')
const snapshotPresent = fs.existsSync(companiesDir)
if (!snapshotPresent) console.log(`[skip reason] ${companiesDir} is absent: the import of the real datarequests.org records is not tested.`)

describe.skipIf(!snapshotPresent)('the datarequests.org snapshot', () => {
  it('imports every record it can and says why for the rest; the catalog survives a restart', async () => {
    const host = startCore()
    host.picked.push(companiesDir)
    const report = expectOk(await host.api.call('catalog:import', { format: 'datarequests', kind: 'folder' }))
    const entries = fs.readdirSync(companiesDir)
    expect(report.imported + report.rejected.length).toBe(entries.length)
    expect(report.imported).toBeGreaterThan(entries.length * 0.99)
    for (const r of report.rejected) expect(r.reason.length).toBeGreaterThan(10)
    console.log(`[datarequests] ${report.imported} imported, ${report.rejected.length} rejected: ${report.rejected.map((r) => `${r.entry} (${r.reason})`).join('; ')}`)

    // The file without .json is there too.
    if (entries.includes('mdm-de')) expect(expectOk(await host.api.call('catalog:get', { id: 'mdm-de' })).privacyEmail).toBe('datenschutz@mdm.de')
    // The snapshot is built in too: each imported record replaces the built-in one of its id (a
    // newer version of the same data set), so the catalog holds each company once.
    const restarted = startCore({ dataDir: host.dataDir })
    const all = expectOk(await restarted.api.call('catalog:list', {}))
    const everyBuiltin = loadBuiltinCompanies(builtinCatalogFrom(repoRoot))
    expect(all.length).toBe(everyBuiltin.length)
    const google = expectOk(await restarted.api.call('catalog:get', { id: 'google' }))
    expect(google.origin).toBe('imported')
    // The broker list's facts about a company both sources know stay merged into the imported record.
    const epsilon = expectOk(await restarted.api.call('catalog:get', { id: 'epsilon-com' }))
    expect(epsilon.origin).toBe('imported')
    expect(epsilon.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['datarequests', 'brokers']))
  }, 300_000)
})

describe('the JSON Schema of a record', () => {
  it('is the one in assets/schemas, generated from the zod schema (npm run catalog:schema)', async () => {
    const { companyJsonSchema } = await import('../../electron/core/catalog/json-schema')
    const committed = JSON.parse(fs.readFileSync(path.join(repoRoot, 'assets', 'schemas', 'company.schema.json'), 'utf8'))
    expect(committed).toEqual(companyJsonSchema())
    // It covers what a datarequests.org record holds, and more.
    const properties = Object.keys((committed as { properties: Record<string, unknown> }).properties)
    for (const field of ['name', 'brands', 'domains', 'website', 'emails', 'postalAddresses', 'phones', 'webForms', 'pgp', 'requirements', 'countriesServed', 'categories', 'establishment', 'history', 'sources', 'facetGroup', 'nsfw']) {
      expect(properties).toContain(field)
    }
  })
})
