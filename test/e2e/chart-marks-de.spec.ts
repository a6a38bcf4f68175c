/**
 * The deadline chart's marks in German (issue 13): chart-layout.ts labels its marks in English
 * ("Usual benchmark", "Receipt acknowledged") for its own tests, but the window shows each mark's
 * words from the `chart` namespace (chart-words.ts). A request without a statutory deadline (an
 * LGPD erasure: a benchmark mark), acknowledged and answered once, is drawn in a German window and
 * every mark's tooltip is read: German words, none of the layout's English.
 */
import { expect, snapshot, test } from './fixtures'

test.use({ locale: 'de-DE' })

/** The English labels chart-layout.ts gives the marks of this request. */
const layoutEnglish = ['Usual benchmark', 'Receipt acknowledged', 'ID details requested', 'Delivered', 'Reply received', 'Was due']

test('the chart\'s marks and the benchmark read in German', async ({ page, harness }) => {
  const { api } = harness.current
  await api.call('profile:save', { name: 'Alex Example', email: 'alex@example.org', address: 'Musterstraße 12\n10115 Berlin', country: 'DE' })
  const created = await api.call('requests:create', { companyId: 'fs-com', type: 'erasure', law: 'lgpd', lang: 'en' })
  if (!created.ok) throw new Error(created.error.message)
  const reference = created.data.record.reference
  const sent = await api.call('requests:markSent', { reference, on: '2026-01-31', channel: 'email' })
  if (!sent.ok) throw new Error(sent.error.message)
  harness.setNow('2026-02-25T10:00:00Z')
  for (const [kind, on] of [
    ['acknowledged', '2026-02-03'],
    ['reply-received', '2026-02-10'],
  ] as const) {
    const added = await api.call('requests:addEvent', { reference, kind, on, note: null, until: null })
    if (!added.ok) throw new Error(added.error.message)
  }

  await page.goto(harness.current.url)
  await page.getByRole('group', { name: 'Ansicht' }).getByRole('button', { name: 'Zeitleiste' }).click()
  const chart = page.locator('.deadline-chart')
  await expect(chart.locator('figcaption')).toContainText('Frist von 1 gesendeten Anfrage')
  const titles = (await chart.locator('svg title').allTextContents()).join('\n')
  expect(titles).toContain('Üblicher Richtwert · 18. Februar 2026')
  expect(titles).toContain('Eingang bestätigt · 3. Februar 2026')
  expect(titles).toContain('Antwort erhalten · 10. Februar 2026')
  for (const english of layoutEnglish) expect(titles).not.toContain(english)
  await expect(chart.getByRole('list', { name: 'Legende' })).toContainText('Üblicher Richtwert')
  await snapshot(page, 'de-chart-marks')
})
