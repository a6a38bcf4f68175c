/**
 * Dark mode follows the system's setting (prefers-color-scheme): dark surfaces with light text on
 * the page, its cards, tables, fields and dialogs, and nothing left white; the light scheme stays
 * light. (Contrast in both schemes is checked by axe in accessibility.spec.ts.)
 */
import type { Page } from '@playwright/test'
import { expect, openRequest, snapshot, test } from './fixtures'
import { seedDashboard, seedSentWithHistory } from './ui-states'

/** The relative luminance of a computed CSS colour (0 black … 1 white). */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((part) => {
    const c = Number(part) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** Background and text colour of the first element matching each selector. */
async function colorsOf(page: Page, selectors: ReadonlyArray<string>): Promise<Array<{ selector: string; background: number; text: number }>> {
  const computed = await page.evaluate(
    (list) =>
      list.map((selector) => {
        const element = document.querySelector(selector)
        if (!element) return { selector, background: 'missing', text: 'missing' }
        const style = getComputedStyle(element)
        return { selector, background: style.backgroundColor, text: style.color }
      }),
    [...selectors],
  )
  return computed.map(({ selector, background, text }) => {
    if (background === 'missing') throw new Error(`${selector} is not on the page`)
    return { selector, background: luminance(background), text: luminance(text) }
  })
}

/** Every one of them dark with light text (or, for `light`, the reverse). */
async function expectScheme(page: Page, scheme: 'light' | 'dark', selectors: ReadonlyArray<string>): Promise<void> {
  for (const { selector, background, text } of await colorsOf(page, selectors)) {
    if (scheme === 'dark') {
      expect(background, `${selector} background`).toBeLessThan(0.05)
      expect(text, `${selector} text`).toBeGreaterThan(0.5)
    } else {
      expect(background, `${selector} background`).toBeGreaterThan(0.8)
      expect(text, `${selector} text`).toBeLessThan(0.1)
    }
  }
}

test('the dashboard follows the system: dark when it is dark, light when it is light', async ({ page, harness }) => {
  await seedDashboard(harness)
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto(harness.current.url)
  await expect(page.locator('[role="row"][data-reference]')).toHaveCount(5)
  const parts = ['html', '.sidebar', '.grid-table', '.replies-inbox', '.toolbar-search', '.reply-card select']
  await expectScheme(page, 'dark', parts)
  await snapshot(page, 'dark-dashboard')

  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Timeline' }).click()
  await expectScheme(page, 'dark', ['.deadline-chart'])
  // The chart's labels are light on the dark surface too.
  const label = await page.locator('.dc-label').first().evaluate((element) => getComputedStyle(element).fill)
  expect(luminance(label)).toBeGreaterThan(0.5)
  await snapshot(page, 'dark-chart')

  await page.emulateMedia({ colorScheme: 'light' })
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'List' }).click()
  await expectScheme(page, 'light', parts)
})

test('a request, its dialog and a company page are dark in dark mode', async ({ page, harness }) => {
  const reference = await seedSentWithHistory(harness)
  await page.emulateMedia({ colorScheme: 'dark' })
  await openRequest(page, harness.current, reference)
  await expect(page.locator('.reply-card')).toHaveCount(1)
  await expectScheme(page, 'dark', ['.letter-preview', '.request-side .card', '.reply-card'])
  await snapshot(page, 'dark-request')

  await page.getByRole('button', { name: 'Record what happened…' }).click()
  await expectScheme(page, 'dark', ['dialog[open]', 'dialog[open] select', 'dialog[open] textarea'])
  await page.keyboard.press('Escape')

  await page.getByRole('heading', { level: 1 }).getByRole('button', { name: 'FS.COM' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'FS.COM' })).toBeVisible()
  await expectScheme(page, 'dark', ['.company-page .contact', '.quote blockquote'])
  await snapshot(page, 'dark-company')
})
