/**
 * The dashboard's multi-select, end to end: pick requests (one by one, or all shown), write a
 * reminder for every overdue one, export the picked ones as CSV, record the letters among them as
 * posted; each action says what it left alone and why. Real renderer, real core.
 */
import fs from 'node:fs'
import path from 'node:path'
import { expect, seedSent, snapshot, test } from './fixtures'

test('picks requests on the dashboard: reminders for all overdue, export, letters marked as posted', async ({ page, harness }) => {
  const api = harness.current.api
  const overdue = [await seedSent(harness.current, 'fs-com'), await seedSent(harness.current, 'foscam'), await seedSent(harness.current, 'spotify')]
  harness.setNow('2026-02-20T10:00:00Z')
  const draft = async (companyId: string) => {
    const created = await api.call('requests:create', { companyId, type: 'access', law: 'gdpr', lang: 'en' })
    if (!created.ok) throw new Error(created.error.message)
    return created.data.record.reference
  }
  const notDue = await draft('netflix')
  const sent = await api.call('requests:markSent', { reference: notDue, on: '2026-02-20', channel: 'email' })
  if (!sent.ok) throw new Error(sent.error.message)
  const letter = await draft('4wmarketplace')
  const email = await draft('b2s')
  harness.setNow('2026-03-10T10:00:00Z')
  await page.goto(harness.current.url)

  const rows = page.locator('[role="row"][data-reference]')
  const row = (reference: string) => page.locator(`[role="row"][data-reference="${reference}"]`)
  const show = page.getByRole('group', { name: 'Show' })
  await expect(rows).toHaveCount(6)

  // All that needs attention, picked with one box: the three overdue requests.
  await show.getByRole('button', { name: /Needs attention/ }).click()
  await expect(rows).toHaveCount(3)
  await page.getByRole('checkbox', { name: 'Select all shown' }).check()
  const bar = page.getByRole('group', { name: 'Selected requests' })
  await expect(bar.getByTestId('selected-count')).toHaveText('3 requests selected')
  await snapshot(page, 'dashboard-selection')
  await bar.getByRole('button', { name: 'Write reminders (3 overdue)' }).click()
  const outcome = page.getByTestId('selection-outcome')
  await expect(outcome).toContainText('Wrote 3 reminders (RF-2026-0007, RF-2026-0008, RF-2026-0009)')
  await expect(bar).toHaveCount(0)
  await outcome.getByRole('button', { name: 'Show drafts' }).click()
  await expect(rows).toHaveCount(5)
  for (const reference of ['RF-2026-0007', 'RF-2026-0008', 'RF-2026-0009']) await expect(row(reference)).toBeVisible()
  // Each reminder follows up its request, as the request's own page would have written it.
  const reminders = await Promise.all(['RF-2026-0007', 'RF-2026-0008', 'RF-2026-0009'].map((reference) => api.call('requests:get', { reference })))
  expect(reminders.map((r) => (r.ok ? [r.data.record.type, r.data.record.followUpOf] : null)).sort()).toEqual(overdue.map((o) => ['reminder', o]).sort())

  // Once more for one of them and one that is not due: nothing new, and why.
  await show.getByRole('button', { name: /^All/ }).click()
  await row(overdue[0]!).getByRole('checkbox').check()
  await row(notDue).getByRole('checkbox').check()
  // A click on the box picks the request; it does not open it.
  await expect(page.getByRole('heading', { name: 'Your requests' })).toBeVisible()
  await bar.getByRole('button', { name: 'Write reminders (1 overdue)' }).click()
  await expect(outcome).toContainText('No reminder written.')
  await expect(outcome.locator('[data-reason="reminder-waiting"]')).toContainText(new RegExp(`The reminder RF-2026-000[789] for ${overdue[0]} \\(FS\\.COM\\) is written and waits to be sent`))
  await expect(outcome.locator('[data-reason="not-overdue"]')).toContainText(notDue)
  await expect(rows).toHaveCount(9)

  // Export the picked ones (the selection is still there: nothing was written).
  await expect(bar.getByTestId('selected-count')).toHaveText('2 requests selected')
  await bar.getByRole('button', { name: 'Export (.csv)' }).click()
  await expect(page.getByText(/2 requests saved to .*Rightful requests\.csv/)).toBeVisible()
  const csv = fs.readFileSync(path.join(harness.current.outDir, 'Rightful requests.csv'), 'utf8').split('\r\n')
  expect(csv[0]).toMatch(/^Reference,Company,/)
  // In the order the dashboard shows them: the overdue one first.
  expect(csv.slice(1, -1).map((line) => line.split(',')[0])).toEqual([overdue[0], notDue])
  await bar.getByRole('button', { name: 'Clear' }).click()
  await expect(bar).toHaveCount(0)

  // Letters: the letter draft is marked as posted; the e-mail draft is left as it is.
  await row(letter).getByRole('checkbox').check()
  await row(email).getByRole('checkbox').check()
  await bar.getByRole('button', { name: 'Mark letters as posted…' }).click()
  const post = page.getByRole('group', { name: 'Mark letters as posted' })
  await post.getByLabel('Posted on').fill('2026-03-09')
  await snapshot(page, 'dashboard-mark-posted')
  await post.getByRole('button', { name: 'Mark as posted' }).click()
  await expect(outcome).toContainText('Marked 1 letter as posted')
  await expect(outcome.locator('[data-reason="has-email"]')).toContainText(email)
  await expect(row(letter)).not.toHaveClass(/status-draft/)
  await expect(row(email)).toHaveClass(/status-draft/)
  const posted = await api.call('requests:get', { reference: letter })
  expect(posted.ok && posted.data.record.sent).toMatchObject({ channel: 'post', on: '2026-03-09' })
  await snapshot(page, 'dashboard-bulk-outcome')
})
