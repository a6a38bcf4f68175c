/**
 * The first start: a short guide (who is asking, how requests go out), skippable, never shown again
 * once done or skipped, reachable from Settings; its errors sit on their fields, in words.
 */
import type { Page } from '@playwright/test'
import { expect, snapshot, test } from './fixtures'

test.use({ onboarded: false })

const guide = (page: Page) => page.getByRole('form', { name: 'Set up Rightful' })

async function fillDetails(page: Page, address = 'Musterstraße 12\n10115 Berlin') {
  const form = guide(page)
  await form.getByLabel('Full name').fill('Alex Example')
  await form.getByLabel('E-mail address you use with companies').fill('alex@example.org')
  await form.getByLabel('Postal address').fill(address)
  await form.getByLabel('Country').selectOption('DE')
}

test('a first start opens the guide; done, it keeps the details and the way of sending, and never shows again', async ({ page, harness }) => {
  await page.goto(harness.current.url)
  await expect(page.getByRole('heading', { name: 'Welcome to Rightful', level: 1 })).toBeVisible()
  await fillDetails(page)
  // Germany asks for the Land (it picks the authority for a complaint).
  await guide(page).getByLabel('Land (optional)').selectOption('DE-BE')
  await guide(page).getByLabel('In webmail, in my browser').check()
  await guide(page).getByLabel('Which webmail').selectOption('outlook')
  await snapshot(page, 'onboarding')
  await guide(page).getByRole('button', { name: 'Save and start' }).click()

  await expect(page.getByRole('heading', { name: 'Your requests' })).toBeVisible()
  await expect(page.getByText('You are set up.')).toBeVisible()
  const api = harness.current.api
  const profile = await api.call('profile:get', {})
  expect(profile.ok && profile.data).toMatchObject({ name: 'Alex Example', country: 'DE', region: 'DE-BE', address: 'Musterstraße 12\n10115 Berlin' })
  const settings = await api.call('settings:get', {})
  expect(settings.ok && settings.data).toMatchObject({ onboarding: { state: 'done' }, sending: { method: 'webmail', webmail: 'outlook' } })

  // Opened again (and after a restart): straight to the dashboard.
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Your requests' })).toBeVisible()
  await harness.restart()
  await page.goto(harness.current.url)
  await expect(page.getByRole('heading', { name: 'Your requests' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Welcome to Rightful' })).toHaveCount(0)
})

test('errors sit on their fields, in words, and nothing is saved until they are fixed', async ({ page, harness }) => {
  await page.goto(harness.current.url)
  await fillDetails(page, 'x')
  await guide(page).getByLabel('E-mail address you use with companies').fill('alex')
  await guide(page).getByRole('button', { name: 'Save and start' }).click()

  const address = guide(page).getByLabel('Postal address')
  await expect(address).toHaveAttribute('aria-invalid', 'true')
  const describedBy = await address.getAttribute('aria-describedby')
  expect(describedBy).toBeTruthy()
  await expect(page.locator(`[id="${describedBy!.split(' ')[0]}"]`)).toHaveText(
    'Enter your whole postal address as on an envelope: street and number on one line, then the town (with the postcode where there is one) on the next.',
  )
  const email = guide(page).getByLabel('E-mail address you use with companies')
  await expect(email).toHaveAttribute('aria-invalid', 'true')
  await expect(guide(page).getByText('This is not an e-mail address.')).toBeVisible()
  await expect(guide(page).getByLabel('Full name')).not.toHaveAttribute('aria-invalid', 'true')
  // Beside the field, in words: no toast, and never a raw field key.
  await expect(page.locator('.toast')).toHaveCount(0)
  await expect(page.getByText(/^address:/)).toHaveCount(0)
  // The first field with a problem has the focus.
  await expect(email).toBeFocused()
  await snapshot(page, 'field-errors')

  const before = await harness.current.api.call('profile:get', {})
  expect(before.ok && before.data).toBeNull()

  await email.fill('alex@example.org')
  await address.fill('Musterstraße 12\n10115 Berlin')
  await guide(page).getByRole('button', { name: 'Save and start' }).click()
  await expect(page.getByRole('heading', { name: 'Your requests' })).toBeVisible()
})

test('"Later" skips the guide for good; Settings brings it back, filled in with what is saved', async ({ page, harness }) => {
  await page.goto(harness.current.url)
  await guide(page).getByLabel('Full name').fill('Not kept')
  await guide(page).getByRole('button', { name: 'Later' }).click()
  await expect(page.getByRole('heading', { name: 'Your requests' })).toBeVisible()
  const settings = await harness.current.api.call('settings:get', {})
  expect(settings.ok && settings.data.onboarding.state).toBe('skipped')
  const profile = await harness.current.api.call('profile:get', {})
  expect(profile.ok && profile.data).toBeNull()
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Your requests' })).toBeVisible()

  await page.getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByTestId('setup-card')).toContainText('You have not said how you send requests')
  await page.getByRole('button', { name: 'Set up Rightful again' }).click()
  await expect(page.getByRole('heading', { name: 'Welcome to Rightful' })).toBeVisible()
  await fillDetails(page)
  await guide(page).getByLabel('As printed letters').check()
  await guide(page).getByRole('button', { name: 'Save and start' }).click()
  await expect(page.getByRole('heading', { name: 'Your requests' })).toBeVisible()
  await page.getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByTestId('setup-card')).toContainText('You send requests as printed letters')
  await page.getByRole('button', { name: 'Set up Rightful again' }).click()
  await expect(guide(page).getByLabel('Full name')).toHaveValue('Alex Example')
  await expect(guide(page).getByLabel('As printed letters')).toBeChecked()
})

test.describe('other forms', () => {
  test.use({ onboarded: true })

  test('the company form puts each problem on its field, in words, and adds nothing', async ({ page, harness }) => {
    await page.goto(harness.current.url)
    await page.getByRole('button', { name: 'Companies' }).click()
    await page.getByRole('button', { name: 'Add a company' }).click()
    await page.getByLabel('Company name').fill('Corner Shop GmbH')
    await page.getByLabel('Website').fill('cornershop.example')
    await page.getByLabel('E-mail 1', { exact: true }).fill('datenschutz at cornershop')
    await page.getByRole('button', { name: 'Add company' }).click()
    const email = page.getByLabel('E-mail 1', { exact: true })
    await expect(email).toHaveAttribute('aria-invalid', 'true')
    await expect(page.locator(`[id="${await email.getAttribute('aria-describedby')}"]`)).toHaveText('This is not an e-mail address.')
    const website = page.getByLabel('Website')
    await expect(website).toHaveAttribute('aria-invalid', 'true')
    await expect(page.locator(`[id="${await website.getAttribute('aria-describedby')}"]`)).toHaveText('Give the whole web address, starting with https://.')
    await expect(page.locator('.toast-error')).toHaveCount(0)
    const list = await harness.current.api.call('catalog:search', { query: 'Corner Shop' })
    expect(list.ok && list.data.filter((c) => c.name === 'Corner Shop GmbH')).toEqual([])
    // An address without its country is caught before anything is sent.
    await page.getByRole('button', { name: '+ Add a postal address' }).click()
    await page.getByLabel('Lines').fill('Hauptstraße 1\n10115 Berlin')
    await page.getByRole('button', { name: 'Add company' }).click()
    await expect(page.getByText('Choose the country of this address.')).toBeVisible()
    await expect(page.getByLabel('Country')).toHaveAttribute('aria-invalid', 'true')
  })

  test('"Your details" puts the core\'s words beside the address', async ({ page, harness }) => {
    await page.goto(harness.current.url)
    await page.getByRole('button', { name: 'Your details' }).click()
    await page.getByLabel('Full name').fill('Alex Example')
    await page.getByLabel('E-mail address you use with companies').fill('alex@example.org')
    await page.getByLabel('Postal address').fill('x')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(page.getByLabel('Postal address')).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByText('Enter your whole postal address as on an envelope', { exact: false })).toBeVisible()
    await expect(page.locator('.toast')).toHaveCount(0)
  })
})

test('choosing one\'s own mail server leads to Settings, where the server is entered', async ({ page, harness }) => {
  await page.goto(harness.current.url)
  await fillDetails(page)
  await guide(page).getByLabel('Through my mail server (SMTP)').check()
  await guide(page).getByRole('button', { name: 'Save and set up the mail server' }).click()
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
  await expect(page.getByTestId('mail-settings')).toBeVisible()
  // A server name that is not one is refused on its field.
  await page.getByLabel('SMTP server').fill('smtp://mail.example.org:587')
  await page.getByTestId('mail-settings').getByRole('button', { name: 'Save' }).click()
  const host = page.getByLabel('SMTP server')
  await expect(host).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByTestId('mail-settings').getByText('Enter only the server name, e.g. smtp.example.org (no smtp://, no port, no spaces).')).toBeVisible()
  await expect(page.locator('.toast-error')).toHaveCount(0)
})
