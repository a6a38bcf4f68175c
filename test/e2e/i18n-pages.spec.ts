/**
 * The pages of the second i18n slice in German and Simplified Chinese: the first-start guide, a
 * request's replies and the reply card, the dashboard's replies and deadline chart, the IMAP
 * card, adding a company and a contact, the templates, and About. Each check reads a real
 * translated string on the page (the harness's Chromium speaks the language of `locale`).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, openRequest, seedSent, snapshot, test } from './fixtures'

const fixtures = path.resolve(__dirname, '..', 'fixtures', 'replies')

function copyFixture(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-i18n-'))
  const file = path.join(dir, name)
  fs.copyFileSync(path.join(fixtures, name), file)
  return file
}

/** The words each check looks for, per language (what the user reads, from the locale files). */
type Words = {
  readonly locale: string
  readonly lang: string
  readonly nav: { readonly requests: string; readonly companies: string; readonly templates: string; readonly settings: string; readonly about: string }
  readonly onboarding: { readonly heading: string; readonly letters: string; readonly later: string }
  readonly replies: { readonly import: string; readonly suggests: string; readonly confirmAs: string; readonly recorded: string; readonly inbox: string; readonly imap: string; readonly imapHeading: string; readonly enable: string }
  readonly chart: { readonly view: string; readonly timeline: string; readonly summary: string; readonly legend: string; readonly today: string }
  readonly company: { readonly add: string; readonly heading: string; readonly postal: string; readonly contact: string }
  readonly templates: { readonly heading: string; readonly editCopy: string; readonly preview: string }
  readonly about: { readonly heading: string; readonly sources: string; readonly licence: string }
}

const german: Words = {
  locale: 'de-DE',
  lang: 'de',
  nav: { requests: 'Anfragen', companies: 'Unternehmen', templates: 'Vorlagen', settings: 'Einstellungen', about: 'Über Rightful und Lizenzen' },
  onboarding: { heading: 'Willkommen bei Rightful', letters: 'Als gedruckte Briefe', later: 'Später' },
  replies: {
    import: 'Antwort importieren (.eml)…',
    suggests: 'Rightful schlägt vor: Eingangsbestätigung',
    confirmAs: 'Als „Eingangsbestätigung“ bestätigen',
    recorded: 'Eingetragen als Eingangsbestätigung',
    inbox: 'Antworten von Unternehmen',
    imap: 'Antworten per IMAP',
    imapHeading: 'Antworten aus Ihrem Postfach',
    enable: 'Antworten per IMAP abrufen',
  },
  chart: { view: 'Ansicht', timeline: 'Zeitleiste', summary: 'Frist von 1 gesendeten Anfrage.', legend: 'Legende', today: 'Heute' },
  company: { add: 'Unternehmen hinzufügen', heading: 'Unternehmen hinzufügen', postal: '+ Postanschrift hinzufügen', contact: 'Einen bekannten Kontakt hinzufügen' },
  templates: { heading: 'Vorlagen', editCopy: 'Kopie bearbeiten', preview: 'Vorschau' },
  about: { heading: 'Über Rightful', sources: 'Woher der Katalog stammt', licence: 'Lizenz' },
}

const chinese: Words = {
  locale: 'zh-CN',
  lang: 'zh-Hans',
  nav: { requests: '请求', companies: '公司', templates: '模板', settings: '设置', about: '关于与许可' },
  onboarding: { heading: '欢迎使用 Rightful', letters: '打印成信件', later: '以后再说' },
  replies: {
    import: '导入回复（.eml）…',
    suggests: 'Rightful 建议：确认收到',
    confirmAs: '确认为“确认收到”',
    recorded: '已记录为确认收到',
    inbox: '公司的回复',
    imap: '通过 IMAP 接收回复',
    imapHeading: '从您的邮箱获取回复',
    enable: '通过 IMAP 获取回复',
  },
  chart: { view: '视图', timeline: '时间线', summary: '已发出的 1 项请求的期限。', legend: '图例', today: '今天' },
  company: { add: '添加公司', heading: '添加公司', postal: '+ 添加邮寄地址', contact: '添加您知道的联系方式' },
  templates: { heading: '模板', editCopy: '编辑副本', preview: '预览' },
  about: { heading: '关于 Rightful', sources: '目录的来源', licence: '许可证' },
}

async function nav(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).click()
}

