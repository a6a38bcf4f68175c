/**
 * One bad record costs only itself. Every store that holds a list of records (the catalog changes,
 * the imported catalog, the notification log, the notices, the IMAP sync records; the replies in
 * replies-hostile.test.ts) keeps every record that reads, sets the bad one aside beside the file
 * with the reason, and tells the user once. Only a file that is not JSON at all is moved aside whole.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { expectOk, startCore, tempDir, type TestHost } from '../helpers/ports'
import { openNoticeFile } from '../../electron/core/storage/notice-file'

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'))
const writeJson = (file: string, value: unknown) => fs.writeFileSync(file, JSON.stringify(value, null, 2))

async function noticesOf(h: TestHost) {
  return expectOk(await h.api.call('app:status', {})).notices
}

async function addCompany(h: TestHost, name: string, domain: string) {
  return expectOk(await h.api.call('catalog:save', { name, domains: [domain], emails: [{ address: `privacy@${domain}`, purpose: 'privacy' }] }))
}

describe('the catalog changes (catalog-edits.json)', () => {
  it('keeps every company but the one with a bad field, and says which and where it went', async () => {
    const h = startCore()
    for (const [name, domain] of [['Alpha', 'alpha.example'], ['Beta', 'beta.example'], ['Gamma', 'gamma.example']] as const) await addCompany(h, name, domain)
    expectOk(await h.api.call('catalog:addContact', { companyId: 'faasoft', email: 'privacy@faasoft.example', purpose: 'privacy' }))
    expectOk(await h.api.call('catalog:remove', { id: 'b2s' }))
    const file = path.join(h.dataDir, 'catalog-edits.json')
    const stored = readJson(file)
    stored.companies.beta.emails[0].address = 'not an address'
    stored.contacts.faasoft.emails[0].purpose = 'carrier pigeon'
    writeJson(file, stored)

    const again = startCore({ dataDir: h.dataDir })
    const ids = expectOk(await again.api.call('catalog:list', {})).map((c) => c.id)
    expect(ids).toEqual(expect.arrayContaining(['alpha', 'gamma', 'faasoft']))
    expect(ids).not.toContain('beta')
    expect(ids).not.toContain('b2s') // the deletion is kept
    expect(expectOk(await again.api.call('catalog:get', { id: 'faasoft' })).privacyEmail).toBeNull()
    const [notice, ...more] = await noticesOf(again)
    expect(more).toEqual([])
    expect(notice).toMatchObject({ code: 'RECORDS_SET_ASIDE', path: file })
    expect(notice!.message).toMatch(/^2 of your catalog changes could not be read \(contacts: faasoft: emails\.0\.purpose: .*; companies: beta: emails\.0\.address/)
    const aside = readJson(notice!.movedTo!)
    expect(aside.entries.map((e: { key: string }) => e.key).sort()).toEqual(['companies: beta', 'contacts: faasoft'])
    expect(aside.entries.find((e: { key: string }) => e.key === 'companies: beta').data.name).toBe('Beta')
    // The store holds what reads; changes go on as before.
    expect(Object.keys(readJson(file).companies).sort()).toEqual(['alpha', 'gamma'])
    expect(expectOk(await again.api.call('catalog:restore', { id: 'b2s' })).id).toBe('b2s')
    expect(await noticesOf(startCore({ dataDir: h.dataDir }))).toHaveLength(1)
  })

  it('sets aside a change that no longer makes a valid record, or holds a field no change can hold', async () => {
    const h = startCore()
    const fsCom = expectOk(await h.api.call('catalog:get', { id: 'fs-com' }))
    expectOk(
      await h.api.call('catalog:save', {
        id: 'fs-com',
        name: 'FS.COM Europe',
        domains: fsCom.domains,
        emails: fsCom.emails.map((e) => ({ address: e.address, purpose: e.purpose, status: e.status })),
        postalAddresses: fsCom.postalAddresses.map((a) => ({ recipient: a.recipient, lines: a.lines, country: a.country, region: a.region, status: a.status })),
        establishment: fsCom.establishment,
      }),
    )
    const foscam = expectOk(await h.api.call('catalog:get', { id: 'foscam' }))
    expectOk(
      await h.api.call('catalog:save', {
        id: 'foscam',
        name: 'Foscam Europe',
        domains: foscam.domains,
        emails: foscam.emails.map((e) => ({ address: e.address, purpose: e.purpose, status: e.status })),
        postalAddresses: foscam.postalAddresses.map((a) => ({ recipient: a.recipient, lines: a.lines, country: a.country, region: a.region, status: a.status })),
        establishment: foscam.establishment,
      }),
    )
    const file = path.join(h.dataDir, 'catalog-edits.json')
    const stored = readJson(file)
    stored.overrides['fs-com'].fields.name = ''
    stored.overrides.foscam.fields.constructor = 'x'
    writeJson(file, stored)

    const again = startCore({ dataDir: h.dataDir })
    expect(expectOk(await again.api.call('catalog:get', { id: 'fs-com' }))).toMatchObject({ name: 'FS.COM', editedFields: [] })
    expect(expectOk(await again.api.call('catalog:get', { id: 'foscam' })).origin).toBe('builtin')
    const notices = await noticesOf(again)
    expect(notices.map((n) => n.code)).toEqual(['RECORDS_SET_ASIDE', 'RECORDS_SET_ASIDE'])
    const keys = notices.flatMap((n) => readJson(n.movedTo!).entries.map((e: { key: string }) => e.key)).sort()
    expect(keys).toEqual(['overrides: foscam', 'overrides: fs-com'])
  })

  it('moves aside only a file of a version it does not know, or no JSON at all', async () => {
    const h = startCore()
    await addCompany(h, 'Alpha', 'alpha.example')
    const file = path.join(h.dataDir, 'catalog-edits.json')
    writeJson(file, { ...readJson(file), version: 99 })
    const again = startCore({ dataDir: h.dataDir })
    expect(expectOk(await again.api.call('catalog:list', {})).some((c) => c.id === 'alpha')).toBe(false)
    const [notice] = await noticesOf(again)
    expect(notice).toMatchObject({ code: 'STORE_FILE_UNREADABLE' })
    expect(readJson(notice!.movedTo!).companies.alpha.name).toBe('Alpha')
  })
})

describe('the imported catalog (catalog-imports.json)', () => {
  it('keeps every imported company but the bad one', async () => {
    const h = startCore()
    const folder = tempDir('rightful-records-')
    for (const slug of ['alpha', 'beta', 'gamma']) {
      writeJson(path.join(folder, `${slug}.json`), {
        slug,
        'relevant-countries': ['all'],
        name: `${slug} Ltd`,
        address: '1 High Street\nLondon\nSW1A 1AA\nUnited Kingdom',
        email: `privacy@${slug}.example`,
        web: `https://www.${slug}.example`,
        sources: [`https://www.${slug}.example/privacy`],
        quality: 'verified',
      })
    }
    h.picked.push(folder)
    expect(expectOk(await h.api.call('catalog:import', { format: 'datarequests', kind: 'folder', dryRun: false })).imported).toBe(3)
    const file = path.join(h.dataDir, 'catalog-imports.json')
    const stored = readJson(file)
    stored.companies.beta.emails = 'everyone'
    writeJson(file, stored)

    const again = startCore({ dataDir: h.dataDir })
    const ids = expectOk(await again.api.call('catalog:list', {})).map((c) => c.id)
    expect(ids).toEqual(expect.arrayContaining(['alpha', 'gamma']))
    expect(ids).not.toContain('beta')
    const [notice] = await noticesOf(again)
    expect(notice!.message).toMatch(/^1 of your imported companies could not be read \(beta: emails/)
    expect(readJson(notice!.movedTo!).entries[0].data.name).toBe('beta Ltd')
    expect(Object.keys(readJson(file).companies).sort()).toEqual(['alpha', 'gamma'])
    expect(await noticesOf(startCore({ dataDir: h.dataDir }))).toHaveLength(1)
  })
})

describe('the notification log and the notices themselves', () => {
  it('keeps the notifications shown before but a bad entry', async () => {
    const h = startCore()
    const file = path.join(h.dataDir, 'notifications.json')
    writeJson(file, { version: 1, shown: ['RF-2026-0001:overdue:2026-03-02', { not: 'an id' }, 'RF-2026-0002:soon:2026-03-09'] })
    expectOk(await h.api.call('notifications:pending', {}))
    expect(readJson(file).shown).toEqual(['RF-2026-0001:overdue:2026-03-02', 'RF-2026-0002:soon:2026-03-09'])
    expect((await noticesOf(h)).map((n) => n.code)).toEqual(['RECORDS_SET_ASIDE'])
  })

  it('keeps notices until dismissed, across processes, sets a bad one aside and moves a broken file aside', () => {
    const dataDir = tempDir()
    const now = () => new Date('2026-02-01T10:00:00Z')
    const board = openNoticeFile({ dataDir, now })
    const first = board.add({ code: 'STORE_FILE_UNREADABLE', message: 'Your settings could not be read.', path: '/x/settings.json', movedTo: '/x/settings.unreadable.json' })
    // The same notice again is not added twice while it waits to be seen.
    expect(board.add({ code: 'STORE_FILE_UNREADABLE', message: 'Your settings could not be read.', path: '/x/settings.json', movedTo: '/x/settings.unreadable.json' }).id).toBe(first.id)
    const other = openNoticeFile({ dataDir, now })
    expect(other.list().map((n) => n.id)).toEqual([first.id])
    expect(other.takeUnprinted().map((n) => n.id)).toEqual([first.id])
    expect(board.takeUnprinted()).toEqual([])
    expect(board.list()).toHaveLength(1)

    const file = path.join(dataDir, 'notices.json')
    const stored = readJson(file)
    writeJson(file, { ...stored, notices: [...stored.notices, { id: 'notice-bad', code: 'NOT_A_CODE' }] })
    const third = openNoticeFile({ dataDir, now })
    expect(third.list().map((n) => n.code)).toEqual(['STORE_FILE_UNREADABLE', 'RECORDS_SET_ASIDE'])
    expect(third.dismiss(first.id)).toBe(true)
    expect(third.list().map((n) => n.code)).toEqual(['RECORDS_SET_ASIDE'])

    fs.writeFileSync(file, '{"version": 1, "notices": [')
    const fourth = openNoticeFile({ dataDir, now })
    expect(fourth.list().map((n) => n.code)).toEqual(['STORE_FILE_UNREADABLE'])
    expect(fs.readdirSync(dataDir).some((n) => n.startsWith('notices.unreadable-'))).toBe(true)
  })
})

describe('what the IMAP sync saw (replies/imap.json)', () => {
  it('sets aside one account that does not read; the others keep their place', async () => {
    const h = startCore()
    const file = path.join(h.dataDir, 'replies', 'imap.json')
    fs.mkdirSync(path.dirname(file), { recursive: true })
    writeJson(file, {
      version: 1,
      settings: null,
      seen: {
        'a@imap.example.org:993': { INBOX: { uidValidity: '5', lastUid: 40, syncedAt: '2026-02-01T10:00:00.000Z' } },
        'b@imap.example.org:993': { INBOX: { uidValidity: 'five', lastUid: -1, syncedAt: 'yesterday' } },
      },
      lastSync: null,
    })
    expect(expectOk(await h.api.call('replies:imapSettings', {})).settings).toBeNull()
    const kept = readJson(file)
    expect(Object.keys(kept.seen)).toEqual(['a@imap.example.org:993'])
    const [notice] = await noticesOf(h)
    expect(notice!.message).toContain('Those mailboxes are looked at again from the start')
    expect(readJson(notice!.movedTo!).entries[0].key).toBe('what the sync saw of b@imap.example.org:993')
  })
})
