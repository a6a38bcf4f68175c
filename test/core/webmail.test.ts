/**
 * "Write in Gmail / Outlook.com / Yahoo Mail": the compose links, their encoding, the length limit
 * with the text copied instead, and mail:openWebmail handing only such links to the host.
 */
import { describe, expect, it } from 'vitest'
import { webmailCompose, webmailMaxUrlLength, webmailProviders, webmailUrl } from '../../electron/core/settings/webmail'
import { isWebmailComposeUrl, webmailProviderOf } from '../../electron/shell/trusted-url'
import { expectOk, sampleProfile, startCore } from '../helpers/ports'

const message = { to: 'privacy@müller.example', subject: 'Auskunft & Löschung #1 – RF-2026-0001', body: 'Sehr geehrte Damen und Herren,\r\n\r\nbitte löschen Sie: a=b & c#d + e\nDanke' }

/** The query of a link as the service reads it. */
const query = (url: string) => new URL(url).searchParams

describe('webmail compose links', () => {
  it('fills in recipient, subject and text for each service, in its own parameters', () => {
    const gmail = webmailUrl('gmail', message)
    expect(gmail.startsWith('https://mail.google.com/mail/?view=cm&fs=1&to=')).toBe(true)
    expect(Object.fromEntries(query(gmail))).toEqual({ view: 'cm', fs: '1', to: message.to, su: message.subject, body: message.body.replace(/\r\n/g, '\n') })
    const outlook = webmailUrl('outlook', message)
    expect(outlook.startsWith('https://outlook.live.com/mail/0/deeplink/compose?to=')).toBe(true)
    expect(Object.fromEntries(query(outlook))).toEqual({ to: message.to, subject: message.subject, body: message.body.replace(/\r\n/g, '\n') })
    const yahoo = webmailUrl('yahoo', message)
    expect(yahoo.startsWith('https://compose.mail.yahoo.com/?to=')).toBe(true)
    expect(Object.fromEntries(query(yahoo))).toEqual({ to: message.to, subject: message.subject, body: message.body.replace(/\r\n/g, '\n') })
  })

  it('encodes ä, &, #, =, + and line breaks so that nothing of the text is lost or cut', () => {
    const url = webmailUrl('gmail', message)
    expect(url).toContain('su=Auskunft%20%26%20L%C3%B6schung%20%231%20%E2%80%93%20RF-2026-0001')
    expect(url).toContain('body=Sehr%20geehrte%20Damen%20und%20Herren%2C%0A%0Abitte%20l%C3%B6schen%20Sie%3A%20a%3Db%20%26%20c%23d%20%2B%20e%0ADanke')
    // No raw space, "+", "#" or line break: a "+" would read as a space, a "#" would end the link.
    expect(url).not.toMatch(/[ +#\r\n]/)
    expect(url).toContain('to=privacy@m%C3%BCller.example')
    for (const provider of webmailProviders) expect(isWebmailComposeUrl(webmailUrl(provider, message)), provider).toBe(true)
  })

  it('leaves the text out when the link would be too long, and says so', () => {
    const long = { ...message, body: 'Bitte löschen Sie alle Daten. '.repeat(200) }
    const outlook = webmailCompose('outlook', long, 32_000)
    expect(outlook).toMatchObject({ bodyIncluded: false, limit: webmailMaxUrlLength.outlook })
    expect(query(outlook.url).get('body')).toBeNull()
    expect(query(outlook.url).get('subject')).toBe(message.subject)
    const gmail = webmailCompose('gmail', { ...message, body: 'Short text.' }, 32_000)
    expect(gmail).toMatchObject({ bodyIncluded: true, limit: 8_000 })
    // The system's own limit (Windows) is the lower one there.
    expect(webmailCompose('gmail', { ...message, body: 'x'.repeat(3000) }, 2_000)).toMatchObject({ bodyIncluded: false, limit: 2_000 })
    for (const provider of webmailProviders) expect(webmailCompose(provider, long, 32_000).url.length).toBeLessThanOrEqual(webmailMaxUrlLength[provider])
  })
})

describe('mail:openWebmail', () => {
  it('opens the compose page built from the request, with the text; nothing else is opened', async () => {
    const host = startCore()
    expectOk(await host.api.call('profile:save', sampleProfile))
    const { record } = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
    const opened = expectOk(await host.api.call('mail:openWebmail', { reference: record.reference, provider: 'gmail' }))
    expect(opened).toMatchObject({ provider: 'gmail', bodyCopied: false })
    expect(host.opened).toEqual([opened.url])
    expect(webmailProviderOf(opened.url)).toBe('gmail')
    const params = query(opened.url)
    expect(params.get('to')).toBe('legal@fs.com')
    expect(params.get('su')).toBe(record.draft.subject)
    expect(params.get('body')).toBe(record.draft.body)
    expect(host.copied).toEqual([])
  })

  it('copies the text when it is too long for the link, and opens the page with recipient and subject', async () => {
    const host = startCore()
    expectOk(await host.api.call('profile:save', sampleProfile))
    const { record } = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
    expect(record.draft.body.length).toBeGreaterThan(2_000)
    const opened = expectOk(await host.api.call('mail:openWebmail', { reference: record.reference, provider: 'outlook' }))
    expect(opened.bodyCopied).toBe(true)
    expect(host.copied).toEqual([record.draft.body])
    expect(query(opened.url).get('body')).toBeNull()
    expect(query(opened.url).get('subject')).toBe(record.draft.subject)
    expect(host.opened).toEqual([opened.url])
  })

  it('refuses an unknown service and a request without an e-mail address, and opens nothing', async () => {
    const host = startCore()
    expectOk(await host.api.call('profile:save', sampleProfile))
    const { record } = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
    const unknown = await host.api.call('mail:openWebmail', { reference: record.reference, provider: 'evil' as 'gmail' })
    expect(!unknown.ok && unknown.error.code).toBe('INVALID_INPUT')
    expectOk(await host.api.call('catalog:addContact', { companyId: 'faasoft', postal: { recipient: 'Faasoft', lines: ['1 Example Road', 'Example City'], country: 'GB' } }))
    const letterOnly = expectOk(await host.api.call('requests:create', { companyId: 'faasoft', type: 'access', law: 'uk-gdpr', lang: 'en' }))
    const noEmail = await host.api.call('mail:openWebmail', { reference: letterOnly.record.reference, provider: 'yahoo' })
    expect(!noEmail.ok && noEmail.error.code).toBe('NO_EMAIL')
    expect(host.opened).toEqual([])
  })
})
