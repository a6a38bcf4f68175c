/**
 * Sending through the user's own SMTP server, end to end: Settings → Mail with "Test connection",
 * then Send on the request page against a real SMTP server on loopback, the server's reason when it
 * refuses, Retry, and the question before sending again after an uncertain attempt.
 */
import type { Page } from '@playwright/test'
import type { Harness } from '../harness/server'
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server'
import { expect, snapshot, test } from './fixtures'

const profile = { name: 'Alex Example', email: 'alex@example.org', address: 'Musterstraße 12\n10115 Berlin', country: 'DE' }
const login = { user: 'alex@example.org', pass: 'correct horse' }

let smtp: TestSmtpServer
test.beforeEach(async () => {
  smtp = await startSmtpServer({ auth: login })
})
test.afterEach(async () => {
  await smtp.close()
})

async function seedDraft(harness: Harness): Promise<string> {
  await harness.api.call('profile:save', profile)
  const created = await harness.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' })
  if (!created.ok) throw new Error(created.error.message)
  return created.data.record.reference
}

async function configureInSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click()
  const mail = page.getByTestId('mail-settings')
  await mail.getByLabel('SMTP server', { exact: true }).fill('127.0.0.1')
  await mail.getByLabel('Security', { exact: true }).selectOption('none')
  await mail.getByLabel('Port', { exact: true }).fill(String(smtp.port))
  await mail.getByLabel('User name', { exact: true }).fill(login.user)
  await mail.getByLabel(/^Password/).fill(login.pass)
  return mail
}

test('Settings → Mail saves the server, keeps the password write-only, and tests the connection', async ({ page, harness }) => {
  await page.goto(harness.current.url)
  const mail = await configureInSettings(page)
  await mail.getByLabel(/^Password/).fill('wrong')
  await mail.getByRole('button', { name: 'Test connection' }).click()
  await expect(mail.getByTestId('smtp-test-result')).toContainText('535 5.7.8 Authentication credentials invalid')

  await mail.getByLabel(/^Password/).fill(login.pass)
  await mail.getByRole('button', { name: 'Test connection' }).click()
  await expect(mail.getByTestId('smtp-test-result')).toContainText(`Connected to 127.0.0.1:${smtp.port} and logged in as ${login.user}`)
  // The password field is empty again; the core only says that one is saved.
  await expect(mail.getByLabel(/^Password/)).toHaveValue('')
  await expect(mail.getByText('saved', { exact: true })).toBeVisible()
  await expect(mail).toContainText('unencrypted')
  await mail.scrollIntoViewIfNeeded()
  await snapshot(page, 'settings-mail')
})

test('Send: the server refuses (550), Retry sends it, and the request counts as sent only then', async ({ page, harness }) => {
  const reference = await seedDraft(harness.current)
  await page.goto(harness.current.url)
  await configureInSettings(page)
  await page.getByTestId('mail-settings').getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('Mail settings saved.')).toBeVisible()

  smtp.fault = { at: 'rcpt', code: 550 }
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: /^Requests/ }).click()
  await page.locator(`[role="row"][data-reference="${reference}"]`).click()
  const panel = page.getByTestId('send-panel')
  await panel.getByRole('button', { name: 'Send now through 127.0.0.1' }).click()
  await expect(panel.getByTestId('outbox-state')).toContainText('Not sent')
  await expect(panel.getByTestId('server-reply')).toHaveText(/^550 5\.1\.1 No such user/)
  await expect(page.getByTestId('recipient-email')).toHaveText('legal@fs.com')
  await snapshot(page, 'send-failed')

  smtp.fault = null
  await panel.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByTestId('sent-by-email')).toContainText('Message-ID')
  await expect(page.getByText('This is the request exactly as it was sent.')).toBeVisible()
  expect(smtp.received).toHaveLength(1)
})

test('an uncertain send asks before sending again', async ({ page, harness }) => {
  const reference = await seedDraft(harness.current)
  await harness.current.api.call('mail:saveSmtp', { smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', user: login.user }, password: login.pass })
  smtp.fault = { at: 'drop-during-data' }
  await page.goto(harness.current.url)
  await page.locator(`[role="row"][data-reference="${reference}"]`).click()
  const panel = page.getByTestId('send-panel')
  await panel.getByRole('button', { name: 'Send now through 127.0.0.1' }).click()
  await expect(panel.getByTestId('outbox-state')).toContainText('Maybe sent')
  await expect(panel).toContainText('Look in your Sent folder first')

  smtp.fault = null
  await panel.getByRole('button', { name: 'Send again…' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('may have accepted it')
  await snapshot(page, 'send-uncertain-confirm')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  expect(smtp.received).toHaveLength(0)

  await panel.getByRole('button', { name: 'Send again…' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Send it again' }).click()
  await expect(page.getByTestId('sent-by-email')).toBeVisible()
  expect(smtp.received).toHaveLength(1)
})
