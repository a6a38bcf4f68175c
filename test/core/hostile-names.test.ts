/**
 * Names every JavaScript object already has (constructor, __proto__, toString …) given to
 * companies, templates, mailboxes and the keys of stored files. Once, `catalog add --name
 * Constructor` broke every later command ("added.emails is not iterable"): ids were looked up in
 * plain objects. Each name goes through the core API the whole way: add, change, requests, a reply,
 * delete, restore, export, import elsewhere, and a restart; the data stays intact and nothing
 * leaks into Object.prototype.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Result } from '../../electron/core/shared/result'
import { createNoticeBoard } from '../../electron/core/shared/notices'
import { openImapStore } from '../../electron/core/replies/imap-store'
import { expectOk, startCore, testClock, tempDir, type TestHost } from '../helpers/ports'
import { markedSent, simpleEml } from '../helpers/replies'

/** Every name an object inherits that has bitten someone, and two more. */
export const dangerousNames = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__', 'isPrototypeOf'] as const

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '')

function errorOf<T>(result: Result<T>) {
  if (result.ok) throw new Error('expected a failure, got ok')
  return result.error
}

/** Nothing may ever land on Object.prototype. */
function expectNoPollution() {
  const probe = {} as Record<string, unknown>
  for (const key of ['emails', 'postalAddresses', 'polluted', 'editedOn', 'fields', 'name', 'id', 'INBOX']) expect(probe[key], key).toBeUndefined()
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype)
}

afterEach(() => expectNoPollution())

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

async function addCompany(h: TestHost, name: string) {
  const s = slug(name)
  return expectOk(
    await h.api.call('catalog:save', {
      name,
      domains: [`${s}.example`],
      emails: [{ address: `privacy@${s}.example`, purpose: 'privacy' }],
      postalAddresses: [{ recipient: name, lines: ['1 Main Street', '10115 Berlin'], country: 'DE' }],
      establishment: ['DE'],
    }),
  )
}

