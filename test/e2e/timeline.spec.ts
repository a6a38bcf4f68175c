/**
 * Deadlines and the timeline, end to end: recording what happened (with files), extensions,
 * corrections, the reminder and the complaint, the dashboard's filters and chart, the settings,
 * and the calendar export. Real renderer, real core.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, openRequest, seedSent, snapshot, test } from './fixtures'

test('records what happened, with the company’s reply kept as a file, and follows an extension', async ({ page, harness }) => {
  const reference = await seedSent(harness.current)
  harness.setNow('2026-02-12T10:00:00Z')
  await openRequest(page, harness.current, reference)

  // The company acknowledged, with its letter attached.
  const reply = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-reply-')), 'FS acknowledgement.pdf')
  fs.writeFileSync(reply, '%PDF-1.4 acknowledgement')
  harness.current.pickNext([reply])
  await page.getByRole('button', { name: 'Record what happened…' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('What happened').selectOption('acknowledged')
  await dialog.getByLabel('On', { exact: true }).fill('2026-02-03')
  await dialog.getByLabel('Note (optional)').fill('Ticket 4711; they will answer within the month.')
  await dialog.getByRole('button', { name: 'Attach files…' }).click()
  await expect(dialog.getByRole('list', { name: 'Files to keep' })).toContainText('FS acknowledgement.pdf')
  await snapshot(page, 'record-event')
  await dialog.getByRole('button', { name: 'Record' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)

  const timeline = page.getByRole('list', { name: 'Timeline' })
  const acknowledged = timeline.locator('[data-event="acknowledged"]')
  await expect(acknowledged).toContainText('Receipt acknowledged')
  await expect(acknowledged).toContainText('3 February 2026')
  await expect(acknowledged).toContainText('Ticket 4711')
  await acknowledged.getByRole('button', { name: /FS acknowledgement\.pdf/ }).click()
  await expect.poll(() => harness.current.revealed.length).toBe(1)
  expect(fs.readFileSync(harness.current.revealed[0]!, 'utf8')).toBe('%PDF-1.4 acknowledgement')

  // The company claims the extension: the later date binds.
  await page.getByRole('button', { name: 'Record what happened…' }).click()
  await page.getByRole('dialog').getByLabel('What happened').selectOption('extension-claimed')
  await page.getByRole('dialog').getByLabel('On', { exact: true }).fill('2026-02-10')
  await page.getByRole('dialog').getByRole('button', { name: 'Record' }).click()
  await expect(page.getByTestId('due-date')).toHaveText('Thursday 30 April 2026')
  await expect(page.locator('.pill').first()).toContainText('Extended')

  // A wrong date is corrected (the earlier value is kept), a wrong event removed.
  const extension = timeline.locator('[data-event="extension-claimed"]')
  await extension.getByRole('button', { name: 'Correct' }).click()
  await page.getByRole('dialog').getByLabel('On', { exact: true }).fill('2026-02-11')
  await page.getByRole('dialog').getByRole('button', { name: 'Save correction' }).click()
  await expect(extension).toContainText('11 February 2026')
  await expect(extension).toContainText('corrected')
  await snapshot(page, 'request-timeline')
  await extension.getByRole('button', { name: 'Correct' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Remove event' }).click()
  await expect(timeline.locator('[data-event="extension-claimed"]')).toHaveCount(0)
  await expect(page.getByTestId('due-date')).toHaveText('Monday 2 March 2026')
})

test('offers the reminder when the deadline has passed, then the complaint, each written from the request', async ({ page, harness }) => {
  const reference = await seedSent(harness.current)
  harness.setNow('2026-03-10T10:00:00Z')
  await openRequest(page, harness.current, reference)
  await expect(page.getByTestId('days-left')).toHaveText('8 days overdue')
  const next = page.getByTestId('next-steps')
  await expect(next).toContainText('The deadline has passed')
  await snapshot(page, 'request-overdue')

  await next.getByRole('button', { name: 'Write the reminder' }).click()
  await expect(page.getByTestId('reference')).toHaveText('RF-2026-0002')
  await expect(page.getByText(`Follows up`)).toBeVisible()
  await expect(page.getByTestId('subject')).toHaveValue(`Data protection request: reminder about ${reference}, Art. 12(3) GDPR – RF-2026-0002`)
  await expect(page.getByTestId('body')).toHaveValue(/by 2 March 2026/)
  await page.getByRole('button', { name: 'Mark as sent…' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Mark as sent' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)

  // The original request now shows the reminder, and two weeks later the complaint.
  await page.getByRole('button', { name: reference }).click()
  await expect(page.getByRole('list', { name: 'Timeline' }).locator('[data-event="reminder-sent"]')).toContainText('10 March 2026')
  harness.setNow('2026-03-25T10:00:00Z')
  await page.reload()
  await page.locator(`[role="row"][data-reference="${reference}"]`).click()
  await page.getByTestId('next-steps').getByRole('button', { name: 'Write the complaint…' }).click()
  const dialog = page.getByRole('dialog')
  // A German user: Rightful does not know the Land, so it asks rather than guesses.
  const authority = dialog.getByTestId('complaint-authority')
  await expect(authority).toHaveValue('')
  await expect(dialog.getByTestId('authority-reason')).toContainText('each Land has its own authority')
  await dialog.getByRole('button', { name: 'Write the complaint' }).click()
  await expect(dialog.getByRole('alert')).toContainText('Choose the authority')
  // Typing one in is still possible.
  await authority.selectOption('__own__')
  await expect(dialog.getByLabel('Its e-mail address for complaints')).toBeVisible()
  await authority.selectOption('de-be-bbdi')
  await expect(dialog.getByTestId('authority-email')).toHaveText('mailbox@datenschutz-berlin.de')
  await expect(dialog.getByTestId('authority-reason')).toContainText('If you live in Berlin')
  // Written in the authority's language unless the user chooses another.
  const language = dialog.getByTestId('complaint-language')
  await expect(language).toHaveValue('')
  await expect(language.locator('option:checked')).toHaveText('German (the authority’s language)')
  await snapshot(page, 'complaint-dialog')
  await language.selectOption('en')
  await dialog.getByRole('button', { name: 'Write the complaint' }).click()
  await expect(page.getByTestId('recipient-email')).toHaveText('mailbox@datenschutz-berlin.de')
  await expect(page.getByTestId('subject')).toHaveValue('Data protection complaint about FS.COM, Art. 77 GDPR – RF-2026-0003')
  await expect(page.getByTestId('body')).toHaveValue(/10 March 2026: I sent a reminder/)
})

test('puts what needs attention first, filters, and draws the deadlines on a chart', async ({ page, harness }) => {
  const overdue = await seedSent(harness.current, 'fs-com')
  const later = await seedSent(harness.current, 'foscam')
  const api = harness.current.api
  const draft = await api.call('requests:create', { companyId: 'b2s', type: 'erasure', law: 'gdpr', lang: 'en' })
  if (!draft.ok) throw new Error(draft.error.message)
  await api.call('requests:addEvent', { reference: later, kind: 'extension-claimed', on: '2026-01-31' })
  harness.setNow('2026-03-05T10:00:00Z')
  await page.goto(harness.current.url)

  const rows = page.locator('[role="row"][data-reference]')
  await expect(rows).toHaveCount(3)
  await expect(rows.first()).toHaveAttribute('data-reference', overdue)
  await expect(page.getByRole('button', { name: 'Requests' }).locator('.badge')).toHaveText('1')
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: /Needs attention/ }).click()
  await expect(rows).toHaveCount(1)
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: /Drafts/ }).click()
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('b2s.com')
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: /^All/ }).click()
  await page.getByLabel('Filter by company or reference').fill('foscam')
  await expect(rows).toHaveCount(1)
  await page.getByLabel('Filter by company or reference').fill('')
  await snapshot(page, 'dashboard-filters')

  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Timeline' }).click()
  const chartRow = page.getByRole('button', { name: new RegExp(`FS\\.COM, ${overdue}`) })
  await expect(chartRow).toBeVisible()
  await snapshot(page, 'dashboard-chart')
  await chartRow.click()
  await expect(page.getByTestId('reference')).toHaveText(overdue)
})

test('changes how deadlines are counted in the settings, and exports them to a calendar', async ({ page, harness }) => {
  const reference = await seedSent(harness.current)
  await harness.current.api.call('requests:addEvent', { reference, kind: 'identity-requested', on: '2026-01-31' })
  harness.setNow('2026-02-05T10:00:00Z')
  await harness.current.api.call('requests:addEvent', { reference, kind: 'identity-provided', on: '2026-02-04' })
  await openRequest(page, harness.current, reference)
  await expect(page.getByTestId('due-date')).toHaveText('Monday 2 March 2026')

  await page.getByRole('button', { name: 'Settings' }).click()
  const pause = page.locator('[data-setting="gdprPauseForIdentity"]')
  await expect(pause).toContainText('unverified')
  await pause.getByRole('checkbox').check()
  await snapshot(page, 'settings')
  await page.getByRole('button', { name: 'Requests' }).click()
  await page.locator(`[role="row"][data-reference="${reference}"]`).click()
  // 31 January + 1 month = 28 February; paused 31 January to 4 February, both days counted: 5 days later.
  await expect(page.getByTestId('due-date')).toHaveText('Thursday 5 March 2026')
  await page.getByText('How this date was counted').click()
  await expect(page.getByText('The wait for identity information is paused')).toBeVisible()

  await page.getByRole('button', { name: '← Your requests' }).click()
  await page.getByRole('button', { name: 'Export deadlines (.ics)' }).click()
  await expect(page.getByText(/saved to .*Rightful deadlines\.ics/)).toBeVisible()
  const ics = fs.readFileSync(path.join(harness.current.outDir, 'Rightful deadlines.ics'), 'utf8')
  expect(ics).toContain(`UID:${reference.toLowerCase()}-due@rightful`)
  expect(ics).toContain('DTSTART;VALUE=DATE:20260305')
})
