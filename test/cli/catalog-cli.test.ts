// @module-tag corpus
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../electron/cli'
import { repoRoot, tempDir } from '../helpers/ports'

async function run(argv: string[], dataDir: string) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { RIGHTFUL_DATA_DIR: dataDir }, cwd: dataDir }, { resourcesRoot: repoRoot })
  return { code, stdout, stderr }
}

const record = (slug: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    slug,
    'relevant-countries': ['all'],
    name: `${slug} Ltd`,
    address: '1 High Street\nLondon\nSW1A 1AA\nUnited Kingdom',
    email: `privacy@${slug}.example`,
    web: `https://www.${slug}.example`,
    sources: [`https://www.${slug}.example/privacy`],
    quality: 'verified',
    ...extra,
  })

describe('rightful catalog import and export', () => {
  it('says why an entry was not imported in the --ui-lang language', async () => {
    const data = tempDir()
    const folder = tempDir('rightful-records-')
    fs.writeFileSync(path.join(folder, 'a.json'), record('alpha'))
    fs.writeFileSync(path.join(folder, 'b.json'), record('alpha'))
    const german = await run(['catalog', 'import', folder, '--format', 'datarequests', '--dry-run', '--ui-lang', 'de'], data)
    expect(german.code).toBe(0)
    expect(german.stdout).toContain('b.json: wiederholt die ID „alpha“ von a.json')
    const english = await run(['catalog', 'import', folder, '--format', 'datarequests', '--dry-run'], data)
    expect(english.stdout).toContain('b.json: repeats the id "alpha" of a.json')
  })

  it('imports a folder, printing {"imported", "rejected"} and accounting for every entry', async () => {
    const data = tempDir()
    const folder = tempDir('rightful-records-')
    fs.writeFileSync(path.join(folder, 'alpha.json'), record('alpha'))
    fs.writeFileSync(path.join(folder, 'beta'), record('beta'))
    fs.writeFileSync(path.join(folder, 'broken.json'), '{"slug": ')
    fs.writeFileSync(path.join(folder, 'no-address.json'), record('gamma', { address: undefined }))

    const { code, stdout, stderr } = await run(['catalog', 'import', folder, '--format', 'datarequests', '--json'], data)
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const report = JSON.parse(stdout)
    expect(Object.keys(report).sort()).toEqual(['imported', 'rejected'])
    expect(report.imported).toBe(2)
    expect(report.rejected.map((r: { entry: string }) => r.entry).sort()).toEqual(['broken.json', 'no-address.json'])
    for (const r of report.rejected) expect(Object.keys(r).sort()).toEqual(['entry', 'reason'])

    const shown = JSON.parse((await run(['catalog', 'show', 'beta.example', '--json'], data)).stdout)
    expect(shown).toMatchObject({ id: 'beta', privacyEmail: 'privacy@beta.example', origin: 'imported' })
    expect(shown.postalAddresses[0]).toMatchObject({ lines: ['1 High Street', 'London', 'SW1A 1AA'], country: 'GB' })

    // Export, then import into an empty data folder: the same catalog.
    const out = path.join(tempDir('rightful-export-'), 'catalog.json')
    const exported = await run(['catalog', 'export', '--out', out, '--json'], data)
    expect(exported.code).toBe(0)
    expect(JSON.parse(exported.stdout)).toEqual({ path: out, companies: 2 })
    const other = tempDir()
    const again = await run(['catalog', 'import', out, '--format', 'rightful', '--json'], other)
    expect(JSON.parse(again.stdout)).toEqual({ imported: 2, rejected: [] })
    const list = async (dir: string) => JSON.parse((await run(['catalog', 'list', '--json'], dir)).stdout)
    expect(await list(other)).toEqual(await list(data))
  })

  it('changes nothing with --dry-run, and refuses a missing folder or an unknown format', async () => {
    const data = tempDir()
    const folder = tempDir('rightful-records-')
    fs.writeFileSync(path.join(folder, 'alpha.json'), record('alpha'))
    const dry = await run(['catalog', 'import', folder, '--format', 'datarequests', '--dry-run', '--json'], data)
    expect(JSON.parse(dry.stdout)).toEqual({ imported: 1, rejected: [], dryRun: true })
    expect((await run(['catalog', 'show', 'alpha', '--json'], data)).code).toBe(1)

    const missing = await run(['catalog', 'import', path.join(folder, 'nope'), '--format', 'datarequests', '--json'], data)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/no file or folder/)
    const format = await run(['catalog', 'import', folder, '--format', 'csv', '--json'], data)
    expect(format.code).toBe(2)
    expect(format.stderr).toMatch(/--format must be one of: datarequests, rightful/)
  })
})

