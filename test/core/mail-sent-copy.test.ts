// @module-tag server
/**
 * The optional copy to the IMAP Sent folder, against Debian's dovecot on loopback: the exact
 * message lands in the folder marked \Sent; a failing copy has its own status and never makes the
 * send itself fail. Skips with a printed reason where dovecot is not installed.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closedPort, startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server'
import { startDovecot, type TestDovecot } from '../helpers/dovecot'
import { expectOk, sampleProfile, startCore } from '../helpers/ports'
import { renderMessage } from '../../electron/core/messages/render'

const user = 'alice@example.test'
const pass = 'secret'
let imap: TestDovecot | null = null
let smtp: TestSmtpServer

beforeAll(async () => {
  imap = await startDovecot({ [user]: pass })
  smtp = await startSmtpServer({ auth: { user, pass } })
})

afterAll(async () => {
  await smtp?.close()
  await imap?.stop()
})

async function sentRequest(sentCopy: Record<string, unknown>) {
  const host = startCore()
  expectOk(await host.api.call('profile:save', { ...sampleProfile, email: user }))
  const { record } = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'erasure', law: 'gdpr', lang: 'en' }))
  expectOk(
    await host.api.call('mail:saveSmtp', {
      smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', user },
      password: pass,
      sentCopy: { enabled: true, security: 'none', ...sentCopy },
    }),
  )
  return { host, reference: record.reference }
}

describe('the copy in the IMAP Sent folder', () => {
  it('puts the exact message into the folder marked \\Sent', async (context) => {
    if (!imap) return context.skip()
    const { host, reference } = await sentRequest({ host: '127.0.0.1', port: imap.port })
    const before = imap.messages(user, 'Sent').length
    const { item, request } = expectOk(await host.api.call('mail:send', { reference }))
    expect(item.sentCopy).toMatchObject({ state: 'copied', mailbox: 'Sent', error: null, detail: null })
    const copies = imap.messages(user, 'Sent')
    expect(copies).toHaveLength(before + 1)
    const archived = fs.readFileSync(path.join(host.dataDir, request.record.sent!.email!.archive.file))
    // Maildir keeps lines with LF only; over IMAP dovecot gives them back with CRLF.
    const lf = (bytes: Buffer) => bytes.toString('utf8').replace(/\r\n/g, '\n')
    expect(lf(copies.at(-1)!)).toBe(lf(archived))
    expect(lf(archived)).toContain(`Message-ID: ${item.messageId}`)
    // The copy is marked as read (the Maildir name carries the S flag).
    const files = fs.readdirSync(path.join(imap.maildir(user, 'Sent'), 'cur'))
    expect(files.some((name) => /:2,[A-Z]*S/.test(name))).toBe(true)
  })

  it('fails on its own, without touching the send', async (context) => {
    if (!imap) return context.skip()
    const { host, reference } = await sentRequest({ host: '127.0.0.1', port: await closedPort() })
    const { item, request } = expectOk(await host.api.call('mail:send', { reference }))
    expect(item.state).toBe('sent')
    expect(item.sentCopy.state).toBe('failed')
    expect(item.sentCopy.error).toMatch(/ECONNREFUSED|refused|connect/i)
    // Its words in the user's language, with the system's own reason quoted.
    expect(renderMessage(item.sentCopy.detail!, 'de')).toBe(`Antwort des Servers: ${item.sentCopy.error}`)
    expect(request.record.sent?.email?.messageId).toBe(item.messageId)

    // Fixed settings (a new IMAP server needs the password typed again): the copy can be tried again on its own.
    expectOk(
      await host.api.call('mail:saveSmtp', {
        smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', user },
        password: pass,
        sentCopy: { enabled: true, host: '127.0.0.1', port: imap.port, security: 'none', mailbox: 'Sent' },
      }),
    )
    const again = expectOk(await host.api.call('mail:copyToSent', { reference }))
    expect(again.sentCopy).toMatchObject({ state: 'copied', mailbox: 'Sent' })
  })

  it('says in the user\'s language when the IMAP server refuses the login', async (context) => {
    if (!imap) return context.skip()
    const { host, reference } = await sentRequest({ host: '127.0.0.1', port: imap.port })
    // The SMTP server takes the message; the IMAP server does not know this password.
    await smtp.close()
    smtp = await startSmtpServer({ auth: { user, pass: 'other' } })
    expectOk(
      await host.api.call('mail:saveSmtp', {
        smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', user },
        password: 'other',
        sentCopy: { enabled: true, host: '127.0.0.1', port: imap.port, security: 'none', mailbox: 'Sent' },
      }),
    )
    const { item } = expectOk(await host.api.call('mail:send', { reference }))
    expect(item.state).toBe('sent')
    expect(item.sentCopy).toMatchObject({ state: 'failed', error: 'the IMAP server did not accept the user name and password' })
    expect(renderMessage(item.sentCopy.detail!, 'en')).toBe(item.sentCopy.error)
    expect(renderMessage(item.sentCopy.detail!, 'fr')).toBe('le serveur IMAP a refusé le nom d’utilisateur et le mot de passe')
    expect(renderMessage(item.sentCopy.detail!, 'zh-Hans')).toBe('IMAP 服务器不接受该用户名和密码')
    await smtp.close()
    smtp = await startSmtpServer({ auth: { user, pass } })
  })

  it('is not made when it is off (the default)', async () => {
    const host = startCore()
    expect(expectOk(await host.api.call('mail:getSmtp', {})).sentCopy).toEqual({ enabled: false, host: null, port: 993, security: 'tls', mailbox: null })
  })
})
