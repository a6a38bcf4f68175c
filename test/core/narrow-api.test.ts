import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openNarrowApi } from '../../electron/core/api/narrow-api'
import { createNarrowPorts, readOnlyJsonBackend } from '../../electron/adapters/node/narrow-ports'
import { expectOk, sampleProfile, startCore, tempDir, testClock } from '../helpers/ports'
import { openLetterApi } from '../../electron/core/api/letter-api'
import { openRequestRepository } from '../../electron/core/requests/repository'
import { createNoticeBoard } from '../../electron/core/shared/notices'
import { variedRequest } from '../helpers/varied-requests'

// The narrow APIs of `rightful deadline` and `rightful requests list` answer exactly as the whole core does: same parsing, same
// results, same errors, on the same settings file.
const openNarrow = (dataDir: string) => openNarrowApi(createNarrowPorts({ dataDir, clock: testClock() }), 'deadlines:compute')

const inputs: ReadonlyArray<unknown> = [
  { law: 'gdpr', country: 'DE-BY', received: '2026-01-31' },
  { law: 'gdpr', country: 'DE', received: '2026-01-31', type: 'erasure', identityRequested: '2026-02-02', identityProvided: '2026-02-10' },
  { law: 'ccpa', country: 'US-CA', received: '2026-02-04' },
  { law: 'cn-pipl', country: 'CN', received: '2026-09-01' },
  { law: 'lgpd', country: 'BR', received: '2026-02-04' },
  { law: 'gdpr', country: 'DE', received: '2026-02-30' },
  { law: 'gdpr', country: 'Atlantis', received: '2026-02-03' },
  { law: 'gdpr', country: 'DE-XX', received: '2026-02-03' },
  { law: 'gdpr', country: 'FR', received: '2026-02-03', sneaky: true },
  { country: 'FR', received: '2026-02-03' },
  'not an object',
]

