/**
 * Backups in tests: a data folder with every kind of the user's data, a fingerprint of a whole
 * folder (to show that nothing changed), and a rewriter that alters a plain backup and seals it
 * again with correct checksums (to craft files that are consistent but not acceptable).
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { expectOk, sampleProfile, type TestHost } from './ports'
import { fixture, sentBySmtp, simpleEml, writeTemp } from './replies'
import { startSmtpServer } from './smtp-server'

export const smtpPassword = 'smtp-Pa55word-7f3e9c'
export const imapPassword = 'imap-Pa55word-1b8d42'

/** A datarequests.org record for the catalog import. */
const importedRecord = {
  slug: 'backup-example-gmbh',
  'relevant-countries': ['de'],
  categories: ['commerce'],
  name: 'Backup Example GmbH',
  address: 'Musterstraße 1\n10115 Berlin\nDeutschland',
  email: 'datenschutz@backup-example.de',
  web: 'https://www.backup-example.de',
  sources: ['https://www.backup-example.de/datenschutz'],
  quality: 'verified',
}

export type Populated = {
  /** Sent through SMTP, with an event carrying a file and a matched reply. */
  readonly sent: string
  /** Written, not sent. */
  readonly draft: string
  /** Written and discarded (kept under requests/discarded/). */
  readonly discarded: string
}

/**
 * Fills a data folder the way a user would, through the API: profile, a request sent through a
 * real SMTP server (its message kept), an event with a file, a matched reply and one waiting to be
 * assigned, SMTP and IMAP settings with passwords, settings, catalog additions, changes, deletions
 * and imports, an own template, shown notifications, a draft and a discarded draft. Also leaves a
 * secrets.json as the desktop app keeps one.
 */
export async function populate(host: TestHost): Promise<Populated> {
  const smtp = await startSmtpServer({})
  let sent: string
  try {
    sent = (await sentBySmtp(host, smtp)).reference
  } finally {
    await smtp.close()
  }
  expectOk(await host.api.call('mail:saveSmtp', { smtp: { host: 'smtp.backup-test.example', port: 587, security: 'starttls', user: 'alex' }, password: smtpPassword }))
  expectOk(await host.api.call('replies:saveImap', { settings: { host: 'imap.backup-test.example', port: 993, security: 'tls', user: 'alex' }, password: imapPassword }))
  // The desktop app keeps passwords (encrypted) in secrets.json in the data folder; never backed up.
  fs.writeFileSync(path.join(host.dataDir, 'secrets.json'), JSON.stringify({ version: 1, secrets: { 'smtp-password': smtpPassword, 'imap-password': imapPassword } }))

  const today = host.clock.now().toISOString().slice(0, 10)
  host.picked.push(writeTemp(host, 'their-answer.pdf', '%PDF-1.4 their answer'))
  const staged = expectOk(await host.api.call('attachments:pick', {}))
  expectOk(await host.api.call('requests:addEvent', { reference: sent, kind: 'acknowledged', on: today, note: 'They wrote back.', attachments: staged.map((s) => s.token) }))

  const matched = fixture('plain-reference-en.eml').toString('latin1').split('RF-2026-0001').join(sent)
  const unmatched = simpleEml({ from: 'someone@unrelated.example', subject: 'Hello', body: 'Nothing to do with any request.' })
  host.picked.push(writeTemp(host, 'reply.eml', matched), writeTemp(host, 'other.eml', unmatched))
  expectOk(await host.api.call('replies:import', {}))

  expectOk(await host.api.call('settings:update', { notifications: { daysBefore: 7 }, deadlines: { ccpaRollOver: false } }))
  expectOk(await host.api.call('catalog:save', { name: 'My Own Shop', domains: ['my-own-shop.example'], emails: [{ address: 'privacy@my-own-shop.example', purpose: 'privacy' }] }))
  expectOk(await host.api.call('catalog:addContact', { companyId: 'faasoft', email: 'privacy@faasoft.example', purpose: 'privacy' }))
  expectOk(await host.api.call('catalog:remove', { id: 'b2s' }))
  const importDir = path.join(host.outDir, 'import')
  fs.mkdirSync(importDir, { recursive: true })
  fs.writeFileSync(path.join(importDir, 'backup-example-gmbh.json'), JSON.stringify(importedRecord))
  host.picked.push(importDir)
  expectOk(await host.api.call('catalog:import', { format: 'datarequests', kind: 'folder' }))

  const builtin = expectOk(await host.api.call('templates:get', { id: 'builtin:en/access-europe' }))
  expectOk(await host.api.call('templates:saveUser', { lang: 'en', name: 'access-europe', text: builtin.text.replace('title: ', 'title: My own ') }))
  expectOk(await host.api.call('notifications:markShown', { ids: [`${sent}:soon:2026-03-03`] }))

  const draft = expectOk(await host.api.call('requests:create', { companyId: 'foscam', type: 'erasure', law: 'gdpr', lang: 'en' })).record.reference
  const discarded = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'objection', law: 'gdpr', lang: 'en' })).record.reference
  expectOk(await host.api.call('requests:discard', { reference: discarded }))
  return { sent, draft, discarded }
}

