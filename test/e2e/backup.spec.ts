/**
 * Settings → Your data, end to end in the harness: the data folder opens, "Back up everything"
 * writes an encrypted backup, "Restore" asks for the passphrase, shows what the backup holds,
 * refuses a wrong passphrase and a damaged file, and after the restore the whole app shows the
 * restored data (the core reopened on it, the renderer's caches dropped).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { startHarness, type Harness } from '../harness/server'
import { expect, fixedNow, openRequest, seedSent, snapshot, test } from './fixtures'

const passphrase = 'correct horse battery staple'

/** More of what a user keeps: a file on the timeline, a reply, a company of their own, a mail server. */
async function seedMore(h: Harness, reference: string): Promise<void> {
  const file = path.join(h.outDir, 'in', 'their-answer.pdf')
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, '%PDF-1.4 their answer')
  h.pickNext([file])
  const staged = await h.api.call('attachments:pick', {})
  if (!staged.ok) throw new Error(staged.error.message)
  const results = [
    await h.api.call('requests:addEvent', { reference, kind: 'acknowledged', on: '2026-01-31', attachments: staged.data.map((s) => s.token) }),
    await h.api.call('replies:import', {
      files: [{ name: 'reply.eml', base64: fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'replies', 'plain-reference-en.eml')).toString('base64') }],
    }),
    await h.api.call('catalog:save', { name: 'My Own Shop', domains: ['my-own-shop.example'], emails: [{ address: 'privacy@my-own-shop.example', purpose: 'privacy' }] }),
    await h.api.call('mail:saveSmtp', { smtp: { host: 'smtp.example.org', port: 587, security: 'starttls', user: 'alex@example.org' }, password: 'a mail password' }),
  ]
  for (const result of results) if (!result.ok) throw new Error(result.error.message)
}

async function openSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click()
  const card = page.getByTestId('data-settings')
  await expect(card).toBeVisible()
  return card
}

async function requestRows(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: /^Requests/ }).click()
  return page.locator('[role="row"][data-reference]')
}

