// @module-tag server
/**
 * Sending through the user's own SMTP server, against a real server on loopback (smtp-server)
 * with faults injected, and the outbox's promises: a request counts as sent only once the server
 * accepted it; a failed send keeps the exact message and can be retried with the same Message-ID;
 * after an uncertain attempt nothing is sent again without confirmation; a send interrupted by a
 * crash is shown as uncertain, never lost and never silently repeated.
 */
import fs from 'node:fs'
import path from 'node:path'
import { simpleParser } from 'mailparser'
import { afterEach, describe, expect, it } from 'vitest'
import type { Result } from '../../electron/core/shared/result'
import { buildEml, checkMessageFields, maxAttachmentBytesPerMessage } from '../../electron/core/mail/eml'
import { sendSmtp } from '../../electron/core/mail/smtp'
import { expectOk, sampleProfile, startCore, tempDir, type TestHost } from '../helpers/ports'
import { closedPort, makeCertificate, opensslMissing, startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server'

const servers: TestSmtpServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function server(options: Parameters<typeof startSmtpServer>[0] = {}): Promise<TestSmtpServer> {
  const started = await startSmtpServer(options)
  servers.push(started)
  return started
}

const login = { user: 'alex@example.org', pass: 'correct horse' }

/** A core with a profile and one drafted request to fs.com (which has an e-mail and a postal address). */
async function draft(host: TestHost = startCore(), companyId = 'fs-com') {
  expectOk(await host.api.call('profile:save', sampleProfile))
  const { record } = expectOk(await host.api.call('requests:create', { companyId, type: 'access', law: 'gdpr', lang: 'en' }))
  return { host, reference: record.reference, record }
}

async function configure(host: TestHost, port: number, extra: Record<string, unknown> = {}, password: string | null = login.pass) {
  return expectOk(
    await host.api.call('mail:saveSmtp', {
      smtp: { host: '127.0.0.1', port, security: 'none', user: login.user, ...extra },
      ...(password === null ? {} : { password }),
    }),
  )
}

function errorOf<T>(result: Result<T>) {
  if (result.ok) throw new Error('expected a failure, got ok')
  return result.error
}

async function outboxOf(host: TestHost, reference: string) {
  const items = expectOk(await host.api.call('mail:outbox', { reference }))
  expect(items).toHaveLength(1)
  return items[0]!
}

async function expectNotSent(host: TestHost, reference: string) {
  const view = expectOk(await host.api.call('requests:get', { reference }))
  expect(view.record.sent).toBeNull()
  expect(view.record.events.map((e) => e.kind)).toEqual(['created'])
  expect(view.deadline).toBeNull()
}

describe('sending through SMTP', () => {
  it('sends the exact archived bytes, and only then counts the request as sent', async () => {
    const smtp = await server({ auth: login })
    const { host, reference, record } = await draft()
    const view = await configure(host, smtp.port)
    expect(view).toMatchObject({ hasPassword: true, smtp: { host: '127.0.0.1', port: smtp.port, user: login.user } })
    // The password is with the secrets port, never in the settings file.
    expect(fs.readFileSync(path.join(host.dataDir, 'mail.json'), 'utf8')).not.toContain(login.pass)

    const { item, request } = expectOk(await host.api.call('mail:send', { reference }))
    expect(item.state).toBe('sent')
    expect(item.messageId).toMatch(new RegExp(`^<${reference}\\.[0-9a-f]{12}@example\\.org>$`))
    expect(item.response).toMatch(/^250 .*queued as TEST1/)

    // What the server received is byte for byte what is archived with the request.
    expect(smtp.received).toHaveLength(1)
    const received = smtp.received[0]!
    expect(received).toMatchObject({ from: 'alex@example.org', to: ['legal@fs.com'], user: login.user })
    const email = request.record.sent!.email!
    const archived = fs.readFileSync(path.join(host.dataDir, email.archive.file))
    expect(received.raw.equals(archived)).toBe(true)
    expect(email.archive.sha256).toBe((await import('node:crypto')).createHash('sha256').update(archived).digest('hex'))
    expect(email.archive.file).toBe(`requests/${reference}.files/${reference}-email-1.eml`)
    expect(email.messageId).toBe(item.messageId)

    const parsed = await simpleParser(received.raw)
    expect(parsed.subject).toBe(record.draft.subject)
    expect(parsed.messageId).toBe(item.messageId)
    expect(parsed.text?.trim()).toBe(record.draft.body.trim())
    expect(parsed.headers.has('x-unsent')).toBe(false)

    // Sent: the 'sent' event by e-mail carries the archive, the deadline runs.
    const sent = request.record.events.find((e) => e.kind === 'sent')!
    expect(sent).toMatchObject({ channel: 'email', on: '2026-01-31', at: '2026-01-31T10:00:00.000Z' })
    expect(sent.attachments).toEqual([email.archive])
    expect(request.deadline?.due).toBeTruthy()
    expect(request.record.sent).toMatchObject({ channel: 'email', to: 'legal@fs.com', subject: record.draft.subject, body: record.draft.body })

    // Recorded, so no longer open; the entry moved to done/.
    expect(expectOk(await host.api.call('mail:outbox', {}))).toEqual([])
    expect(fs.existsSync(path.join(host.dataDir, 'outbox', 'done', `${reference}.json`))).toBe(true)
    // Sending again is refused; the server gets nothing more.
    expect(errorOf(await host.api.call('mail:send', { reference })).code).toBe('INVALID_STATE')
    expect(smtp.received).toHaveLength(1)

    // "Save e-mail file again" gives the exact message that went out, not a new draft.
    const { path: saved } = expectOk(await host.api.call('mail:saveEml', { reference }))
    expect(fs.readFileSync(saved!).equals(archived)).toBe(true)
  })

  it('attaches the PDF letter when asked, inside the archived message', async () => {
    const smtp = await server()
    const { host, reference, record } = await draft()
    await configure(host, smtp.port, { user: null }, null)
    const { request } = expectOk(await host.api.call('mail:send', { reference, attachLetter: true }))
    const parsed = await simpleParser(smtp.received[0]!.raw)
    expect(parsed.attachments).toHaveLength(1)
    const pdf = parsed.attachments[0]!
    expect(pdf.contentType).toBe('application/pdf')
    expect(pdf.filename).toBe(`${reference} ${record.company.name} access.pdf`)
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-')
    const recorded = request.record.sent!.email!.attachments
    expect(recorded).toEqual([{ name: pdf.filename, size: pdf.content.length, sha256: (await import('node:crypto')).createHash('sha256').update(pdf.content).digest('hex') }])
  })

  it('keeps a refused message, and a retry sends the same bytes with the same Message-ID', async () => {
    const port = await closedPort()
    const { host, reference } = await draft()
    await configure(host, port)

    const refused = errorOf(await host.api.call('mail:send', { reference }))
    expect(refused.code).toBe('SMTP_CONNECTION_FAILED')
    expect(refused.message).toMatch(/refused/)
    const failed = await outboxOf(host, reference)
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, needsConfirmation: false, error: { code: 'SMTP_CONNECTION_FAILED', responseCode: null } })
    await expectNotSent(host, reference)
    const kept = fs.readFileSync(path.join(host.dataDir, failed.archive.file))

    // The server comes up later; after a restart the message is still there and goes out as it was.
    const smtp = await server({ auth: login })
    const restarted = startCore({ dataDir: host.dataDir, clock: host.clock })
    // (The test's secrets live in memory, so the restarted core is told the password again.)
    await configure(restarted, smtp.port)
    expect(await outboxOf(restarted, reference)).toMatchObject({ state: 'failed', messageId: failed.messageId })
    const { item } = expectOk(await restarted.api.call('mail:retry', { reference }))
    expect(item).toMatchObject({ state: 'sent', messageId: failed.messageId, attempts: 2 })
    expect(smtp.received[0]!.raw.equals(kept)).toBe(true)
    const parsed = await simpleParser(smtp.received[0]!.raw)
    expect(parsed.messageId).toBe(failed.messageId)
  })

  it.each([
    { fault: { at: 'greeting', code: 421 } as const, code: 'SMTP_REJECTED', responseCode: 421, temporary: true, text: /421 .*try again later/i },
    { fault: { at: 'rcpt', code: 450 } as const, code: 'SMTP_REJECTED', responseCode: 450, temporary: true, text: /450 4\.2\.1 Mailbox busy/ },
    { fault: { at: 'rcpt', code: 550 } as const, code: 'SMTP_REJECTED', responseCode: 550, temporary: false, text: /550 5\.1\.1 No such user/ },
    { fault: { at: 'data', code: 450 } as const, code: 'SMTP_REJECTED', responseCode: 450, temporary: true, text: /450 4\.3\.0 Try again later/ },
    { fault: { at: 'data', code: 550 } as const, code: 'SMTP_REJECTED', responseCode: 550, temporary: false, text: /550 5\.7\.1 Message refused as spam/ },
  ])('reports $fault.at $fault.code with the server reason, and leaves the request unsent', async ({ fault, code, responseCode, temporary, text }) => {
    const smtp = await server({ auth: login, fault })
    const { host, reference } = await draft()
    await configure(host, smtp.port)
    const error = errorOf(await host.api.call('mail:send', { reference }))
    expect(error.code).toBe(code)
    expect(error.message).toMatch(text)
    const item = await outboxOf(host, reference)
    expect(item.state).toBe('failed')
    expect(item.error).toMatchObject({ code, responseCode, temporary })
    expect(item.error!.response).toMatch(text)
    expect(smtp.received).toHaveLength(0)
    await expectNotSent(host, reference)

    // A definite refusal: a plain retry is allowed and, once the server behaves, goes through.
    smtp.fault = null
    const { item: sent } = expectOk(await host.api.call('mail:retry', { reference }))
    expect(sent).toMatchObject({ state: 'sent', messageId: item.messageId, attempts: 2 })
  })

  it('says so when the server does not accept the password (535)', async () => {
    const smtp = await server({ auth: login })
    const { host, reference } = await draft()
    await configure(host, smtp.port, {}, 'wrong password')
    const tested = errorOf(await host.api.call('mail:testSmtp', {}))
    expect(tested.code).toBe('SMTP_AUTH_FAILED')
    expect(tested.message).toMatch(/535 5\.7\.8 Authentication credentials invalid/)
    const error = errorOf(await host.api.call('mail:send', { reference }))
    expect(error.code).toBe('SMTP_AUTH_FAILED')
    expect((await outboxOf(host, reference)).error).toMatchObject({ responseCode: 535, command: 'AUTH PLAIN' })
    await expectNotSent(host, reference)

    await configure(host, smtp.port, {}, login.pass)
    expect(expectOk(await host.api.call('mail:testSmtp', {}))).toEqual({ server: `127.0.0.1:${smtp.port}`, user: login.user })
  })

  it('refuses to send without a server or a password, before anything is written', async () => {
    const { host, reference } = await draft()
    expect(errorOf(await host.api.call('mail:send', { reference })).code).toBe('SMTP_NOT_CONFIGURED')
    expect(errorOf(await host.api.call('mail:testSmtp', {})).code).toBe('SMTP_NOT_CONFIGURED')
    await configure(host, 2525, {}, null)
    expect(errorOf(await host.api.call('mail:send', { reference })).code).toBe('SMTP_PASSWORD_MISSING')
    expect(fs.existsSync(path.join(host.dataDir, 'outbox'))).toBe(false)
    expect(fs.existsSync(path.join(host.dataDir, 'requests', `${reference}.files`))).toBe(false)
    await expectNotSent(host, reference)
  })
})