describe('the narrow API of rightful deadline', () => {
  it('gives what createApi gives for good and bad input', async () => {
    const dataDir = tempDir()
    const { api } = startCore({ dataDir })
    const narrow = await openNarrow(dataDir)
    for (const input of inputs) {
      expect(await narrow.invoke('deadlines:compute', input), JSON.stringify(input)).toEqual(await api.invoke('deadlines:compute', input))
    }
    const bad = await narrow.invoke('deadlines:compute', { law: 'gdpr', country: 'DE', received: '2026-02-30' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'received' }] } })
  })

  it('reads the user’s deadline settings from the same file the app writes', async () => {
    const dataDir = tempDir()
    const { api } = startCore({ dataDir })
    const input = { law: 'lgpd', country: 'BR', received: '2026-02-04' }
    const before = expectOk(await (await openNarrow(dataDir)).call('deadlines:compute', input as never))
    expectOk(await api.call('settings:update', { deadlines: { lgpdSmallAgent: true } }))
    const after = expectOk(await (await openNarrow(dataDir)).call('deadlines:compute', input as never))
    expect(after.due).not.toBe(before.due)
    expect(after).toEqual(expectOk(await api.call('deadlines:compute', input as never)))
  })

  it('moves a settings file that does not parse aside, tells, and counts with the defaults', async () => {
    const dataDir = tempDir()
    const file = path.join(dataDir, 'settings.json')
    fs.writeFileSync(file, '{"version": 1, "settings": ')
    const ports = createNarrowPorts({ dataDir, clock: testClock() })
    const narrow = await openNarrowApi(ports, 'deadlines:compute')
    const result = expectOk(await narrow.call('deadlines:compute', { law: 'gdpr', country: 'DE-BY', received: '2026-01-31' } as never))
    expect(result.due).toBe('2026-03-02')
    expect(fs.existsSync(file)).toBe(false)
    const notices = ports.notices.list()
    expect(notices.map((n) => n.code)).toContain('STORE_FILE_UNREADABLE')
    const movedTo = notices.find((n) => n.code === 'STORE_FILE_UNREADABLE')?.movedTo
    expect(movedTo && fs.readFileSync(movedTo, 'utf8')).toBe('{"version": 1, "settings": ')
  })

  it('answers nothing but deadlines:compute, and never writes a store', async () => {
    const dataDir = tempDir()
    const narrow = await openNarrow(dataDir)
    expect(await narrow.invoke('requests:list', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    expect(await narrow.invoke('nothing:here', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    const backend = readOnlyJsonBackend(path.join(dataDir, 'settings.json'))
    expect(Object.keys(backend.read())).toEqual([])
    expect(() => backend.write({ version: 1 })).toThrow(/only read/)
    expect(fs.existsSync(path.join(dataDir, 'settings.json'))).toBe(false)
  })
})

const variety = {
  places: [['DE-BY', 'gdpr'], ['US-CA', 'ccpa'], ['BR', 'lgpd'], ['CN', 'cn-pipl'], ['GB', 'uk-gdpr'], ['XX', 'gdpr']] as const,
  from: '2025-11-01',
  everyDays: 5,
  unsentEvery: 4,
  body: 'Dear Sir or Madam,\n\nPlease give me access.',
}
/** A request as the repository stores it: `i` picks its law, country, dates and whether it was sent. */
const record = (reference: string, i: number) => variedRequest(reference, i, variety)

describe('the narrow API of rightful requests list', () => {
  const seed = (dataDir: string, count: number) => {
    const now = () => new Date('2026-01-31T10:00:00Z')
    const repository = openRequestRepository({ dataDir, notices: createNoticeBoard(now), now })
    for (let i = 0; i < count; i += 1) repository.create(2026, (reference) => record(reference, i))
  }

  it('lists what createApi lists: every request with its deadline and status, newest first', async () => {
    const dataDir = tempDir()
    seed(dataDir, 30)
    const { api } = startCore({ dataDir })
    const narrow = await openNarrowApi(createNarrowPorts({ dataDir, clock: testClock() }), 'requests:list')
    const listed = expectOk(await narrow.call('requests:list', {}))
    expect(listed).toHaveLength(30)
    expect(listed.some((item) => item.due !== null)).toBe(true)
    expect(new Set(listed.map((item) => item.status.kind)).size).toBeGreaterThan(1)
    expect(listed).toEqual(expectOk(await api.call('requests:list', {})))
    expect(JSON.stringify(listed)).toBe(JSON.stringify(expectOk(await api.call('requests:list', {}))))
    // It keeps no deadlines between lists (it lists once): a second list counts them again, the same.
    expect(expectOk(await narrow.call('requests:list', {}))).toEqual(listed)
    expect(await narrow.invoke('requests:list', { extra: 1 })).toEqual(await api.invoke('requests:list', { extra: 1 }))
    expect(await narrow.invoke('deadlines:compute', { law: 'gdpr', country: 'DE', received: '2026-01-31' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
  })

  it('sees a request file changed by hand, and the user’s deadline settings', async () => {
    const dataDir = tempDir()
    seed(dataDir, 5)
    const { api } = startCore({ dataDir })
    expectOk(await api.call('settings:update', { deadlines: { lgpdSmallAgent: true } }))
    const file = path.join(dataDir, 'requests', 'RF-2026-0002.json')
    const changed = { ...JSON.parse(fs.readFileSync(file, 'utf8')), company: { id: 'company-1', name: 'Renamed by hand', jurisdiction: 'US-CA' } }
    fs.writeFileSync(file, JSON.stringify(changed, null, 2))
    const narrow = await openNarrowApi(createNarrowPorts({ dataDir, clock: testClock() }), 'requests:list')
    const listed = expectOk(await narrow.call('requests:list', {}))
    expect(listed.find((item) => item.reference === 'RF-2026-0002')?.companyName).toBe('Renamed by hand')
    expect(listed).toEqual(expectOk(await startCore({ dataDir }).api.call('requests:list', {})))
  })
})

describe('the letter API of rightful letter (a new request)', () => {
  // The same calls, in the same order, on two fresh data folders with the same clock: one through
  // createApi, one through the letter API on the same kind of ports.
  const calls: ReadonlyArray<readonly [string, unknown]> = [
    ['catalog:get', { id: 'fs-com' }],
    ['catalog:get', { id: 'fs.com' }],
    ['catalog:get', { id: 'no-such-company-here' }],
    ['catalog:get', { id: 'constructor' }],
    ['catalog:get', {}],
    ['profile:get', {}],
    ['templates:list', {}],
    ['requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en', profile: sampleProfile }],
    ['requests:create', { companyId: 'foscam', type: 'access', law: 'cn-pipl', lang: 'zh', profile: sampleProfile, channel: 'post' }],
    ['requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en', profile: { ...sampleProfile, email: 'not an address' } }],
    ['requests:create', { companyId: 'no-such-company-here', type: 'access', law: 'gdpr', lang: 'en', profile: sampleProfile }],
    ['requests:create', { companyId: 'fs-com', type: 'portability', law: 'cn-pipl', lang: 'en', profile: sampleProfile }],
    ['requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }],
    ['letters:savePdf', { reference: 'RF-2026-0001' }],
    ['letters:savePdf', { reference: 'RF-2026-0002' }],
    ['letters:savePdf', { reference: 'RF-2026-0099' }],
    ['letters:savePdf', { reference: 'not a reference' }],
  ]

  /** Event ids are random: the one thing two data folders may not share. */
  const sameBut = (text: string) => text.replace(/"ev-[0-9a-f]+"/g, '"ev-…"')

  it('gives what createApi gives, writes the same request files and the same PDF bytes', async () => {
    const whole = startCore({ dataDir: tempDir() })
    const host = startCore({ dataDir: tempDir() })
    const letter = await openLetterApi(host.ports)
    let pdfs = 0
    for (const [method, input] of calls) {
      const expected = await whole.api.invoke(method, input)
      const got = await letter.invoke(method, input)
      if (method === 'letters:savePdf' && expected.ok) {
        expect(got.ok, `${method} ${JSON.stringify(input)}`).toBe(true)
        const [theirs, ours] = [(expected.data as { path: string }).path, (got as { data: { path: string } }).data.path]
        expect(path.basename(ours)).toBe(path.basename(theirs))
        expect(path.dirname(ours)).toBe(host.outDir)
        expect(fs.readFileSync(ours).equals(fs.readFileSync(theirs))).toBe(true)
        pdfs += 1
        continue
      }
      expect(JSON.parse(sameBut(JSON.stringify(got))), `${method} ${JSON.stringify(input)}`).toEqual(JSON.parse(sameBut(JSON.stringify(expected))))
    }
    expect(pdfs).toBe(2)
    const requestFiles = (dataDir: string) => fs.readdirSync(path.join(dataDir, 'requests')).filter((name) => /^RF-.*\.json$/.test(name)).sort()
    expect(requestFiles(host.dataDir)).toEqual(requestFiles(whole.dataDir))
    expect(requestFiles(host.dataDir).length).toBeGreaterThanOrEqual(2)
    for (const name of requestFiles(host.dataDir)) {
      expect(sameBut(fs.readFileSync(path.join(host.dataDir, 'requests', name), 'utf8'))).toBe(sameBut(fs.readFileSync(path.join(whole.dataDir, 'requests', name), 'utf8')))
    }
  })

  it('reads the profile and the catalog edits the app saved, and answers nothing a letter does not call', async () => {
    const host = startCore({ dataDir: tempDir() })
    expectOk(await host.api.call('profile:save', sampleProfile))
    const letter = await openLetterApi(host.ports)
    expect(await letter.invoke('profile:get', {})).toEqual(await host.api.invoke('profile:get', {}))
    expect(expectOk(await letter.call('profile:get', {}))).toMatchObject({ name: 'Alex Example' })
    for (const method of ['requests:list', 'mail:send', 'authorities:list', 'backup:create', 'nothing:here']) {
      expect(await letter.invoke(method, {}), method).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    }
  })
})
