/**
 * The app and the `rightful` command on one data folder: what the command changes shows in the
 * open window once it is in focus again (the store fetches what is on screen anew). The real
 * renderer against the real core, and the built CLI as a second process.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { expect, openRequest, seedSent, snapshot, test } from './fixtures'

const repoRoot = path.resolve(__dirname, '..', '..')
const built = fs.existsSync(path.join(repoRoot, 'build', 'cli', 'cli.js'))

/** The built `rightful` command on the harness's data folder; its JSON answer. */
function rightful(dataDir: string, args: ReadonlyArray<string>): Record<string, unknown> {
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'rightful.js'), ...args, '--json'], {
    env: { ...process.env, RIGHTFUL_DATA_DIR: dataDir },
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`rightful ${args.join(' ')} failed: ${run.stderr}${run.stdout}`)
  return JSON.parse(run.stdout) as Record<string, unknown>
}

/** The user comes back to the window. */
const focusWindow = (page: import('@playwright/test').Page) => page.evaluate(() => window.dispatchEvent(new Event('focus')))

test('shows what the rightful command changed in the same data folder when the window is in focus again', async ({ page, harness, dataDir }) => {
  test.skip(!built, 'The CLI is not built (npm run build:cli): there is no second process to run.')
  const reference = await seedSent(harness.current)
  await openRequest(page, harness.current, reference)
  const timeline = page.getByRole('list', { name: 'Timeline' })
  await expect(timeline.locator('[data-event="acknowledged"]')).toHaveCount(0)

  // In a terminal, while the window is open: an event on the open request.
  rightful(dataDir, ['requests', 'event', reference, '--kind', 'acknowledged', '--at', '2026-01-31', '--text', 'Ticket 4711, recorded in the terminal'])
  await focusWindow(page)
  await expect(timeline.locator('[data-event="acknowledged"]')).toContainText('Ticket 4711, recorded in the terminal')

  // A new request written in the terminal joins the list of requests.
  await page.getByRole('button', { name: 'Requests', exact: true }).click()
  const drafted = String(rightful(dataDir, ['draft', '--company', 'b2s', '--type', 'erasure', '--law', 'gdpr', '--lang', 'en']).reference)
  await expect(page.locator(`[role="row"][data-reference="${drafted}"]`)).toHaveCount(0)
  await focusWindow(page)
  await expect(page.locator(`[role="row"][data-reference="${drafted}"]`)).toBeVisible()
  await expect(page.locator(`[role="row"][data-reference="${reference}"]`)).toBeVisible()
  await snapshot(page, 'shared-folder-dashboard')

  // A company added in the terminal is found in the catalog.
  await page.getByRole('button', { name: 'Companies' }).click()
  await page.getByLabel('Search companies').fill('corner shop')
  await expect(page.locator('[data-company="corner-shop-gmbh"]')).toHaveCount(0)
  const company = rightful(dataDir, ['catalog', 'add', '--name', 'Corner Shop GmbH', '--email', 'datenschutz@cornershop.example'])
  expect(company.id).toBe('corner-shop-gmbh')
  await focusWindow(page)
  await expect(page.locator('[data-company="corner-shop-gmbh"]')).toBeVisible()
  await snapshot(page, 'shared-folder-companies')
})
