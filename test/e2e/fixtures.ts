/** Playwright fixtures: each test gets its own harness (real core, temp data folder, fixed clock). */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { startHarness, type Harness } from '../harness/server'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** 31 January 2026, 10:00 UTC: a month-end that tests the deadline rules. */
export const fixedNow = '2026-01-31T10:00:00Z'

export type HarnessControl = {
  current: Harness
  /** Stops the app and starts it again on the same data folder. */
  restart(): Promise<Harness>
  /**
   * Moves the core's clock. The window sees the new day on its next tick (focus, visibility, or
   * local midnight): call `tickDay(page)`, or reload.
   */
  setNow(iso: string): void
}

export const screenshotDir = process.env.SCREENSHOT_DIR ?? path.resolve(__dirname, '..', '..', 'test-results', 'screens')

/** Saves a screenshot of the page for people to look at (docs/screenshots with SCREENSHOT_DIR). */
export async function snapshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true })
  // Transient messages would hide the screen behind them.
  // (Clicked from script: a modal dialog makes them unreachable for the pointer.)
  await page.evaluate(() => document.querySelectorAll<HTMLButtonElement>('.toast-close').forEach((button) => button.click()))
  // Only the content area scrolls: grow the window to the content's height for the picture.
  const viewport = page.viewportSize()
  const height = await page.evaluate(() => {
    const content = document.querySelector('.content')
    return content ? content.scrollHeight : document.documentElement.scrollHeight
  })
  if (viewport && height > viewport.height) await page.setViewportSize({ width: viewport.width, height: Math.min(height, 4000) })
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) })
  if (viewport) await page.setViewportSize(viewport)
}

/**
 * Tells the window that it is in view again, as when the user comes back to it the next morning:
 * the app asks the core for today and, on a new day, fetches status and days left anew.
 */
export async function tickDay(page: Page): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event('focus')))
}

export const test = base.extend<{ harness: HarnessControl; dataDir: string; onboarded: boolean }>({
  /**
   * Whether the first-start guide is already done (or skipped) when the page opens: true for
   * every spec about something else, so they start on the dashboard; the onboarding spec sets
   * `test.use({ onboarded: false })`.
   */
  onboarded: [true, { option: true }],
  // Playwright requires the destructuring pattern even when no fixture is used.
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-e2e-'))
    await use(dir)
  },
  harness: async ({ dataDir, onboarded }, use) => {
    test.skip(!fs.existsSync(chromiumPath), `Chromium is not installed at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH).`)
    let now = fixedNow
    const clock = { now: () => new Date(now) }
    const start = () => startHarness({ dataDir, clock, outDir: `${dataDir}-saved` })
    const first = await start()
    if (onboarded) {
      const done = await first.api.call('settings:update', { onboarding: { state: 'done' } })
      if (!done.ok) throw new Error(done.error.message)
    }
    const control: HarnessControl = {
      current: first,
      async restart() {
        await control.current.close()
        control.current = await start()
        return control.current
      },
      setNow(iso) {
        now = iso
      },
    }
    await use(control)
    await control.current.close()
  },
})

export { expect }

const sampleProfile = { name: 'Alex Example', email: 'alex@example.org', address: 'Musterstraße 12\n10115 Berlin', country: 'DE' }

/** A GDPR access request written and sent by e-mail on 31 January 2026 (through the core, to save time). */
export async function seedSent(harness: Harness, companyId = 'fs-com'): Promise<string> {
  await harness.api.call('profile:save', sampleProfile)
  const created = await harness.api.call('requests:create', { companyId, type: 'access', law: 'gdpr', lang: 'en' })
  if (!created.ok) throw new Error(created.error.message)
  const reference = created.data.record.reference
  const sent = await harness.api.call('requests:markSent', { reference, on: '2026-01-31', channel: 'email' })
  if (!sent.ok) throw new Error(sent.error.message)
  return reference
}

/** Opens a request from the dashboard. */
export async function openRequest(page: Page, harness: Harness, reference: string): Promise<void> {
  await page.goto(harness.url)
  await page.locator(`[role="row"][data-reference="${reference}"]`).click()
  await expect(page.getByTestId('reference')).toHaveText(reference)
}
