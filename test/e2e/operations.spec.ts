/**
 * Long operations in the window (issue 12, item 4): the core runs off the thread that answers the
 * page (in the harness a worker thread, as the app's utility process), so while a 2 MB policy is
 * read the window goes on answering, and each long operation shows how far it is and can be
 * stopped with nothing saved. The harness holds an operation at one of its checkpoints so that a
 * test can look at the window while it runs; how fast the window answers meanwhile is a figure of
 * `npm run bench`, not something a test asserts.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { startHarness } from '../harness/server'
import { expect, fixedNow, seedSent, snapshot, test } from './fixtures'

/** A policy of about 2 MB, the most the API reads. */
const longPolicy = (() => {
  const block =
    'We use cookies. Questions about your personal data: privacy@longform.org. Write to Longform Ltd, 1 Quay Street, Manchester, M3 3JE. Tel: +44 161 496 0000.\n\n'
  return `Longform Privacy Policy\n\n${block.repeat(Math.floor(1_990_000 / block.length))}`
})()

async function openPolicyImport(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Companies' }).click()
  await page.getByRole('button', { name: 'From a privacy policy…' }).click()
}

async function loadLongPolicy(page: Page) {
  await page.locator('input[type="file"]').setInputFiles({ name: 'longform-privacy.txt', mimeType: 'text/plain', buffer: Buffer.from(longPolicy) })
  await expect(page.getByText('longform-privacy.txt')).toBeVisible()
  await page.getByLabel('Source address').fill('https://www.longform.org/privacy')
}

test('reading a 2 MB policy: the window answers meanwhile, and Cancel stops it', async ({ page, harness }) => {
  const h = harness.current
  const reference = await seedSent(h)
  await page.goto(h.url)
  await openPolicyImport(page)
  await loadLongPolicy(page)

  const hold = h.holdOperations('emails')
  await page.getByRole('button', { name: 'Read the policy' }).click()
  await hold.reached
  // Three of its eight steps are done: the page says what it does and how far it is.
  const here = page.getByTestId('operation')
  await expect(here).toContainText('Reading the policy')
  await expect(here).toContainText('Finding e-mail addresses…')
  await expect(here.getByRole('progressbar')).toHaveAttribute('value', '3')
  await expect(page.getByRole('button', { name: 'Reading…' })).toBeDisabled()
  await snapshot(page, 'policy-reading')

  // Meanwhile the window goes on: another page opens, with what the core says about the requests.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: /^Requests/ }).click()
  await expect(page.locator(`[role="row"][data-reference="${reference}"]`)).toBeVisible()
  // The reading is still under way, shown above that page with its Cancel.
  const activity = page.getByTestId('activity')
  await expect(activity).toContainText('Reading the policy')
  await snapshot(page, 'activity-bar')

  // Back on the import page the text is still there, and the reading with it.
  await openPolicyImport(page)
  await expect(page.getByText('longform-privacy.txt')).toBeVisible()
  await expect(page.getByTestId('activity')).toHaveCount(0)
  await page.getByTestId('operation').getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('alert')).toContainText('Reading the policy was stopped, as you asked. Nothing was saved.')
  await expect(page.getByTestId('operation')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Read the policy' })).toBeEnabled()
  hold.release()

  const reported = h.progress.filter((p) => p.channel === 'catalog:extractPolicy').map((p) => p.stage)
  expect(reported).toEqual(['plain-text', 'segments', 'identity', 'emails'])
  // Read again without holding it: the proposal comes.
  await page.getByRole('button', { name: 'Read the policy' }).click()
  await expect(page.locator('[data-proposed-email]').first()).toHaveText('privacy@longform.org')
})

