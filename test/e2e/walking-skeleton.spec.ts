/**
 * The walking skeleton, end to end: catalog -> profile -> request -> PDF letter, mailto: and .eml
 * -> marked as sent -> deadline and timeline -> restart. Real renderer, real core.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, snapshot, test } from './fixtures'

async function open(page: Page, url: string) {
  await page.goto(url)
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible()
}

async function fillProfile(page: Page) {
  await page.getByRole('button', { name: 'Your details' }).click()
  await page.getByLabel('Full name').fill('Alex Example')
  await page.getByLabel('E-mail address you use with companies').fill('alex@example.org')
  await page.getByLabel('Postal address').fill('Musterstraße 12\n10115 Berlin')
  await page.getByLabel('Country').selectOption('DE')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText('Your details are saved on this computer.')).toBeVisible()
}

const havePdftotext = fs.existsSync('/usr/bin/pdftotext')

test('starts on an empty dashboard that offers a new request', async ({ page, harness }) => {
  await open(page, harness.current.url)
  await expect(page.getByRole('heading', { name: 'Your requests' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'No requests yet' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'New request' }).first()).toBeEnabled()
  await snapshot(page, 'dashboard-empty')
})

test('finds the four seed companies and shows where each contact came from', async ({ page, harness }) => {
  await open(page, harness.current.url)
  await page.getByRole('button', { name: 'Companies' }).click()
  const search = page.getByLabel('Search companies')
  for (const [query, name] of [['fs', 'FS.COM'], ['foscam', 'Foscam'], ['b2s', 'b2s.com'], ['faasoft', 'Faasoft']] as const) {
    await search.fill(query)
    await expect(page.locator('.company-row').first().locator('.company-name')).toHaveText(name)
  }

  await search.fill('fs')
  await page.locator('[data-company="fs-com"]').click()
  await expect(page.getByRole('heading', { name: 'FS.COM', level: 1 })).toBeVisible()
  await expect(page.getByTestId('privacy-contact')).toContainText('legal@fs.com')
  const legal = page.locator('[data-email="legal@fs.com"]')
  await expect(legal).toContainText('Used for requests')
  await expect(legal).toContainText('Email to legal@fs.com, Call us at +1 (888) 468 7419')
  await expect(legal).toContainText('archived 8 August 2019')
  const sales = page.locator('[data-email="Sales@fs.com"]')
  await expect(sales).toContainText('Historical')
  await expect(sales).toContainText('archived 19 November 2017')
  await expect(sales).toContainText('superseded by a later policy')
  await expect(page.locator('address').filter({ hasText: '380 Centerpoint Blvd' })).toContainText('United States')
  await expect(page.getByText('data protection query, request or complain in the subject line', { exact: false })).toBeVisible()
  await snapshot(page, 'company-fs-com')

  await page.getByRole('button', { name: '← Companies' }).click()
  await search.fill('foscam')
  await page.locator('[data-company="foscam"]').click()
  await expect(page.getByTestId('privacy-contact')).toContainText('aftersales@foscam.com')
  await expect(page.locator('.contact-value', { hasText: '+86-755-26745168' })).toBeVisible()
  await expect(page.getByText('archived 28 May 2017').first()).toBeVisible()
})

test('Faasoft has no known contact until the user adds one, which requests then use', async ({ page, harness }) => {
  await open(page, harness.current.url)
  await fillProfile(page)
  await page.getByRole('button', { name: 'Companies' }).click()
  await page.getByLabel('Search companies').fill('faasoft')
  await page.locator('[data-company="faasoft"]').click()
  await expect(page.getByTestId('no-contact')).toContainText('No contact is known for Faasoft')
  await expect(page.getByRole('button', { name: 'Write a request' })).toBeDisabled()
  await snapshot(page, 'company-faasoft')

  const form = page.getByRole('form', { name: 'Add a contact' })
  await form.getByLabel('Privacy e-mail address').fill('privacy@faasoft.example')
  await form.getByRole('button', { name: 'Save contact' }).click()
  await expect(page.getByTestId('privacy-contact')).toContainText('privacy@faasoft.example')
  await expect(page.locator('[data-email="privacy@faasoft.example"]')).toContainText('Entered by you on 31 January 2026')

  await page.getByRole('button', { name: 'Write a request' }).click()
  await page.getByRole('button', { name: 'Write the request' }).click()
  await expect(page.getByTestId('recipient-email')).toHaveText('privacy@faasoft.example')
})

test('writes an access request to FS.COM, saves it as letter and e-mail, marks it sent, and tracks the deadline across a restart', async ({
  page,
  harness,
}) => {
  await open(page, harness.current.url)

  // Without a profile, the request asks for the user's details first.
  await page.getByRole('button', { name: 'New request' }).first().click()
  await page.getByLabel('Search companies').fill('fs.com')
  await page.locator('[data-company="fs-com"]').click()
  await expect(page.getByTestId('profile-needed')).toBeVisible()
  await page.getByRole('button', { name: 'Enter your details' }).click()
  await page.getByLabel('Full name').fill('Alex Example')
  await page.getByLabel('E-mail address you use with companies').fill('alex@example.org')
  await page.getByLabel('Postal address').fill('Musterstraße 12\n10115 Berlin')
  await page.getByLabel('Country').selectOption('DE')
  await page.getByRole('button', { name: 'Save and continue' }).click()

  // Back on step 2, with FS.COM chosen.
  await expect(page.getByRole('heading', { name: 'New request to FS.COM' })).toBeVisible()
  await expect(page.getByText('legal@fs.com')).toBeVisible()
  await page.getByLabel(/Access request/).check()
  await snapshot(page, 'new-request')
  await page.getByRole('button', { name: 'Write the request' }).click()

  // The preview: recipient, subject with kind, article and reference, body with the user's details.
  await expect(page.getByTestId('reference')).toHaveText('RF-2026-0001')
  await expect(page.getByTestId('recipient-email')).toHaveText('legal@fs.com')
  const subject = page.getByTestId('subject')
  await expect(subject).toHaveValue('Data protection query: access request, Art. 15 GDPR – RF-2026-0001')
  const body = page.getByTestId('body')
  await expect(body).toHaveValue(/Alex Example/)
  await expect(body).toHaveValue(/Musterstraße 12\n10115 Berlin/)
  await expect(body).toHaveValue(/Art\. 15\(1\)\(h\)/)
  await snapshot(page, 'request-draft')

  // Edits are kept.
  await subject.fill('Data protection query: access request, Art. 15 GDPR, customer 4711 – RF-2026-0001')
  await body.fill((await body.inputValue()).replace('Dear Sir or Madam,', 'Dear FS.COM privacy team,'))
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText('All changes saved')).toBeVisible()

  // The PDF letter, the mailto: hand-off and the .eml file.
  await page.getByRole('button', { name: 'Save PDF letter' }).click()
  await expect(page.getByText(/Letter saved:/)).toBeVisible()
  const pdf = path.join(harness.current.outDir, 'RF-2026-0001 FS.COM access.pdf')
  expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
  if (havePdftotext) {
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    expect(text).toContain('customer 4711')
    expect(text).toContain('Dear FS.COM privacy team,')
    expect(text).toContain('380 Centerpoint Blvd')
    expect(text).toContain('UNITED STATES')
  }

  await page.getByRole('button', { name: 'Open in my mail program' }).click()
  await expect(page.getByText(/Your mail program has the e-mail/)).toBeVisible()
  const mailto = new URL(harness.current.opened.at(-1)!)
  expect(mailto.protocol).toBe('mailto:')
  expect(mailto.pathname).toBe('legal@fs.com')
  expect(mailto.searchParams.get('subject')).toContain('customer 4711')

  await page.getByRole('button', { name: 'Save as e-mail file (.eml)' }).click()
  await expect(page.getByText(/E-mail saved:/)).toBeVisible()
  const eml = fs.readFileSync(path.join(harness.current.outDir, 'RF-2026-0001 FS.COM access.eml'), 'utf8')
  expect(eml).toMatch(/^To: legal@fs\.com$/m)
  expect(eml).toMatch(/^X-Unsent: 1$/m)

  // Mark as sent: the timeline shows Created then Sent, and the GDPR deadline with days left.
  await page.getByRole('button', { name: 'Mark as sent…' }).click()
  const dialog = page.getByRole('dialog')
  // The date reads in the window's order (English: day/month/year), the calendar date underneath.
  await expect(dialog.getByLabel('Sent on')).toHaveValue('31/01/2026')
  await expect(dialog.getByLabel('Sent on')).toHaveAttribute('data-iso', '2026-01-31')
  await dialog.getByLabel('E-mail').check()
  await snapshot(page, 'mark-sent')
  await dialog.getByRole('button', { name: 'Mark as sent' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)

  const timeline = page.getByRole('list', { name: 'Timeline' })
  await expect(timeline.locator('[data-event]')).toHaveText([/Created\s*31 January 2026/, /Sent by e-mail.*31 January 2026/, /Answer due\s*2 March 2026/])
  // 31 January + 1 month = 28 February 2026, a Saturday: the deadline moves to Monday 2 March.
  await expect(page.getByTestId('due-date')).toHaveText('Monday 2 March 2026')
  await expect(page.getByTestId('days-left')).toHaveText('30 days left')
  await page.getByText('How this date was counted').click()
  await expect(page.getByText(/February has no 31st/)).toBeVisible()
  await expect(page.getByText(/Public holidays are those in Delaware\./)).toBeVisible()
  await expect(page.getByTestId('subject')).toHaveText('Data protection query: access request, Art. 15 GDPR, customer 4711 – RF-2026-0001')
  await snapshot(page, 'request-sent')

  await page.getByRole('button', { name: '← Your requests' }).click()
  const row = page.locator('[role="row"][data-reference="RF-2026-0001"]')
  await expect(row).toContainText('FS.COM')
  await expect(row).toContainText('Awaiting reply')
  await expect(row).toContainText('2 March 2026')
  await expect(row).toContainText('30 days left')
  await snapshot(page, 'dashboard')

  // Everything survives a restart.
  const restarted = await harness.restart()
  await open(page, restarted.url)
  await expect(page.locator('[role="row"][data-reference="RF-2026-0001"]')).toContainText('Awaiting reply')
  await page.locator('[role="row"][data-reference="RF-2026-0001"]').click()
  await expect(page.getByTestId('due-date')).toHaveText('Monday 2 March 2026')
  await expect(page.getByTestId('body')).toContainText('Dear FS.COM privacy team,')
  await page.getByRole('button', { name: 'Your details' }).click()
  await expect(page.getByLabel('Full name')).toHaveValue('Alex Example')
})

test('writes an erasure request to b2s.com under Art. 17', async ({ page, harness }) => {
  await open(page, harness.current.url)
  await fillProfile(page)
  await page.getByRole('button', { name: 'Requests' }).click()
  await page.getByRole('button', { name: 'New request' }).first().click()
  await page.getByLabel('Search companies').fill('b2s')
  await page.locator('[data-company="b2s"]').click()
  await page.getByLabel(/Erasure request/).check()
  await page.getByRole('button', { name: 'Write the request' }).click()
  await expect(page.getByTestId('recipient-email')).toHaveText('webmaster@b2s.com')
  await expect(page.getByTestId('subject')).toHaveValue('Data protection request: erasure, Art. 17 GDPR – RF-2026-0001')
})

test('tells the user when a store file could not be read, moves it aside and still starts', async ({ page, harness, dataDir }) => {
  await harness.current.close()
  fs.writeFileSync(path.join(dataDir, 'profile.json'), '{"version": 1, "profile": {"na')
  const restarted = await harness.restart()
  await open(page, restarted.url)
  const notice = page.locator('.notice[data-code="STORE_FILE_UNREADABLE"]')
  await expect(notice).toContainText('could not be read')
  await expect(notice).toContainText('nothing was deleted')
  await snapshot(page, 'notice-unreadable-store')
  const moved = fs.readdirSync(dataDir).filter((name) => name.startsWith('profile.unreadable-'))
  expect(moved).toHaveLength(1)
  expect(fs.readFileSync(path.join(dataDir, moved[0]!), 'utf8')).toBe('{"version": 1, "profile": {"na')
  await notice.getByRole('button', { name: 'Understood' }).click()
  await expect(notice).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Your requests' })).toBeVisible()
})

test('loads under the strict Content-Security-Policy and talks to the core only through window.api', async ({ page, harness }) => {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text())
  })
  await open(page, harness.current.url)
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
  expect(csp).toContain("script-src 'self'")
  expect(csp).not.toContain('unsafe-eval')
  const shape = await page.evaluate(() => ({
    domains: Object.keys(window.api).sort(),
    frozen: Object.isFrozen(window.api),
    search: typeof window.api.catalog.search,
  }))
  expect(shape).toEqual({ domains: ['app', 'attachments', 'authorities', 'backup', 'bulk', 'catalog', 'deadlines', 'discover', 'evidence', 'letters', 'mail', 'notifications', 'operations', 'profile', 'replies', 'requests', 'settings', 'templates'], frozen: true, search: 'function' })
  // An inline script is refused by the policy.
  const inlineRan = await page.evaluate(() => {
    const script = document.createElement('script')
    script.textContent = 'window.__inline = true'
    document.body.appendChild(script)
    return (window as unknown as { __inline?: boolean }).__inline === true
  })
  expect(inlineRan).toBe(false)
  expect(violations.length).toBeGreaterThan(0)
})