describe('rightful catalog add, edit, delete, restore, reset', () => {
  it('adds a company, changes a built-in one as the user own, deletes and restores', async () => {
    const data = tempDir()
    const added = await run(
      ['catalog', 'add', '--name', 'Corner Shop GmbH', '--domain', 'cornershop.example', '--email', 'datenschutz@cornershop.example', '--address', 'Hauptstraße 1; 10115 Berlin', '--country', 'de', '--json'],
      data,
    )
    expect(added.stderr).toBe('')
    const company = JSON.parse(added.stdout)
    expect(company).toMatchObject({ id: 'corner-shop-gmbh', origin: 'user', privacyEmail: 'datenschutz@cornershop.example', holidayJurisdiction: 'DE' })
    expect(company.postalAddresses[0].lines).toEqual(['Hauptstraße 1', '10115 Berlin'])

    const edited = JSON.parse((await run(['catalog', 'edit', 'foscam', '--email', 'privacy@foscam.example', '--purpose', 'dpo', '--json'], data)).stdout)
    expect(edited.editedFields).toContain('emails')
    expect(edited.emails.map((e: { address: string }) => e.address)).toContain('privacy@foscam.example')
    expect(edited.emails.find((e: { address: string }) => e.address === 'aftersales@foscam.com').provenance.kind).toBe('policy')

    const reset = JSON.parse((await run(['catalog', 'reset', 'foscam', '--json'], data)).stdout)
    expect(reset.editedFields).toEqual([])

    expect(JSON.parse((await run(['catalog', 'delete', 'b2s', '--json'], data)).stdout)).toEqual({ id: 'b2s', restorable: true })
    const listed = JSON.parse((await run(['catalog', 'list', '--json'], data)).stdout).map((c: { id: string }) => c.id)
    expect(listed).not.toContain('b2s')
    expect(listed).toContain('corner-shop-gmbh')
    expect((await run(['catalog', 'restore', 'b2s', '--json'], data)).code).toBe(0)

    const bad = await run(['catalog', 'edit', 'foscam', '--email', 'not an address', '--json'], data)
    expect(bad.code).toBe(1)
    expect(JSON.parse(bad.stdout).error.code).toBe('INVALID_INPUT')
    const after = JSON.parse((await run(['catalog', 'show', 'foscam', '--json'], data)).stdout)
    expect(after.editedFields).toEqual([])
  })
})

// The CC0 snapshot (outside the repository; RIGHTFUL_DATAREQUESTS_DIR overrides).
const companiesDir = path.join(process.env.RIGHTFUL_DATAREQUESTS_DIR ?? path.resolve(repoRoot, '..', 'shared', 'datarequests'), 'companies')
const present = fs.existsSync(companiesDir)
if (!present) console.log(`[skip reason] ${companiesDir} is absent: \`rightful catalog import\` is not run on the real datarequests.org records.`)

describe.skipIf(!present)('rightful catalog import on the datarequests.org snapshot', () => {
  it('accounts for every file of the folder', async () => {
    const data = tempDir()
    const { code, stdout } = await run(['catalog', 'import', companiesDir, '--format', 'datarequests', '--json'], data)
    expect(code).toBe(0)
    const report = JSON.parse(stdout)
    expect(report.imported + report.rejected.length).toBe(fs.readdirSync(companiesDir).length)
    const found = JSON.parse((await run(['catalog', 'show', 'mdm.de', '--json'], data)).stdout)
    expect(found.name).toMatch(/MDM/)
  }, 300_000)
})

describe('rightful catalog search', () => {
  it('finds the well-known companies of a fresh install first, with the fields of catalog list', async () => {
    const data = tempDir()
    const list = JSON.parse((await run(['catalog', 'list', '--json'], data)).stdout) as Array<{ id: string }>
    for (const [query, id] of [
      ['google', 'google'],
      ['netflix', 'netflix'],
      ['deutsche bahn', 'deutsche-bahn-ag'],
      ['spokeo', 'spokeo'],
      ['fs.com', 'fs-com'],
    ] as const) {
      const { code, stdout, stderr } = await run(['catalog', 'search', ...query.split(' '), '--limit', '3', '--json'], data)
      expect(code, query).toBe(0)
      expect(stderr).toBe('')
      const hits = JSON.parse(stdout) as Array<{ id: string }>
      expect(hits.length).toBeLessThanOrEqual(3)
      expect(hits.map((h) => h.id), query).toContain(id)
      // Exactly what catalog list prints for the same company.
      expect(hits.find((h) => h.id === id)).toEqual(list.find((c) => c.id === id))
    }
  })

  it('says how to add a company it does not know, and checks its arguments', async () => {
    const data = tempDir()
    const none = await run(['catalog', 'search', 'qwxzv', 'plorkt'], data)
    expect(none.code).toBe(0)
    expect(none.stdout).toMatch(/No company in the catalog matches "qwxzv plorkt"\. Add it with `rightful catalog add/)
    expect(JSON.parse((await run(['catalog', 'search', 'qwxzv', '--json'], data)).stdout)).toEqual([])
    expect((await run(['catalog', 'search', '--json'], data)).code).toBe(2)
    expect((await run(['catalog', 'search', 'google', '--limit', '0'], data)).code).toBe(2)
    expect((await run(['catalog', 'search', 'google', '--limit', 'many'], data)).code).toBe(2)
  })
})

describe('rightful catalog add, for a company the catalog has', () => {
  it('refuses with the company that has the domain and how to change it; --new adds it anyway', async () => {
    const data = tempDir()
    const refused = await run(['catalog', 'add', '--name', 'Netflix (mine)', '--domain', 'netflix.com', '--json'], data)
    expect(refused.code).toBe(1)
    const error = JSON.parse(refused.stdout).error
    expect(error.code).toBe('DUPLICATE_COMPANY')
    expect(error.message).toMatch(/\(netflix\) has the domain netflix\.com.*rightful catalog edit netflix.*--new/)
    const added = await run(['catalog', 'add', '--name', 'Netflix (mine)', '--domain', 'netflix.com', '--new', '--json'], data)
    expect(added.code).toBe(0)
    expect(JSON.parse(added.stdout).origin).toBe('user')
  })
})
