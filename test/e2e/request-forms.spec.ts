/**
 * The request's forms check what is typed with the core's own schemas before anything is sent:
 * the draft editor (in English and German, with a picture of each), the new batch's rate and a
 * policy's source address. Each problem sits beside its field (aria-invalid, aria-describedby),
 * the first field with one takes the focus, and the window calls nothing of the core for it.
 */
import type { Page } from '@playwright/test'
import { expect, openRequest, snapshot, test } from './fixtures'
import { at, errorOf, read } from './form-words'

/** The channels of window.api the page calls from now on, in order (the harness carries each as one POST). */
function apiCalls(page: Page): string[] {
  const calls: string[] = []
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !request.url().includes('/__harness/api')) return
    const body = JSON.parse(request.postData() ?? '{}') as { channel?: string }
    if (body.channel) calls.push(body.channel)
  })
  return calls
}

const profile = { name: 'Alex Example', email: 'alex@example.org', address: 'Musterstraße 12\n10115 Berlin', country: 'DE' }

for (const lang of ['en', 'de'] as const) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale: lang === 'de' ? 'de-DE' : 'en-GB' })

    test('the draft editor says an empty subject and text beside them, focuses the subject, and saves nothing', async ({ page, harness }) => {
      const ui = (key: string) => at(read(`renderer/src/locales/${lang}/requests.json`), key)
      const core = (key: string) => at(read(`electron/core/messages/locales/${lang}.json`), key)
      const h = harness.current
      expect((await h.api.call('profile:save', profile)).ok).toBe(true)
      const created = await h.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' })
      if (!created.ok) throw new Error(created.error.message)
      const reference = created.data.record.reference
      await openRequest(page, h, reference)

      const calls = apiCalls(page)
      const subject = page.getByLabel(ui('page.subject'), { exact: true })
      const body = page.getByLabel(ui('page.text'), { exact: true })
      await subject.fill('   ')
      await body.fill('')
      await page.getByRole('button', { name: ui('page.saveChanges') }).click()

      await expect(await errorOf(page, subject)).toHaveText(core('issue.schema.subjectEmpty'))
      await expect(await errorOf(page, body)).toHaveText(core('issue.schema.textEmpty'))
      await expect(subject).toBeFocused()
      await expect(page.locator('.toast')).toHaveCount(0)
      expect(calls).not.toContain('requests:updateDraft')
      const kept = await h.api.call('requests:get', { reference })
      expect(kept.ok && kept.data.record.draft.subject).toBe(created.data.record.draft.subject)
      await snapshot(page, `draft-errors-${lang}`)

      // Corrected, the draft is saved as typed, and the errors go.
      await subject.fill('Auskunft nach Art. 15 DSGVO')
      await body.fill('Sehr geehrte Damen und Herren,\n\nbitte geben Sie mir Auskunft.')
      await page.getByRole('button', { name: ui('page.saveChanges') }).click()
      await expect(subject).not.toHaveAttribute('aria-invalid', 'true')
      await expect.poll(() => calls.filter((c) => c === 'requests:updateDraft').length).toBe(1)
      await expect
        .poll(async () => {
          const saved = await h.api.call('requests:get', { reference })
          return saved.ok ? [saved.data.record.draft.subject, saved.data.record.draft.body] : null
        })
        .toEqual(['Auskunft nach Art. 15 DSGVO', 'Sehr geehrte Damen und Herren,\n\nbitte geben Sie mir Auskunft.'])
    })
  })
}

test('a batch’s rate out of bounds is said beside it, and no batch is written', async ({ page, harness }) => {
  const h = harness.current
  expect((await h.api.call('profile:save', profile)).ok).toBe(true)
  await page.goto(h.url)
  await page.getByRole('button', { name: 'Companies', exact: true }).click()
  await page.getByRole('button', { name: 'Pick several…' }).click()
  for (const [query, id] of [['spotify', 'spotify'], ['adept', 'adept-id']] as const) {
    await page.getByLabel('Search companies').fill(query)
    await page.locator(`[data-company="${id}"]`).first().waitFor()
    await page.locator('.company-row-pick').filter({ has: page.locator(`[data-company="${id}"]`) }).locator('input[type="checkbox"]').check()
  }
  await page.getByRole('button', { name: 'Ask them at once…' }).click()
  const calls = apiCalls(page)
  const rate = page.getByLabel('E-mails per minute at most')
  await rate.fill('700')
  await page.getByRole('button', { name: 'Write 2 requests' }).click()
  await expect(await errorOf(page, rate)).toContainText('600')
  await expect(rate).toBeFocused()
  expect(calls).not.toContain('bulk:create')
  const batches = await h.api.call('bulk:list', {})
  expect(batches.ok && batches.data).toEqual([])

  // Within bounds, the batch is written at that rate.
  await rate.fill('60')
  await page.getByRole('button', { name: 'Write 2 requests' }).click()
  await expect(page.getByTestId('batch')).toHaveAttribute('data-state', 'review')
  const written = await h.api.call('bulk:list', {})
  expect(written.ok && written.data.length).toBe(1)
})

test('a policy’s source that is not a web address is said beside it, and nothing is read', async ({ page, harness }) => {
  await page.goto(harness.current.url)
  await page.getByRole('button', { name: 'Companies' }).click()
  await page.getByRole('button', { name: 'From a privacy policy…' }).click()
  const calls = apiCalls(page)
  await page.getByLabel('Policy text').fill('Privacy policy of Acme Widgets Ltd. Write to privacy@acme-widgets.example.')
  const source = page.getByLabel('Source address')
  await source.fill('acme widgets dot example')
  await page.getByRole('button', { name: 'Read the policy' }).click()
  await expect(await errorOf(page, source)).not.toBeEmpty()
  await expect(source).toBeFocused()
  expect(calls).not.toContain('catalog:extractPolicy')
  await expect(page.getByTestId('proposal')).toHaveCount(0)

  await source.fill('https://acme-widgets.example/privacy')
  await page.getByRole('button', { name: 'Read the policy' }).click()
  await expect(page.getByTestId('proposal')).toBeVisible()
  expect(calls).toContain('catalog:extractPolicy')
})
