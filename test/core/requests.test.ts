import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openRequestRepository, packSummary, unpackSummary } from '../../electron/core/requests/repository'
import { decodeSnapshot } from '../../electron/core/requests/index-snapshot'
import { summarize } from '../../electron/core/requests/model'
import { createNoticeBoard } from '../../electron/core/shared/notices'
import { expectOk, sampleProfile, startCore, tempDir, testClock } from '../helpers/ports'

async function withProfile(host: ReturnType<typeof startCore>) {
  expectOk(await host.api.call('profile:save', sampleProfile))
  return host
}

describe('writing a request', () => {
  it('refuses to write without a profile, and says what is missing', async () => {
    const { api } = startCore()
    const result = await api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' })
    expect(result.ok ? null : result.error.code).toBe('PROFILE_MISSING')
    expect(expectOk(await api.call('requests:list', {}))).toEqual([])
  })

  it('writes an access request to FS.COM with the subject its policy demands', async () => {
    const { api } = await withProfile(startCore())
    const { record, status, deadline } = expectOk(
      await api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }),
    )
    expect(record.reference).toBe('RF-2026-0001')
    expect(record.draft.to).toBe('legal@fs.com')
    expect(record.draft.subject).toBe('Data protection query: access request, Art. 15 GDPR – RF-2026-0001')
    expect(record.draft.subject).toMatch(/data protection query/i) // FS.COM's own demand
    expect(record.draft.body).toContain('Alex Example')
    expect(record.draft.body).toContain('Musterstraße 12\n10115 Berlin\nGermany')
    expect(record.draft.body).toContain('Art. 15(1)(h)')
    expect(record.draft.body).toContain('RF-2026-0001')
    expect(record.draft.body).not.toMatch(/\{\{|\}\}/)
    expect(record.draft.recipientAddress).toEqual({ recipient: 'FS.COM INC', lines: ['380 Centerpoint Blvd', 'New Castle, DE 19720'], country: 'US' })
    expect(record.events).toEqual([
      expect.objectContaining({ kind: 'created', on: '2026-01-31', recordedAt: '2026-01-31T10:00:00.000Z', note: null, attachments: [], removedAt: null }),
    ])
    expect(status).toEqual({ kind: 'draft' })
    expect(deadline).toBeNull()
  })

  it('numbers references per year without gaps or repeats', async () => {
    const host = await withProfile(startCore())
    const refs = []
    for (const companyId of ['fs-com', 'foscam', 'b2s']) {
      refs.push(expectOk(await host.api.call('requests:create', { companyId, type: 'erasure', law: 'gdpr', lang: 'en' })).record.reference)
    }
    host.clock.set('2027-01-02T09:00:00Z')
    refs.push(expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' })).record.reference)
    expect(refs).toEqual(['RF-2026-0001', 'RF-2026-0002', 'RF-2026-0003', 'RF-2027-0001'])
  })

  it('writes an erasure request under Art. 17 to the address the policy gives', async () => {
    const { api } = await withProfile(startCore())
    const { record } = expectOk(await api.call('requests:create', { companyId: 'foscam', type: 'erasure', law: 'gdpr', lang: 'en' }))
    expect(record.draft.to).toBe('aftersales@foscam.com')
    expect(record.draft.subject).toBe('Data protection request: erasure, Art. 17 GDPR – RF-2026-0001')
    expect(record.draft.body).toContain('Art. 17(1)')
    expect(record.company.jurisdiction).toBe('CN')
  })

  it('cannot write to Faasoft until the user adds a contact, then uses it', async () => {
    const { api } = await withProfile(startCore())
    const before = await api.call('requests:create', { companyId: 'faasoft', type: 'access', law: 'gdpr', lang: 'en' })
    expect(before.ok ? null : before.error.code).toBe('NO_CONTACT')
    expectOk(await api.call('catalog:addContact', { companyId: 'faasoft', email: 'privacy@faasoft.example' }))
    const { record } = expectOk(await api.call('requests:create', { companyId: 'faasoft', type: 'access', law: 'gdpr', lang: 'en' }))
    expect(record.draft.to).toBe('privacy@faasoft.example')
    expect(record.draft.recipientAddress).toBeNull()
    expect(record.company.jurisdiction).toBeNull()
  })

  it('keeps the user’s edits to subject and body, and refuses line breaks in the subject', async () => {
    const { api } = await withProfile(startCore())
    const { record } = expectOk(await api.call('requests:create', { companyId: 'b2s', type: 'access', law: 'gdpr', lang: 'en' }))
    const edited = expectOk(
      await api.call('requests:updateDraft', { reference: record.reference, subject: 'Data protection query – my account – RF-2026-0001', body: 'Hello,\r\nplease.\n' }),
    )
    expect(edited.record.draft.subject).toBe('Data protection query – my account – RF-2026-0001')
    expect(edited.record.draft.body).toBe('Hello,\nplease.')
    const broken = await api.call('requests:updateDraft', { reference: record.reference, subject: 'a\r\nBcc: x@y.z', body: 'x' })
    expect(broken.ok ? null : broken.error.code).toBe('INVALID_INPUT')
    expect(expectOk(await api.call('requests:get', { reference: record.reference })).record.draft.subject).toBe(
      'Data protection query – my account – RF-2026-0001',
    )
  })
})