describe('companies named like what every object has', () => {
  it('adds, changes, writes to, imports a reply for, deletes and exports each one, across restarts', async () => {
    const clock = testClock('2026-02-02T10:00:00Z')
    const h = startCore({ clock })
    const ids = new Map<string, string>()
    for (const name of dangerousNames) {
      const company = await addCompany(h, name)
      expect(company).toMatchObject({ name, origin: 'user', privacyEmail: `privacy@${slug(name)}.example` })
      ids.set(name, company.id)
    }
    expect(ids.get('constructor')).toBe('constructor')
    expect(ids.get('prototype')).toBe('prototype')

    // A restart: every company reads back, and every command still works.
    const again = startCore({ dataDir: h.dataDir, clock })
    const listed = expectOk(await again.api.call('catalog:list', {}))
    for (const [name, id] of ids) expect(listed.find((c) => c.id === id)).toMatchObject({ name })
    expect(expectOk(await again.api.call('app:status', {})).notices).toEqual([])

    // Changes and added contacts, each kept as the user's.
    for (const [name, id] of ids) {
      const shown = expectOk(await again.api.call('catalog:get', { id }))
      const changed = expectOk(
        await again.api.call('catalog:save', {
          id,
          name: `${name} GmbH`,
          domains: shown.domains,
          emails: shown.emails.map((e) => ({ address: e.address, purpose: e.purpose, status: e.status })),
          postalAddresses: shown.postalAddresses.map((a) => ({ recipient: a.recipient, lines: a.lines, country: a.country, region: a.region, status: a.status })),
          establishment: shown.establishment,
        }),
      )
      expect(changed.name).toBe(`${name} GmbH`)
      const withContact = expectOk(await again.api.call('catalog:addContact', { companyId: id, email: `dpo@${slug(name)}.example`, purpose: 'dpo' }))
      expect(withContact.emails.map((e) => e.address)).toContain(`dpo@${slug(name)}.example`)
    }

    // A request to "Constructor", sent, and its reply matched by the reference and by the domain.
    const reference = await markedSent(again, 'constructor')
    clock.set('2026-02-10T09:00:00Z')
    const byReference = expectOk(
      await again.api.call('replies:import', {
        files: [{ name: 'r.eml', base64: base64(simpleEml({ from: 'privacy@constructor.example', subject: `Re: ${reference}`, body: 'We have received your request.' })) }],
      }),
    ).outcomes[0]!
    expect(byReference).toMatchObject({ matched: reference, matchedBy: 'reference', needsConfirmation: false })
    const byDomain = expectOk(
      await again.api.call('replies:import', {
        files: [{ name: 'd.eml', base64: base64(simpleEml({ from: 'legal@constructor.example', subject: 'Your request', body: 'We will answer soon.' })) }],
      }),
    ).outcomes[0]!
    expect(byDomain).toMatchObject({ matched: reference, matchedBy: 'sender-domain', needsConfirmation: true })
    expect(expectOk(await again.api.call('requests:get', { reference })).record.company.name).toBe('constructor GmbH')

    // Export, then delete every one: a user's own company is gone for good, the export keeps it.
    const exported = expectOk(await again.api.call('catalog:export', { all: false }))
    expect(exported.companies).toBe(dangerousNames.length)
    const exportFile = exported.path!
    for (const id of ids.values()) expect(expectOk(await again.api.call('catalog:remove', { id }))).toEqual({ id, restorable: false })
    for (const id of ids.values()) expect(errorOf(await again.api.call('catalog:get', { id })).code).toBe('NOT_FOUND')
    expect(errorOf(await again.api.call('catalog:restore', { id: 'constructor' })).code).toBe('NOT_FOUND')

    // Imported into a fresh data folder: the same companies, with their changes and contacts.
    const other = startCore({ clock })
    other.picked.push(exportFile)
    const report = expectOk(await other.api.call('catalog:import', { format: 'rightful', kind: 'file', dryRun: false }))
    expect(report).toMatchObject({ imported: dangerousNames.length, rejected: [] })
    const restarted = startCore({ dataDir: other.dataDir, clock })
    for (const [name, id] of ids) {
      const company = expectOk(await restarted.api.call('catalog:get', { id }))
      expect(company.name).toBe(`${name} GmbH`)
      expect(company.emails.map((e) => e.address)).toEqual([`privacy@${slug(name)}.example`, `dpo@${slug(name)}.example`])
    }
    // And the first folder's request still reads after one more restart.
    const last = startCore({ dataDir: h.dataDir, clock })
    expect(expectOk(await last.api.call('requests:list', {})).map((r) => r.reference)).toEqual([reference])
    expect(expectOk(await last.api.call('replies:list', { reference })).length).toBe(2)
  })

  it('deletes and restores built-in records whose neighbours are named constructor and prototype', async () => {
    const h = startCore()
    for (const name of ['constructor', 'prototype']) await addCompany(h, name)
    // "constructor" is not deleted just because every object has a constructor.
    expect(expectOk(await h.api.call('catalog:deleted', {}))).toEqual([])
    expect(expectOk(await h.api.call('catalog:remove', { id: 'fs-com' }))).toEqual({ id: 'fs-com', restorable: true })
    expect(errorOf(await h.api.call('catalog:restore', { id: 'constructor' })).code).toBe('NOT_FOUND')
    expect(errorOf(await h.api.call('catalog:reset', { id: 'prototype' })).code).toBe('NOT_FOUND')
    const again = startCore({ dataDir: h.dataDir })
    expect(expectOk(await again.api.call('catalog:deleted', {})).map((d) => d.id)).toEqual(['fs-com'])
    expect(expectOk(await again.api.call('catalog:restore', { id: 'fs-com' })).id).toBe('fs-com')
    expect(expectOk(await again.api.call('catalog:get', { id: 'constructor' })).name).toBe('constructor')
  })

  it('imports datarequests.org records with these slugs, and rejects what no id can be, by name', async () => {
    const h = startCore()
    const folder = tempDir('rightful-hostile-records-')
    for (const name of dangerousNames) {
      fs.writeFileSync(
        path.join(folder, `${name}.json`),
        JSON.stringify({
          slug: name,
          'relevant-countries': ['all'],
          name,
          address: '1 High Street\nLondon\nSW1A 1AA\nUnited Kingdom',
          email: `privacy@${slug(name)}.example`,
          web: `https://www.${slug(name)}.example`,
          sources: [`https://www.${slug(name)}.example/privacy`],
          quality: 'verified',
        }),
      )
    }
    h.picked.push(folder)
    const report = expectOk(await h.api.call('catalog:import', { format: 'datarequests', kind: 'folder', dryRun: false }))
    // "constructor", "prototype" and "valueof"-like lower-case slugs are ids; the rest are no slugs.
    const rejected = new Set(report.rejected.map((r) => r.entry))
    expect(report.imported + rejected.size).toBe(dangerousNames.length)
    for (const name of dangerousNames) {
      if (rejected.has(`${name}.json`)) continue
      expect(expectOk(await h.api.call('catalog:get', { id: name })).origin).toBe('imported')
    }
    expect(rejected.has('constructor.json')).toBe(false)
    expect(rejected.has('__proto__.json')).toBe(true)
    // An imported record is deleted restorably, and comes back.
    for (const id of ['constructor', 'prototype']) expect(expectOk(await h.api.call('catalog:remove', { id }))).toEqual({ id, restorable: true })
    const again = startCore({ dataDir: h.dataDir })
    expect(expectOk(await again.api.call('catalog:deleted', {})).map((d) => d.id).sort()).toEqual(['constructor', 'prototype'])
    expect(expectOk(await again.api.call('catalog:restore', { id: 'constructor' })).origin).toBe('imported')
    const third = startCore({ dataDir: h.dataDir })
    expect(expectOk(await third.api.call('catalog:get', { id: 'constructor' })).origin).toBe('imported')
    expect(expectOk(await third.api.call('catalog:deleted', {})).map((d) => d.id)).toEqual(['prototype'])
  })

  it('rejects, by name, the entries of an export keyed "__proto__" or naming nothing, and imports the rest', async () => {
    const h = startCore()
    await addCompany(h, 'Constructor')
    const exported = expectOk(await h.api.call('catalog:export', { all: false }))
    const file = exported.path!
    // Hand-edited: JSON.parse makes each of these an own key.
    const text = JSON.stringify(JSON.parse(fs.readFileSync(file, 'utf8')))
      .replace('"contacts":{}', '"contacts":{"__proto__":{"emails":[],"postalAddresses":[]},"toString":{"emails":[],"postalAddresses":[]}}')
      .replace('"deleted":{}', '"deleted":{"constructor":"2026-01-01","fs-com":"2026-01-02","__proto__":"2026-01-03"}')
    expect(text).toContain('"toString"')
    fs.writeFileSync(file, text)
    const other = startCore()
    other.picked.push(file)
    const report = expectOk(await other.api.call('catalog:import', { format: 'rightful', kind: 'file', dryRun: false }))
    expect(report.imported).toBe(1)
    expect(report.rejected.map((r) => r.entry.replace(path.basename(file), 'F')).sort()).toEqual([
      'F contacts "__proto__"',
      'F contacts "toString"',
      'F deletion of "constructor"',
      'F deletions "__proto__"',
    ])
    expect(expectOk(await other.api.call('catalog:get', { id: 'constructor' })).name).toBe('Constructor')
    expect(expectOk(await other.api.call('catalog:deleted', {})).map((d) => d.id)).toEqual(['fs-com'])
  })

  it('refuses a template that asks for {{constructor}} instead of writing a function into the letter', async () => {
    const h = startCore()
    const text = [
      '---',
      'type: access',
      'lang: en',
      'title: Mine',
      'laws: [gdpr]',
      'subject:',
      '  gdpr: "Access request – {{reference}}"',
      'fields: [reference, company.name]',
      '---',
      'Dear {{company.name}}, {{company.constructor}} {{toString}}',
    ].join('\n')
    for (const name of dangerousNames) expect(expectOk(await h.api.call('templates:saveUser', { lang: 'en', name, text })).origin).toBe('user')
    const preview = errorOf(await h.api.call('templates:preview', { text, companyId: 'fs-com', law: 'gdpr' }))
    expect(preview.code).toBe('TEMPLATE_INVALID')
    expect(preview.message).toContain('{{company.constructor}}')
    expect(preview.message).not.toContain('function')
  })
})

