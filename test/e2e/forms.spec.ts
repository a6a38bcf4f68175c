/**
 * Forms check what is typed with the core's own schemas before anything is sent: each problem
 * sits beside its field in the window's language (aria-invalid, aria-describedby), the first
 * field with a problem takes the focus, and nothing reaches the core. In English and German,
 * with a picture of each.
 */
import { expect, snapshot, test } from './fixtures'
import { at, errorOf, read } from './form-words'

for (const lang of ['en', 'de'] as const) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale: lang === 'de' ? 'de-DE' : 'en-GB' })

    test('the company form shows each problem beside its field, focuses the first, and sends nothing', async ({ page, harness }) => {
      const ui = (file: string, key: string) => at(read(`renderer/src/locales/${lang}/${file}.json`), key)
      const core = (key: string) => at(read(`electron/core/messages/locales/${lang}.json`), key)
      await page.goto(harness.current.url)
      await page.getByRole('button', { name: ui('common', 'nav.companies') }).click()
      await page.getByRole('button', { name: ui('companyEdit', 'addTitle') }).first().click()
      const form = page.locator('form.company-edit')
      await form.getByLabel(ui('companyEdit', 'field.website')).fill('cornershop.example')
      await form.getByLabel(ui('companyEdit', 'email.nth').replace('{{n}}', '1'), { exact: true }).fill('datenschutz at cornershop')
      await form.getByRole('button', { name: ui('companyEdit', 'postal.add') }).click()
      await form.getByLabel(ui('companyEdit', 'postal.lines')).fill('Hauptstraße 1\n10115 Berlin')
      await form.locator('button[type="submit"]').click()

      const name = form.getByLabel(ui('companyEdit', 'field.companyName'))
      await expect(await errorOf(page, name)).toHaveText(core('issue.schema.companyName'))
      await expect(name).toBeFocused()
      await expect(await errorOf(page, form.getByLabel(ui('companyEdit', 'field.website')))).toHaveText(core('issue.schema.wholeWebAddress'))
      await expect(await errorOf(page, form.getByLabel(ui('companyEdit', 'email.nth').replace('{{n}}', '1'), { exact: true }))).toHaveText(core('issue.notEmail'))
      await expect(await errorOf(page, form.getByLabel(ui('companyEdit', 'postal.country')))).toHaveText(core('issue.schema.addressCountry'))
      await expect(page.locator('.toast')).toHaveCount(0)
      const found = await harness.current.api.call('catalog:search', { query: 'cornershop' })
      expect(found.ok && found.data).toEqual([])
      await snapshot(page, `form-errors-${lang}`)

      // Corrected, a field's error goes at the next try; the rest stay until they are fixed.
      await name.fill('Corner Shop GmbH')
      await form.locator('button[type="submit"]').click()
      await expect(name).not.toHaveAttribute('aria-invalid', 'true')
      await expect(form.getByLabel(ui('companyEdit', 'field.website'))).toBeFocused()
    })

    test('"Your details" says its problems in the window’s language before saving anything', async ({ page, harness }) => {
      const ui = (file: string, key: string) => at(read(`renderer/src/locales/${lang}/${file}.json`), key)
      const core = (key: string) => at(read(`electron/core/messages/locales/${lang}.json`), key)
      const before = await harness.current.api.call('profile:get', {})
      await page.goto(harness.current.url)
      await page.getByRole('button', { name: ui('common', 'nav.profile') }).click()
      const form = page.getByRole('form', { name: ui('common', 'nav.profile') })
      await form.getByLabel(ui('profile', 'name')).fill(' ')
      await form.getByLabel(ui('profile', 'address')).fill('x')
      await form.getByRole('button', { name: ui('profile', 'save'), exact: true }).click()
      const name = form.getByLabel(ui('profile', 'name'))
      await expect(await errorOf(page, name)).toHaveText(core('issue.enterName'))
      await expect(name).toBeFocused()
      await expect(await errorOf(page, form.getByLabel(ui('profile', 'address')))).toHaveText(core('issue.addressWhole'))
      expect(await harness.current.api.call('profile:get', {})).toEqual(before)
      await snapshot(page, `profile-errors-${lang}`)
    })
  })
}
