// @module-tag server
/**
 * Replies from IMAP, against Debian's dovecot on loopback (started by the test; skipped with a
 * printed reason where it is not installed). Messages are put into the INBOX with imapflow's
 * APPEND. A sync looks only at messages that arrived since the oldest open request was sent,
 * downloads only those that could belong to a request, imports only those that do, and remembers
 * what it saw: the next sync finds nothing new.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ImapFlow } from 'imapflow'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../electron/cli'
import type { Result } from '../../electron/core/shared/result'
import { inboxFlags, startDovecot, type TestDovecot } from '../helpers/dovecot'
import { expectOk, repoRoot, startCore, testClock, type TestHost } from '../helpers/ports'
import { fixture, markedSent, sentBySmtp, simpleEml } from '../helpers/replies'
import { closedPort, startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server'

const user = 'alice@example.test'
const pass = 'secret'
const other = 'bob@example.test'
const spoofed = 'dave@example.test'
let imap: TestDovecot | null = null
let smtp: TestSmtpServer

beforeAll(async () => {
  imap = await startDovecot({ [user]: pass, [other]: 'hunter2', 'carol@example.test': 'pw', [spoofed]: 'pw' })
  smtp = await startSmtpServer()
})
afterAll(async () => {
  await smtp?.close()
  await imap?.stop()
})

function errorOf<T>(result: Result<T>) {
  if (result.ok) throw new Error('expected a failure, got ok')
  return result.error
}

/** Puts messages into a user's INBOX over IMAP, with the arrival date given. */
async function append(login: string, password: string, messages: ReadonlyArray<{ bytes: Buffer; arrived: string }>) {
  const client = new ImapFlow({ host: '127.0.0.1', port: imap!.port, secure: false, doSTARTTLS: false, auth: { user: login, pass: password }, logger: false })
  client.on('error', () => undefined)
  await client.connect()
  try {
    for (const message of messages) expect(await client.append('INBOX', message.bytes, [], new Date(message.arrived))).toBeTruthy()
  } finally {
    await client.logout()
  }
}

const settingsFor = (login: string) => ({ host: '127.0.0.1', port: imap!.port, security: 'none' as const, user: login, useSmtpLogin: false, mailbox: 'INBOX', trustedCertificate: null })