describe('marking a request as sent', () => {
  it('freezes what was sent, adds the event, and computes the GDPR deadline with days left', async () => {
    const host = await withProfile(startCore())
    const { api, clock } = host
    const { record } = expectOk(await api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
    const sent = expectOk(await api.call('requests:markSent', { reference: record.reference, on: '2026-01-31', channel: 'email' }))
    expect(sent.record.events.map((e) => e.kind)).toEqual(['created', 'sent'])
    expect(sent.record.sent).toMatchObject({ on: '2026-01-31', channel: 'email', to: 'legal@fs.com', subject: record.draft.subject })
    expect(sent.record.sent?.bodySha256).toMatch(/^[0-9a-f]{64}$/)
    expect(sent.deadline?.due).toBe('2026-03-02')
    expect(sent.deadline?.holidayCalendar).toBe('United States of America (Delaware)')
    expect(sent.status).toEqual({ kind: 'awaiting-reply', due: '2026-03-02', daysLeft: 30, extended: false, partly: false })

    clock.set('2026-03-05T12:00:00Z')
    const later = expectOk(await api.call('requests:list', {}))
    expect(later[0]).toMatchObject({ reference: record.reference, sentOn: '2026-01-31', due: '2026-03-02', status: { kind: 'overdue', daysOverdue: 3 } })
  })

  it('never changes a sent request', async () => {
    const { api } = await withProfile(startCore())
    const { record } = expectOk(await api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
    expectOk(await api.call('requests:markSent', { reference: record.reference, on: '2026-01-31', channel: 'email' }))
    for (const attempt of [
      api.call('requests:updateDraft', { reference: record.reference, subject: 'Changed', body: 'Changed' }),
      api.call('requests:markSent', { reference: record.reference, on: '2026-01-31', channel: 'post' }),
      api.call('requests:discard', { reference: record.reference }),
    ]) {
      const result = await attempt
      expect(result.ok ? null : result.error.code).toBe('INVALID_STATE')
    }
    const stored = expectOk(await api.call('requests:get', { reference: record.reference })).record
    expect(stored.sent?.subject).toBe(record.draft.subject)
    expect(stored.events).toHaveLength(2)
  })

  it('refuses sending dates in the future, before the request was written, or that do not exist', async () => {
    const { api } = await withProfile(startCore())
    const { record } = expectOk(await api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
    for (const on of ['2026-02-01', '2026-01-30', '2026-02-30', 'yesterday']) {
      const result = await api.call('requests:markSent', { reference: record.reference, on, channel: 'email' })
      expect(result.ok ? null : result.error.code, on).toBe('INVALID_INPUT')
    }
    expect(expectOk(await api.call('requests:get', { reference: record.reference })).record.sent).toBeNull()
  })

  it('refuses the e-mail channel when no e-mail address is known', async () => {
    const { api } = await withProfile(startCore())
    expectOk(await api.call('catalog:addContact', { companyId: 'faasoft', postal: { recipient: 'Faasoft', lines: ['1 Example Road', 'Example City'], country: 'CN' } }))
    const { record } = expectOk(await api.call('requests:create', { companyId: 'faasoft', type: 'access', law: 'gdpr', lang: 'en' }))
    const result = await api.call('requests:markSent', { reference: record.reference, on: '2026-01-31', channel: 'email' })
    expect(result.ok ? null : result.error.code).toBe('NO_EMAIL')
    expectOk(await api.call('requests:markSent', { reference: record.reference, on: '2026-01-31', channel: 'post' }))
  })
})

describe('storage', () => {
  it('keeps requests, profile and catalog edits across a restart', async () => {
    const first = await withProfile(startCore())
    const { record } = expectOk(await first.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
    expectOk(await first.api.call('requests:markSent', { reference: record.reference, on: '2026-01-31', channel: 'email' }))

    const second = startCore({ dataDir: first.dataDir, clock: first.clock })
    expect(expectOk(await second.api.call('profile:get', {}))).toEqual(sampleProfile)
    const list = expectOk(await second.api.call('requests:list', {}))
    expect(list.map((r) => [r.reference, r.status.kind, r.due])).toEqual([['RF-2026-0001', 'awaiting-reply', '2026-03-02']])
    expect(fs.existsSync(path.join(first.dataDir, 'requests', 'RF-2026-0001.json'))).toBe(true)
  })

  it('moves an unreadable profile file aside, tells the user, and still starts', async () => {
    const dataDir = tempDir()
    fs.writeFileSync(path.join(dataDir, 'profile.json'), '{"version": 1, "profile": {"name": "Al')
    const host = startCore({ dataDir })
    expect(expectOk(await host.api.call('profile:get', {}))).toBeNull()
    const status = expectOk(await host.api.call('app:status', {}))
    expect(status.notices).toHaveLength(1)
    expect(status.notices[0]).toMatchObject({ code: 'STORE_FILE_UNREADABLE' })
    const moved = status.notices[0]!.movedTo!
    expect(fs.readFileSync(moved, 'utf8')).toBe('{"version": 1, "profile": {"name": "Al')
    expectOk(await host.api.call('profile:save', sampleProfile))
    expect(expectOk(await host.api.call('profile:get', {}))).toEqual(sampleProfile)
    expect(expectOk(await host.api.call('app:dismissNotice', { id: status.notices[0]!.id }))).toEqual({ dismissed: true })
    expect(expectOk(await host.api.call('app:status', {})).notices).toEqual([])
  })

  it('moves a profile that parses but is not a profile aside as well', async () => {
    const dataDir = tempDir()
    fs.writeFileSync(path.join(dataDir, 'profile.json'), JSON.stringify({ version: 1, profile: { name: 42 } }))
    const host = startCore({ dataDir })
    expect(expectOk(await host.api.call('profile:get', {}))).toBeNull()
    expect(expectOk(await host.api.call('app:status', {})).notices[0]?.code).toBe('STORE_FILE_UNREADABLE')
    expect(fs.readdirSync(dataDir).some((name) => name.startsWith('profile.unreadable-'))).toBe(true)
  })

  it('moves an unreadable request file to requests/unreadable, lists the rest, and never reuses its number', async () => {
    const first = await withProfile(startCore())
    for (const companyId of ['fs-com', 'b2s']) {
      expectOk(await first.api.call('requests:create', { companyId, type: 'access', law: 'gdpr', lang: 'en' }))
    }
    const file = path.join(first.dataDir, 'requests', 'RF-2026-0002.json')
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').slice(0, 100))

    const second = startCore({ dataDir: first.dataDir, clock: first.clock })
    const list = expectOk(await second.api.call('requests:list', {}))
    expect(list.map((r) => r.reference)).toEqual(['RF-2026-0001'])
    const notices = expectOk(await second.api.call('app:status', {})).notices
    expect(notices.map((n) => n.code)).toEqual(['REQUEST_FILE_UNREADABLE'])
    expect(fs.readdirSync(path.join(first.dataDir, 'requests', 'unreadable'))).toHaveLength(1)
    const next = expectOk(await second.api.call('requests:create', { companyId: 'foscam', type: 'access', law: 'gdpr', lang: 'en' }))
    expect(next.record.reference).toBe('RF-2026-0003')
  })

  it('rebuilds a lost or broken index from the request files', async () => {
    const first = await withProfile(startCore())
    expectOk(await first.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
    fs.writeFileSync(path.join(first.dataDir, 'requests', 'index.v6.json'), 'garbage')
    const second = startCore({ dataDir: first.dataDir, clock: first.clock })
    expect(expectOk(await second.api.call('requests:list', {})).map((r) => r.reference)).toEqual(['RF-2026-0001'])
    const rebuilt = decodeSnapshot(JSON.parse(fs.readFileSync(path.join(first.dataDir, 'requests', 'index.v6.json'), 'utf8')))
    expect(new Map(rebuilt?.entries).get('RF-2026-0001')?.summary.companyId).toBe('fs-com')
  })

  it('gives two writers on one folder different references', () => {
    const dataDir = tempDir()
    const clock = testClock()
    const open = () => openRequestRepository({ dataDir, notices: createNoticeBoard(clock.now), now: clock.now })
    const a = open()
    const b = open() // opened before a writes: its index does not know a's request
    const build = (reference: string) => ({
      schemaVersion: 1 as const,
      reference,
      createdAt: '2026-01-31T10:00:00.000Z',
      updatedAt: '2026-01-31T10:00:00.000Z',
      company: { id: 'fs-com', name: 'FS.COM', jurisdiction: 'US-DE' },
      type: 'access' as const,
      law: 'gdpr' as const,
      lang: 'en' as const,
      draft: { to: 'legal@fs.com', recipientAddress: null, sender: { name: 'A', email: 'a@b.example', address: ['x'], country: null }, subject: 's', body: 'b' },
      sent: null,
      events: [{ id: 'ev-1', kind: 'created' as const, on: '2026-01-31', recordedAt: '2026-01-31T10:00:00.000Z' }],
    })
    expect(a.create(2026, build).reference).toBe('RF-2026-0001')
    expect(b.create(2026, build).reference).toBe('RF-2026-0002')
    expect(a.list().map((r) => r.reference)).toEqual(['RF-2026-0002', 'RF-2026-0001'])

    // A change by one process shows in the other's list, through the index journal.
    const second = b.get('RF-2026-0002')
    b.save({
      ...second,
      sent: { ...second.draft, on: '2026-01-31', channel: 'email', bodySha256: '0'.repeat(64) },
      events: [...second.events, { id: 'ev-2', kind: 'sent', on: '2026-01-31', recordedAt: '2026-01-31T10:00:00.000Z', channel: 'email' }],
    })
    expect(a.list().find((r) => r.reference === 'RF-2026-0002')?.sentOn).toBe('2026-01-31')

    // The index is only a cache: without snapshot and journal, the files rebuild it.
    fs.rmSync(path.join(dataDir, 'requests', 'index.v6.json'))
    fs.rmSync(path.join(dataDir, 'requests', 'index.log'))
    expect(open().list().map((r) => [r.reference, r.sentOn])).toEqual([
      ['RF-2026-0002', '2026-01-31'],
      ['RF-2026-0001', null],
    ])
  })

  it('stores summaries in columns in the index and reads them back whole, also from an index of the versions before', async () => {
    const first = await withProfile(startCore())
    const { record } = expectOk(await first.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
    expectOk(await first.api.call('requests:markSent', { reference: record.reference, on: '2026-01-31', channel: 'email' }))
    expectOk(await first.api.call('requests:create', { companyId: 'b2s', type: 'erasure', law: 'gdpr', lang: 'en' }))
    const open = () => openRequestRepository({ dataDir: first.dataDir, notices: createNoticeBoard(first.clock.now), now: first.clock.now })
    const repo = open()
    const full = summarize(repo.get(record.reference))
    const other = summarize(repo.get('RF-2026-0002'))
    // A draft (every default) and a sent request round-trip exactly through the journal's packed form.
    const draft = summarize({ ...repo.get(record.reference), sent: null, events: [repo.get(record.reference).events[0]!] })
    for (const summary of [full, draft]) expect(unpackSummary(summary.reference, JSON.parse(JSON.stringify(packSummary(summary))))).toEqual(summary)
    expect(Object.keys(packSummary(draft).facts as object)).toEqual([])
    // Written as version 6, in columns: each repeated string once, one number per request and field.
    const indexFile = path.join(first.dataDir, 'requests', 'index.v6.json')
    const olderFile = path.join(first.dataDir, 'requests', 'index.json')
    fs.rmSync(path.join(first.dataDir, 'requests', 'index.log')) // the next open writes the snapshot anew
    open()
    const stored = JSON.parse(fs.readFileSync(indexFile, 'utf8'))
    expect(stored.version).toBe(6)
    expect(stored.references).toEqual(['RF-2026-0001', 'RF-2026-0002'])
    expect(stored.strings.filter((s: string) => s === 'gdpr')).toHaveLength(1)
    expect(stored.columns.law).toEqual([stored.strings.indexOf('gdpr'), stored.strings.indexOf('gdpr')])
    expect(new Map(decodeSnapshot(stored)?.entries).get(record.reference)?.summary).toEqual(full)
    const { mtimeMs, size } = new Map(decodeSnapshot(stored)?.entries).get(record.reference)!

    // (each older index names the company differently from its file, so a list from it shows the index was read, not rebuilt)
    const fromIndex = (version: number) => ({ ...full, companyName: `FS.COM, as the version ${version} index has it` })
    const older = [
      { version: 5, entries: { [record.reference]: { summary: packSummary(fromIndex(5)), mtimeMs, size } } },
      { version: 4, entries: { [record.reference]: { summary: fromIndex(4), mtimeMs, size } } },
    ]
    for (const { version, entries } of older) {
      // A folder an older Rightful used (its snapshot in index.json), opened by this version for the first time.
      fs.writeFileSync(olderFile, JSON.stringify({ version, generation: stored.generation, entries }))
      fs.rmSync(indexFile)
      // Read without a rebuild (RF-2026-0002, which that index lacks, is read from its file) ...
      expect(open().list()).toEqual([fromIndex(version), other].sort((a, b) => b.reference.localeCompare(a.reference)))
      // ... and written anew as version 6 at that open, with what it held; the older file goes.
      expect(fs.existsSync(olderFile)).toBe(false)
      const migrated = JSON.parse(fs.readFileSync(indexFile, 'utf8'))
      expect(migrated.version).toBe(6)
      expect(migrated.generation).not.toBe(stored.generation)
      expect(new Map(decodeSnapshot(migrated)?.entries).get(record.reference)?.summary).toEqual(fromIndex(version))
      expect(open().list()).toEqual([fromIndex(version), other].sort((a, b) => b.reference.localeCompare(a.reference)))
      fs.writeFileSync(path.join(first.dataDir, 'requests', 'index.log'), `${JSON.stringify({ generation: stored.generation })}\n`)
    }
  })

  it('loses nothing when a migration of the index stops half-way, nor when a snapshot is damaged', () => {
    const dataDir = tempDir()
    const clock = testClock()
    const open = () => openRequestRepository({ dataDir, notices: createNoticeBoard(clock.now), now: clock.now })
    const first = open()
    const build = (reference: string) => ({
      schemaVersion: 1 as const,
      reference,
      createdAt: '2026-01-31T10:00:00.000Z',
      updatedAt: '2026-01-31T10:00:00.000Z',
      company: { id: 'fs-com', name: `Company of ${reference}`, jurisdiction: 'US-DE' },
      type: 'access' as const,
      law: 'gdpr' as const,
      lang: 'en' as const,
      draft: { to: 'legal@fs.com', recipientAddress: null, sender: { name: 'A', email: 'a@b.example', address: ['x'], country: null }, subject: 's', body: 'b' },
      sent: null,
      events: [{ id: 'ev-1', kind: 'created' as const, on: '2026-01-31', recordedAt: '2026-01-31T10:00:00.000Z' }],
    })
    for (let i = 0; i < 3; i += 1) first.create(2026, build)
    const expected = first.list()
    const requests = path.join(dataDir, 'requests')
    const indexFile = path.join(requests, 'index.v6.json')
    const olderFile = path.join(requests, 'index.json')
    const journalFile = path.join(requests, 'index.log')
    const v6 = JSON.parse(fs.readFileSync(indexFile, 'utf8'))
    const v5 = {
      version: 5,
      generation: v6.generation,
      entries: Object.fromEntries(decodeSnapshot(v6)!.entries.map(([reference, entry]) => [reference, { ...entry, summary: packSummary(entry.summary) }])),
    }

    // Stopped after the new journal was put in place, before the new snapshot: the pair does not match, the files rebuild it.
    fs.rmSync(indexFile)
    fs.writeFileSync(olderFile, JSON.stringify(v5))
    fs.writeFileSync(journalFile, `${JSON.stringify({ generation: 'from-a-migration-that-stopped' })}\n`)
    fs.writeFileSync(path.join(requests, '.index.v6.json.123.abcd.tmp'), '{"version":6,"gen') // its half-written temporary file
    expect(open().list()).toEqual(expected)
    expect(JSON.parse(fs.readFileSync(indexFile, 'utf8')).version).toBe(6)
    expect(fs.existsSync(olderFile)).toBe(false)

    // Stopped before anything was put in place: the old pair is read, and migrated.
    fs.rmSync(indexFile)
    fs.writeFileSync(olderFile, JSON.stringify(v5))
    fs.writeFileSync(journalFile, `${JSON.stringify({ generation: v6.generation })}\n`)
    expect(open().list()).toEqual(expected)
    expect(JSON.parse(fs.readFileSync(indexFile, 'utf8')).version).toBe(6)
    expect(fs.existsSync(olderFile)).toBe(false)

    // A version 6 snapshot whose columns do not fit together, or whose rows point outside its tables.
    const current = JSON.parse(fs.readFileSync(indexFile, 'utf8'))
    const damaged = [
      { ...current, columns: { ...current.columns, law: current.columns.law.slice(1) } },
      { ...current, columns: { ...current.columns, companyName: [99, 0.5, -1] } },
      { ...current, references: ['RF-2026-0001', 'constructor', '__proto__'] },
      { ...current, facts: 'none' },
    ]
    for (const snapshot of damaged) {
      fs.writeFileSync(indexFile, JSON.stringify(snapshot))
      expect(open().list()).toEqual(expected)
    }
    expect(fs.readdirSync(requests).filter((name) => name.startsWith('RF-'))).toHaveLength(3)
  })

  it('hands out the next number after the highest of the year, also after a reopen and past a request discarded meanwhile', async () => {
    const first = await withProfile(startCore())
    for (let i = 0; i < 3; i += 1) expectOk(await first.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
    expectOk(await first.api.call('requests:discard', { reference: 'RF-2026-0003' }))
    const second = startCore({ dataDir: first.dataDir, clock: first.clock })
    expect(expectOk(await second.api.call('requests:create', { companyId: 'foscam', type: 'access', law: 'gdpr', lang: 'en' })).record.reference).toBe('RF-2026-0004')
    expect(expectOk(await first.api.call('requests:create', { companyId: 'foscam', type: 'access', law: 'gdpr', lang: 'en' })).record.reference).toBe('RF-2026-0005')
  })

  it('notices a request file changed behind its back when it opens', async () => {
    const first = await withProfile(startCore())
    const { record } = expectOk(await first.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
    const file = path.join(first.dataDir, 'requests', `${record.reference}.json`)
    const edited = { ...record, company: { ...record.company, name: 'FS.COM (renamed by hand)' } }
    fs.writeFileSync(file, JSON.stringify(edited, null, 2))
    const second = startCore({ dataDir: first.dataDir, clock: first.clock })
    expect(expectOk(await second.api.call('requests:list', {}))[0]?.companyName).toBe('FS.COM (renamed by hand)')
  })

  it('moves a discarded draft to requests/discarded instead of deleting it', async () => {
    const host = await withProfile(startCore())
    const { record } = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
    expectOk(await host.api.call('requests:discard', { reference: record.reference }))
    expect(expectOk(await host.api.call('requests:list', {}))).toEqual([])
    expect(fs.existsSync(path.join(host.dataDir, 'requests', 'discarded', `${record.reference}.json`))).toBe(true)
  })
})
