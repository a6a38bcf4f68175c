/**
 * The catalog, end to end: add a company, change a built-in one (kept as the user's), delete and
 * restore, import records from a folder with a report of what was not imported, and a large
 * catalog that scrolls as a windowed list.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, snapshot, test } from './fixtures'

const record = (slug: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    slug,
    'relevant-countries': ['de'],
    categories: ['commerce'],
    name: `${slug[0]!.toUpperCase()}${slug.slice(1)} GmbH`,
    runs: [`${slug} shop`],
    address: `Hauptstraße ${slug.length}\n10115 Berlin\nDeutschland`,
    email: `datenschutz@${slug}.example`,
    web: `https://www.${slug}.example`,
    sources: [`https://www.${slug}.example/datenschutz`],
    'request-language': 'de',
    'suggested-transport-medium': 'email',
    quality: 'verified',
    ...extra,
  })

test('adds a company, changes a built-in one as the user own, deletes and restores', async ({ page, harness }) => {
  await page.goto(harness.current.url)
  await page.getByRole('button', { name: 'Companies' }).click()
  await page.getByRole('button', { name: 'Add a company' }).click()
  await page.getByLabel('Company name').fill('Corner Shop GmbH')
  await page.getByLabel('Domains').fill('cornershop.example')
  await page.getByLabel('E-mail 1', { exact: true }).fill('datenschutz@cornershop.example')
  await page.getByRole('button', { name: '+ Add a postal address' }).click()
  await page.getByLabel('Lines').fill('Hauptstraße 1\n10115 Berlin')
  await page.getByLabel('Country').selectOption('DE')
  await snapshot(page, 'company-add')
  await page.getByRole('button', { name: 'Add company' }).click()
  await expect(page.getByRole('heading', { name: 'Corner Shop GmbH' })).toBeVisible()
  await expect(page.getByTestId('privacy-contact')).toContainText('datenschutz@cornershop.example')
  await expect(page.getByText('Added by you', { exact: true })).toBeVisible()

  // Change FS.COM: the new address is the user's, the policy's quotes stay with the rest.
  await page.getByRole('button', { name: '← Companies' }).click()
  await page.getByLabel('Search companies').fill('fs.com')
  await page.locator('[data-company="fs-com"]').click()
  await page.getByRole('button', { name: 'Edit' }).click()
  await page.getByRole('button', { name: '+ Add an e-mail address' }).click()
  const emails = await page.locator('input[type="email"]').count()
  await page.getByLabel(`E-mail ${emails}`, { exact: true }).fill('dpo@fs.com')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByTestId('edited-fields')).toContainText('e-mail addresses')
  await expect(page.locator('[data-email="dpo@fs.com"]')).toContainText('Entered by you')
  await expect(page.locator('[data-email="legal@fs.com"]')).toContainText('legal@fs.com')
  await snapshot(page, 'company-changed')

  // After a restart the change is still there; "Undo my changes" drops it.
  await harness.restart()
  await page.goto(harness.current.url)
  await page.getByRole('button', { name: 'Companies' }).click()
  await page.getByLabel('Search companies').fill('fs.com')
  await page.locator('[data-company="fs-com"]').click()
  await expect(page.locator('[data-email="dpo@fs.com"]')).toBeVisible()
  await page.getByRole('button', { name: 'Undo my changes' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Undo my changes' }).click()
  await expect(page.locator('[data-email="dpo@fs.com"]')).toHaveCount(0)

  // Delete B2S, then bring it back.
  await page.getByRole('button', { name: '← Companies' }).click()
  await page.getByLabel('Search companies').fill('b2s')
  await page.locator('[data-company="b2s"]').click()
  await page.getByRole('button', { name: 'Delete' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()
  await expect(page.getByRole('heading', { name: 'Companies' })).toBeVisible()
  await page.getByLabel('Search companies').fill('b2s')
  await expect(page.locator('[data-company="b2s"]')).toHaveCount(0)
  await page.getByText('Deleted companies (1)').click()
  await page.getByRole('button', { name: 'Restore' }).click()
  await expect(page.locator('[data-company="b2s"]')).toBeVisible()
})

test('imports a folder of datarequests.org records and reports what it could not import', async ({ page, harness }) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-records-'))
  fs.writeFileSync(path.join(folder, 'alpha.json'), record('alpha'))
  fs.writeFileSync(path.join(folder, 'beta.json'), record('beta', { phone: '+49 30 1234567', 'needs-id-document': true }))
  fs.writeFileSync(path.join(folder, 'notes.txt'), 'not a record')
  fs.writeFileSync(path.join(folder, 'gamma.json'), record('gamma', { address: 'Somewhere 1\nAtlantis', 'relevant-countries': ['all'] }))

  await page.goto(harness.current.url)
  await page.getByRole('button', { name: 'Companies' }).click()
  await page.getByRole('button', { name: 'Import…' }).click()
  harness.current.pickNext([folder])
  await page.getByRole('button', { name: 'Choose folder…' }).click()
  const report = page.getByTestId('import-report')
  await expect(report).toContainText('2 companies imported')
  await expect(report).toContainText('notes.txt')
  await expect(report).toContainText('gamma.json')
  await expect(report).toContainText('Atlantis')
  await snapshot(page, 'catalog-import-report')
  await page.getByRole('button', { name: 'Done' }).click()

  await page.getByLabel('Search companies').fill('beta shop')
  await page.locator('[data-company="beta"]').click()
  await expect(page.getByText('Imported', { exact: true })).toBeVisible()
  await expect(page.getByTestId('privacy-contact')).toContainText('datenschutz@beta.example')
  await expect(page.getByTestId('company-facts')).toContainText('identity document')
  await snapshot(page, 'company-imported')
})

const companiesDir = path.join(process.env.RIGHTFUL_DATAREQUESTS_DIR ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'datarequests'), 'companies')

test('scrolls a catalog of thousands of companies as a windowed list', async ({ page, harness }) => {
  test.skip(!fs.existsSync(companiesDir), `${companiesDir} is absent: the large-catalog view is not checked.`)
  harness.current.pickNext([companiesDir])
  const imported = await harness.current.api.call('catalog:import', { format: 'datarequests', kind: 'folder', dryRun: false })
  expect(imported.ok).toBe(true)

  await page.goto(harness.current.url)
  await page.getByRole('button', { name: 'Companies' }).click()
  // Thousands of companies: the list holds the first 2,000 and asks for more letters.
  await expect(page.getByText('The first 2,000 matches; type more to narrow them.')).toBeVisible()
  // Only the rows in view are in the page.
  const rendered = await page.locator('[data-company]').count()
  expect(rendered).toBeGreaterThan(5)
  expect(rendered).toBeLessThan(80)
  await snapshot(page, 'catalog-large')

  // A typo in a name still finds the company near the top (brands of DB's other companies compete).
  await page.getByLabel('Search companies').fill('deutsche bahnn')
  // The list shows the earlier matches until the search answers: wait for the answer, not a row.
  const top = () => page.locator('[data-company]').evaluateAll((rows) => rows.slice(0, 3).map((row) => row.getAttribute('data-company')))
  await expect.poll(top).toContain('deutsche-bahn-ag')
  await snapshot(page, 'catalog-typo')
})