for (const words of [german, chinese]) {
  test.describe(`in ${words.lang}`, () => {
    test.use({ locale: words.locale })

    test.describe('on first start', () => {
      test.use({ onboarded: false })

      test('the guide asks its two questions in the language', async ({ page, harness }) => {
        await page.goto(harness.current.url)
        await expect(page.getByRole('heading', { name: words.onboarding.heading, level: 1 })).toBeVisible()
        await expect(page.locator('html')).toHaveAttribute('lang', words.lang)
        await page.getByRole('radio', { name: words.onboarding.letters }).check()
        await expect(page.getByRole('radio', { name: words.onboarding.letters })).toBeChecked()
        await snapshot(page, `${words.lang}-onboarding`)
        await page.getByRole('button', { name: words.onboarding.later, exact: true }).click()
        await expect(page.getByRole('heading', { name: words.onboarding.heading })).toHaveCount(0)
      })
    })

    test('a reply is imported, suggested and recorded in the language', async ({ page, harness }) => {
      const reference = await seedSent(harness.current)
      harness.setNow('2026-02-10T10:00:00Z')
      await openRequest(page, harness.current, reference)
      harness.current.pickNext([copyFixture('plain-reference-en.eml')])
      await page.getByRole('button', { name: words.replies.import }).click()
      const card = page.locator('.reply-card').first()
      await expect(card).toContainText(words.replies.suggests)
      await snapshot(page, `${words.lang}-reply`)
      await card.getByRole('button', { name: words.replies.confirmAs }).click()
      await expect(card).toContainText(words.replies.recorded)

      await nav(page, words.nav.requests)
      await expect(page.getByRole('region', { name: words.replies.inbox })).toBeVisible()

      await nav(page, words.nav.settings)
      const imap = page.getByRole('region', { name: words.replies.imap })
      await expect(imap.getByRole('heading', { name: words.replies.imapHeading })).toBeVisible()
      await expect(imap.getByLabel(words.replies.enable)).not.toBeChecked()
    })

    test('the deadline chart speaks the language', async ({ page, harness }) => {
      await seedSent(harness.current)
      await page.goto(harness.current.url)
      await page.getByRole('group', { name: words.chart.view }).getByRole('button', { name: words.chart.timeline }).click()
      const chart = page.locator('.deadline-chart')
      await expect(chart.locator('figcaption')).toHaveText(words.chart.summary)
      await expect(chart.locator('.dc-today-label')).toHaveText(words.chart.today)
      await expect(chart.getByRole('list', { name: words.chart.legend })).toBeVisible()
      await snapshot(page, `${words.lang}-chart`)
    })

    test('adding a company and a known contact are in the language', async ({ page, harness }) => {
      await page.goto(harness.current.url)
      await nav(page, words.nav.companies)
      await page.getByRole('button', { name: words.company.add }).first().click()
      await expect(page.getByRole('heading', { name: words.company.heading, level: 1 })).toBeVisible()
      await expect(page.getByRole('button', { name: words.company.postal })).toBeVisible()

      await nav(page, words.nav.companies)
      await page.getByRole('searchbox').first().fill('fs')
      await page.locator('[data-company="fs-com"]').click()
      await expect(page.getByRole('heading', { name: 'FS.COM', level: 1 })).toBeVisible()
      await page.locator('details.more-contacts > summary').click()
      await expect(page.getByRole('heading', { name: words.company.contact, level: 3 })).toBeVisible()
    })

    test('templates and a template read in the language', async ({ page, harness }) => {
      await page.goto(harness.current.url)
      await nav(page, words.nav.templates)
      await expect(page.getByRole('heading', { name: words.templates.heading, level: 1 })).toBeVisible()
      await page.getByRole('list', { name: words.templates.heading }).locator('.template-row').first().click()
      await expect(page.getByRole('button', { name: words.templates.editCopy })).toBeVisible()
      await expect(page.getByRole('heading', { name: words.templates.preview })).toBeVisible()
    })

    test('About reads in the language', async ({ page, harness }) => {
      await page.goto(harness.current.url)
      await page.getByRole('button', { name: words.nav.about }).click()
      await expect(page.getByRole('heading', { name: words.about.heading, level: 1 })).toBeVisible()
      await expect(page.getByRole('heading', { name: words.about.sources })).toBeVisible()
      await expect(page.getByText(words.about.licence, { exact: true }).first()).toBeVisible()
    })
  })
}