test('saving a company from a 2 MB policy can be stopped from another page, with nothing saved', async ({ page, harness }) => {
  const h = harness.current
  await page.goto(h.url)
  await openPolicyImport(page)
  await loadLongPolicy(page)
  await page.getByRole('button', { name: 'Read the policy' }).click()
  await expect(page.getByLabel('Company name')).toHaveValue('Longform')
  const editsBefore = fs.existsSync(path.join(h.dataDir, 'catalog-edits.json')) ? fs.readFileSync(path.join(h.dataDir, 'catalog-edits.json'), 'utf8') : null

  const hold = h.holdOperations('addresses')
  await page.getByRole('button', { name: 'Save as a company' }).click()
  await hold.reached
  await expect(page.getByTestId('operation')).toContainText('Saving the company from its policy')

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
  const activity = page.getByTestId('activity')
  await expect(activity).toContainText('Saving the company from its policy')
  await activity.getByRole('button', { name: 'Cancel' }).click()
  await expect(activity).toHaveCount(0)
  await expect(page.getByText('Saving the company from its policy was stopped, as you asked. Nothing was saved.')).toBeVisible()
  hold.release()

  const found = await h.api.call('catalog:search', { query: 'Longform', limit: 10 })
  expect(found.ok && found.data.map((c) => c.name)).toEqual([])
  const editsAfter = fs.existsSync(path.join(h.dataDir, 'catalog-edits.json')) ? fs.readFileSync(path.join(h.dataDir, 'catalog-edits.json'), 'utf8') : null
  expect(editsAfter).toBe(editsBefore)
})

test('a backup shows how far it is and can be stopped, leaving no file', async ({ page, harness }) => {
  const h = harness.current
  await seedSent(h)
  await page.goto(h.url)
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click()
  const card = page.getByTestId('data-settings')
  const hold = h.holdOperations('writing')
  await card.getByRole('button', { name: 'Back up everything…' }).click()
  await hold.reached
  const operation = card.getByTestId('operation')
  await expect(operation).toContainText('Backing up')
  await expect(operation).toContainText('Writing the backup')
  await snapshot(page, 'backup-in-progress')
  await operation.getByRole('button', { name: 'Cancel' }).click()
  await expect(card.getByRole('alert')).toContainText('The backup was stopped, as you asked. Nothing was saved.')
  hold.release()
  expect(fs.existsSync(h.outDir) ? fs.readdirSync(h.outDir) : []).toEqual([])
})

test('an import of companies can be stopped while it reads the files, with nothing imported', async ({ page, harness }) => {
  const h = harness.current
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-records-'))
  for (const slug of ['alpha', 'beta', 'gamma']) {
    fs.writeFileSync(
      path.join(folder, `${slug}.json`),
      JSON.stringify({ slug, name: `${slug} shop`, address: 'Musterstraße 1\n10115 Berlin\nDeutschland', email: `datenschutz@${slug}.example`, web: `https://${slug}.example`, 'relevant-countries': ['de'], categories: ['commerce'], sources: [`https://${slug}.example/privacy`], quality: 'verified' }),
    )
  }
  await page.goto(h.url)
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Companies' }).click()
  await page.getByRole('button', { name: 'Import…' }).click()
  h.pickNext([folder])
  const hold = h.holdOperations('reading')
  await page.getByRole('button', { name: 'Choose folder…' }).click()
  await hold.reached
  const dialog = page.getByRole('dialog', { name: 'Import companies' })
  await expect(dialog.getByTestId('operation')).toContainText('Reading file 1 of 3…')
  await dialog.getByTestId('operation').getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog.getByRole('alert')).toContainText('The import was stopped, as you asked. Nothing was saved.')
  hold.release()
  expect(fs.existsSync(path.join(h.dataDir, 'catalog-imports.json'))).toBe(false)
  const found = await h.api.call('catalog:search', { query: 'alpha shop', limit: 5 })
  expect(found.ok && found.data.map((c) => c.id)).not.toContain('alpha')
})

test('Settings say plainly when a saved password is only obfuscated (Linux without a keyring)', async ({ page, dataDir }) => {
  // A password store as the app's safeStorage is on Linux without a keyring: kept, under the fixed key.
  const values = new Map<string, string>()
  const harness = await startHarness({
    dataDir,
    clock: { now: () => new Date(fixedNow) },
    outDir: `${dataDir}-saved`,
    secrets: {
      persistent: true,
      protection: async () => 'fixed-key',
      get: async (name) => values.get(name) ?? null,
      set: async (name, value) => void values.set(name, value),
      delete: async (name) => void values.delete(name),
    },
  })
  try {
    await harness.api.call('settings:update', { onboarding: { state: 'done' } })
    await page.goto(harness.url)
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click()
    const warning = page.getByTestId('password-storage-warning')
    await expect(warning).toContainText('A saved password is only obfuscated on this computer, not encrypted.')
    await expect(warning).toContainText('the same in every copy of Chromium and Electron')
    await expect(warning).toContainText('anyone who can read secrets.json in your data folder can recover the password')
    await snapshot(page, 'settings-password-obfuscated')
  } finally {
    await harness.close()
  }
})