describe('stored keys named like what every object has', () => {
  it('sets a "__proto__" entry of catalog-edits.json aside, told and kept, and pollutes nothing', async () => {
    const h = startCore()
    await addCompany(h, 'Constructor')
    const file = path.join(h.dataDir, 'catalog-edits.json')
    const stored = JSON.parse(fs.readFileSync(file, 'utf8'))
    // Written by hand (or by an attacker): JSON.parse makes "__proto__" an own key.
    const text = JSON.stringify(stored).replace('"companies":{', '"companies":{"__proto__":{"polluted":true,"emails":[]},')
    expect(text).toContain('"deleted":{}')
    fs.writeFileSync(file, text.replace('"deleted":{}', '"deleted":{"__proto__":"2026-01-01","toString":"2026-01-02"}'))
    const again = startCore({ dataDir: h.dataDir })
    expect(expectOk(await again.api.call('catalog:get', { id: 'constructor' })).name).toBe('Constructor')
    const notices = expectOk(await again.api.call('app:status', {})).notices
    expect(notices.map((n) => n.code)).toEqual(['RECORDS_SET_ASIDE'])
    const aside = JSON.parse(fs.readFileSync(notices[0]!.movedTo!, 'utf8'))
    // Neither lost nor let in: both entries are in the file beside, with the reason.
    expect(aside.entries.map((e: { key: string }) => e.key).sort()).toEqual(['companies: __proto__', 'deleted: __proto__', 'deleted: toString'])
    expect(aside.entries.find((e: { key: string }) => e.key === 'companies: __proto__').data).toEqual({ polluted: true, emails: [] })
    // The store now holds only what reads; a third start finds nothing more to tell.
    const third = startCore({ dataDir: h.dataDir })
    expect(expectOk(await third.api.call('catalog:list', {})).some((c) => c.id === 'constructor')).toBe(true)
    expect(expectOk(await third.api.call('app:status', {})).notices).toHaveLength(1)
  })

  it('keeps what an IMAP sync saw of mailboxes and accounts with these names, across a reopen', () => {
    const dataDir = tempDir()
    const notices = createNoticeBoard(() => new Date('2026-02-01T10:00:00Z'))
    const open = () => openImapStore({ dataDir, notices, now: () => new Date('2026-02-01T10:00:00Z') })
    const store = open()
    const summary = { at: '2026-02-01T10:00:00.000Z', account: 'x', checked: 1, downloaded: 0, imported: 0, error: null }
    for (const [i, name] of dangerousNames.entries()) {
      store.saveSeen(name, name, { uidValidity: String(i + 1), lastUid: i + 10, syncedAt: '2026-02-01T10:00:00.000Z' }, summary)
      store.saveSeen('alex@example.org@imap.example.org:993', name, { uidValidity: '7', lastUid: i, syncedAt: '2026-02-01T10:00:00.000Z' }, summary)
    }
    const reopened = open()
    for (const [i, name] of dangerousNames.entries()) {
      expect(reopened.seen(name, name)).toEqual({ uidValidity: String(i + 1), lastUid: i + 10, syncedAt: '2026-02-01T10:00:00.000Z' })
      expect(reopened.seen('alex@example.org@imap.example.org:993', name)?.lastUid).toBe(i)
    }
    expect(reopened.seen('nobody', 'constructor')).toBeNull()
    expect(reopened.seen('constructor', 'INBOX')).toBeNull()
    expect(notices.list()).toEqual([])
  })
})