describe('an uncertain send', () => {
  it('is not counted as sent, and is sent again only with confirmation, under the same Message-ID', async () => {
    const smtp = await server({ auth: login, fault: { at: 'drop-during-data' } })
    const { host, reference } = await draft()
    await configure(host, smtp.port)

    const error = errorOf(await host.api.call('mail:send', { reference }))
    expect(error.code).toBe('SEND_UNCERTAIN')
    expect(error.message).toMatch(/may have accepted it/)
    expect(smtp.dataStarted).toBe(1)
    const uncertain = await outboxOf(host, reference)
    expect(uncertain).toMatchObject({ state: 'uncertain', needsConfirmation: true, error: { code: 'SEND_UNCERTAIN' } })
    await expectNotSent(host, reference)

    smtp.fault = null
    for (const channel of ['mail:retry', 'mail:send'] as const) {
      const refused = errorOf(await host.api.call(channel, { reference }))
      expect(refused.code).toBe('CONFIRM_RESEND')
      expect(refused.message).toContain(uncertain.messageId)
    }
    expect(smtp.dataStarted).toBe(1)
    expect((await outboxOf(host, reference)).attempts).toBe(1)

    const { item, request } = expectOk(await host.api.call('mail:retry', { reference, confirmResend: true }))
    expect(item).toMatchObject({ state: 'sent', messageId: uncertain.messageId, attempts: 2 })
    expect((await simpleParser(smtp.received[0]!.raw)).messageId).toBe(uncertain.messageId)
    expect(request.record.sent?.email?.messageId).toBe(uncertain.messageId)
  })

  it('leaves the open outbox once the user marks the request as sent by hand (found in the Sent folder)', async () => {
    const smtp = await server({ auth: login, fault: { at: 'drop-during-data' } })
    const { host, reference } = await draft()
    await configure(host, smtp.port)
    expect(errorOf(await host.api.call('mail:send', { reference })).code).toBe('SEND_UNCERTAIN')
    expect(expectOk(await host.api.call('mail:outbox', {})).map((i) => i.reference)).toEqual([reference])
    expectOk(await host.api.call('requests:markSent', { reference, on: '2026-01-31', channel: 'email' }))
    expect(expectOk(await host.api.call('mail:outbox', {}))).toEqual([])
    // The entry is kept, as it was, and nothing more is sent.
    expect((await outboxOf(host, reference)).state).toBe('uncertain')
    expect(fs.existsSync(path.join(host.dataDir, 'outbox', 'done', `${reference}.json`))).toBe(true)
    smtp.fault = null
    expect(errorOf(await host.api.call('mail:send', { reference, confirmResend: true })).code).toBe('INVALID_STATE')
    expect(smtp.received).toHaveLength(0)
  })

  it('breaks off when the server never answers after the data, as uncertain', async () => {
    const smtp = await server({ fault: { at: 'hang-after-data' } })
    const bytes = await buildEml({ from: { name: 'A', address: 'a@example.org' }, to: 'b@example.com', subject: 'S', body: 'B', date: new Date(), reference: 'RF-2026-0001', draft: false })
    const outcome = await sendSmtp(
      { host: '127.0.0.1', port: smtp.port, security: 'none', user: null, password: null, trustedCertificate: null, timeouts: { socket: 3_000 } },
      { from: 'a@example.org', to: 'b@example.com' },
      bytes,
    )
    expect(outcome.kind).toBe('uncertain')
    expect(outcome.kind !== 'accepted' && outcome.failure.code).toBe('SEND_UNCERTAIN')
    expect(smtp.dataStarted).toBe(1)
  })

  it('survives a crash during the send: the copy of the data folder taken mid-send shows it as uncertain', async () => {
    const smtp = await server({ auth: login, fault: { at: 'hang-after-data' } })
    const { host, reference } = await draft()
    await configure(host, smtp.port)
    const copy = tempDir('rightful-crash-')
    let snapshot: Promise<void> | null = null
    smtp.onHang = () => {
      // The moment the data is on the wire: the disk says "sending". Copy it as a crash would leave it.
      snapshot = (async () => {
        fs.cpSync(host.dataDir, copy, { recursive: true })
        // Meanwhile the request is not sent, and a second send is refused.
        await expectNotSent(host, reference)
        expect(errorOf(await host.api.call('mail:send', { reference })).code).toBe('SEND_IN_PROGRESS')
        smtp.dropAll()
      })()
    }
    const first = await host.api.call('mail:send', { reference })
    await snapshot
    expect(errorOf(first).code).toBe('SEND_UNCERTAIN')

    const onDisk = JSON.parse(fs.readFileSync(path.join(copy, 'outbox', `${reference}.json`), 'utf8'))
    expect(onDisk.state).toBe('sending')
    expect(onDisk.attempts).toHaveLength(1)
    expect(onDisk.attempts[0].outcome).toBeNull()

    // "Restart" on the copy: nobody owns that attempt any more, so it is uncertain; nothing is resent.
    const after = startCore({ dataDir: copy, clock: host.clock })
    const item = await outboxOf(after, reference)
    expect(item).toMatchObject({ state: 'uncertain', needsConfirmation: true, messageId: onDisk.messageId, error: { code: 'SEND_UNCERTAIN' } })
    expect(item.error!.message).toMatch(/stopped while this e-mail was being sent/)
    await expectNotSent(after, reference)
    expect(expectOk(await after.api.call('mail:outbox', {})).map((i) => i.reference)).toEqual([reference])
    await configure(after, smtp.port)
    expect(errorOf(await after.api.call('mail:send', { reference })).code).toBe('CONFIRM_RESEND')
    expect(smtp.received).toHaveLength(0)
  })

  it('treats a hand-written "sending" entry of a process that is gone as uncertain', async () => {
    const smtp = await server({ auth: login, fault: { at: 'data', code: 451 } })
    const { host, reference } = await draft()
    await configure(host, smtp.port)
    errorOf(await host.api.call('mail:send', { reference }))
    const file = path.join(host.dataDir, 'outbox', `${reference}.json`)
    const entry = JSON.parse(fs.readFileSync(file, 'utf8'))
    const last = entry.attempts.at(-1)
    fs.writeFileSync(
      file,
      JSON.stringify({ ...entry, state: 'sending', attempts: [{ ...last, finishedAt: null, outcome: null, failure: null, owner: { ...last.owner, token: 'a-process-that-crashed' } }] }),
    )
    const reopened = startCore({ dataDir: host.dataDir, clock: host.clock })
    expect((await outboxOf(reopened, reference)).state).toBe('uncertain')
  })
})

