/**
 * Keyboard and screen-reader focus: after a navigation focus is on the new page's heading and the
 * window's title names the page; a dialog keeps focus inside, closes on Escape and gives focus back
 * to the control that opened it; the skip link and the folded sections work from the keyboard.
 */
import type { Page } from '@playwright/test'
import { expect, openRequest, seedSent, test } from './fixtures'
import { goToSection } from './ui-states'

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name })

/** Whether focus is inside the open dialog. */
const focusInDialog = (page: Page) => page.evaluate(() => document.activeElement?.closest('dialog[open]') !== null && document.activeElement !== null)

test('after a navigation, focus is on the new page heading and the window title names the page', async ({ page, harness }) => {
  const reference = await seedSent(harness.current)
  await page.goto(harness.current.url)
  await expect(heading(page, 'Your requests')).toBeVisible()
  await expect(page).toHaveTitle('Requests - Rightful')

  for (const [section, title, name] of [
    ['Settings', 'Settings', 'Settings'],
    ['Templates', 'Templates', 'Templates'],
    ['Your details', 'Your details', 'Your details'],
    ['Requests', 'Your requests', 'Requests'],
  ] as const) {
    await goToSection(page, section)
    await expect(heading(page, title)).toBeFocused()
    await expect(heading(page, title)).toHaveAttribute('tabindex', '-1')
    await expect(page).toHaveTitle(`${name} - Rightful`)
  }

  // From the keyboard: the request opens, its heading takes focus once the request has loaded.
  const row = page.locator(`[role="row"][data-reference="${reference}"]`)
  await row.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('FS.COM')
  await expect(page).toHaveTitle(`${reference} to FS.COM - Rightful`)

  await page.getByRole('heading', { level: 1 }).getByRole('button', { name: 'FS.COM' }).click()
  await expect(heading(page, 'FS.COM')).toBeFocused()
  await expect(page).toHaveTitle('FS.COM - Rightful')

  // The catalog puts focus in its search box itself: it stays there, and screen readers are told
  // which page this is.
  await page.getByRole('button', { name: '← Companies' }).click()
  await expect(page.getByLabel('Search companies')).toBeFocused()
  await expect(page.getByRole('status').filter({ hasText: 'Companies' })).toHaveCount(1)
  await expect(page).toHaveTitle('Companies - Rightful')
})

test('a dialog keeps focus inside, closes on Escape, and gives focus back to its opener', async ({ page, harness }) => {
  const reference = await seedSent(harness.current)
  await openRequest(page, harness.current, reference)
  const opener = page.getByRole('button', { name: 'Record what happened…' })
  await opener.focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Record what happened' })
  await expect(dialog).toBeVisible()
  expect(await focusInDialog(page)).toBe(true)

  // Round and round: Tab and Shift+Tab never leave the dialog.
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < 14; i += 1) {
      await page.keyboard.press(key)
      expect(await focusInDialog(page), `${key} × ${i + 1}`).toBe(true)
    }
  }
  // From the last control, Tab wraps to the first, and back.
  await dialog.getByRole('button', { name: 'Record', exact: true }).focus()
  await page.keyboard.press('Tab')
  await expect(dialog.getByLabel('What happened')).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await expect(dialog.getByRole('button', { name: 'Record', exact: true })).toBeFocused()

  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(opener).toBeFocused()

  // Closed with Cancel: the same.
  await opener.click()
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(opener).toBeFocused()
})

test('a dialog whose opener is gone once it closes gives focus to the page heading', async ({ page, harness }) => {
  await harness.current.api.call('profile:save', { name: 'Alex Example', email: 'alex@example.org', address: 'Musterstraße 12\n10115 Berlin', country: 'DE' })
  const created = await harness.current.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' })
  if (!created.ok) throw new Error(created.error.message)
  await openRequest(page, harness.current, created.data.record.reference)
  await page.getByRole('button', { name: 'Mark as sent…' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Mark as sent' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  // The draft's "Mark as sent…" is gone with the draft: focus starts again at the top.
  await expect(page.getByRole('button', { name: 'Mark as sent…' })).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused()
})

test('the skip link leads past the sections to the page', async ({ page, harness }) => {
  await page.goto(harness.current.url)
  await expect(heading(page, 'Your requests')).toBeVisible()
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to the page' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('main')).toBeFocused()
  await page.keyboard.press('Tab')
  // The next stop is on the page, not in the sections.
  expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true)
})

test('in a narrow window the sections fold behind Menu, which works from the keyboard', async ({ page, harness }) => {
  await page.setViewportSize({ width: 640, height: 800 })
  await page.goto(harness.current.url)
  const nav = page.getByRole('navigation', { name: 'Sections' })
  const menu = nav.getByRole('button', { name: 'Menu' })
  await expect(menu).toHaveAttribute('aria-expanded', 'false')
  await expect(nav.getByRole('button', { name: 'Settings' })).toBeHidden()

  await menu.focus()
  await page.keyboard.press('Enter')
  await expect(menu).toHaveAttribute('aria-expanded', 'true')
  await page.keyboard.press('Tab')
  await expect(nav.getByRole('button', { name: 'Requests' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(menu).toHaveAttribute('aria-expanded', 'false')
  await expect(menu).toBeFocused()

  await page.keyboard.press('Enter')
  await nav.getByRole('button', { name: 'Settings' }).focus()
  await page.keyboard.press('Enter')
  await expect(heading(page, 'Settings')).toBeFocused()
  await expect(menu).toHaveAttribute('aria-expanded', 'false')
  await expect(nav.getByRole('button', { name: 'Settings' })).toBeHidden()
})
