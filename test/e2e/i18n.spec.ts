/**
 * The window in the user's language: it follows the browser's (the system's) languages, Settings
 * choose another and keep it, and the main pages read in German and Simplified Chinese.
 */
import type { Page } from '@playwright/test'
import { expect, openRequest, seedSent, snapshot, test } from './fixtures'

async function settingsPage(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).click()
}

test.describe('a German system', () => {
  test.use({ locale: 'de-DE' })

  test('speaks German from the start, with German dates', async ({ page, harness }) => {
    const reference = await seedSent(harness.current)
    await page.goto(harness.current.url)
    await expect(page.getByRole('navigation', { name: 'Bereiche' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Unternehmen', exact: true })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'de')
    await expect(page).toHaveTitle('Anfragen - Rightful')
    await snapshot(page, 'de-dashboard')

    await openRequest(page, harness.current, reference)
    await snapshot(page, 'de-request')
    // A request's dialogs: recording what happened, the complaint to an authority.
    await page.getByRole('button', { name: 'Ereignis eintragen …' }).click()
    const record = page.getByRole('dialog', { name: 'Ereignis eintragen' })
    await expect(record.getByText('Notiz (freiwillig)')).toBeVisible()
    await snapshot(page, 'de-record-event')
    await record.getByRole('button', { name: 'Abbrechen' }).click()

    await page.getByRole('button', { name: 'Unternehmen', exact: true }).click()
    await page.getByRole('searchbox').first().fill('fs')
    await page.locator('[data-company="fs-com"]').click()
    await expect(page.getByRole('heading', { name: 'FS.COM', level: 1 })).toBeVisible()
    await snapshot(page, 'de-company')

    await settingsPage(page, 'Einstellungen')
    await expect(page.getByRole('heading', { name: 'Einstellungen', level: 1 })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Fristen zählen' })).toBeVisible()
    await expect(page.getByLabel('Sprache von Rightful')).toHaveValue('system')
    await expect(page.getByLabel('Sprache von Rightful').locator('option[value="system"]')).toHaveText('Wie das System (Deutsch)')
    // Your data and the mail server, in German too.
    await expect(page.getByRole('heading', { name: 'Ihre Daten', level: 2 })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Alles sichern …' })).toBeVisible()
    await expect(page.getByTestId('mail-settings').getByRole('button', { name: 'Verbindung testen' })).toBeVisible()
    await snapshot(page, 'de-settings')

    // Your details: the labels, and the Land by its German name.
    await page.getByRole('button', { name: 'Ihre Angaben', exact: true }).click()
    await expect(page.getByLabel('Vollständiger Name')).toBeVisible()
    await page.getByLabel('Land', { exact: true }).selectOption('DE')
    await expect(page.getByLabel('Bundesland (freiwillig)').locator('option[value="DE-BY"]')).toHaveText('Bayern')
    await expect(page.getByText('Jedes Bundesland hat eine eigene Datenschutzaufsicht')).toBeVisible()
  })
})

test.describe('dates typed in the window language', () => {
  test.describe('German', () => {
    test.use({ locale: 'de-DE' })

    test('day.month.year, an impossible day told in words, the calendar date underneath', async ({ page, harness }) => {
      const reference = await seedSent(harness.current)
      await page.goto(harness.current.url)
      await openRequest(page, harness.current, reference)
      await page.getByRole('button', { name: 'Ereignis eintragen …' }).click()
      const dialog = page.getByRole('dialog', { name: 'Ereignis eintragen' })
      const on = dialog.getByLabel('Am', { exact: true })
      await expect(on).toHaveAttribute('placeholder', 'TT.MM.JJJJ')
      await expect(on).toHaveValue(/^\d{2}\.\d{2}\.\d{4}$/)
      await on.fill('31.02.2026')
      await on.blur()
      await expect(dialog.getByRole('alert')).toHaveText('Diesen Tag gibt es nicht: 31.02.2026.')
      await expect(on).toHaveAttribute('aria-invalid', 'true')
      await snapshot(page, 'de-date-field-impossible')
      // The form is not sent while the day is impossible.
      await dialog.getByRole('button', { name: 'Eintragen', exact: true }).click()
      await expect(dialog).toBeVisible()
      // The request went out on 31 January, which is today here: a day before it is refused, in words.
      await on.fill('30.1.2026')
      await expect(dialog.getByRole('alert')).toHaveText('Das Datum kann nicht vor dem 31. Januar 2026 liegen.')
      // The arrow keys move it by a day.
      await on.press('ArrowUp')
      await expect(on).toHaveValue('31.01.2026')
      await expect(on).toHaveAttribute('data-iso', '2026-01-31')
      await expect(dialog.getByRole('alert')).toHaveCount(0)
      await snapshot(page, 'de-date-field')
    })
  })

  test.describe('Simplified Chinese', () => {
    test.use({ locale: 'zh-CN' })

    test('year/month/day, a day out of range told in words', async ({ page, harness }) => {
      const reference = await seedSent(harness.current)
      await page.goto(harness.current.url)
      await openRequest(page, harness.current, reference)
      await page.getByRole('button', { name: '记录发生的事…' }).click()
      const dialog = page.getByRole('dialog', { name: '记录发生的事' })
      const on = dialog.getByLabel('日期', { exact: true })
      await expect(on).toHaveAttribute('placeholder', '年/月/日')
      await expect(on).toHaveValue(/^\d{4}\/\d{2}\/\d{2}$/)
      await on.fill('2026年2月3日')
      await expect(on).toHaveAttribute('data-iso', '2026-02-03')
      await on.blur()
      await expect(on).toHaveValue('2026/02/03')
      await on.fill('2099/01/01')
      await on.blur()
      await expect(dialog.getByRole('alert')).toContainText('日期不能晚于')
      await snapshot(page, 'zh-Hans-date-field')
    })
  })
})

test('Settings switch the window to Simplified Chinese, and it stays so after a restart', async ({ page, harness }) => {
  const reference = await seedSent(harness.current)
  await page.goto(harness.current.url)
  await settingsPage(page, 'Settings')
  await page.getByLabel('Language of Rightful').selectOption('zh-Hans')
  await expect(page.getByRole('heading', { name: '设置', level: 1 })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans')
  await expect(page.getByRole('button', { name: '公司', exact: true })).toBeVisible()
  await snapshot(page, 'zh-Hans-settings')

  const restarted = await harness.restart()
  await page.goto(restarted.url)
  await expect(page.getByRole('navigation', { name: '栏目' })).toBeVisible()
  await expect(page).toHaveTitle('请求 - Rightful')
  await snapshot(page, 'zh-Hans-dashboard')

  await openRequest(page, restarted, reference)
  await snapshot(page, 'zh-Hans-request')

  await page.getByRole('button', { name: '公司', exact: true }).click()
  await page.getByRole('searchbox').first().fill('fs')
  await page.locator('[data-company="fs-com"]').click()
  await expect(page.getByRole('heading', { name: 'FS.COM', level: 1 })).toBeVisible()
  await snapshot(page, 'zh-Hans-company')

  // Your details in Simplified Chinese, field problems included (the core's words, by their keys).
  await page.getByRole('button', { name: '您的信息', exact: true }).click()
  await page.getByLabel('全名').fill('')
  await page.getByRole('button', { name: '保存', exact: true }).click()
  await expect(page.getByText('请输入您的姓名。')).toBeVisible()

  // Back to the system's language (English here).
  await settingsPage(page, '设置')
  await page.getByLabel('Rightful 的界面语言').selectOption('system')
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
})
