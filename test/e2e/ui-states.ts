/**
 * The app's main screens, each as a name and a way to reach it from a fresh data folder: the table
 * that the accessibility, layout and dark-mode checks walk. Add a screen here (seed through the
 * core to save time, then drive the UI the last steps) and every check covers it.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import type { Harness } from '../harness/server'
import { expect, fixedNow, openRequest, seedSent, type HarnessControl } from './fixtures'

export type UiStateContext = { readonly page: Page; readonly harness: HarnessControl }

export type UiState = {
  /** Unique; it names the test. */
  readonly name: string
  /** A page (the route's own screen) or a dialog opened on one. */
  readonly kind: 'page' | 'dialog'
  /** Seeds what the screen needs and drives the UI until it is on screen. */
  readonly reach: (context: UiStateContext) => Promise<void>
}

const profile = { name: 'Alex Example', email: 'alex@example.org', address: 'Musterstraße 12\n10115 Berlin', country: 'DE' }
const repliesDir = path.resolve(__dirname, '..', 'fixtures', 'replies')

async function call<T>(harness: Harness, channel: string, input: unknown): Promise<T> {
  const result = (await harness.api.call(channel as never, input as never)) as { ok: true; data: T } | { ok: false; error: { message: string } }
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.data
}

async function draft(harness: Harness, companyId = 'fs-com', type = 'access'): Promise<string> {
  await call(harness, 'profile:save', profile)
  const view = await call<{ record: { reference: string } }>(harness, 'requests:create', { companyId, type, law: 'gdpr', lang: 'en' })
  return view.record.reference
}

/**
 * Requests in every state the dashboard tells apart: overdue, running with an extension, waiting
 * for the user, completed, a draft; plus a reply no request claims yet.
 */
export async function seedDashboard(harness: HarnessControl): Promise<{ overdue: string; running: string }> {
  const api = harness.current
  /** A request written and sent on `sentOn` (the core's clock is moved there meanwhile). */
  const sentOn = async (companyId: string, type: string, on: string): Promise<string> => {
    harness.setNow(`${on}T09:00:00Z`)
    const reference = await draft(api, companyId, type)
    await call(api, 'requests:markSent', { reference, on, channel: 'email' })
    return reference
  }
  const overdue = await sentOn('fs-com', 'access', '2025-11-20')
  harness.setNow('2025-11-24T09:00:00Z')
  await call(api, 'requests:addEvent', { reference: overdue, kind: 'acknowledged', on: '2025-11-24' })
  const done = await sentOn('b2s', 'erasure', '2025-12-01')
  harness.setNow('2025-12-20T09:00:00Z')
  await call(api, 'requests:addEvent', { reference: done, kind: 'completed', on: '2025-12-20' })
  const waiting = await sentOn('b2s', 'access', '2026-01-05')
  harness.setNow('2026-01-09T09:00:00Z')
  await call(api, 'requests:addEvent', { reference: waiting, kind: 'identity-requested', on: '2026-01-09' })
  const running = await sentOn('foscam', 'erasure', '2026-01-12')
  harness.setNow('2026-01-20T09:00:00Z')
  await call(api, 'requests:addEvent', { reference: running, kind: 'extension-claimed', on: '2026-01-20' })
  harness.setNow(fixedNow)
  await draft(api, 'foscam')
  const newsletter = 'From: news@shop.example\r\nSubject: Winter sale\r\nDate: Tue, 27 Jan 2026 10:00:00 +0100\r\nMessage-ID: <sale@shop.example>\r\n\r\nEverything must go.\r\n'
  await call(api, 'replies:import', { files: [{ name: 'newsletter.eml', base64: Buffer.from(newsletter).toString('base64') }] })
  return { overdue, running }
}

