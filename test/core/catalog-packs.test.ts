// @module-tag process
// @module-tag corpus
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { builtinCatalogFrom } from '../../electron/adapters/node/resources'
import { loadBuiltinCatalog, openCatalog } from '../../electron/core/catalog/catalog'
import { readPack, PackInvalid, writePack } from '../../electron/core/catalog/packs'
import { editOf } from '../../electron/core/catalog/edit-form'
import { createNoticeBoard } from '../../electron/core/shared/notices'
import { datarequestsDir } from '../helpers/datarequests'
import { brokersFile } from '../helpers/broker-notes-score'
import { expectOk, repoRoot, startCore } from '../helpers/ports'

const packDir = path.join(repoRoot, 'assets', 'catalog', 'packs')

const sourcesPresent = fs.existsSync(path.join(datarequestsDir, 'companies')) && fs.existsSync(brokersFile)
if (!sourcesPresent) console.log(`[skip reason] ${datarequestsDir} or ${brokersFile} is absent: the packs are not rebuilt from their sources to check they are current.`)

const queries = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'catalog', 'search-queries.json'), 'utf8')) as Record<
  'issue' | 'heldout',
  Array<{ query: string; expect: string[] }>
>

describe('the built-in catalog packs', () => {
  it('say where they come from, with the licence that travels with the data', () => {
    const { packs } = loadBuiltinCatalog(builtinCatalogFrom(repoRoot))
    expect(packs.map((p) => p.id)).toEqual(['datarequests', 'brokers'])
    const [datarequests, brokers] = packs
    expect(datarequests).toMatchObject({ name: 'datarequests.org', commit: '0a29c3d6feee53b02e73204a3dbd312eafe56629', date: '2026-07-21', license: { spdx: 'CC0-1.0' } })
    expect(datarequests!.companies).toBe(3069)
    expect(brokers).toMatchObject({ repository: 'https://github.com/drumandbytes/eraser', path: 'data/brokers.yaml', date: '2026-08-22', license: { spdx: 'MIT' } })
    expect(brokers!.companies + brokers!.merged).toBe(763)
    // The MIT notice is in the pack and beside it, word for word.
    const notice = fs.readFileSync(path.join(packDir, 'brokers.LICENSE.txt'), 'utf8')
    expect(brokers!.license.notice).toBe(notice)
    expect(notice).toContain('The above copyright notice and this permission notice shall be included')
  })

  it.skipIf(!sourcesPresent)('are what the build step makes of the sources (never edited by hand)', () => {
    const output = execFileSync(process.execPath, [path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(repoRoot, 'scripts', 'build-catalog.ts'), '--check'], {
      cwd: repoRoot,
      encoding: 'utf8',
    })
    expect(output).toContain('The committed packs are what the sources give.')
  }, 120_000)

  it('refuses a damaged pack loudly instead of starting with half a catalog', () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(packDir, 'brokers.json.gz')))
    const cut = bytes.slice(0, bytes.length - 100)
    expect(() => readPack('brokers.json.gz', cut)).toThrow(PackInvalid)
    expect(() => readPack('x.json.gz', new Uint8Array(gzipSync('{"format":"something else"}')))).toThrow(/not a catalog pack/)
    expect(() => readPack('x.json.gz', new Uint8Array(gzipSync('not json')))).toThrow(/not JSON/)
  })

  it('makes one company of the records both sources have under one domain, with both sources', async () => {
    const { api } = startCore()
    const epsilon = expectOk(await api.call('catalog:get', { id: 'epsilon-com' }))
    expect(epsilon.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['datarequests', 'brokers']))
    expect(epsilon.aliases).toEqual(expect.arrayContaining(['epsilon', 'epsilon-data-management']))
    expect(epsilon.categories).toContain('data broker')
    // The list's ids still find it.
    expect(expectOk(await api.call('catalog:get', { id: 'epsilon-data-management' })).id).toBe('epsilon-com')
    // One domain, two companies in the earlier layer: the broker stays a company of its own.
    const dnb = expectOk(await api.call('catalog:get', { id: 'dun-bradstreet' }))
    expect(dnb.sources.map((s) => s.id)).toEqual(['brokers'])
    // A broker whose id another company has keeps its own record under a new id.
    expect(expectOk(await api.call('catalog:get', { id: 'acxiom' })).name).toBe('Acxiom Deutschland GmbH')
    expect(expectOk(await api.call('catalog:get', { id: 'acxiom-broker' })).domains).toEqual(['acxiom.com'])
  })

  it('keeps the broker notes as structure: web form only, a bounce with its date, a merger, an end', async () => {
    const { api } = startCore()
    const whitepages = expectOk(await api.call('catalog:get', { id: 'whitepages' }))
    expect(whitepages.requirements.webFormOnly).toMatchObject({ since: '2026-08-20', reason: 'no-working-email' })
    // The list has Whitepages twice (once per registry); the second entry's address is kept too.
    expect(whitepages.aliases).toContain('whitepages-2')
    expect(whitepages.webForms.map((w) => w.url)).toContain('https://www.whitepages.com/suppression-requests')
    expect(whitepages.notes).toEqual([])

    const hireright = expectOk(await api.call('catalog:get', { id: 'hireright' }))
    expect(hireright.emails.find((e) => e.address === 'privacy@hireright.com')).toMatchObject({ status: 'historical', problem: { kind: 'bounced', on: '2026-08-20' } })
    expect(hireright.privacyEmail?.toLowerCase()).toBe('dpo@hireright.com')

    const koddi = expectOk(await api.call('catalog:get', { id: 'koddi' }))
    expect(koddi.requirements.webFormOnly?.reason).toBe('email-refused')
    expect(koddi.emails.find((e) => e.address === 'dataprivacy@koddi.com')?.problem?.kind).toBe('refuses-requests')
    expect(koddi.privacyEmail).toBeNull()

    const lotame = expectOk(await api.call('catalog:get', { id: 'lotame' }))
    expect(lotame.standing).toMatchObject({ kind: 'merged', into: { id: 'epsilon-com', name: 'Epsilon Data Management' }, on: '2025-10-01' })
    const granite = expectOk(await api.call('catalog:get', { id: 'granite-lists' }))
    expect(granite.standing).toMatchObject({ kind: 'defunct', doNotContact: true })

    const mogean = expectOk(await api.call('catalog:get', { id: 'mogean' }))
    expect(mogean.requirements.requiredElements.map((e) => e.description).join()).toMatch(/advertising ID/)

    const hits = expectOk(await api.call('catalog:search', { query: 'whitepages', limit: 1 }))
    expect(hits[0]).toMatchObject({ id: 'whitepages', broker: true, webFormOnly: true, standing: 'active' })
  })

  it('finds the companies a new user looks for first, on a fresh install; measures the held-out names', async () => {
    const { api } = startCore()
    const rankOf = async (query: string, wanted: ReadonlyArray<string>) => {
      const hits = expectOk(await api.call('catalog:search', { query, limit: 3 }))
      return hits.findIndex((h) => wanted.includes(h.id))
    }
    for (const { query, expect: wanted } of queries.issue) expect(await rankOf(query, wanted), query).toBeGreaterThanOrEqual(0)
    let found = 0
    const missed: string[] = []
    for (const { query, expect: wanted } of queries.heldout) {
      if ((await rankOf(query, wanted)) >= 0) found += 1
      else missed.push(query)
    }
    console.log(`[catalog search] issue names: ${queries.issue.length}/${queries.issue.length} in the top 3; held-out names: ${found}/${queries.heldout.length}${missed.length ? ` (missed: ${missed.join(', ')})` : ''}`)
    expect(found).toBeGreaterThanOrEqual(queries.heldout.length - 2)
  })
})

