/**
 * An incomplete access answer, end to end: the company's reply with data comes in, the request
 * page offers "Check the answer" with the law's items and Rightful's suggestions (marked, not
 * ticked), the user ticks and accepts, and "Write the follow-up" drafts the letter that lists
 * exactly the items ticked missing and the period that still runs. Real renderer, real core.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, openRequest, seedSent, snapshot, test } from './fixtures'

const reply = [
  'From FS.COM Privacy Team <privacy@fs.com> on 9 Feb 2026',
  'Subject: Re: Data protection query: access request',
  '',
  'Dear Alex Example,',
  'please find attached a copy of your personal data held in our customer and order systems.',
  'We process your data for the following purposes: order fulfilment, customer support and invoicing.',
  'The categories of personal data are contact details, order history and support tickets.',
  'Kind regards, FS.COM Privacy Team',
].join('\n')

test('an incomplete access answer: checklist with suggestions, ticks, and the follow-up letter', async ({ page, harness }) => {
  const reference = await seedSent(harness.current)
  harness.setNow('2026-02-10T10:00:00Z')
  const added = await harness.current.api.call('requests:addEvent', { reference, kind: 'data-received', on: '2026-02-09', note: reply })
  if (!added.ok) throw new Error(added.error.message)
  await openRequest(page, harness.current, reference)

  const panel = page.getByTestId('check-answer')
  await expect(panel.getByRole('heading', { name: 'Check the answer' })).toBeVisible()
  await expect(panel.locator('.check-row')).toHaveCount(10)
  // Suggestions are shown as such; nothing is ticked yet.
  await expect(page.getByTestId('suggestion-copy')).toContainText('Suggestion: Arrived')
  await expect(page.getByTestId('suggestion-copy')).toContainText('copy of your personal data')
  await expect(page.getByTestId('suggestion-recipients')).toContainText('Suggestion: Missing')
  await expect(panel.locator('.check-row[data-state=""]')).toHaveCount(10)
  await expect(page.getByTestId('write-follow-up')).toBeDisabled()
  await snapshot(page, 'check-answer-suggested')

  // The user accepts one suggestion, then ticks by hand.
  await page.getByTestId('suggestion-copy').getByRole('button', { name: 'Accept' }).click()
  await expect(page.getByTestId('check-row-copy')).toHaveAttribute('data-state', 'arrived')
  await expect(page.getByTestId('check-row-copy')).toContainText('Suggestion accepted')
  const row = (id: string) => page.getByTestId(`check-row-${id}`)
  await row('purposes').getByRole('button', { name: 'Arrived' }).click()
  await expect(row('purposes')).toHaveAttribute('data-state', 'arrived')
  await row('recipients').getByRole('button', { name: 'Missing' }).click()
  await expect(row('recipients')).toHaveAttribute('data-state', 'missing')
  await row('retention').getByRole('button', { name: 'Missing' }).click()
  await expect(row('retention')).toHaveAttribute('data-state', 'missing')
  await row('automated').getByRole('button', { name: 'Not applicable' }).click()
  await expect(row('automated')).toHaveAttribute('data-state', 'not-applicable')
  await expect(row('automated')).toContainText('Ticked by you')
  await snapshot(page, 'check-answer-ticked')
  // The panel passes the accessibility rules the other screens are held to, in light and dark mode.
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'])
      .include('[data-testid="check-answer"]')
      .analyze()
    expect(results.violations.map((v) => `${colorScheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  }
  await page.emulateMedia({ colorScheme: 'light' })

  // Ticks survive a restart: they are stored with the request.
  await harness.restart()
  await openRequest(page, harness.current, reference)
  await expect(row('recipients')).toHaveAttribute('data-state', 'missing')

  await page.getByTestId('write-follow-up').click()
  await expect(page.getByTestId('reference')).not.toHaveText(reference)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Follow-up: incomplete answer')
  await expect(page.getByText(`Follows up`)).toBeVisible()
  const body = page.getByTestId('body')
  await expect(body).toHaveValue(/- the recipients or categories of recipients .* \(Art\. 15\(1\)\(c\) GDPR\)/)
  await expect(body).toHaveValue(/- the period for which my personal data will be stored .* \(Art\. 15\(1\)\(d\) GDPR\)/)
  await expect(body).not.toHaveValue(/Art\. 15\(1\)\(h\)/)
  await expect(body).toHaveValue(/runs until 2 March 2026/)
  await expect(page.getByTestId('subject')).toHaveValue(/incomplete answer to RF-2026-0001/)
  await snapshot(page, 'check-answer-follow-up')
})

test.describe('in German', () => {
  test.use({ locale: 'de-DE' })

  test('the checklist and the follow-up speak the user’s language', async ({ page, harness }) => {
    const api = harness.current.api
    await api.call('profile:save', { name: 'Alex Example', email: 'alex@example.org', address: 'Musterstraße 12\n10115 Berlin', country: 'DE' })
    const created = await api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'de' })
    if (!created.ok) throw new Error(created.error.message)
    const reference = created.data.record.reference
    await api.call('requests:markSent', { reference, on: '2026-01-31', channel: 'email' })
    harness.setNow('2026-02-10T10:00:00Z')
    const note = 'Anbei erhalten Sie eine Kopie Ihrer Daten. Die Verarbeitungszwecke sind Vertragserfüllung und Kundenservice. Empfänger ist unser Versanddienstleister.'
    const added = await api.call('requests:addEvent', { reference, kind: 'data-received', on: '2026-02-09', note })
    if (!added.ok) throw new Error(added.error.message)
    await openRequest(page, harness.current, reference)

    const panel = page.getByTestId('check-answer')
    await expect(panel.getByRole('heading', { name: 'Antwort prüfen' })).toBeVisible()
    await expect(page.getByTestId('suggestion-recipients')).toContainText('Vorschlag: Angekommen')
    await panel.getByRole('button', { name: 'Alle Vorschläge übernehmen' }).click()
    await expect(page.getByTestId('check-row-recipients')).toHaveAttribute('data-state', 'arrived')
    await expect(page.getByTestId('check-row-retention')).toHaveAttribute('data-state', 'missing')
    await expect(page.getByTestId('check-row-retention')).toContainText('Vorschlag übernommen')
    await snapshot(page, 'check-answer-de')

    await page.getByTestId('write-follow-up').click()
    await expect(page.getByTestId('reference')).not.toHaveText(reference)
    const body = page.getByTestId('body')
    await expect(body).toHaveValue(/um Auskunft über meine personenbezogenen Daten nach Art\. 15 der Datenschutz-Grundverordnung/)
    await expect(body).toHaveValue(/- die geplante Dauer, für die meine personenbezogenen Daten gespeichert werden.* \(Art\. 15 Abs\. 1 lit\. d DSGVO\)/)
    await expect(body).not.toHaveValue(/lit\. c DSGVO/)
    await expect(body).toHaveValue(/läuft bis zum 2\. März 2026/)
  })
})
