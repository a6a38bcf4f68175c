/**
 * The bulk journey in the window: find your companies in a mailbox (an mbox of known, unknown and
 * freemail senders), pick 20 of them, write one request each, review, send them through a real
 * SMTP server on loopback with progress, then see them on the dashboard; and picking several
 * companies in the search.
 */
import fs from 'node:fs'
import path from 'node:path'
import { expect, snapshot, test } from './fixtures'
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server'

const login = { user: 'alex@example.org', pass: 'correct horse' }
const profile = { name: 'Alex Example', email: 'alex@example.org', address: 'Musterstraße 12\n10115 Berlin', country: 'DE' }

let smtp: TestSmtpServer
test.beforeEach(async () => {
  smtp = await startSmtpServer({ auth: login })
})
test.afterEach(async () => {
  await smtp.close()
})

test('discover → pick 20 → review → send with progress → dashboard', async ({ page, harness, dataDir }) => {
  const h = harness.current
  expect((await h.api.call('profile:save', profile)).ok).toBe(true)
  expect((await h.api.call('mail:saveSmtp', { smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', user: login.user }, password: login.pass })).ok).toBe(true)

  // 24 companies of the catalog with an e-mail address and a domain no other company lists.
  const all = await h.api.call('catalog:list', {})
  if (!all.ok) throw new Error(all.error.message)
  const holders = new Map<string, number>()
  for (const c of all.data) for (const d of c.domains) holders.set(d, (holders.get(d) ?? 0) + 1)
  const known = all.data.filter((c) => c.privacyEmail && c.domains.length > 0 && holders.get(c.domains[0]!) === 1 && !c.sources.some((s) => s.id === 'brokers')).slice(0, 24)
  expect(known).toHaveLength(24)
  const lines: string[] = []
  const add = (from: string, day: number) => lines.push(`From MAILER-DAEMON Thu Jan  1 12:00:00 2026`, `From: ${from}`, `Date: ${day} Jan 2026 10:00:00 +0000`, 'Subject: Hello', '', 'Body text.', '')
  known.forEach((c, i) => {
    add(`${c.name} <news@mail.${c.domains[0]}>`, 1 + (i % 28))
    if (i % 3 === 0) add(`${c.name} <billing@${c.domains[0]}>`, 20)
  })
  add('Friend <friend@gmail.com>', 5)
  add('Shop <orders@unknown-shop.example>', 6)
  const mbox = path.join(dataDir, 'inbox.mbox')
  fs.writeFileSync(mbox, lines.join('\n'))

  await page.goto(h.url)
  await page.getByRole('button', { name: 'Who has my data' }).click()
  await expect(page.getByRole('heading', { name: 'Who has your data?' })).toBeVisible()
  await snapshot(page, 'bulk-discover-empty')
  h.pickNext([mbox])
  await page.getByRole('button', { name: 'Choose a mailbox file…' }).click()
  const table = page.getByRole('table', { name: 'Companies that wrote to you' })
  await expect(table.locator('tbody tr')).toHaveCount(24)
  await expect(page.getByTestId('discover-summary')).toContainText('34 messages read')
  await expect(page.getByTestId('discover-summary')).toContainText('1 from senders Rightful does not know')
  await expect(table).not.toContainText('unknown-shop')
  await expect(table).not.toContainText('gmail.com')
  await expect(table).not.toContainText('Friend')
  // Leave four out: 20 picked.
  for (const c of known.slice(20)) await table.locator(`tr[data-company="${c.id}"] input[type="checkbox"]`).uncheck()
  await snapshot(page, 'bulk-discover-result')
  await page.getByRole('button', { name: 'Ask 20 companies…' }).click()

  await expect(page.getByRole('heading', { name: 'Ask 20 companies at once' })).toBeVisible()
  await page.getByLabel('E-mails per minute at most').fill('60')
  await page.getByRole('button', { name: 'Write 20 requests' }).click()

  const batch = page.getByTestId('batch')
  await expect(batch).toHaveAttribute('data-state', 'review')
  await expect(page.getByRole('heading', { name: 'Review the requests' })).toBeVisible()
  const rows = page.getByRole('table', { name: 'Requests of this batch' }).locator('tbody tr')
  await expect(rows).toHaveCount(20)
  await expect(rows.filter({ has: page.locator('[data-status="queued"]') })).toHaveCount(0)
  await expect(page.locator('tr[data-status="queued"]')).toHaveCount(20)
  await expect(rows.first()).toContainText('GDPR')
  await snapshot(page, 'bulk-review')
  expect(smtp.received).toHaveLength(0)

  await page.getByRole('button', { name: 'Send 20 e-mails' }).click()
  await expect(page.getByTestId('operation')).toBeVisible()
  await expect.poll(() => smtp.received.length, { timeout: 120_000 }).toBeGreaterThanOrEqual(3)
  await snapshot(page, 'bulk-sending')
  await expect(batch).toHaveAttribute('data-state', 'finished', { timeout: 170_000 })
  await expect(page.locator('tr[data-status="sent"]')).toHaveCount(20)
  expect(smtp.received).toHaveLength(20)
  const recipients = new Set(smtp.received.map((m) => m.to[0]))
  expect(recipients.size).toBe(20)
  await snapshot(page, 'bulk-sent')

  await page.getByRole('button', { name: 'Go to your requests' }).click()
  await expect(page.locator('[role="row"][data-reference]')).toHaveCount(20)
  await expect(page.locator('[data-status="awaiting-reply"]').first()).toBeVisible()
  await snapshot(page, 'bulk-dashboard')
})

test('several companies picked in the search go into one batch; letters and web forms are told apart', async ({ page, harness }) => {
  const h = harness.current
  expect((await h.api.call('profile:save', profile)).ok).toBe(true)
  await page.goto(h.url)
  await page.getByRole('button', { name: 'Companies', exact: true }).click()
  await page.getByRole('button', { name: 'Pick several…' }).click()
  for (const [query, id] of [['spotify', 'spotify'], ['4w marketplace', '4wmarketplace'], ['adept', 'adept-id']] as const) {
    await page.getByLabel('Search companies').fill(query)
    await page.locator(`[data-company="${id}"]`).first().waitFor()
    await page.locator('.company-row-pick').filter({ has: page.locator(`[data-company="${id}"]`) }).locator('input[type="checkbox"]').check()
  }
  await expect(page.getByText('3 companies picked')).toBeVisible()
  await snapshot(page, 'bulk-pick-in-search')
  await page.getByRole('button', { name: 'Ask them at once…' }).click()
  await page.getByRole('button', { name: 'Write 3 requests' }).click()
  await expect(page.getByTestId('batch')).toHaveAttribute('data-state', 'review')
  await expect(page.locator('tr[data-company="spotify"]')).toHaveAttribute('data-status', 'queued')
  await expect(page.locator('tr[data-company="4wmarketplace"]')).toHaveAttribute('data-status', 'letter')
  await expect(page.locator('tr[data-company="adept-id"]')).toHaveAttribute('data-status', 'webform')
  await expect(page.getByText('Save the letters as one PDF…')).toBeVisible()
  await page.locator('tr[data-company="adept-id"]').getByRole('button', { name: 'Done today' }).click()
  await expect(page.locator('tr[data-company="adept-id"]')).toHaveAttribute('data-status', 'done')
  await snapshot(page, 'bulk-letters-and-forms')
})
