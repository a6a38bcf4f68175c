/**
 * Sending a draft the way people send: the main action follows how the user sends (webmail,
 * mail program, letter, own server), webmail compose links opened through the harness's stand-in
 * for the browser, "Mark as sent" secondary and explained, discarding that asks first; the kinds of
 * request per law on the new-request page; and the window keeping time without a reload.
 */
import type { Page } from '@playwright/test'
import type { Harness } from '../harness/server'
import { expect, openRequest, seedSent, snapshot, test, tickDay } from './fixtures'

const berliner = { name: 'Alex Example', email: 'alex@example.org', address: 'Musterstraße 12\n10115 Berlin', country: 'DE', region: 'DE-BE' }

/** A GDPR access draft to FS.COM, with the user's way of sending set as given. */
async function seedDraft(harness: Harness, sending: { method: 'smtp' | 'mail-program' | 'webmail' | 'letter' | null; webmail?: 'gmail' | 'outlook' | 'yahoo' | null }) {
  const saved = await harness.api.call('profile:save', berliner)
  if (!saved.ok) throw new Error(saved.error.message)
  const set = await harness.api.call('settings:update', { sending: { method: sending.method, webmail: sending.webmail ?? null } })
  if (!set.ok) throw new Error(set.error.message)
  const created = await harness.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' })
  if (!created.ok) throw new Error(created.error.message)
  return created.data.record
}

const sendCard = (page: Page) => page.getByTestId('send-choices')

test('someone who writes in Gmail gets "Write in Gmail" first: the compose page opens with recipient, subject and text', async ({ page, harness }) => {
  const record = await seedDraft(harness.current, { method: 'webmail', webmail: 'gmail' })
  await openRequest(page, harness.current, record.reference)
  const main = sendCard(page).getByRole('button', { name: 'Write in Gmail' })
  await expect(main).toHaveClass(/button-primary/)
  await expect(sendCard(page)).toHaveAttribute('data-main', 'webmail')
  // Mark as sent is there, secondary, and says what it means.
  const markSent = sendCard(page).getByRole('button', { name: 'Mark as sent…' })
  await expect(markSent).not.toHaveClass(/button-primary/)
  await expect(sendCard(page)).toContainText('Sent it yourself, outside Rightful?')
  await expect(sendCard(page)).toContainText('counts the company’s deadline from the day you give')
  await snapshot(page, 'draft-send-choices')

  // An edit on screen goes into the link (it is saved first).
  await page.getByTestId('subject').fill(`Data protection query: access request & copy #1 – ${record.reference}`)
  await main.click()
  await expect(page.getByText('Gmail is open in your browser with the e-mail filled in.')).toBeVisible()
  const opened = harness.current.opened.at(-1)!
  const url = new URL(opened)
  expect(url.origin + url.pathname).toBe('https://mail.google.com/mail/')
  expect(url.searchParams.get('view')).toBe('cm')
  expect(url.searchParams.get('to')).toBe('legal@fs.com')
  expect(url.searchParams.get('su')).toBe(`Data protection query: access request & copy #1 – ${record.reference}`)
  expect(url.searchParams.get('body')).toBe(record.draft.body)
  expect(opened).toContain('%26%20copy%20%231')

  await markSent.click()
  await expect(page.getByRole('dialog', { name: `Mark ${record.reference} as sent` })).toBeVisible()
})

test('the webmail menu offers Gmail, Outlook.com and Yahoo Mail; a text too long for the link is copied instead, and it says so', async ({ page, harness }) => {
  const record = await seedDraft(harness.current, { method: null })
  await openRequest(page, harness.current, record.reference)
  // Nothing chosen, no mail server: the mail program leads.
  await expect(sendCard(page)).toHaveAttribute('data-main', 'mail-program')
  await expect(sendCard(page).getByRole('button', { name: 'Open in my mail program' })).toHaveClass(/button-primary/)

  const toggle = sendCard(page).getByRole('button', { name: 'Write in webmail' })
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  const menu = page.getByTestId('webmail-menu')
  await expect(menu.getByRole('button')).toHaveText(['Write in Gmail', 'Write in Outlook.com', 'Write in Yahoo Mail'])
  await snapshot(page, 'webmail-menu')
  // Escape closes it, the toggle opens it again.
  await page.keyboard.press('Escape')
  await expect(menu).toHaveCount(0)
  await toggle.click()

  await page.getByTestId('webmail-menu').getByRole('button', { name: 'Write in Outlook.com' }).click()
  await expect(page.getByText(/Outlook\.com is open with the recipient and subject\. The text is too long for a web link, so it is copied/)).toBeVisible()
  const url = new URL(harness.current.opened.at(-1)!)
  expect(url.origin + url.pathname).toBe('https://outlook.live.com/mail/0/deeplink/compose')
  expect(url.searchParams.get('to')).toBe('legal@fs.com')
  expect(url.searchParams.get('subject')).toBe(record.draft.subject)
  expect(url.searchParams.get('body')).toBeNull()
  expect(harness.current.copied).toEqual([record.draft.body])
})

test('the main action follows the way the user sends: letters lead with the PDF', async ({ page, harness }) => {
  const record = await seedDraft(harness.current, { method: 'letter' })
  await openRequest(page, harness.current, record.reference)
  await expect(sendCard(page)).toHaveAttribute('data-main', 'letter')
  await expect(sendCard(page).getByRole('button', { name: 'Save PDF letter' })).toHaveClass(/button-primary/)
  await expect(sendCard(page).getByRole('button', { name: 'Open in my mail program' })).not.toHaveClass(/button-primary/)
})

