// @module-tag server
// @module-tag process
/**
 * Bulk requests against a real SMTP server on loopback: a batch writes one request per company on
 * its channel (e-mail, letter, web form, skipped with the reason), sends its e-mails through the
 * outbox (each received exactly once), stops on a server failure and resumes, asks before sending
 * again an e-mail whose outcome is unknown, pauses and cancels, prints its letters as one PDF, and
 * ticks off web forms with their evidence.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Result } from '../../electron/core/shared/result'
import { companiesOfPack } from '../../electron/core/bulk/packs'
import { expectOk, sampleProfile, startCore, tempDir, type TestHost } from '../helpers/ports'
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server'

const servers: TestSmtpServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

const login = { user: 'alex@example.org', pass: 'correct horse' }
const emailCompanies = ['spotify', 'netflix', 'fs-com', 'foscam']

async function setup(password = login.pass): Promise<{ host: TestHost; smtp: TestSmtpServer }> {
  const smtp = await startSmtpServer({ auth: login })
  servers.push(smtp)
  const host = startCore()
  expectOk(await host.api.call('profile:save', sampleProfile))
  expectOk(await host.api.call('mail:saveSmtp', { smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', user: login.user }, password }))
  return { host, smtp }
}

function errorOf<T>(result: Result<T>) {
  if (result.ok) throw new Error('expected a failure, got ok')
  return result.error
}

/** How many accepted messages each request reference reached the server in. */
function receivedByReference(smtp: TestSmtpServer): Map<string, number> {
  const counts = new Map<string, number>()
  for (const message of smtp.received) {
    const reference = /RF-\d{4}-\d{4,}/.exec(message.raw.toString('utf8'))?.[0] ?? '?'
    counts.set(reference, (counts.get(reference) ?? 0) + 1)
  }
  return counts
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    if (check()) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe('bulk:create', () => {
  it('writes one request per company on its channel, with its law, language and contact; web forms and unknown companies get none', async () => {
    const { host } = await setup()
    const view = expectOk(await host.api.call('bulk:create', { companies: [...emailCompanies, '4wmarketplace', 'adept-id', 'no-such-company', 'spotify.com'], type: 'access' }))
    const { batch, counts } = view
    expect(batch.id).toMatch(/^BA-2026-0001$/)
    expect(batch.state).toBe('review')
    expect(batch.rate).toBe(10)
    expect(counts).toMatchObject({ total: 7, queued: 4, letter: 1, webform: 1, skipped: 1 })
    const by = new Map(batch.items.map((i) => [i.company, i]))
    // "spotify.com" names Spotify again: one item per company.
    expect(batch.items.filter((i) => i.company === 'spotify')).toHaveLength(1)
    for (const id of emailCompanies) {
      const item = by.get(id)!
      expect(item.channel).toBe('email')
      const { record } = expectOk(await host.api.call('requests:get', { reference: item.reference! }))
      const company = expectOk(await host.api.call('catalog:get', { id }))
      expect(record.draft.to).toBe(company.privacyEmail)
      expect(item.contact).toBe(company.privacyEmail)
      expect(record.law).toBe('gdpr')
      expect(record.type).toBe('access')
      expect(record.sent).toBeNull()
    }
    // FS.COM's policy asks for "data protection query" in the subject line: the single-request path applies it.
    const fs = expectOk(await host.api.call('requests:get', { reference: by.get('fs-com')!.reference! }))
    expect(fs.record.draft.subject.toLowerCase()).toContain('data protection')
    expect(by.get('4wmarketplace')).toMatchObject({ channel: 'post', status: 'letter' })
    expect(by.get('adept-id')).toMatchObject({ channel: 'webform', status: 'webform', reference: null })
    expect(by.get('adept-id')!.webForm).toMatch(/^https:\/\/www\.adept-id\.com\//)
    expect(by.get('no-such-company')).toMatchObject({ status: 'skipped', error: { code: 'NOT_FOUND' } })
    // Nothing was sent, and the batch is listed.
    expect(expectOk(await host.api.call('bulk:list', {})).map((b) => [b.id, b.state])).toEqual([[batch.id, 'review']])
  })

  it('refuses a batch without a profile, without companies, with both companies and a pack, or with an unknown pack, and writes nothing', async () => {
    const host = startCore()
    expect(errorOf(await host.api.call('bulk:create', { companies: ['spotify'], type: 'access' })).code).toBe('PROFILE_MISSING')
    expectOk(await host.api.call('profile:save', sampleProfile))
    expect(errorOf(await host.api.call('bulk:create', { companies: [], type: 'access' })).code).toBe('INVALID_INPUT')
    expect(errorOf(await host.api.call('bulk:create', { companies: ['spotify'], pack: 'us-data-brokers', type: 'access' })).code).toBe('INVALID_INPUT')
    expect(errorOf(await host.api.call('bulk:create', { pack: 'constructor', type: 'access' })).code).toBe('INVALID_INPUT')
    expect(errorOf(await host.api.call('bulk:create', { companies: ['spotify'], type: 'reminder' })).code).toBe('INVALID_INPUT')
    expect(expectOk(await host.api.call('bulk:list', {}))).toEqual([])
    expect(expectOk(await host.api.call('requests:list', {}))).toEqual([])
  })

  it('knows the US data brokers of the broker layer as a pack', async () => {
    const host = startCore()
    const packs = expectOk(await host.api.call('bulk:packs', {}))
    const us = packs.find((p) => p.name === 'us-data-brokers')!
    expect(us.companies).toBeGreaterThan(500)
    // Active data brokers established in or serving the US (a "global" one too); Spotify is none.
    const acxiom = expectOk(await host.api.call('catalog:get', { id: 'acxiom-broker' }))
    const spotify = expectOk(await host.api.call('catalog:get', { id: 'spotify' }))
    const eu = { ...acxiom, id: 'eu-only', establishment: ['DE'], countriesServed: ['DE'] }
    const gone = { ...acxiom, id: 'gone', standing: { kind: 'defunct' as const, on: null, doNotContact: true, provenance: { kind: 'user' as const } } }
    expect(companiesOfPack('us-data-brokers', [acxiom, spotify, eu, gone] as never).map((c) => c.id)).toEqual(['acxiom-broker'])
  })

  it('packs the catalog by category, narrowed to a country, and writes a batch of one', async () => {
    const host = startCore()
    expectOk(await host.api.call('profile:save', sampleProfile))
    const packs = expectOk(await host.api.call('bulk:packs', {}))
    const credit = packs.find((p) => p.name === 'credit-agencies')!
    expect(credit).toMatchObject({ group: 'category', title: 'Credit agencies' })
    const inGermany = expectOk(await host.api.call('bulk:packs', { country: 'DE' })).find((p) => p.name === 'credit-agencies')!
    expect(inGermany.companies).toBeGreaterThan(5)
    expect(inGermany.companies).toBeLessThan(credit.companies)

    // Every company of the narrowed pack is a credit agency in or serving Germany; the British ones are not in it.
    const members = expectOk(await host.api.call('bulk:packCompanies', { pack: 'credit-agencies', country: 'DE' }))
    expect(members).toHaveLength(inGermany.companies)
    for (const { id } of members) {
      const company = expectOk(await host.api.call('catalog:get', { id }))
      expect(company.categories).toContain('credit agency')
      expect(company.establishment.includes('DE') || company.countriesServed.includes('DE') || company.countriesServed.includes('all')).toBe(true)
    }
    const british = expectOk(await host.api.call('bulk:packCompanies', { pack: 'credit-agencies', country: 'GB' }))
    expect(british.map((b) => b.name)).toContain('Callcredit Information Group')
    expect(members.map((m) => m.name)).not.toContain('Callcredit Information Group')

    const { batch } = expectOk(await host.api.call('bulk:create', { pack: 'credit-agencies', country: 'DE', type: 'access' }))
    expect(batch).toMatchObject({ pack: 'credit-agencies', packCountry: 'DE' })
    expect(batch.items.map((i) => i.company).sort()).toEqual(members.map((m) => m.id).sort())
    expect(expectOk(await host.api.call('bulk:list', {}))[0]).toMatchObject({ pack: 'credit-agencies', packCountry: 'DE' })

    // A country without a pack, a country that is no code, and a pack that does not exist: refused, nothing written.
    expect(errorOf(await host.api.call('bulk:create', { companies: ['spotify'], country: 'DE', type: 'access' })).code).toBe('INVALID_INPUT')
    expect(errorOf(await host.api.call('bulk:packCompanies', { pack: 'credit-agencies', country: 'Germany' })).code).toBe('INVALID_INPUT')
    expect(errorOf(await host.api.call('bulk:packCompanies', { pack: '__proto__' })).code).toBe('INVALID_INPUT')
    expect(expectOk(await host.api.call('bulk:list', {}))).toHaveLength(1)
  })
})

describe('bulk:send', () => {
  it('sends every e-mail once through the outbox and records each request as sent', async () => {
    const { host, smtp } = await setup()
    const { batch } = expectOk(await host.api.call('bulk:create', { companies: emailCompanies, type: 'erasure', rate: 600 }))
    const sent = expectOk(await host.api.call('bulk:send', { batch: batch.id, operation: 'op-bulk-send-1' }))
    expect(sent.batch.state).toBe('finished')
    expect(sent.counts).toMatchObject({ sent: 4, queued: 0, failed: 0, uncertain: 0 })
    const received = receivedByReference(smtp)
    expect([...received.values()]).toEqual([1, 1, 1, 1])
    for (const item of sent.batch.items) {
      expect(received.get(item.reference!)).toBe(1)
      const view = expectOk(await host.api.call('requests:get', { reference: item.reference! }))
      expect(view.record.sent?.channel).toBe('email')
      expect(view.record.sent?.email?.messageId).toBeTruthy()
    }
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(['aftersales@foscam.com', 'legal@fs.com', 'privacy@netflix.com', 'privacy@spotify.com'])
    expect(host.progress.some((p) => p.channel === 'bulk:send' && p.stage === 'sending')).toBe(true)
    // Sending again sends nothing.
    const again = expectOk(await host.api.call('bulk:send', { batch: batch.id }))
    expect(again.counts.sent).toBe(4)
    expect(smtp.received).toHaveLength(4)
  })

  it('goes on past a refused recipient, and stops on a refused login until resumed', async () => {
    const { host, smtp } = await setup('wrong password')
    const { batch } = expectOk(await host.api.call('bulk:create', { companies: emailCompanies, type: 'access', rate: 600 }))
    const stopped = expectOk(await host.api.call('bulk:send', { batch: batch.id }))
    expect(stopped.batch.state).toBe('paused')
    expect(stopped.batch.stoppedBy?.code).toBe('SMTP_AUTH_FAILED')
    expect(stopped.counts.sent).toBe(0)
    expect(smtp.received).toHaveLength(0)

    expectOk(await host.api.call('mail:saveSmtp', { smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', user: login.user }, password: login.pass }))
    smtp.faultFor = (to) => (to === 'privacy@netflix.com' ? { at: 'rcpt', code: 550 } : null)
    const resumed = expectOk(await host.api.call('bulk:send', { batch: batch.id }))
    expect(resumed.counts).toMatchObject({ sent: 3, failed: 1 })
    const netflix = resumed.batch.items.find((i) => i.company === 'netflix')!
    expect(netflix).toMatchObject({ status: 'failed', error: { code: 'SMTP_REJECTED' } })
    expect(resumed.batch.state).toBe('finished')

    // A refused one is tried again only when asked; then once.
    smtp.faultFor = null
    expect(expectOk(await host.api.call('bulk:send', { batch: batch.id })).counts.failed).toBe(1)
    const retried = expectOk(await host.api.call('bulk:send', { batch: batch.id, retryFailed: true }))
    expect(retried.counts).toMatchObject({ sent: 4, failed: 0 })
    expect([...receivedByReference(smtp).values()]).toEqual([1, 1, 1, 1])
  })

  it('never sends again an e-mail whose outcome is unknown, unless the user confirms', async () => {
    const { host, smtp } = await setup()
    const { batch } = expectOk(await host.api.call('bulk:create', { companies: emailCompanies, type: 'access', rate: 600 }))
    smtp.faultFor = (to) => (to === 'privacy@netflix.com' ? { at: 'drop-during-data' } : null)
    const first = expectOk(await host.api.call('bulk:send', { batch: batch.id }))
    const netflix = first.batch.items.find((i) => i.company === 'netflix')!
    expect(netflix.status).toBe('uncertain')
    expect(first.counts).toMatchObject({ sent: 3, uncertain: 1 })
    smtp.faultFor = null
    const again = expectOk(await host.api.call('bulk:send', { batch: batch.id }))
    expect(again.counts.uncertain).toBe(1)
    expect(receivedByReference(smtp).get(netflix.reference!)).toBeUndefined()
    const confirmed = expectOk(await host.api.call('bulk:send', { batch: batch.id, confirmResend: [netflix.reference!] }))
    expect(confirmed.counts).toMatchObject({ sent: 4, uncertain: 0 })
    expect(receivedByReference(smtp).get(netflix.reference!)).toBe(1)
  })

  it('pauses between two e-mails and resumes where it stopped; a cancelled batch sends nothing more', async () => {
    const { host, smtp } = await setup()
    const { batch } = expectOk(await host.api.call('bulk:create', { companies: emailCompanies, type: 'access', rate: 30 }))
    const running = host.api.call('bulk:send', { batch: batch.id, operation: 'op-bulk-pause' })
    await until(() => smtp.received.length >= 1, 'the first e-mail')
    expect(expectOk(await host.api.call('bulk:pause', { batch: batch.id })).batch.state).toBe('paused')
    const paused = expectOk(await running)
    expect(paused.batch.state).toBe('paused')
    expect(paused.counts.sent).toBe(1)
    expect(smtp.received).toHaveLength(1)

    // Cancel through the operation (as Cancel in the window and Ctrl-C in the CLI do): paused, with what was sent kept.
    const resumed = host.api.call('bulk:send', { batch: batch.id, operation: 'op-bulk-resume' })
    await until(() => smtp.received.length >= 2, 'the second e-mail')
    expectOk(await host.api.call('operations:cancel', { operation: 'op-bulk-resume' }))
    const cancelled = errorOf(await resumed)
    expect(cancelled.code).toBe('CANCELLED')
    expect(cancelled.message).toContain('Nothing was sent twice')
    const afterCancel = expectOk(await host.api.call('bulk:get', { batch: batch.id }))
    expect(afterCancel.batch.state).toBe('paused')
    const sentSoFar = afterCancel.counts.sent
    expect(sentSoFar).toBe(smtp.received.length)

    expect(expectOk(await host.api.call('bulk:cancel', { batch: batch.id })).batch.state).toBe('cancelled')
    expect(errorOf(await host.api.call('bulk:send', { batch: batch.id })).code).toBe('INVALID_STATE')
    expect(smtp.received).toHaveLength(sentSoFar)
    expect([...receivedByReference(smtp).values()].every((n) => n === 1)).toBe(true)
  })
})

describe('letters and web forms', () => {
  it('prints the letters of every company without e-mail into one PDF, one letter each, and marks them posted', async () => {
    const { host } = await setup()
    const { batch } = expectOk(await host.api.call('bulk:create', { companies: ['4wmarketplace', 'a1-austria', 'aljazeera', 'spotify'], type: 'access' }))
    const letters = expectOk(await host.api.call('bulk:letters', { batch: batch.id }))
    expect(letters.count).toBe(3)
    const file = letters.path!
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    const references = batch.items.filter((i) => i.channel === 'post').map((i) => i.reference!)
    expect(references).toHaveLength(3)
    for (const reference of references) expect(text).toContain(reference)
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1])
    expect(pages).toBeGreaterThanOrEqual(3)
    // Each letter starts on its own page: page n's first reference is the n-th letter's.
    const firstPages = text.split('\f').filter((page) => references.some((r) => page.includes(r)))
    expect(firstPages.length).toBeGreaterThanOrEqual(3)
    const kept = expectOk(await host.api.call('bulk:get', { batch: batch.id })).batch.letters!
    expect(fs.existsSync(path.join(host.dataDir, kept.file))).toBe(true)

    const posted = expectOk(await host.api.call('bulk:markLettersSent', { batch: batch.id, on: '2026-01-31' }))
    expect(posted.counts).toMatchObject({ sent: 3, queued: 1, letter: 0 })
    const view = expectOk(await host.api.call('requests:get', { reference: references[0]! }))
    expect(view.record.sent).toMatchObject({ channel: 'post', on: '2026-01-31' })
    expect(errorOf(await host.api.call('bulk:letters', { batch: batch.id })).code).toBe('INVALID_STATE')
  })

  it('ticks off a web form with its day and a kept evidence file', async () => {
    const { host } = await setup()
    const { batch } = expectOk(await host.api.call('bulk:create', { companies: ['adept-id', 'spotify'], type: 'access' }))
    const shot = path.join(tempDir(), 'confirmation.png')
    fs.writeFileSync(shot, Buffer.from('not really a png, but evidence'))
    host.picked.push(shot)
    const [staged] = expectOk(await host.api.call('attachments:pick', {}))
    expect(errorOf(await host.api.call('bulk:webformDone', { batch: batch.id, company: 'adept-id', on: '2027-01-01' })).code).toBe('INVALID_INPUT')
    expect(errorOf(await host.api.call('bulk:webformDone', { batch: batch.id, company: 'spotify', on: '2026-01-30' })).code).toBe('NOT_FOUND')
    const done = expectOk(await host.api.call('bulk:webformDone', { batch: batch.id, company: 'adept-id', on: '2026-01-30', evidence: staged!.token }))
    const item = done.batch.items.find((i) => i.company === 'adept-id')!
    expect(item.status).toBe('done')
    expect(item.done?.on).toBe('2026-01-30')
    expect(fs.readFileSync(path.join(host.dataDir, item.done!.evidence!.file), 'utf8')).toBe('not really a png, but evidence')
    expect(done.counts.done).toBe(1)
  })
})
