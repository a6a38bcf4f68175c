/**
 * Replies end to end: importing a company's e-mail on the request page (picker and drop), the
 * suggestion and its confirmation, the dashboard's import across requests with the replies still
 * to sort, and the IMAP settings. Real renderer, real core.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { ImapFlow } from 'imapflow'
import { startDovecot } from '../helpers/dovecot'
import { expect, openRequest, seedSent, snapshot, test } from './fixtures'

const fixtures = path.resolve(__dirname, '..', 'fixtures', 'replies')

function copyFixture(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-replies-'))
  const file = path.join(dir, name)
  fs.copyFileSync(path.join(fixtures, name), file)
  return file
}

/** Drops a file on an element as the user would from the file manager. */
async function dropFile(page: Page, selector: string, name: string, bytes: Buffer, type = 'message/rfc822') {
  await page.locator(selector).first().evaluate(
    (element, { name, base64, type }) => {
      const binary = atob(base64)
      const data = new Uint8Array(binary.length)
      for (let i = 0; i < binary.length; i += 1) data[i] = binary.charCodeAt(i)
      const transfer = new DataTransfer()
      transfer.items.add(new File([data], name, { type }))
      element.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: transfer }))
      element.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }))
    },
    { name, base64: bytes.toString('base64'), type },
  )
}

test('imports a reply on the request page, suggests what it is, and records it once confirmed', async ({ page, harness }) => {
  const reference = await seedSent(harness.current)
  harness.setNow('2026-02-10T10:00:00Z')
  await openRequest(page, harness.current, reference)

  harness.current.pickNext([copyFixture('plain-reference-en.eml')])
  await page.getByRole('button', { name: 'Import reply (.eml)…' }).click()
  const card = page.locator('.reply-card').first()
  await expect(card).toContainText('FS.COM Privacy Team')
  await expect(card).toContainText('We have received your request and will respond within one month.')
  await expect(card).toContainText('Rightful suggests: Receipt acknowledged')
  // The reply is on the timeline, with the whole message kept.
  const timeline = page.getByRole('list', { name: 'Timeline' })
  const received = timeline.locator('[data-event="reply-received"]')
  await expect(received).toContainText('Reply received')
  await expect(received).toContainText('2 February 2026')
  await expect(received.getByRole('button', { name: /\.eml$/ })).toBeVisible()
  // A suggestion changes nothing yet.
  await expect(timeline.locator('[data-event="acknowledged"]')).toHaveCount(0)
  await snapshot(page, 'reply-suggested')

  await card.getByRole('button', { name: 'Confirm as Receipt acknowledged' }).click()
  await expect(timeline.locator('[data-event="acknowledged"]')).toContainText('2 February 2026')
  await expect(card).toContainText('Recorded as Receipt acknowledged')

  // Dropped on the page: a message only the sender's domain ties to this request waits for the user.
  await dropFile(page, '[data-testid="eml-drop"]', 'rechazo.eml', fs.readFileSync(path.join(fixtures, 'sender-domain-es.eml')))
  const waiting = page.locator('.reply-card[data-state="needs-confirmation"]')
  await expect(waiting).toContainText("it comes from the company's domain")
  await expect(timeline.locator('[data-event="reply-received"]')).toHaveCount(1)
  await snapshot(page, 'reply-needs-confirmation')
  await waiting.getByRole('button', { name: `Yes, it answers ${reference}` }).click()
  const placed = page.locator('.reply-card', { hasText: 'Privacidad FS' })
  await expect(placed).toContainText('Rightful suggests: Refusal')
  await expect(timeline.locator('[data-event="reply-received"]')).toHaveCount(2)

  // "Choose another": the user knows better.
  await placed.getByRole('button', { name: 'Choose another' }).click()
  await placed.getByLabel('What the reply is').selectOption('extension-claimed')
  await placed.getByRole('button', { name: 'Confirm', exact: true }).click()
  await expect(timeline.locator('[data-event="extension-claimed"]')).toHaveCount(1)
  await expect(page.locator('.pill').first()).toContainText('Extended')
})

test('refuses a file that is not an e-mail with the reason, and adds nothing', async ({ page, harness }) => {
  const reference = await seedSent(harness.current)
  harness.setNow('2026-02-10T10:00:00Z')
  await openRequest(page, harness.current, reference)
  harness.current.pickNext([copyFixture('malformed.eml')])
  await page.getByRole('button', { name: 'Import reply (.eml)…' }).click()
  await expect(page.locator('.toast').last()).toContainText('not an e-mail')
  await dropFile(page, '[data-testid="eml-drop"]', 'notes.txt', Buffer.from('hello'), 'text/plain')
  await expect(page.locator('.toast').last()).toContainText('only e-mail files (.eml)')
  await expect(page.locator('.reply-card')).toHaveCount(0)
  await expect(page.getByRole('list', { name: 'Timeline' }).locator('[data-event="reply-received"]')).toHaveCount(0)
})

