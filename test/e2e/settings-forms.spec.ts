/**
 * The mail settings and the IMAP card check what is typed with the core's own server schemas
 * before anything is sent: each problem beside its field in the window's language (English and
 * Chinese), the first such field focused, nothing saved. A picture of the mail form with its errors.
 */
import { expect, snapshot, test } from './fixtures'
import { at, errorOf, read } from './form-words'

for (const [lang, locale] of [['en', 'en-GB'], ['zh-Hans', 'zh-CN']] as const) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale })
    const ui = (file: string, key: string) => at(read(`renderer/src/locales/${lang}/${file}.json`), key)
    const core = (key: string) => at(read(`electron/core/messages/locales/${lang}.json`), key)

    test('the mail settings say a bad server, port and From address beside them and save nothing', async ({ page, harness }) => {
      await page.goto(harness.current.url)
      await page.getByRole('button', { name: ui('common', 'nav.settings') }).click()
      const mail = page.getByTestId('mail-settings')
      // Found by their labels, then held by their names: a label that wraps its field names it with the error too.
      await expect(mail.getByLabel(ui('settings', 'mail.server'), { exact: true })).toHaveAttribute('name', 'host')
      await expect(mail.getByLabel(ui('settings', 'mail.port'), { exact: true })).toHaveAttribute('name', 'port')
      await expect(mail.getByLabel(ui('settings', 'mail.from'), { exact: true })).toHaveAttribute('name', 'fromAddress')
      const host = mail.locator('input[name="host"]')
      const port = mail.locator('input[name="port"]')
      const from = mail.locator('input[name="fromAddress"]')
      await host.fill('smtp://mail.example.org')
      await port.fill('0')
      await from.fill('alex at example')
      await mail.getByRole('button', { name: ui('settings', 'mail.save'), exact: true }).click()

      await expect(await errorOf(page, host)).toHaveText(core('issue.schema.smtpHostOnly'))
      await expect(host).toBeFocused()
      await expect(await errorOf(page, port)).toHaveText(core('issue.schema.port'))
      await expect(await errorOf(page, from)).toHaveText(core('issue.notEmail'))
      const saved = await harness.current.api.call('mail:getSmtp', {})
      expect(saved.ok && saved.data.smtp).toBeNull()
      await mail.scrollIntoViewIfNeeded()
      await snapshot(page, `smtp-errors-${lang}`)

      // "Test connection" checks the same before it saves and connects.
      await host.fill('smtp.example.org')
      await mail.getByRole('button', { name: ui('settings', 'mail.test'), exact: true }).click()
      await expect(host).not.toHaveAttribute('aria-invalid', 'true')
      await expect(port).toBeFocused()
      await expect(mail.getByTestId('smtp-test-result')).toHaveCount(0)
      const still = await harness.current.api.call('mail:getSmtp', {})
      expect(still.ok && still.data.smtp).toBeNull()

      // Corrected, it saves what it saved before.
      await port.fill('587')
      await from.fill('')
      await mail.getByRole('button', { name: ui('settings', 'mail.save'), exact: true }).click()
      await expect(host).not.toHaveAttribute('aria-invalid', 'true')
      await expect
        .poll(async () => {
          const now = await harness.current.api.call('mail:getSmtp', {})
          return now.ok ? now.data.smtp : null
        })
        .toEqual({ host: 'smtp.example.org', port: 587, security: 'starttls', user: null, fromAddress: null, trustedCertificate: null })
    })

    test('the IMAP card says a bad server and port beside them and saves nothing', async ({ page, harness }) => {
      await page.goto(harness.current.url)
      await page.getByRole('button', { name: ui('common', 'nav.settings') }).click()
      const card = page.getByRole('region', { name: ui('replies', 'imap.label') })
      await card.getByLabel(ui('replies', 'imap.enable')).check()
      await expect(card.getByLabel(ui('replies', 'imap.server'), { exact: true })).toHaveAttribute('name', 'host')
      await expect(card.getByLabel(ui('replies', 'imap.port'), { exact: true })).toHaveAttribute('name', 'port')
      const host = card.locator('input[name="host"]')
      const port = card.locator('input[name="port"]')
      await host.fill('imap.example.org:993')
      await port.fill('70000')
      await card.getByRole('button', { name: ui('replies', 'imap.save'), exact: true }).click()
      await expect(await errorOf(page, host)).toHaveText(core('issue.schema.imapHostOnly'))
      await expect(host).toBeFocused()
      await expect(await errorOf(page, port)).toHaveText(core('issue.schema.port'))
      const saved = await harness.current.api.call('replies:imapSettings', {})
      expect(saved.ok && saved.data.settings).toBeNull()

      await host.fill('imap.example.org')
      await port.fill('993')
      await card.getByRole('button', { name: ui('replies', 'imap.save'), exact: true }).click()
      await expect
        .poll(async () => {
          const now = await harness.current.api.call('replies:imapSettings', {})
          return now.ok ? now.data.settings?.host : null
        })
        .toBe('imap.example.org')
    })
  })
}
