/**
 * Hostile names and damage told, in the window: a company named "Constructor" (or "__proto__")
 * opens, changes and gets a request like any other (the renderer's caches are Maps); a record of a
 * store that no longer reads is set aside and the notice stays on screen, across restarts, until
 * the user dismisses it.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Harness } from '../harness/server'
import { expect, snapshot, test } from './fixtures'

const sampleProfile = { name: 'Alex Example', email: 'alex@example.org', address: 'Musterstraße 12\n10115 Berlin', country: 'DE' }

async function addCompany(harness: Harness, name: string, domain: string) {
  const saved = await harness.api.call('catalog:save', {
    name,
    domains: [domain],
    emails: [{ address: `privacy@${domain}`, purpose: 'privacy' }],
    postalAddresses: [{ recipient: name, lines: ['1 Main Street', '10115 Berlin'], country: 'DE' }],
    establishment: ['DE'],
  })
  if (!saved.ok) throw new Error(saved.error.message)
  return saved.data
}

test('a company named Constructor, or __proto__, opens, changes and gets a request like any other', async ({ page, harness }) => {
  await harness.current.api.call('profile:save', sampleProfile)
  await addCompany(harness.current, 'Constructor', 'constructor.example')
  const proto = await addCompany(harness.current, '__proto__', 'proto.example')

  await page.goto(harness.current.url)
  await page.getByRole('button', { name: 'Companies' }).click()
  await page.getByLabel('Search companies').fill('Constructor')
  await page.locator('[data-company="constructor"]').click()
  await expect(page.getByRole('heading', { name: 'Constructor' })).toBeVisible()
  await expect(page.getByTestId('privacy-contact')).toContainText('privacy@constructor.example')
  await expect(page).toHaveTitle('Constructor - Rightful')
  await snapshot(page, 'company-constructor')

  await page.getByRole('button', { name: 'Edit' }).click()
  await page.getByLabel('Company name').fill('Constructor GmbH')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('heading', { name: 'Constructor GmbH' })).toBeVisible()

  await page.getByRole('button', { name: 'Write a request' }).click()
  await expect(page.getByRole('heading', { name: 'New request to Constructor GmbH' })).toBeVisible()
  await page.getByLabel(/Access request/).check()
  await page.getByRole('button', { name: 'Write the request' }).click()
  await expect(page.getByTestId('recipient-email')).toHaveText('privacy@constructor.example')
  await expect(page.getByTestId('reference')).toHaveText('RF-2026-0001')

  // "__proto__" too, after a restart.
  await harness.restart()
  await page.goto(harness.current.url)
  await page.getByRole('button', { name: 'Companies' }).click()
  await page.getByLabel('Search companies').fill('__proto__')
  await page.locator(`[data-company="${proto.id}"]`).click()
  await expect(page.getByRole('heading', { name: '__proto__' })).toBeVisible()
  await expect(page.getByTestId('privacy-contact')).toContainText('privacy@proto.example')
})

test('a record set aside is told in the window, across restarts, until the user has seen it', async ({ page, harness, dataDir }) => {
  await addCompany(harness.current, 'Keep Me', 'keep.example')
  await addCompany(harness.current, 'Broken Field', 'broken.example')
  await harness.current.close()
  const file = path.join(dataDir, 'catalog-edits.json')
  const stored = JSON.parse(fs.readFileSync(file, 'utf8'))
  stored.companies['broken-field'].emails[0].purpose = 'written by a newer Rightful'
  fs.writeFileSync(file, JSON.stringify(stored))

  await harness.restart()
  await page.goto(harness.current.url)
  await page.getByRole('button', { name: 'Companies' }).click()
  const notice = page.locator('.notice[data-code="RECORDS_SET_ASIDE"]')
  await expect(notice).toContainText('1 of your catalog changes could not be read')
  await expect(notice).toContainText('nothing was deleted')
  await page.getByLabel('Search companies').fill('Keep Me')
  await expect(page.locator('[data-company="keep-me"]')).toBeVisible()
  await snapshot(page, 'notice-record-set-aside')

  // Not dismissed: still there after a restart (the notice is kept in the data folder).
  await harness.restart()
  await page.goto(harness.current.url)
  await expect(notice).toHaveCount(1)
  await notice.getByRole('button', { name: 'Understood' }).click()
  await expect(notice).toHaveCount(0)
  await harness.restart()
  await page.goto(harness.current.url)
  await expect(page.getByRole('heading', { name: 'Your requests' })).toBeVisible()
  await expect(notice).toHaveCount(0)
  const aside = fs.readdirSync(dataDir).filter((name) => name.startsWith('catalog-edits.set-aside-'))
  expect(aside).toHaveLength(1)
  expect(JSON.parse(fs.readFileSync(path.join(dataDir, aside[0]!), 'utf8')).entries[0].data.name).toBe('Broken Field')
})