/** A sent request with a note on its timeline and a confirmed reply. */
export async function seedSentWithHistory(harness: HarnessControl): Promise<string> {
  const reference = await seedSent(harness.current)
  await call(harness.current, 'requests:addEvent', { reference, kind: 'delivered', on: '2026-01-31', note: 'Delivered at 10:14, per the mail server log.' })
  harness.setNow('2026-02-10T10:00:00Z')
  const eml = fs.readFileSync(path.join(repliesDir, 'plain-reference-en.eml'))
  await call(harness.current, 'replies:import', { reference, files: [{ name: 'reply.eml', base64: eml.toString('base64') }] })
  return reference
}

async function home(page: Page, harness: HarnessControl): Promise<void> {
  await page.goto(harness.current.url)
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeAttached()
}

/** Goes to a section through the navigation, as a person would (the menu first in a narrow window). */
export async function goToSection(page: Page, label: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Sections' })
  const menu = nav.getByRole('button', { name: 'Menu' })
  if (await menu.isVisible()) {
    if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click()
  }
  await nav.getByRole('button', { name: label, exact: true }).click()
}

async function openCompany(page: Page, harness: HarnessControl, id: string, query: string): Promise<void> {
  await home(page, harness)
  await goToSection(page, 'Companies')
  await page.getByLabel('Search companies').fill(query)
  await page.locator(`[data-company="${id}"]`).click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
}

async function openTemplate(page: Page, harness: HarnessControl): Promise<void> {
  await call(harness.current, 'profile:save', profile)
  await home(page, harness)
  await goToSection(page, 'Templates')
  await page.getByRole('list', { name: 'Templates' }).getByRole('button').first().click()
  await expect(page.getByTestId('preview-subject')).toBeVisible()
}

const acmePolicy = `Privacy Policy of Acme Widgets Ltd

Acme Widgets Ltd ("we", "us") runs the acme-widgets.example shop.

Contact us
To exercise your data protection rights, write to privacy [at] acme-widgets [dot] com or by post to Acme Widgets Ltd, 12 Market Street, Leeds, LS1 6DT, United Kingdom. Phone: +44 113 496 0000.

Our services are not meant for children under the age of 13.

You may complain to the Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF, casework@ico.org.uk.
`

async function openDialog(page: Page, opener: string): Promise<void> {
  await page.getByRole('button', { name: opener, exact: true }).first().click()
  await expect(page.getByRole('dialog')).toBeVisible()
}

