/**
 * The dashboard's list is fetched once when the window opens (the window and the dashboard both
 * ask for it: the second joins the first), and fetched anew after a change.
 */
import { expect, seedSent, test } from './fixtures'

test('fetches the request list once at start, and again after a change', async ({ page, harness }) => {
  const reference = await seedSent(harness.current)
  harness.setNow('2026-02-12T10:00:00Z')
  const listCalls: string[] = []
  page.on('request', (request) => {
    if (request.url().endsWith('/__harness/api') && (request.postData() ?? '').includes('"requests:list"')) listCalls.push(request.url())
  })
  await page.goto(harness.current.url)
  await expect(page.locator(`[role="row"][data-reference="${reference}"]`)).toBeVisible()
  // Everything the start asks for has been answered.
  await page.waitForLoadState('networkidle')
  expect(listCalls).toHaveLength(1)

  // After a change made in the window, the list is fetched anew (its status and deadline moved).
  await page.locator(`[role="row"][data-reference="${reference}"]`).click()
  await page.getByRole('button', { name: 'Record what happened…' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('What happened').selectOption('acknowledged')
  await dialog.getByLabel('On', { exact: true }).fill('2026-02-03')
  await dialog.getByRole('button', { name: 'Record' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect.poll(() => listCalls.length).toBe(2)
})
