/**
 * The dashboard with 10,000 requests: only the rows in view (and a few around them) are in the
 * page, the table tells assistive technology how many rows there are, and scrolling or the
 * keyboard (arrows, Page Up/Down, Home, End) reaches every one of them, the last included.
 */
import fs from 'node:fs'
import path from 'node:path'
import { expect, seedSent, snapshot, test } from './fixtures'

const count = 10_000

test('shows 10,000 requests a window at a time, and scrolling and the keyboard reach the last', async ({ page, harness }) => {
  test.setTimeout(300_000)
  // One request through the core, then copies of its file under new references, as a restored
  // backup would bring them; the restarted core reads them into its index.
  const first = await seedSent(harness.current)
  const dir = path.join(harness.current.dataDir, 'requests')
  const template = JSON.parse(fs.readFileSync(path.join(dir, `${first}.json`), 'utf8'))
  for (let n = 2; n <= count; n += 1) {
    const reference = `RF-2026-${String(n).padStart(4, '0')}`
    fs.writeFileSync(path.join(dir, `${reference}.json`), JSON.stringify({ ...template, reference, company: { ...template.company, name: `Company ${n}` } }, null, 2))
  }
  await harness.restart()
  await page.goto(harness.current.url)

  const table = page.getByRole('table', { name: 'Requests' })
  const rows = table.locator('[role="row"][data-reference]')
  await expect(rows.first()).toBeVisible({ timeout: 120_000 })
  await expect(table).toHaveAttribute('aria-rowcount', String(count + 1))
  const rendered = await rows.count()
  expect(rendered).toBeGreaterThan(5)
  expect(rendered).toBeLessThan(100)
  await snapshot(page, 'dashboard-10000')

  // Scrolled to the end: the last row is in the page, and still only a window of rows.
  await page.locator('.grid-body').evaluate((body) => {
    body.scrollTop = body.scrollHeight
  })
  await expect(table.locator(`[role="row"][aria-rowindex="${count + 1}"]`)).toBeVisible()
  expect(await rows.count()).toBeLessThan(100)

  // The keyboard: Home to the first row, End to the last, arrows and Page Down in between.
  await page.locator('.grid-body').evaluate((body) => {
    body.scrollTop = 0
  })
  await rows.first().focus()
  await page.keyboard.press('End')
  await expect(page.locator(':focus')).toHaveAttribute('aria-rowindex', String(count + 1))
  await page.keyboard.press('ArrowUp')
  await expect(page.locator(':focus')).toHaveAttribute('aria-rowindex', String(count))
  await page.keyboard.press('Home')
  await expect(page.locator(':focus')).toHaveAttribute('aria-rowindex', '2')
  await page.keyboard.press('ArrowDown')
  await expect(page.locator(':focus')).toHaveAttribute('aria-rowindex', '3')
  await page.keyboard.press('PageDown')
  const afterPage = Number(await page.locator(':focus').getAttribute('aria-rowindex'))
  expect(afterPage).toBeGreaterThan(3)
  await page.keyboard.press('ArrowUp')
  await expect(page.locator(':focus')).toHaveAttribute('aria-rowindex', String(afterPage - 1))
  expect(await rows.count()).toBeLessThan(100)

  // Enter still opens the focused request.
  const reference = await page.locator(':focus').getAttribute('data-reference')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('reference')).toHaveText(reference ?? '')
})