test('back up everything (encrypted), change things, then restore the backup through the UI', async ({ page, harness }) => {
  const h = harness.current
  const sent = await seedSent(h)
  await seedMore(h, sent)
  await page.goto(h.url)
  const card = await openSettings(page)

  // Where the data lives, and "Open folder".
  await expect(card.getByTestId('data-folder')).toHaveText(h.dataDir)
  await card.getByRole('button', { name: 'Open folder' }).click()
  await expect.poll(() => h.openedFolders).toEqual([h.dataDir])

  // The passphrase is checked on its fields.
  await card.getByLabel('Encrypt it with a passphrase').check()
  await card.getByLabel('Passphrase', { exact: true }).fill('short')
  await card.getByRole('button', { name: 'Back up everything…' }).click()
  await expect(card.getByLabel('Passphrase', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expect(card).toContainText('Use at least 8 characters')
  await card.getByLabel('Passphrase', { exact: true }).fill(passphrase)
  await card.getByLabel('The same passphrase again').fill(`${passphrase}!`)
  await card.getByRole('button', { name: 'Back up everything…' }).click()
  await expect(card.getByLabel('The same passphrase again')).toHaveAttribute('aria-invalid', 'true')
  await card.getByLabel('The same passphrase again').fill(passphrase)
  await card.getByRole('button', { name: 'Back up everything…' }).click()

  const backupFile = path.join(h.outDir, 'rightful-backup-2026-01-31.rightful-backup')
  await expect(card.getByTestId('backup-result')).toContainText(`Saved and encrypted to ${backupFile}`)
  await expect(card.getByTestId('backup-result')).toContainText('1 request, 1 reply, 2 files kept with them')
  expect(fs.existsSync(backupFile)).toBe(true)
  expect(fs.readFileSync(backupFile).includes(Buffer.from('Alex Example'))).toBe(false)
  await card.scrollIntoViewIfNeeded()
  await snapshot(page, 'settings-backup')

  // Later: another request, and other details.
  const created = await h.api.call('requests:create', { companyId: 'b2s', type: 'erasure', law: 'gdpr', lang: 'en' })
  if (!created.ok) throw new Error(created.error.message)
  const later = created.data.record.reference
  await h.api.call('profile:save', { name: 'Alex Renamed', email: 'alex@example.org', address: 'Musterstraße 12\n10115 Berlin', country: 'DE' })
  await page.reload()
  await expect(await requestRows(page)).toHaveCount(2)

  // Restore: the passphrase first, a wrong one refused on its field.
  await openSettings(page)
  h.pickNext([backupFile])
  await page.getByRole('button', { name: 'Restore…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Restore a backup' })
  await expect(dialog).toContainText('is encrypted')
  await dialog.getByLabel('Passphrase').fill('wrong horse battery staple')
  await dialog.getByRole('button', { name: 'Open the backup' }).click()
  await expect(dialog.getByLabel('Passphrase')).toHaveAttribute('aria-invalid', 'true')
  await expect(dialog).toContainText('This passphrase does not open the backup')
  await dialog.getByLabel('Passphrase').fill(passphrase)
  await dialog.getByRole('button', { name: 'Open the backup' }).click()

  // What it holds, and that it replaces what is there now.
  const preview = dialog.getByTestId('restore-preview')
  await expect(preview).toContainText('Yes, with a passphrase')
  await expect(dialog.getByTestId('restore-requests')).toHaveText('1 request, 4 events on their timelines')
  await expect(preview).toContainText('1 added')
  await expect(preview).toContainText('SMTP settings, without passwords')
  await expect(preview).toContainText('with Rightful 0.1.0')
  await expect(dialog.getByTestId('restore-replaces')).toContainText('including 2 requests')
  await snapshot(page, 'restore-preview')
  // Nothing changed yet.
  const before = await h.api.call('requests:list', {})
  expect(before.ok && before.data.length).toBe(2)

  await dialog.getByRole('button', { name: 'Replace my data with this backup' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText('Restored 1 request and 1 reply')).toBeVisible()
  // The dashboard, and every page, shows the restored data.
  await expect(page.locator('[role="row"][data-reference]')).toHaveCount(1)
  await expect(page.locator(`[role="row"][data-reference="${sent}"]`)).toBeVisible()
  await expect(page.locator(`[role="row"][data-reference="${later}"]`)).toHaveCount(0)
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Your details' }).click()
  await expect(page.getByLabel('Full name')).toHaveValue('Alex Example')
  await openRequest(page, h, sent)
  await expect(page.getByTestId('reference')).toHaveText(sent)
  await expect(page.getByText('their-answer.pdf')).toBeVisible()
  // The mail server is back, its password is not (never in a backup).
  const smtp = await h.api.call('mail:getSmtp', {})
  expect(smtp.ok && smtp.data.smtp?.host).toBe('smtp.example.org')
  // What was replaced is kept beside it.
  expect(fs.readdirSync(h.dataDir).filter((n) => n.startsWith('before-restore-'))).toHaveLength(1)
})

test('a damaged backup is refused with a clear message, and nothing changes', async ({ page, harness }) => {
  const h = harness.current
  await seedSent(h)
  const made = await h.api.call('backup:create', {})
  if (!made.ok || !made.data.path) throw new Error('no backup')
  const bytes = fs.readFileSync(made.data.path)
  bytes[Math.floor(bytes.length / 2)] ^= 0x55
  const damaged = path.join(h.outDir, 'damaged.rightful-backup')
  fs.writeFileSync(damaged, bytes)
  const listed = await h.api.call('requests:list', {})

  await page.goto(h.url)
  await openSettings(page)
  h.pickNext([damaged])
  await page.getByRole('button', { name: 'Restore…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Restore a backup' })
  await expect(dialog.getByRole('alert')).toContainText('This backup is damaged')
  await expect(dialog.getByRole('button', { name: /Restore|Replace/ })).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  expect(await h.api.call('requests:list', {})).toEqual(listed)
})

test('a plain backup restored into a new, empty app shows the same requests', async ({ page, harness }) => {
  const h = harness.current
  const sent = await seedSent(h)
  const made = await h.api.call('backup:create', {})
  if (!made.ok || !made.data.path) throw new Error('no backup')
  const original = await h.api.call('requests:list', {})

  // Another computer: a new data folder, nothing in it.
  const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-e2e-fresh-'))
  const other = await startHarness({ dataDir: fresh, clock: { now: () => new Date(fixedNow) }, outDir: `${fresh}-saved` })
  try {
    await page.goto(other.url)
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible()
    await openSettings(page)
    other.pickNext([made.data.path])
    await page.getByRole('button', { name: 'Restore…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Restore a backup' })
    await expect(dialog.getByTestId('restore-preview')).toContainText('No')
    await expect(dialog.getByTestId('restore-replaces')).toHaveCount(0)
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click()
    await expect(page.locator(`[role="row"][data-reference="${sent}"]`)).toBeVisible()
    expect(await other.api.call('requests:list', {})).toEqual(original)
  } finally {
    await other.close()
  }
})