describe('syncing replies from IMAP', () => {
  it('imports only new messages that match a request, downloading only candidates, and remembers what it saw', async (context) => {
    if (!imap) return context.skip()
    const host = startCore({ clock: testClock('2026-01-31T10:00:00Z') })
    const a = await sentBySmtp(host, smtp) // RF-2026-0001 to fs.com, with a Message-ID
    const b = await markedSent(host, 'b2s') // RF-2026-0002 to b2s.com
    host.clock.set('2026-02-10T09:00:00Z')

    await append(user, pass, [
      // Arrived before the oldest open request went out: not looked at.
      { bytes: simpleEml({ from: 'webmaster@b2s.com', subject: `Re: ${b}`, body: 'Old.', messageId: '<old@b2s.com>' }), arrived: '2026-01-10T08:00:00Z' },
      // Matches nothing: its headers are read, it is never downloaded.
      { bytes: simpleEml({ from: 'news@shop.example', subject: 'Winter sale', body: 'Not about any request (RF-2025-0002 is not ours).', messageId: '<news@shop.example>' }), arrived: '2026-02-02T08:00:00Z' },
      // A ticket system's answer: unknown sender, new subject, the reference only in the quoted
      // text. The server finds it (SEARCH BODY); then it is downloaded and matched.
      {
        bytes: simpleEml({ from: 'no-reply@helpdesk.example', subject: '[Ticket #48213] Your enquiry', body: `We are looking into it.\n\n> Subject: Data protection query ${b}`, messageId: '<ticket-48213@helpdesk.example>' }),
        arrived: '2026-02-05T11:00:00Z',
      },
      { bytes: fixture('alternative-identity-en.eml', { MESSAGE_ID: a.messageId }), arrived: '2026-02-03T08:35:00Z' },
      { bytes: simpleEml({ from: 'webmaster@b2s.com', subject: `Re: ${b}`, body: 'We have received your request.', messageId: '<ack@b2s.com>' }), arrived: '2026-02-04T09:00:00Z' },
      // Only the sender's domain fits: imported, waiting for the user's word.
      { bytes: fixture('sender-domain-es.eml'), arrived: '2026-02-07T10:21:00Z' },
      { bytes: fixture('dsn-bounce.eml', { MESSAGE_ID: a.messageId }), arrived: '2026-02-02T08:14:05Z' },
    ])

    expectOk(await host.api.call('replies:saveImap', { settings: settingsFor(user), password: pass }))
    // The password went to the secrets port, not into the settings file.
    expect(fs.readFileSync(path.join(host.dataDir, 'replies', 'imap.json'), 'utf8')).not.toContain(pass)
    expect(expectOk(await host.api.call('replies:imapSettings', {}))).toMatchObject({ hasPassword: true, settings: { host: '127.0.0.1', user } })

    const first = expectOk(await host.api.call('replies:sync', {}))
    expect(first).toMatchObject({ account: `${user}@127.0.0.1:${imap.port}`, mailbox: 'INBOX', since: '2026-01-31', checked: 6, downloaded: 5, failed: [] })
    const byFrom = Object.fromEntries(first.imported.map((o) => [o.reply.from.address, o]))
    expect(Object.keys(byFrom).sort()).toEqual(['MAILER-DAEMON@mx.example.org', 'dpo@fs.com', 'no-reply@helpdesk.example', 'privacidad@mail.fs.com', 'webmaster@b2s.com'])
    expect(byFrom['no-reply@helpdesk.example']).toMatchObject({ matched: b, matchedBy: 'reference', classification: { kind: 'acknowledged' } })
    expect(byFrom['dpo@fs.com']).toMatchObject({ matched: a.reference, matchedBy: 'in-reply-to', classification: { kind: 'identity-requested' } })
    expect(byFrom['webmaster@b2s.com']).toMatchObject({ matched: b, matchedBy: 'reference', classification: { kind: 'acknowledged' } })
    expect(byFrom['privacidad@mail.fs.com']).toMatchObject({ matched: a.reference, matchedBy: 'sender-domain', needsConfirmation: true, eventId: null })
    expect(byFrom['MAILER-DAEMON@mx.example.org']).toMatchObject({ matched: a.reference, matchedBy: 'references', classification: { kind: 'bounce' } })
    expect(first.imported.every((o) => o.reply.source === 'imap')).toBe(true)
    const timeline = expectOk(await host.api.call('requests:get', { reference: a.reference })).record.events
    expect(timeline.filter((e) => e.kind === 'reply-received')).toHaveLength(2)

    // Read-only: the user's mail program still shows every message as unread.
    expect((await inboxFlags(imap!.port, user, pass)).every((flags) => !flags.includes('\\Seen'))).toBe(true)

    // Incremental: nothing new, nothing looked at, nothing downloaded.
    const second = expectOk(await host.api.call('replies:sync', {}))
    expect(second).toMatchObject({ checked: 0, downloaded: 0, imported: [] })

    // A new reply arrives: only it is looked at.
    await append(user, pass, [{ bytes: fixture('plain-reference-en.eml'), arrived: '2026-02-09T12:00:00Z' }])
    const third = expectOk(await host.api.call('replies:sync', {}))
    expect(third).toMatchObject({ checked: 1, downloaded: 1 })
    expect(third.imported.map((o) => [o.matched, o.classification.kind])).toEqual([[a.reference, 'acknowledged']])

    // A new UIDVALIDITY (the server renumbered its messages): all is looked at again, but what
    // was imported is recognised by its Message-ID before anything is downloaded.
    const stateFile = path.join(host.dataDir, 'replies', 'imap.json')
    const state = JSON.parse(fs.readFileSync(stateFile, 'utf8'))
    const seen = state.seen[`${user}@127.0.0.1:${imap.port}`].INBOX
    expect(seen.lastUid).toBe(8)
    seen.uidValidity = '1'
    fs.writeFileSync(stateFile, JSON.stringify(state))
    const fourth = expectOk(await host.api.call('replies:sync', {}))
    expect(fourth).toMatchObject({ checked: 7, downloaded: 0, imported: [] })
    expect(expectOk(await host.api.call('replies:list', {}))).toHaveLength(6)
    expect(expectOk(await host.api.call('replies:imapSettings', {})).lastSync).toMatchObject({ checked: 7, imported: 0, error: null })
  })

  it('does nothing while no request waits for an answer', async (context) => {
    if (!imap) return context.skip()
    const host = startCore()
    expectOk(await host.api.call('replies:saveImap', { settings: settingsFor(user), password: pass }))
    expect(expectOk(await host.api.call('replies:sync', {}))).toMatchObject({ since: null, checked: 0, imported: [] })
  })

  it('never puts a spoofed sender of a known company on the timeline: only the domain fits, so the user must confirm', async (context) => {
    if (!imap) return context.skip()
    const host = startCore({ clock: testClock('2026-01-31T10:00:00Z') })
    const reference = await markedSent(host)
    host.clock.set('2026-02-10T09:00:00Z')
    const before = expectOk(await host.api.call('requests:get', { reference })).status
    await append(spoofed, 'pw', [
      // The company's own privacy address as sender (anyone can write that in From:), a claim that all is done.
      { bytes: simpleEml({ from: '"FS.COM Legal" <legal@fs.com>', subject: 'Your data has been deleted', body: 'We have completed your request and deleted all your data.', messageId: '<spoof-1@evil.example>' }), arrived: '2026-02-05T10:00:00Z' },
      // A subdomain, with the answers going elsewhere: asks for a passport.
      {
        bytes: Buffer.from(
          simpleEml({ from: 'privacy@mail.fs.com', subject: 'Identity check', body: 'Please send a copy of your passport to verify your identity.', messageId: '<spoof-2@evil.example>' })
            .toString('utf8')
            .replace('MIME-Version', 'Reply-To: collector@evil.example\r\nSender: bulk@evil.example\r\nMIME-Version'),
          'utf8',
        ),
        arrived: '2026-02-06T10:00:00Z',
      },
    ])
    expectOk(await host.api.call('replies:saveImap', { settings: settingsFor(spoofed), password: 'pw' }))
    const result = expectOk(await host.api.call('replies:sync', {}))
    expect(result.imported).toHaveLength(2)
    for (const outcome of result.imported) {
      expect(outcome).toMatchObject({ matched: reference, matchedBy: 'sender-domain', needsConfirmation: true, eventId: null, confirmedEventId: null })
      expect(outcome.reply.state).toBe('needs-confirmation')
    }
    const after = expectOk(await host.api.call('requests:get', { reference }))
    expect(after.record.events.map((e) => e.kind)).toEqual(['created', 'sent'])
    expect(after.status).toEqual(before)
    expect(expectOk(await host.api.call('replies:list', { pending: true })).map((r) => r.state)).toEqual(['needs-confirmation', 'needs-confirmation'])
  })

  it('reuses the SMTP login when told to', async (context) => {
    if (!imap) return context.skip()
    const host = startCore({ clock: testClock('2026-01-31T10:00:00Z') })
    const reference = await markedSent(host)
    host.clock.set('2026-02-10T09:00:00Z')
    await append(other, 'hunter2', [{ bytes: simpleEml({ from: 'privacy@fs.com', subject: `Re: ${reference}`, body: 'Your account has been deleted.' }), arrived: '2026-02-05T10:00:00Z' }])
    expectOk(await host.api.call('mail:saveSmtp', { smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', user: other }, password: 'hunter2' }))
    const view = expectOk(await host.api.call('replies:saveImap', { settings: { ...settingsFor(user), user: null, useSmtpLogin: true } }))
    expect(view).toMatchObject({ hasPassword: true, smtpLogin: { user: other, hasPassword: true } })
    const result = expectOk(await host.api.call('replies:sync', {}))
    expect(result.account).toBe(`${other}@127.0.0.1:${imap.port}`)
    expect(result.imported.map((o) => [o.matched, o.classification.kind])).toEqual([[reference, 'completed']])
  })

  it('fails with a clear code: no server, no password, wrong password, nothing listening', async (context) => {
    if (!imap) return context.skip()
    const host: TestHost = startCore({ clock: testClock('2026-01-31T10:00:00Z') })
    await markedSent(host)
    expect(errorOf(await host.api.call('replies:sync', {})).code).toBe('IMAP_NOT_CONFIGURED')
    expectOk(await host.api.call('replies:saveImap', { settings: settingsFor(user) }))
    expect(errorOf(await host.api.call('replies:sync', {})).code).toBe('IMAP_PASSWORD_MISSING')
    expectOk(await host.api.call('replies:saveImap', { settings: settingsFor(user), password: 'wrong' }))
    expect(errorOf(await host.api.call('replies:sync', {})).code).toBe('IMAP_AUTH_FAILED')
    expect(expectOk(await host.api.call('replies:imapSettings', {})).lastSync?.error).toMatch(/did not accept/)
    expectOk(await host.api.call('replies:saveImap', { settings: { ...settingsFor(user), port: await closedPort() }, password: pass }))
    expect(errorOf(await host.api.call('replies:sync', {})).code).toBe('IMAP_CONNECTION_FAILED')
    // Bad settings are refused field by field.
    const bad = errorOf(await host.api.call('replies:saveImap', { settings: { ...settingsFor(user), host: 'imap://x' } }))
    expect(bad).toMatchObject({ code: 'INVALID_INPUT', issues: [expect.objectContaining({ path: 'settings.host' })] })
    // Turned off: the password is forgotten.
    expect(expectOk(await host.api.call('replies:saveImap', { settings: null }))).toMatchObject({ settings: null, hasPassword: false })
  })

  it('`rightful replies sync --imap` uses RIGHTFUL_IMAP_PASSWORD and prints what it imported', async (context) => {
    if (!imap) return context.skip()
    const login = 'carol@example.test'
    const dataDir = startCore().dataDir
    const host = startCore({ dataDir, clock: testClock(new Date().toISOString()) })
    const reference = await markedSent(host)
    const today = new Date()
    await append(login, 'pw', [
      { bytes: simpleEml({ from: 'privacy@fs.com', subject: `Re: ${reference}`, body: 'We have received your request.' }), arrived: today.toISOString() },
      { bytes: simpleEml({ from: 'friend@example.net', subject: 'Lunch?', body: 'Tomorrow?' }), arrived: today.toISOString() },
    ])
    const run = async (argv: string[], env: Record<string, string>) => {
      let stdout = ''
      let stderr = ''
      const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { RIGHTFUL_DATA_DIR: dataDir, ...env }, cwd: dataDir }, { resourcesRoot: repoRoot })
      return { code, stdout, stderr }
    }
    const url = `imap://${encodeURIComponent(login)}@127.0.0.1:${imap.port}`
    const missing = await run(['replies', 'sync', '--imap', url, '--plain', '--json'], {})
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/RIGHTFUL_IMAP_PASSWORD/)
    const wrong = await run(['replies', 'sync', '--imap', url, '--plain', '--json'], { RIGHTFUL_IMAP_PASSWORD: 'nope' })
    expect(wrong.code).toBe(1)
    expect(JSON.parse(wrong.stdout).error.code).toBe('IMAP_AUTH_FAILED')

    const { code, stdout, stderr } = await run(['replies', 'sync', '--imap', url, '--plain', '--json'], { RIGHTFUL_IMAP_PASSWORD: 'pw' })
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const out = JSON.parse(stdout)
    expect(out).toMatchObject({ checked: 2, downloaded: 1, failed: [] })
    expect(out.imported).toEqual([expect.objectContaining({ matched: reference, matchedBy: 'reference', needsConfirmation: false, classification: expect.objectContaining({ kind: 'acknowledged' }) })])
    const again = JSON.parse((await run(['replies', 'sync', '--imap', url, '--plain', '--json'], { RIGHTFUL_IMAP_PASSWORD: 'pw' })).stdout)
    expect(again).toMatchObject({ checked: 0, downloaded: 0, imported: [] })
    // Nothing about the server was saved.
    expect(expectOk(await host.api.call('replies:imapSettings', {})).settings).toBeNull()
  })
})
