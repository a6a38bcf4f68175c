/**
 * The requests table at the widths people use: it holds at 1024 px (nothing overflows, no column
 * runs into the next), shows every column where there is room, and at 200% zoom (640 px) keeps
 * everything on screen with the sections folded behind Menu.
 */
import type { Page } from '@playwright/test'
import { expect, snapshot, test } from './fixtures'
import { sidewaysProblems, tableProblems } from './layout-checks'
import { seedDashboard } from './ui-states'

/** The column headers a sighted user sees, in order. */
const visibleHeaders = (page: Page) =>
  page.locator('[role="table"] [role="columnheader"]').evaluateAll((cells) => cells.filter((c) => getComputedStyle(c).display !== 'none').map((c) => c.textContent?.trim()))

test('the requests table holds at 1024 px: nothing overflows, no column runs into the next', async ({ page, harness }) => {
  await seedDashboard(harness)
  await page.setViewportSize({ width: 1024, height: 768 })
  await page.goto(harness.current.url)
  await expect(page.locator('[role="row"][data-reference]')).toHaveCount(5)
  await expect.poll(() => tableProblems(page)).toEqual([])
  await expect.poll(() => sidewaysProblems(page)).toEqual([])
  // The first column holds only the box that picks every request shown.
  expect(await visibleHeaders(page)).toEqual(['', 'Reference', 'Company', 'Kind', 'Status', 'Deadline'])
  await snapshot(page, 'dashboard-1024')

  // Where there is room, the day each request was sent too.
  await page.setViewportSize({ width: 1280, height: 860 })
  await expect.poll(() => visibleHeaders(page)).toEqual(['', 'Reference', 'Company', 'Kind', 'Status', 'Sent', 'Deadline'])
  await expect.poll(() => tableProblems(page)).toEqual([])
  // A screen reader reads the same cells as are shown.
  const row = page.getByRole('row').filter({ hasText: 'RF-2025-0001' })
  await expect(row.getByRole('cell')).toHaveCount(7)
})

test('at 200% zoom (640 px) the dashboard keeps everything on screen, the sections behind Menu', async ({ page, harness }) => {
  await seedDashboard(harness)
  await page.setViewportSize({ width: 640, height: 800 })
  await page.goto(harness.current.url)
  await expect(page.locator('[role="row"][data-reference]')).toHaveCount(5)
  await expect.poll(() => tableProblems(page)).toEqual([])
  await expect.poll(() => sidewaysProblems(page)).toEqual([])
  expect(await visibleHeaders(page)).toEqual(['', 'Request', 'Status', 'Deadline'])
  // The folded cells still say the company, reference and kind.
  await expect(page.locator('[role="row"][data-reference="RF-2025-0001"]')).toContainText(/FS\.COM\s*RF-2025-0001 · Access GDPR/)
  await snapshot(page, 'zoom-200')

  await page.getByRole('button', { name: 'Menu' }).click()
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Companies' })).toBeVisible()
  await expect.poll(() => sidewaysProblems(page)).toEqual([])
  await snapshot(page, 'zoom-200-menu')
})