test('the dashboard imports replies across requests and lists the ones to sort', async ({ page, harness }) => {
  const fs1 = await seedSent(harness.current, 'fs-com')
  const b2s = await seedSent(harness.current, 'b2s')
  harness.setNow('2026-02-10T10:00:00Z')
  await page.goto(harness.current.url)

  const newsletter = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-replies-')), 'newsletter.eml')
  fs.writeFileSync(newsletter, 'From: news@shop.example\r\nSubject: Winter sale\r\nDate: Tue, 03 Feb 2026 10:00:00 +0100\r\nMessage-ID: <sale@shop.example>\r\n\r\nEverything must go.\r\n')
  harness.current.pickNext([copyFixture('plain-reference-en.eml'), newsletter])
  const inbox = page.getByRole('region', { name: 'Replies from companies' })
  await inbox.getByRole('button', { name: 'Import replies…' }).click()
  await expect(inbox.getByRole('list').first()).toContainText(fs1)
  const unmatched = inbox.locator('.reply-card[data-state="unmatched"]')
  await expect(unmatched).toContainText('No request matches this message')
  await snapshot(page, 'replies-dashboard')

  // The user says which request it answers: it goes to that request's timeline.
  await unmatched.getByLabel('Request it answers').selectOption(b2s)
  await unmatched.getByRole('button', { name: 'Add to this request' }).click()
  await expect(inbox.locator('.reply-card')).toHaveCount(0)
  const view = await harness.current.api.call('requests:get', { reference: b2s })
  expect(view.ok && view.data.record.events.map((e) => e.kind)).toEqual(['created', 'sent', 'reply-received'])
})

test('keeps the IMAP settings in Settings, the password only with the secrets port', async ({ page, harness }) => {
  await page.goto(harness.current.url)
  await page.getByRole('link', { name: 'Settings' }).or(page.getByRole('button', { name: 'Settings' })).first().click()
  const card = page.getByRole('region', { name: 'Replies by IMAP' })
  await card.getByLabel('Fetch replies by IMAP').check()
  await card.getByLabel('IMAP server').fill('imap.example.org')
  await card.getByLabel('User name').fill('alex@example.org')
  await card.getByLabel('Password').fill('correct horse')
  await card.getByRole('button', { name: 'Save' }).click()
  await expect(card.getByLabel('Password')).toHaveAttribute('placeholder', 'saved')
  await expect(card.getByRole('button', { name: 'Sync now' })).toBeVisible()
  await snapshot(page, 'replies-imap-settings')
  const saved = await harness.current.api.call('replies:imapSettings', {})
  expect(saved.ok && saved.data).toMatchObject({ hasPassword: true, settings: { host: 'imap.example.org', port: 993, security: 'tls', user: 'alex@example.org' } })
  expect(fs.readFileSync(path.join(harness.current.dataDir, 'replies', 'imap.json'), 'utf8')).not.toContain('correct horse')
})

test('"Sync now" fetches a reply from the IMAP inbox onto the request', async ({ page, harness }) => {
  const imap = await startDovecot({ 'alex@example.test': 'secret' })
  test.skip(!imap, 'dovecot is not available here (apt-get install dovecot-imapd; needs root)')
  try {
    const reference = await seedSent(harness.current)
    harness.setNow('2026-02-10T10:00:00Z')
    const client = new ImapFlow({ host: '127.0.0.1', port: imap!.port, secure: false, doSTARTTLS: false, auth: { user: 'alex@example.test', pass: 'secret' }, logger: false })
    client.on('error', () => undefined)
    await client.connect()
    await client.append('INBOX', fs.readFileSync(path.join(fixtures, 'plain-reference-en.eml')), [], new Date('2026-02-02T13:06:00Z'))
    await client.logout()

    await page.goto(harness.current.url)
    await page.getByRole('link', { name: 'Settings' }).or(page.getByRole('button', { name: 'Settings' })).first().click()
    const card = page.getByRole('region', { name: 'Replies by IMAP' })
    await card.getByLabel('Fetch replies by IMAP').check()
    await card.getByLabel('IMAP server').fill('127.0.0.1')
    await card.getByLabel('Security').selectOption('none')
    await card.getByRole('spinbutton', { name: 'Port' }).fill(String(imap!.port))
    await card.getByLabel('User name').fill('alex@example.test')
    await card.getByLabel('Password').fill('secret')
    await card.getByRole('button', { name: 'Save' }).click()
    await card.getByRole('button', { name: 'Sync now' }).click()
    await expect(card.getByTestId('imap-status')).toContainText('1 new message looked at, 1 imported')

    await page.getByRole('link', { name: 'Requests' }).or(page.getByRole('button', { name: 'Requests' })).first().click()
    await openRequest(page, harness.current, reference)
    await expect(page.getByRole('list', { name: 'Timeline' }).locator('[data-event="reply-received"]')).toContainText('FS.COM Privacy Team')
    await expect(page.locator('.reply-card').first()).toContainText('Rightful suggests: Receipt acknowledged')
  } finally {
    await imap?.stop()
  }
})