describe('a newer pack under the user layer', () => {
  it('never overwrites what the user changed; what the user left alone follows the pack', () => {
    const real = loadBuiltinCatalog(builtinCatalogFrom(repoRoot))
    const netflix = real.companies.find((c) => c.id === 'netflix')!
    const source = real.packs[0]!
    const packOf = (company: typeof netflix, commit: string) => ({
      file: 'datarequests.json.gz',
      bytes: writePack({ order: 1, source: { ...source, commit }, rejected: [], companies: [company], merges: [] }),
    })
    const edits = {
      path: '/memory/edits',
      document: {} as Record<string, unknown>,
      read: () => structuredClone(edits.document),
      write: (d: Record<string, unknown>) => void (edits.document = structuredClone(d)),
      update: <T,>(change: (d: Record<string, unknown>) => { document: Record<string, unknown> | null; result: T }): T => {
        const { document, result } = change(edits.read())
        if (document) edits.write(document)
        return result
      },
      locked: <T,>(step: () => T): T => step(),
      moveAside: () => '',
      setAside: () => '',
    }
    const open = (pack: ReturnType<typeof packOf>) =>
      openCatalog({ builtin: { load: () => [], packs: () => [pack] }, edits, notices: createNoticeBoard(() => new Date('2026-12-01T10:00:00Z')) })

    const first = open(packOf(netflix, 'aaaaaaa'))
    const shown = first.get('netflix')
    first.save({ ...editOf(shown), name: 'Netflix (my name for it)' }, '2026-12-01')

    const newer = { ...netflix, website: 'https://www.netflix.example/', phones: [] }
    const after = open(packOf(newer, 'bbbbbbb')).get('netflix')
    expect(after.name).toBe('Netflix (my name for it)')
    expect(after.editedFields).toContain('name')
    expect(after.website).toBe('https://www.netflix.example/')
    expect(after.phones).toEqual([])
  })
})