describe('a new message after a definite refusal', () => {
  it('goes out with the changed text under the same Message-ID; the refused one stays kept', async () => {
    const smtp = await server({ auth: login, fault: { at: 'rcpt', code: 550 } })
    const { host, reference, record } = await draft()
    await configure(host, smtp.port)
    errorOf(await host.api.call('mail:send', { reference }))
    const first = await outboxOf(host, reference)

    expectOk(await host.api.call('requests:updateDraft', { reference, subject: record.draft.subject, body: `${record.draft.body}\n\nP.S. Changed.` }))
    smtp.fault = null
    const { item, request } = expectOk(await host.api.call('mail:send', { reference }))
    expect(item.messageId).toBe(first.messageId)
    expect(item.archive.file).toMatch(/-email-2\.eml$/)
    expect(fs.existsSync(path.join(host.dataDir, first.archive.file))).toBe(true)
    expect((await simpleParser(smtp.received[0]!.raw)).text).toContain('P.S. Changed.')
    expect(request.record.sent!.body).toContain('P.S. Changed.')
  })

  it('a retry after an uncertain attempt sends the kept message, not the edited draft', async () => {
    const smtp = await server({ auth: login, fault: { at: 'drop-during-data' } })
    const { host, reference, record } = await draft()
    await configure(host, smtp.port)
    errorOf(await host.api.call('mail:send', { reference }))
    expectOk(await host.api.call('requests:updateDraft', { reference, subject: record.draft.subject, body: 'Something else entirely.' }))
    smtp.fault = null
    const { request } = expectOk(await host.api.call('mail:send', { reference, confirmResend: true }))
    expect((await simpleParser(smtp.received[0]!.raw)).text?.trim()).toBe(record.draft.body.trim())
    // What the request records as sent is what went out.
    expect(request.record.sent!.body).toBe(record.draft.body)
  })
})