/** Every main screen of the app. */
export const uiStates: ReadonlyArray<UiState> = [
  {
    name: 'dashboard, empty',
    kind: 'page',
    reach: async ({ page, harness }) => {
      await home(page, harness)
      await expect(page.getByRole('heading', { name: 'No requests yet' })).toBeVisible()
    },
  },
  {
    name: 'dashboard, with requests',
    kind: 'page',
    reach: async ({ page, harness }) => {
      await seedDashboard(harness)
      await home(page, harness)
      await expect(page.locator('[role="row"][data-reference]')).toHaveCount(5)
      await expect(page.locator('.reply-card')).toHaveCount(1)
    },
  },
  {
    name: 'dashboard, timeline chart',
    kind: 'page',
    reach: async ({ page, harness }) => {
      await seedDashboard(harness)
      await home(page, harness)
      await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Timeline' }).click()
      await expect(page.locator('.deadline-chart svg.dc-svg')).toBeVisible()
    },
  },
  {
    name: 'new request, choose the company',
    kind: 'page',
    reach: async ({ page, harness }) => {
      await home(page, harness)
      await page.getByRole('button', { name: 'New request' }).first().click()
      await expect(page.getByRole('heading', { name: 'New request', level: 1 })).toBeVisible()
      await expect(page.locator('.company-row').first()).toBeVisible()
    },
  },
  {
    name: 'new request, what to ask',
    kind: 'page',
    reach: async ({ page, harness }) => {
      await home(page, harness)
      await page.getByRole('button', { name: 'New request' }).first().click()
      await page.getByLabel('Search companies').fill('fs.com')
      await page.locator('[data-company="fs-com"]').click()
      await expect(page.getByRole('heading', { name: 'New request to FS.COM' })).toBeVisible()
      await expect(page.getByTestId('profile-needed')).toBeVisible()
    },
  },
  {
    name: 'draft request',
    kind: 'page',
    reach: async ({ page, harness }) => {
      const reference = await draft(harness.current)
      await openRequest(page, harness.current, reference)
      await expect(page.getByRole('heading', { name: 'Send it' })).toBeVisible()
    },
  },
  {
    name: 'draft request, mail server set up',
    kind: 'page',
    reach: async ({ page, harness }) => {
      const reference = await draft(harness.current)
      await call(harness.current, 'mail:saveSmtp', { smtp: { host: 'smtp.example.org', port: 587, security: 'starttls', user: 'alex@example.org', fromAddress: null, trustedCertificate: null } })
      await openRequest(page, harness.current, reference)
      await expect(page.getByTestId('send-panel')).toBeVisible()
    },
  },
  {
    name: 'sent request, with its history and a reply',
    kind: 'page',
    reach: async ({ page, harness }) => {
      const reference = await seedSentWithHistory(harness)
      await openRequest(page, harness.current, reference)
      await expect(page.locator('.reply-card')).toHaveCount(1)
    },
  },
  {
    name: 'overdue request, with the next step',
    kind: 'page',
    reach: async ({ page, harness }) => {
      const reference = await seedSent(harness.current)
      harness.setNow('2026-03-10T10:00:00Z')
      await openRequest(page, harness.current, reference)
      await expect(page.getByTestId('next-steps')).toBeVisible()
      await page.getByText('How this date was counted').click()
    },
  },
  {
    name: 'company (FS.COM)',
    kind: 'page',
    reach: async ({ page, harness }) => {
      await openCompany(page, harness, 'fs-com', 'fs.com')
      await expect(page.getByTestId('privacy-contact')).toBeVisible()
    },
  },
  {
    name: 'company without a contact (Faasoft)',
    kind: 'page',
    reach: async ({ page, harness }) => {
      await openCompany(page, harness, 'faasoft', 'faasoft')
      await expect(page.getByTestId('no-contact')).toBeVisible()
    },
  },
  {
    name: 'company, editing',
    kind: 'page',
    reach: async ({ page, harness }) => {
      await openCompany(page, harness, 'fs-com', 'fs.com')
      await page.getByRole('button', { name: 'Edit', exact: true }).click()
      await expect(page.getByRole('heading', { name: 'Change FS.COM' })).toBeVisible()
    },
  },
  {
    name: 'catalog (companies)',
    kind: 'page',
    reach: async ({ page, harness }) => {
      await home(page, harness)
      await goToSection(page, 'Companies')
      await expect(page.locator('.company-row').first()).toBeVisible()
    },
  },
  {
    name: 'policy import, the text',
    kind: 'page',
    reach: async ({ page, harness }) => {
      await home(page, harness)
      await goToSection(page, 'Companies')
      await page.getByRole('button', { name: 'From a privacy policy…' }).click()
      await page.getByLabel('Policy text').fill(acmePolicy)
    },
  },
  {
    name: 'policy review',
    kind: 'page',
    reach: async ({ page, harness }) => {
      await home(page, harness)
      await goToSection(page, 'Companies')
      await page.getByRole('button', { name: 'From a privacy policy…' }).click()
      await page.getByLabel('Policy text').fill(acmePolicy)
      await page.getByRole('button', { name: 'Read the policy' }).click()
      await expect(page.getByTestId('proposal')).toBeVisible()
    },
  },
  {
    name: 'templates',
    kind: 'page',
    reach: async ({ page, harness }) => {
      await home(page, harness)
      await goToSection(page, 'Templates')
      await expect(page.getByRole('list', { name: 'Templates' })).toBeVisible()
    },
  },
  {
    name: 'template, reading',
    kind: 'page',
    reach: async ({ page, harness }) => {
      await openTemplate(page, harness)
    },
  },
  {
    name: 'template, editing a copy',
    kind: 'page',
    reach: async ({ page, harness }) => {
      await openTemplate(page, harness)
      await page.getByRole('button', { name: 'Edit a copy' }).click()
      await expect(page.getByLabel('Template text')).toBeVisible()
    },
  },
  {
    name: 'your details',
    kind: 'page',
    reach: async ({ page, harness }) => {
      await call(harness.current, 'profile:save', { ...profile, address: '1 Market St\nSan Francisco, CA 94105', country: 'US' })
      await home(page, harness)
      await goToSection(page, 'Your details')
      await expect(page.getByRole('button', { name: 'Use California' })).toBeVisible()
    },
  },
  {
    name: 'settings',
    kind: 'page',
    reach: async ({ page, harness }) => {
      await home(page, harness)
      await goToSection(page, 'Settings')
      await expect(page.getByTestId('mail-settings')).toBeVisible()
    },
  },
  {
    name: 'settings, mail server with a Sent copy',
    kind: 'page',
    reach: async ({ page, harness }) => {
      await call(harness.current, 'mail:saveSmtp', {
        smtp: { host: 'smtp.example.org', port: 25, security: 'none', user: 'alex@example.org', fromAddress: null, trustedCertificate: null },
        password: 'correct horse',
        sentCopy: { enabled: true, host: 'imap.example.org', port: 993, security: 'tls', mailbox: null },
      })
      await home(page, harness)
      await goToSection(page, 'Settings')
      const imap = page.getByRole('region', { name: 'Replies by IMAP' })
      await imap.getByLabel('Fetch replies by IMAP').check()
      await expect(page.getByTestId('mail-settings').getByLabel('IMAP server')).toBeVisible()
    },
  },
  {
    name: 'first start guide',
    kind: 'page',
    reach: async ({ page, harness }) => {
      await call(harness.current, 'settings:update', { onboarding: { state: 'pending' } })
      await page.goto(harness.current.url)
      await expect(page.getByRole('heading', { name: 'Welcome to Rightful', level: 1 })).toBeVisible()
    },
  },
  {
    name: 'first start guide, with errors on its fields',
    kind: 'page',
    reach: async ({ page, harness }) => {
      await call(harness.current, 'settings:update', { onboarding: { state: 'pending' } })
      await page.goto(harness.current.url)
      const guide = page.getByRole('form', { name: 'Set up Rightful' })
      await guide.getByLabel('Full name').fill('Alex Example')
      await guide.getByLabel('Postal address').fill('x')
      await guide.getByLabel('In webmail, in my browser').check()
      await guide.getByRole('button', { name: 'Save and start' }).click()
      await expect(guide.getByLabel('Postal address')).toHaveAttribute('aria-invalid', 'true')
    },
  },
  {
    name: 'draft request, the webmail menu open',
    kind: 'page',
    reach: async ({ page, harness }) => {
      const reference = await draft(harness.current)
      await openRequest(page, harness.current, reference)
      await page.getByTestId('send-choices').getByRole('button', { name: 'Write in webmail' }).click()
      await expect(page.getByTestId('webmail-menu')).toBeVisible()
    },
  },
  {
    name: 'catalog, nothing matches',
    kind: 'page',
    reach: async ({ page, harness }) => {
      await home(page, harness)
      await goToSection(page, 'Companies')
      await page.getByLabel('Search companies').fill('Bäckerei Kowalczyk')
      await expect(page.getByRole('button', { name: 'Learn it from its privacy policy' })).toBeVisible()
    },
  },
  {
    name: 'catalog, data brokers in the results',
    kind: 'page',
    reach: async ({ page, harness }) => {
      await home(page, harness)
      await goToSection(page, 'Companies')
      await page.getByLabel('Search companies').fill('people search')
      await expect(page.locator('.company-row').first()).toBeVisible()
    },
  },
  {
    name: 'company, a data broker with a web form only (Whitepages)',
    kind: 'page',
    reach: async ({ page, harness }) => {
      await openCompany(page, harness, 'whitepages', 'whitepages')
      await expect(page.getByTestId('web-form-only')).toBeVisible()
    },
  },
  {
    name: 'company, now part of another (Lotame)',
    kind: 'page',
    reach: async ({ page, harness }) => {
      await openCompany(page, harness, 'lotame', 'lotame')
      await expect(page.getByTestId('standing')).toBeVisible()
    },
  },
  {
    name: 'company, adding one the catalog has',
    kind: 'page',
    reach: async ({ page, harness }) => {
      await home(page, harness)
      await goToSection(page, 'Companies')
      await page.getByRole('button', { name: 'Add a company' }).click()
      await page.getByLabel('Company name').fill('Spotify Premium')
      await page.getByLabel('Domains').fill('spotify.com')
      await page.getByRole('button', { name: 'Add company' }).click()
      await expect(page.getByTestId('duplicate-notice')).toBeVisible()
    },
  },
  {
    name: 'about and licences',
    kind: 'page',
    reach: async ({ page, harness }) => {
      await home(page, harness)
      const about = page.getByRole('button', { name: 'About and licences' })
      if (!(await about.isVisible())) await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Menu' }).click()
      await about.click()
      await expect(page.getByRole('heading', { name: 'About Rightful', level: 1 })).toBeVisible()
      await page.getByText('Licence text').first().click()
    },
  },
  {
    name: 'dialog: restore a backup, what it holds',
    kind: 'dialog',
    reach: async ({ page, harness }) => {
      await seedSent(harness.current)
      const made = await call<{ path: string | null }>(harness.current, 'backup:create', {})
      if (!made.path) throw new Error('no backup written')
      await home(page, harness)
      await goToSection(page, 'Settings')
      harness.current.pickNext([made.path])
      await page.getByRole('button', { name: 'Restore…' }).click()
      await expect(page.getByRole('dialog', { name: 'Restore a backup' }).getByTestId('restore-preview')).toBeVisible()
    },
  },
  {
    name: 'dialog: mark as sent',
    kind: 'dialog',
    reach: async ({ page, harness }) => {
      const reference = await draft(harness.current)
      await openRequest(page, harness.current, reference)
      await openDialog(page, 'Mark as sent…')
    },
  },
  {
    name: 'dialog: record what happened',
    kind: 'dialog',
    reach: async ({ page, harness }) => {
      const reference = await seedSent(harness.current)
      await openRequest(page, harness.current, reference)
      await openDialog(page, 'Record what happened…')
      await page.getByRole('dialog').getByLabel('What happened').selectOption('extension-claimed')
    },
  },
  {
    name: 'dialog: correct an event',
    kind: 'dialog',
    reach: async ({ page, harness }) => {
      const reference = await seedSentWithHistory(harness)
      await openRequest(page, harness.current, reference)
      await page.getByRole('list', { name: 'Timeline' }).locator('[data-event="delivered"]').getByRole('button', { name: 'Correct' }).click()
      await expect(page.getByRole('dialog')).toBeVisible()
    },
  },
  {
    name: 'dialog: complaint',
    kind: 'dialog',
    reach: async ({ page, harness }) => {
      const reference = await seedSent(harness.current)
      await call(harness.current, 'profile:save', { ...profile, region: 'DE-BE' })
      harness.setNow('2026-03-10T10:00:00Z')
      await call(harness.current, 'requests:addEvent', { reference, kind: 'reminder-sent', on: '2026-03-10' })
      harness.setNow('2026-03-25T10:00:00Z')
      await openRequest(page, harness.current, reference)
      await openDialog(page, 'Write the complaint…')
      await expect(page.getByRole('dialog').getByTestId('authority-details')).toBeVisible()
    },
  },
  {
    name: 'dialog: import companies',
    kind: 'dialog',
    reach: async ({ page, harness }) => {
      await home(page, harness)
      await goToSection(page, 'Companies')
      await openDialog(page, 'Import…')
    },
  },
  {
    name: 'dialog: delete a company',
    kind: 'dialog',
    reach: async ({ page, harness }) => {
      await openCompany(page, harness, 'b2s', 'b2s')
      await openDialog(page, 'Delete')
    },
  },
]
