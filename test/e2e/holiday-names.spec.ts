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

test.describe('a French system', () => {
  test.use({ locale: 'fr-FR' })

  test('a PIPEDA request names the law, Canada’s federal holidays and its interpretation in French', async ({ page, harness }) => {
    // Sent on Saturday 12 September 2026: 30 days later is Monday 12 October, Thanksgiving (a federal holiday).
    harness.setNow('2026-09-12T10:00:00Z')
    const api = harness.current.api
    await api.call('profile:save', { name: 'Camille Exemple', email: 'camille@example.org', address: '12 rue Sainte-Catherine\nMontréal QC H2X 1K4', country: 'CA' })
    const created = await api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'pipeda', lang: 'fr' })
    if (!created.ok) throw new Error(created.error.message)
    const reference = created.data.record.reference
    const sent = await api.call('requests:markSent', { reference, on: '2026-09-12', channel: 'email' })
    if (!sent.ok) throw new Error(sent.error.message)
    await openRequest(page, harness.current, reference)
    const panel = page.getByTestId('deadline')
    await expect(panel.getByText('LPRPDE, par. 8(3)')).toBeVisible()
    await panel.locator('summary').click()
    await expect(panel.getByText(/lundi 12 octobre 2026 \(Action de grâces\)/)).toBeVisible()
    await expect(panel.getByText(/mercredi 11 novembre 2026 \(jour du Souvenir\)/)).toBeVisible()
    await expect(panel.getByText('Un samedi peut être le dernier jour.')).toBeVisible()
    await expect(panel.getByText(/Thanksgiving|Remembrance|Saturday is/)).toHaveCount(0)
    await snapshot(page, 'fr-request-federal-holiday')
  })
})

test.describe('a Simplified Chinese system', () => {
  test.use({ locale: 'zh-CN' })

  test('a Hong Kong request names the holiday in Simplified characters', async ({ page, harness }) => {
    // Sent on 15 April 2026: 40 days later is Monday 25 May, the day following Buddha's Birthday (佛誕翌日 in Hong Kong's own words).
    harness.setNow('2026-04-15T10:00:00Z')
    const api = harness.current.api
    const saved = await api.call('profile:save', { name: '陈小明', email: 'chen@example.org', address: '1 Kwun Tong Road\nKowloon, Hong Kong', country: 'HK' })
    if (!saved.ok) throw new Error(saved.error.message)
    const created = await api.call('requests:create', { companyId: 'b2s', type: 'access', law: 'hk-pdpo', lang: 'zh-Hant' })
    if (!created.ok) throw new Error(created.error.message)
    const reference = created.data.record.reference
    const sent = await api.call('requests:markSent', { reference, on: '2026-04-15', channel: 'email' })
    if (!sent.ok) throw new Error(sent.error.message)
    await openRequest(page, harness.current, reference)
    const panel = page.getByTestId('deadline')
    await panel.locator('summary').click()
    await expect(panel.getByText(/2026年5月25日星期一（佛诞翌日）/)).toBeVisible()
    await expect(panel.getByText(/《释义及通则条例》第71条/)).toBeVisible()
    await expect(panel.getByText(/佛誕|Interpretation and General/)).toHaveCount(0)
    await snapshot(page, 'zh-Hans-request-hong-kong-holiday')
  })
})