test('discarding a draft asks first; kept, it stays; discarded, it is gone', async ({ page, harness }) => {
  const record = await seedDraft(harness.current, { method: 'mail-program' })
  await openRequest(page, harness.current, record.reference)
  await sendCard(page).getByRole('button', { name: 'Discard this draft…' }).click()
  const dialog = page.getByRole('dialog', { name: `Discard ${record.reference}?` })
  await expect(dialog).toContainText('Rightful cannot bring it back')
  await dialog.getByRole('button', { name: 'Keep the draft' }).click()
  await expect(dialog).toHaveCount(0)
  const kept = await harness.current.api.call('requests:list', {})
  expect(kept.ok && kept.data.map((r) => r.reference)).toEqual([record.reference])

  await sendCard(page).getByRole('button', { name: 'Discard this draft…' }).click()
  await page.getByRole('dialog', { name: `Discard ${record.reference}?` }).getByRole('button', { name: 'Discard the draft' }).click()
  await expect(page.getByRole('heading', { name: 'Your requests' })).toBeVisible()
  await expect(page.getByText(`Draft ${record.reference} discarded.`)).toBeVisible()
  const gone = await harness.current.api.call('requests:list', {})
  expect(gone.ok && gone.data).toEqual([])
})

test('a Berlin user is offered the GDPR\'s rights, never a CCPA opt-out; the ones the law lacks say why', async ({ page, harness }) => {
  await harness.current.api.call('profile:save', berliner)
  await page.goto(harness.current.url)
  await page.getByRole('button', { name: 'New request' }).first().click()
  await page.getByLabel('Search companies').fill('fs.com')
  await page.locator('[data-company="fs-com"]').click()
  await expect(page.getByLabel('Law')).toHaveValue('gdpr')
  await expect(page.getByRole('radio', { name: /Opt-out of sale or sharing/ })).toHaveCount(0)
  await expect(page.getByRole('radio', { name: /Request to restrict processing/ })).toBeVisible()
  const withheld = page.getByTestId('rights-withheld')
  await withheld.locator('summary').click()
  await expect(withheld.locator('[data-type="opt-out"]')).toContainText(
    'Not a right under the GDPR; the CCPA, the VCDPA, the CPA, the CTDPA and the TDPSA have it. Instead: objection to processing or withdrawal of consent.',
  )
  await expect(withheld.locator('[data-type="limit"]')).toContainText('Not a right under the GDPR; the CCPA has it.')

  // Under the CCPA the opt-out is there; restriction is not.
  await page.getByLabel('Law').selectOption('ccpa')
  await expect(page.getByRole('radio', { name: /Opt-out of sale or sharing/ })).toBeVisible()
  await expect(page.getByRole('radio', { name: /Request to restrict processing/ })).toHaveCount(0)
  await expect(page.getByTestId('law-reason')).toContainText('You chose this law instead of GDPR (European Union), which Rightful proposes.')
})

test('when nothing ties a law to the case, no law is preselected: the user picks, told why', async ({ page, harness }) => {
  // A US user who gave no state, writing to FS.COM (US, with a subsidiary in Shenzhen): not a PIPL case.
  await harness.current.api.call('profile:save', { name: 'Sam Rivera', email: 'sam@example.com', address: '1 Market St\nSan Francisco, CA 94105', country: 'US', region: null })
  await page.goto(harness.current.url)
  await page.getByRole('button', { name: 'New request' }).first().click()
  await page.getByLabel('Search companies').fill('fs.com')
  await page.locator('[data-company="fs-com"]').click()
  const law = page.getByLabel('Law')
  await expect(law).toHaveValue('')
  await expect(law).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByTestId('law-reason')).toHaveText(
    'Rightful cannot tell which law applies: you gave no state, and the company is established in the United States, which has no general privacy law. Choose the law that protects you. Add your state in your details: some states give their residents rights of their own.',
  )
  await expect(page.getByRole('button', { name: 'Write the request' })).toBeDisabled()
  await law.selectOption('ccpa')
  await expect(page.getByRole('button', { name: 'Write the request' })).toBeEnabled()
  await page.getByRole('button', { name: 'Write the request' }).click()
  await expect(page.getByTestId('subject')).toHaveValue(/CCPA/)
})

test('the window keeps time: a new day shows the new days left without a reload', async ({ page, harness }) => {
  const reference = await seedSent(harness.current)
  await page.goto(harness.current.url)
  const row = page.locator(`[role="row"][data-reference="${reference}"]`)
  // The deadline cell holds the due date over the days left.
  const daysLeft = async () => Number(/(\d+) days? left$/.exec((await row.locator('[role="cell"]').last().textContent()) ?? '')?.[1])
  await expect(row.locator('[role="cell"]').last()).toHaveText(/\d+ days left$/)
  const before = await daysLeft()

  // Ten days later, the window still open: it learns the new day when it comes back into view.
  harness.setNow('2026-02-10T09:00:00Z')
  await tickDay(page)
  await expect(row.locator('[role="cell"]').last()).toHaveText(new RegExp(`${before - 10} days left$`))
  expect(await daysLeft()).toBe(before - 10)

  // An open request page follows too.
  await row.click()
  await expect(page.getByTestId('reference')).toHaveText(reference)
  await expect(page.locator('.lede .pill')).toContainText(`${before - 10} days left`)
  harness.setNow('2026-02-11T09:00:00Z')
  await tickDay(page)
  await expect(page.locator('.lede .pill')).toContainText(`${before - 11} days left`)
})
