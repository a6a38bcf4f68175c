/**
 * The built-in catalog on day one, in a fresh data folder with nothing imported: the well-known
 * companies and brokers are found; a search without a match offers to add the company or learn it
 * from its policy (never "check the spelling"); adding one the catalog has says so; a broker's
 * page shows the list's facts; About credits both open data sets.
 */
import { expect, snapshot, test } from './fixtures'

test('finds well-known companies and brokers, and shows a broker as the list knows it', async ({ page, harness }) => {
  await page.goto(harness.current.url)
  await page.getByRole('button', { name: 'Companies', exact: true }).click()
  for (const [query, id] of [
    ['netflix', 'netflix'],
    ['spotify', 'spotify'],
    ['zalando', 'zalando'],
    ['spokeo', 'spokeo'],
  ] as const) {
    await page.getByLabel('Search companies').fill(query)
    await expect(page.locator('.company-row').nth(0)).toHaveAttribute('data-company', id)
  }

  await page.getByLabel('Search companies').fill('whitepages')
  const row = page.locator('[data-company="whitepages"]')
  await expect(row).toContainText('Data broker')
  await expect(row).toContainText('Web form only')
  await snapshot(page, 'catalog-search-broker')
  await row.click()
  await expect(page.getByRole('heading', { name: 'Whitepages' })).toBeVisible()
  await expect(page.getByTestId('web-form-only')).toContainText('no e-mail address of it is known to work')
  await expect(page.getByTestId('company-facts')).toContainText('data broker')
  await snapshot(page, 'company-broker')

  // A broker that became part of another company says so and links there.
  await page.getByRole('button', { name: '← Companies' }).click()
  await page.getByLabel('Search companies').fill('lotame')
  await page.locator('[data-company="lotame"]').click()
  await expect(page.getByTestId('standing')).toContainText('is now part of Epsilon Data Management')
  await page.getByTestId('standing').getByRole('button', { name: 'Epsilon Data Management' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Epsilon')
})

test('a search without a match offers to add the company or learn it from its policy', async ({ page, harness }) => {
  await page.goto(harness.current.url)
  await page.getByRole('button', { name: 'Companies', exact: true }).click()
  await page.getByLabel('Search companies').fill('Bäckerei Kowalczyk')
  await expect(page.getByText('No company in the catalog matches “Bäckerei Kowalczyk”.')).toBeVisible()
  await expect(page.getByText(/spelling/i)).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Learn it from its privacy policy' })).toBeVisible()
  await snapshot(page, 'catalog-no-match')
  await page.getByRole('button', { name: 'Add “Bäckerei Kowalczyk” yourself' }).click()
  await expect(page.getByRole('heading', { name: 'Add a company' })).toBeVisible()
  await expect(page.getByLabel('Company name')).toHaveValue('Bäckerei Kowalczyk')

  // A domain typed into the search becomes the new company's domain.
  await page.getByRole('button', { name: 'Companies', exact: true }).click()
  await page.getByLabel('Search companies').fill('kowalczyk-backwaren.pl')
  await page.getByRole('button', { name: 'Add “kowalczyk-backwaren.pl” yourself' }).click()
  await expect(page.getByLabel('Domains')).toHaveValue('kowalczyk-backwaren.pl')

  await page.getByRole('button', { name: 'Companies', exact: true }).click()
  await page.getByLabel('Search companies').fill('qwxzv')
  await page.getByRole('button', { name: 'Learn it from its privacy policy' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/privacy policy/i)
})

test('adding a company the catalog has says which one, and offers to change it instead', async ({ page, harness }) => {
  await page.goto(harness.current.url)
  await page.getByRole('button', { name: 'Companies', exact: true }).click()
  await page.getByRole('button', { name: 'Add a company' }).click()
  await page.getByLabel('Company name').fill('Spotify Premium')
  await page.getByLabel('Domains').fill('www.spotify.com')
  await page.getByRole('button', { name: 'Add company' }).click()
  const notice = page.getByTestId('duplicate-notice')
  await expect(notice).toContainText('has the domain spotify.com')
  await snapshot(page, 'company-duplicate')
  await notice.getByRole('button', { name: /^Change .* instead$/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Change Spotify')

  // Or add it anyway, as a separate company.
  await page.getByRole('button', { name: 'Companies', exact: true }).click()
  await page.getByRole('button', { name: 'Add a company' }).click()
  await page.getByLabel('Company name').fill('Spotify Premium')
  await page.getByLabel('Domains').fill('spotify.com')
  await page.getByRole('button', { name: 'Add company' }).click()
  await page.getByTestId('duplicate-notice').getByRole('button', { name: 'Add as a separate company' }).click()
  await expect(page.getByRole('heading', { name: 'Spotify Premium' })).toBeVisible()
  await expect(page.getByText('Added by you', { exact: true })).toBeVisible()
})

test('About credits datarequests.org and the broker list, with the licence', async ({ page, harness }) => {
  await page.goto(harness.current.url)
  await page.getByRole('button', { name: 'About and licences' }).click()
  await expect(page.getByRole('heading', { name: 'About Rightful' })).toBeVisible()
  const datarequests = page.locator('article', { has: page.getByRole('heading', { name: 'datarequests.org' }) })
  await expect(datarequests).toContainText('3,069')
  await expect(datarequests).toContainText('CC0 1.0')
  await expect(datarequests).toContainText('0a29c3d6')
  const brokers = page.locator('article', { has: page.getByRole('heading', { name: 'eraser data-broker list' }) })
  await expect(brokers).toContainText('MIT')
  await brokers.getByText('Licence text').click()
  await expect(brokers.locator('pre')).toContainText('Permission is hereby granted, free of charge')
  await snapshot(page, 'about')
})
