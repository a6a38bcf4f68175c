/**
 * The last English a person read, in German and Simplified Chinese (issue 13): the complaint
 * dialog's reasons with places as each language says them and the authorities' roles and
 * conditions in the language, and the Australian objection shown as the opt-out of direct
 * marketing it is. The words looked for come from the locale files.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import type { Harness } from '../harness/server'
import { expect, openRequest, snapshot, test } from './fixtures'

const locales = path.resolve(__dirname, '..', '..', 'renderer', 'src', 'locales')
const read = (lang: string, ns: string) => JSON.parse(fs.readFileSync(path.join(locales, lang, `${ns}.json`), 'utf8')) as Record<string, Record<string, string>>

type Case = {
  readonly locale: string
  readonly lang: string
  /** The user's reason, with the Saarland as the language says where one lives. */
  readonly livesIn: string
  /** The BfDI's condition and role, from the authority record's messages. */
  readonly bfdi: string
  /** The Australian objection's scope. */
  readonly scope: string
}

const cases: ReadonlyArray<Case> = [
  { locale: 'de-DE', lang: 'de', livesIn: 'Sie wohnen im Saarland (Deutschland)', bfdi: 'Telekommunikations- oder Postdienste', scope: 'Nur Direktwerbung (APP 7)' },
  { locale: 'zh-CN', lang: 'zh-Hans', livesIn: '您住在德国萨尔', bfdi: '监管电信和邮政企业', scope: '仅限直接营销（APP 7）' },
]

async function sentTo(harness: Harness, profile: Record<string, string>, law: 'gdpr'): Promise<string> {
  const saved = await harness.api.call('profile:save', { name: 'Alex Example', email: 'alex@example.org', address: 'Musterstraße 12\n66111 Saarbrücken', ...profile })
  if (!saved.ok) throw new Error(saved.error.message)
  const created = await harness.api.call('requests:create', { companyId: 'fs-com', type: 'access', law, lang: 'en' })
  if (!created.ok) throw new Error(created.error.message)
  const sent = await harness.api.call('requests:markSent', { reference: created.data.record.reference, on: '2026-01-31', channel: 'email' })
  if (!sent.ok) throw new Error(sent.error.message)
  return created.data.record.reference
}

async function newRequestTo(page: Page, lang: string, companyId: string): Promise<void> {
  const common = read(lang, 'common')
  await page.getByRole('button', { name: common.nav!.requests, exact: true }).click()
  await page.getByRole('button', { name: read(lang, 'requests').dashboard!.newRequest }).first().click()
  await page.getByLabel(read(lang, 'catalog').search!.aria!).fill(companyId)
  await page.locator(`[data-company="${companyId}"]`).click()
}

for (const words of cases) {
  test.describe(`in ${words.lang}`, () => {
    test.use({ locale: words.locale })

    test('the complaint dialog gives its reasons in the language, places and roles included', async ({ page, harness }) => {
      const reference = await sentTo(harness.current, { country: 'DE', region: 'DE-SL' }, 'gdpr')
      harness.setNow('2026-03-25T10:00:00Z')
      await openRequest(page, harness.current, reference)
      await page.getByTestId('next-steps').getByRole('button', { name: read(words.lang, 'requests').next!.writeComplaint }).click()
      const dialog = page.getByRole('dialog')
      await expect(dialog.getByTestId('authority-reason').first()).toContainText(words.livesIn)
      await expect(dialog).not.toContainText('You live')
      await snapshot(page, `${words.lang}-complaint-reasons`)
      // The federal commissioner, competent only for telecoms and postal companies: its condition and role in the language.
      await dialog.getByTestId('complaint-authority').selectOption('de-bfdi')
      await expect(dialog.getByTestId('authority-reason').first()).toContainText(words.bfdi)
      await expect(dialog).not.toContainText('Supervises')
      await snapshot(page, `${words.lang}-complaint-bfdi`)
    })

    test('the Australian objection is the opt-out of direct marketing only', async ({ page, harness }) => {
      const saved = await harness.current.api.call('profile:save', { name: 'Alex Example', email: 'alex@example.org', address: '1 George Street\nSydney NSW 2000', country: 'AU' })
      if (!saved.ok) throw new Error(saved.error.message)
      await page.goto(harness.current.url)
      await newRequestTo(page, words.lang, 'fs-com')
      await expect(page.locator('[data-scope="direct-marketing"]')).toHaveText(new RegExp(`^${words.scope.replace(/[()（）]/g, '.')}`))
      await snapshot(page, `${words.lang}-new-request-au`)
    })
  })
}
