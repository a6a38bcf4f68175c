/**
 * The deadline explanation names a holiday in the window's language (issue 13): a German reader
 * reads "Neujahr", not "New Year's Day", for the public holidays where the company is (FS.COM: Delaware).
 */
import { expect, openRequest, snapshot, test } from './fixtures'

test.describe('a German system', () => {
  test.use({ locale: 'de-DE' })

  test('the request page says the deadline moves past Neujahr', async ({ page, harness }) => {
    // Sent on 1 December 2025 (the clock moved there): one month later is New Year's Day, 1 January 2026.
    harness.setNow('2025-12-01T10:00:00Z')
    const api = harness.current.api
    await api.call('profile:save', { name: 'Alex Example', email: 'alex@example.org', address: 'Musterstraße 12\n10115 Berlin', country: 'DE' })
    const created = await api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'de' })
    if (!created.ok) throw new Error(created.error.message)
    const reference = created.data.record.reference
    const sent = await api.call('requests:markSent', { reference, on: '2025-12-01', channel: 'email' })
    if (!sent.ok) throw new Error(sent.error.message)
    await openRequest(page, harness.current, reference)
    await expect(page.getByText('Freitag, 2. Januar 2026').first()).toBeVisible()
    await page.getByText('Wie diese Frist berechnet wurde').click()
    await expect(page.getByText(/Donnerstag, 1\. Januar 2026 \(Neujahr\)/)).toBeVisible()
    await expect(page.getByText(/New Year/)).toHaveCount(0)
    await snapshot(page, 'de-request-holiday-name')
  })
})