describe('TLS', () => {
  const missing = opensslMissing()
  if (missing) console.log(`[skip] TLS tests: ${missing}`)

  it.skipIf(missing !== null)('sends over STARTTLS with a certificate the user trusts, and refuses an untrusted one', async () => {
    const certificate = makeCertificate()
    const smtp = await server({ auth: login, tls: { mode: 'starttls', certificate } })
    const { host, reference } = await draft()

    await configure(host, smtp.port, { security: 'starttls' })
    const untrusted = errorOf(await host.api.call('mail:testSmtp', {}))
    expect(untrusted.code).toBe('SMTP_TLS_FAILED')
    expect(untrusted.message).toMatch(/self-signed|certificate/i)
    expect(errorOf(await host.api.call('mail:send', { reference })).code).toBe('SMTP_TLS_FAILED')
    expect(smtp.dataStarted).toBe(0)

    await configure(host, smtp.port, { security: 'starttls', trustedCertificate: certificate.cert })
    expectOk(await host.api.call('mail:testSmtp', {}))
    const { item } = expectOk(await host.api.call('mail:retry', { reference }))
    expect(item.state).toBe('sent')
    expect(smtp.received).toHaveLength(1)
  })

  it.skipIf(missing !== null)('requires STARTTLS when asked to, rather than sending in clear text', async () => {
    const smtp = await server({ auth: login })
    const { host, reference } = await draft()
    await configure(host, smtp.port, { security: 'starttls' })
    const error = errorOf(await host.api.call('mail:send', { reference }))
    expect(['SMTP_TLS_FAILED', 'SMTP_CONNECTION_FAILED']).toContain(error.code)
    expect(error.message).toMatch(/STARTTLS/)
    expect(smtp.dataStarted).toBe(0)
  })

  it.skipIf(missing !== null)('sends over implicit TLS', async () => {
    const certificate = makeCertificate()
    const smtp = await server({ auth: login, tls: { mode: 'tls', certificate } })
    const { host, reference } = await draft()
    await configure(host, smtp.port, { security: 'tls', trustedCertificate: certificate.cert })
    expectOk(await host.api.call('mail:send', { reference }))
    expect(smtp.received).toHaveLength(1)
  })
})

