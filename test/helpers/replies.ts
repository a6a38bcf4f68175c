/** Replies in tests: the .eml fixtures, and requests that were sent (by hand, or through a real SMTP server). */
import fs from 'node:fs'
import path from 'node:path'
import { expectOk, repoRoot, sampleProfile, type TestHost } from './ports'
import type { TestSmtpServer } from './smtp-server'

export const fixtureDir = path.join(repoRoot, 'test', 'fixtures', 'replies')

/** A fixture's bytes, with {{PLACEHOLDERS}} filled in. */
export function fixture(name: string, values: Record<string, string> = {}): Buffer {
  let text = fs.readFileSync(path.join(fixtureDir, name)).toString('latin1')
  for (const [key, value] of Object.entries(values)) text = text.split(`{{${key}}}`).join(value)
  return Buffer.from(text, 'latin1')
}

/** Writes bytes to a file in the test's temp folder and returns its path. */
export function writeTemp(host: TestHost, name: string, bytes: Uint8Array | string): string {
  const dir = path.join(host.outDir, 'in')
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, name)
  fs.writeFileSync(file, bytes)
  return file
}

/** A request written for a company and marked as sent by e-mail today, without a Message-ID. */
export async function markedSent(host: TestHost, companyId = 'fs-com', lang: 'en' | 'de' | 'fr' | 'es' | 'zh' = 'en', type: 'access' | 'erasure' = 'access') {
  expectOk(await host.api.call('profile:save', sampleProfile))
  const { record } = expectOk(await host.api.call('requests:create', { companyId, type, law: 'gdpr', lang }))
  const today = host.clock.now().toISOString().slice(0, 10)
  expectOk(await host.api.call('requests:markSent', { reference: record.reference, on: today, channel: 'email' }))
  return record.reference
}

/** A request sent through a real SMTP server on loopback: it has the Message-ID replies refer to. */
export async function sentBySmtp(host: TestHost, smtp: TestSmtpServer, companyId = 'fs-com') {
  expectOk(await host.api.call('profile:save', sampleProfile))
  const { record } = expectOk(await host.api.call('requests:create', { companyId, type: 'access', law: 'gdpr', lang: 'en' }))
  expectOk(await host.api.call('mail:saveSmtp', { smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', user: null } }))
  const { item } = expectOk(await host.api.call('mail:send', { reference: record.reference }))
  return { reference: record.reference, messageId: item.messageId }
}

/** A minimal reply, for tests that need many slightly different ones. */
export function simpleEml(fields: { from: string; subject: string; body: string; messageId?: string; inReplyTo?: string; references?: string; date?: string }): Buffer {
  const lines = [
    `Message-ID: ${fields.messageId ?? `<${Math.random().toString(16).slice(2)}@test.example>`}`,
    `Date: ${fields.date ?? 'Tue, 03 Feb 2026 10:00:00 +0100'}`,
    `From: ${fields.from}`,
    'To: alex@example.org',
    `Subject: ${fields.subject}`,
    ...(fields.inReplyTo ? [`In-Reply-To: ${fields.inReplyTo}`] : []),
    ...(fields.references ? [`References: ${fields.references}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    fields.body,
    '',
  ]
  return Buffer.from(lines.join('\r\n'), 'utf8')
}