/** A small, different data folder: one draft to FOSCAM from another person. */
export async function populateOther(host: TestHost): Promise<string> {
  expectOk(await host.api.call('profile:save', { ...sampleProfile, name: 'Other Person', email: 'other@example.org' }))
  return expectOk(await host.api.call('requests:create', { companyId: 'foscam', type: 'access', law: 'gdpr', lang: 'en' })).record.reference
}

/** Every file under `dir` (hidden ones too) with its SHA-256: equal fingerprints, same folder. */
export function fingerprint(dir: string): Map<string, string> {
  const result = new Map<string, string>()
  const visit = (relative: string) => {
    const full = path.join(dir, relative)
    const stat = fs.lstatSync(full)
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) visit(path.join(relative, name))
      if (relative) result.set(`${relative}/`, 'dir')
    } else {
      result.set(relative, createHash('sha256').update(fs.readFileSync(full)).digest('hex'))
    }
  }
  visit('')
  return result
}

/**
 * The fingerprint without what any host rebuilds when it opens a data folder (the request index
 * and its folder): what a command that must change nothing may not change.
 */
export function dataFingerprint(dir: string): Map<string, string> {
  return new Map([...fingerprint(dir)].filter(([p]) => p !== 'requests/' && p !== 'requests/index.json' && p !== 'requests/index.v6.json' && p !== 'requests/index.log'))
}

export type PlainBackup = {
  header: Record<string, unknown>
  manifest: { entries: Array<{ path: string; size: number; sha256: string }>; counts: Record<string, number | boolean>; [key: string]: unknown }
  contents: Map<string, Buffer>
}

/** Reads a plain (unencrypted) backup file by the format's description, independently of the reader. */
export function parsePlainBackup(file: string): PlainBackup {
  const bytes = fs.readFileSync(file)
  const magic = 'RIGHTFUL-BACKUP\n'
  if (bytes.subarray(0, magic.length).toString('latin1') !== magic) throw new Error('no magic')
  const headerEnd = bytes.indexOf(0x0a, magic.length)
  const header = JSON.parse(bytes.subarray(magic.length, headerEnd).toString('utf8')) as Record<string, unknown>
  const body = bytes.subarray(headerEnd + 1, bytes.length - 32)
  const manifestEnd = body.indexOf(0x0a)
  const manifest = JSON.parse(body.subarray(0, manifestEnd).toString('utf8')) as PlainBackup['manifest']
  const contents = new Map<string, Buffer>()
  let offset = manifestEnd + 1
  for (const entry of manifest.entries) {
    contents.set(entry.path, Buffer.from(body.subarray(offset, offset + entry.size)))
    offset += entry.size
  }
  return { header, manifest, contents }
}

/**
 * Writes a plain backup from its parts, with the sizes, body length and whole-file checksum made
 * to fit. `keepEntryHashes`: leave the manifest's per-entry SHA-256 as given.
 */
export function writePlainBackup(file: string, backup: PlainBackup, options: { keepEntryHashes?: boolean } = {}): void {
  const entries = backup.manifest.entries.map((entry) => {
    const content = backup.contents.get(entry.path) ?? Buffer.alloc(0)
    return options.keepEntryHashes ? { ...entry, size: content.length } : { ...entry, size: content.length, sha256: createHash('sha256').update(content).digest('hex') }
  })
  const manifestLine = Buffer.from(`${JSON.stringify({ ...backup.manifest, entries })}\n`, 'utf8')
  const payload = Buffer.concat([manifestLine, ...entries.map((e) => backup.contents.get(e.path) ?? Buffer.alloc(0))])
  const prefix = Buffer.from(`RIGHTFUL-BACKUP\n${JSON.stringify({ ...backup.header, bodyBytes: payload.length })}\n`, 'utf8')
  const checksum = createHash('sha256').update(prefix).update(payload).digest()
  fs.writeFileSync(file, Buffer.concat([prefix, payload, checksum]))
}