describe('bad input changes nothing', () => {
  it('refuses line breaks in any header field before anything is sent or written', async () => {
    const smtp = await server({ auth: login })
    const host = startCore()
    await configure(host, smtp.port)
    const { record } = expectOk(
      await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en', profile: { ...sampleProfile, name: 'Alex\r\nBcc: everyone@example.com' } }),
    )
    const error = errorOf(await host.api.call('mail:send', { reference: record.reference }))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toMatch(/sender's name must be a single line/)
    expect(smtp.dataStarted).toBe(0)
    expect(fs.existsSync(path.join(host.dataDir, 'outbox'))).toBe(false)
    expect(errorOf(await host.api.call('mail:saveEml', { reference: record.reference })).code).toBe('INVALID_INPUT')

    const base = { from: { name: 'A', address: 'a@example.org' }, to: 'b@example.com', subject: 'Request' }
    expect(() => checkMessageFields({ ...base, subject: 'Request\nBcc: x@example.com' })).toThrow(/subject must be a single line/)
    expect(() => checkMessageFields({ ...base, subject: 'Request\rX' })).toThrow(/single line/)
    expect(() => checkMessageFields({ ...base, to: 'b@example.com\r\nBcc: x@example.com' })).toThrow(/recipient must be a single line/)
    expect(() => checkMessageFields({ ...base, to: 'not an address' })).toThrow(/not an e-mail address/)
    expect(() => checkMessageFields({ ...base, from: { name: 'A', address: 'a@' } })).toThrow(/not an e-mail address/)
    expect(() => checkMessageFields({ ...base, attachments: [{ filename: 'id\n.pdf', contentType: 'application/pdf', content: new Uint8Array(1) }] })).toThrow(/single line/)
  })

  it('refuses bad SMTP settings with the field that is wrong', async () => {
    const host = startCore()
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ host: 'smtp://mail.example.org', port: 587, security: 'starttls' }, 'smtp.host'],
      [{ host: 'mail.example.org', port: 587, security: 'starttls', user: 'a\nb' }, 'smtp.user'],
      [{ host: 'mail.example.org', port: 0, security: 'starttls' }, 'smtp.port'],
      [{ host: 'mail.example.org', port: 587, security: 'ssl' }, 'smtp.security'],
      [{ host: 'mail.example.org', port: 587, security: 'tls', fromAddress: 'me@' }, 'smtp.fromAddress'],
    ]
    for (const [smtp, field] of cases) {
      const error = errorOf(await host.api.call('mail:saveSmtp', { smtp } as never))
      expect(error.code, field).toBe('INVALID_INPUT')
      expect(error.issues?.map((i) => i.path), field).toContain(field)
    }
    expect(expectOk(await host.api.call('mail:getSmtp', {})).smtp).toBeNull()
    const noHost = errorOf(await host.api.call('mail:saveSmtp', { smtp: { host: 'mail.example.org', port: 587, security: 'starttls' }, sentCopy: { enabled: true } }))
    expect(noHost.message).toMatch(/IMAP server/)
    expect(expectOk(await host.api.call('mail:getSmtp', {})).smtp).toBeNull()
  })

  it(`refuses attachments over ${maxAttachmentBytesPerMessage / 1048576} MB, keeps the files chosen, and sends once they fit`, async () => {
    const smtp = await server({ auth: login })
    const { host, reference } = await draft()
    await configure(host, smtp.port)
    const dir = tempDir('rightful-files-')
    const big = path.join(dir, 'scan.pdf')
    fs.writeFileSync(big, Buffer.alloc(maxAttachmentBytesPerMessage + 1, 1))
    const small = path.join(dir, 'id-card.png')
    fs.writeFileSync(small, Buffer.from('not really a png'))
    host.picked.push(big, small)
    const staged = expectOk(await host.api.call('attachments:pick', {}))
    const tokens = staged.map((s) => s.token)

    const tooLarge = errorOf(await host.api.call('mail:send', { reference, attachments: tokens }))
    expect(tooLarge.code).toBe('MESSAGE_TOO_LARGE')
    expect(tooLarge.message).toMatch(/20\.0 MB/)
    expect(smtp.dataStarted).toBe(0)
    expect(expectOk(await host.api.call('mail:outbox', { reference }))).toEqual([])
    expect(fs.existsSync(path.join(host.dataDir, 'requests', `${reference}.files`))).toBe(false)
    await expectNotSent(host, reference)

    // The small file's token still works.
    const { request } = expectOk(await host.api.call('mail:send', { reference, attachments: [tokens[1]!] }))
    expect(request.record.sent!.email!.attachments.map((a) => a.name)).toEqual(['id-card.png'])
    const parsed = await simpleParser(smtp.received[0]!.raw)
    expect(parsed.attachments.map((a) => [a.filename, a.contentType, a.content.toString()])).toEqual([['id-card.png', 'image/png', 'not really a png']])
  })

  it('refuses to resend a kept message that changed on disk', async () => {
    const smtp = await server({ auth: login, fault: { at: 'rcpt', code: 450 } })
    const { host, reference } = await draft()
    await configure(host, smtp.port)
    errorOf(await host.api.call('mail:send', { reference }))
    const item = await outboxOf(host, reference)
    fs.appendFileSync(path.join(host.dataDir, item.archive.file), 'tampered')
    smtp.fault = null
    const error = errorOf(await host.api.call('mail:retry', { reference }))
    expect(error.code).toBe('STORAGE_FAILED')
    expect(error.message).toMatch(/has changed/)
    expect(smtp.dataStarted).toBe(0)
  })
})

