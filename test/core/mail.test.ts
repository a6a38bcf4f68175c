import { describe, expect, it } from 'vitest'
import { buildEml } from '../../electron/core/mail/eml'
import { buildMailtoUrl } from '../../electron/core/mail/mailto'
import { expectOk, sampleProfile, startCore } from '../helpers/ports'
import fs from 'node:fs'

describe('mailto: hand-off', () => {
  it('encodes subject and body per RFC 6068, with CRLF line breaks', () => {
    const url = buildMailtoUrl({ to: 'legal@fs.com', subject: 'Data protection query – RF-2026-0001', body: 'Line 1\nLine 2 & more' }, 2000)
    expect(url).toBe('mailto:legal@fs.com?subject=Data%20protection%20query%20%E2%80%93%20RF-2026-0001&body=Line%201%0D%0ALine%202%20%26%20more')
    const parsed = new URL(url)
    expect(parsed.searchParams.get('body')).toBe('Line 1\r\nLine 2 & more')
  })

  it('refuses a URL longer than the system accepts', () => {
    expect(() => buildMailtoUrl({ to: 'a@b.example', subject: 's', body: 'x'.repeat(3000) }, 2000)).toThrow(/too long/)
  })

  it('opens the request in the mail program through the host', async () => {
    const host = startCore()
    expectOk(await host.api.call('profile:save', sampleProfile))
    const { record } = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
    const handed = expectOk(await host.api.call('mail:openInMailProgram', { reference: record.reference }))
    expect(handed.handoff).toBe('mailto')
    const url = handed.url!
    expect(host.opened).toEqual([url])
    const parsed = new URL(url)
    expect(parsed.pathname).toBe('legal@fs.com')
    expect(parsed.searchParams.get('subject')).toBe(record.draft.subject)

    // Too long for a mailto: link here: handed over as an .eml draft, saved and shown.
    const short = startCore({ dataDir: host.dataDir, clock: host.clock, maxUrlLength: 2000 })
    const fallback = expectOk(await short.api.call('mail:openInMailProgram', { reference: record.reference }))
    expect(fallback).toMatchObject({ handoff: 'eml', url: null })
    expect(short.opened).toEqual([])
    expect(short.revealed).toEqual([fallback.path])
    const eml = fs.readFileSync(fallback.path!, 'utf8')
    expect(eml).toMatch(/^X-Unsent: 1$/m)
    expect(eml).toMatch(/^To: legal@fs\.com$/m)
    expect(eml).toContain(record.reference)
  })
})

describe('.eml file', () => {
  it('is a UTF-8 draft with the reference in its Message-ID', async () => {
    const bytes = await buildEml({
      from: { name: 'Zoë Müller', address: 'zoe@example.de' },
      to: 'legal@fs.com',
      subject: 'Data protection query: access request, Art. 15 GDPR – RF-2026-0001',
      body: 'Dear Sir or Madam,\n\nStraße 1\n\nYours faithfully,\n\nZoë',
      date: new Date('2026-01-31T10:00:00Z'),
      reference: 'RF-2026-0001',
    })
    const text = Buffer.from(bytes).toString('utf8')
    const [head, ...rest] = text.split('\r\n\r\n')
    expect(head).toMatch(/^X-Unsent: 1$/m)
    expect(head).toMatch(/^To: legal@fs\.com$/m)
    expect(head).toMatch(/^From: =\?UTF-8\?Q\?Zo=C3=AB_M=C3=BCller\?= <zoe@example\.de>$/m)
    expect(head).toMatch(/^Subject: =\?UTF-8\?Q\?/m)
    expect(head).toMatch(/^Message-ID: <RF-2026-0001\.[0-9a-f]{12}@example\.de>$/m)
    expect(head).toMatch(/^Date: Sat, 31 Jan 2026 10:00:00 \+0000$/m)
    expect(head).toMatch(/^Content-Type: text\/plain; charset=utf-8$/m)
    expect(rest.join('\r\n\r\n')).toContain('Stra=C3=9Fe 1')
  })

  it('refuses a subject that would break the header', async () => {
    await expect(
      buildEml({ from: { name: 'A', address: 'a@b.example' }, to: 'x@y.example', subject: 'x\r\nBcc: z@z.example', body: 'b', date: new Date(), reference: 'RF-2026-0001' }),
    ).rejects.toThrow(/single line/)
  })

  it('is saved through the host, named after the request', async () => {
    const host = startCore()
    expectOk(await host.api.call('profile:save', sampleProfile))
    const { record } = expectOk(await host.api.call('requests:create', { companyId: 'foscam', type: 'erasure', law: 'gdpr', lang: 'en' }))
    const { path } = expectOk(await host.api.call('mail:saveEml', { reference: record.reference }))
    expect(path).toMatch(/RF-2026-0001 Foscam erasure\.eml$/)
    const text = fs.readFileSync(path!, 'utf8')
    expect(text).toMatch(/^To: aftersales@foscam\.com$/m)
  })
})