describe('SMTP settings', () => {
  it('keep the password only in the secrets port, and forget it on request', async () => {
    const host = startCore()
    const saved = await configure(host, 587, { security: 'starttls', host: 'mail.example.org' })
    expect(saved).toMatchObject({ hasPassword: true, passwordStorage: { persistent: false, strong: true, protection: 'memory' }, sentCopy: { enabled: false } })
    expect(await host.ports.secrets.get('smtp-password')).toBe(login.pass)
    // Saving the same server again keeps it; a new sender address does not matter.
    expect((await configure(host, 587, { security: 'starttls', host: 'mail.example.org', fromAddress: 'me@example.org' }, null)).hasPassword).toBe(true)
    const forgotten = expectOk(await host.api.call('mail:saveSmtp', { smtp: { host: 'mail.example.org', port: 587, security: 'starttls', user: login.user }, password: null }))
    expect(forgotten.hasPassword).toBe(false)
    expect(await host.ports.secrets.get('smtp-password')).toBeNull()

    // The saved password never follows a change of server, port, security, user, certificate or
    // IMAP server: it must be typed again (a page could otherwise send it elsewhere, or in clear text).
    const changes: Array<[Record<string, unknown>, Record<string, unknown>?]> = [
      [{ host: 'evil.example.com' }],
      [{ port: 25 }],
      [{ security: 'none' }],
      [{ user: 'someone-else' }],
      [{}, { enabled: true, host: 'imap.evil.example.com', port: 993, security: 'tls' }],
    ]
    for (const [smtpChange, sentCopy] of changes) {
      await configure(host, 587, { security: 'starttls', host: 'mail.example.org' })
      const moved = expectOk(
        await host.api.call('mail:saveSmtp', {
          smtp: { host: 'mail.example.org', port: 587, security: 'starttls', user: login.user, ...smtpChange },
          ...(sentCopy ? { sentCopy } : {}),
        } as never),
      )
      expect(moved.hasPassword, JSON.stringify(smtpChange ?? sentCopy)).toBe(false)
      expect(await host.ports.secrets.get('smtp-password')).toBeNull()
      expectOk(await host.api.call('mail:saveSmtp', { smtp: { host: 'mail.example.org', port: 587, security: 'starttls', user: login.user }, sentCopy: { enabled: false } }))
    }
    const removed = expectOk(await host.api.call('mail:saveSmtp', { smtp: null }))
    expect(removed.smtp).toBeNull()
  })
})
