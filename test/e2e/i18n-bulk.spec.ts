/**
 * The last pages to be translated, in German and Simplified Chinese: finding your companies in a
 * mailbox, asking several at once and reviewing the batch, and adding a company from its privacy
 * policy. Each check reads a real translated string on the page (the harness's Chromium speaks
 * the language of `locale`).
 */
import fs from 'node:fs'
import path from 'node:path'
import { expect, snapshot, test } from './fixtures'

const profile = { name: 'Alex Example', email: 'alex@example.org', address: 'Musterstraße 12\n10115 Berlin', country: 'DE' }

/** The words each check looks for, per language (what the user reads, from the locale files). */
type Words = {
  readonly locale: string
  readonly lang: string
  readonly nav: { readonly discover: string; readonly companies: string }
  readonly discover: { readonly heading: string; readonly chooseFile: string; readonly table: string; readonly summary: string; readonly ask: string }
  readonly bulkNew: { readonly heading: string; readonly rate: string; readonly write: string }
  readonly batch: { readonly heading: string; readonly table: string; readonly counts: string }
  readonly policy: { readonly open: string; readonly heading: string; readonly text: string; readonly read: string; readonly proposes: string; readonly name: string; readonly save: string }
}

const german: Words = {
  locale: 'de-DE',
  lang: 'de',
  nav: { discover: 'Wer hat meine Daten', companies: 'Unternehmen' },
  discover: {
    heading: 'Wer hat Ihre Daten?',
    chooseFile: 'Postfachdatei wählen …',
    table: 'Unternehmen, die Ihnen geschrieben haben',
    summary: '4 Nachrichten gelesen: 3 von 3 Unternehmen aus dem Katalog.',
    ask: '3 Unternehmen anfragen …',
  },
  bulkNew: { heading: '3 Unternehmen auf einmal anfragen', rate: 'Höchstens E-Mails pro Minute', write: '3 Anfragen schreiben' },
  batch: { heading: 'Anfragen prüfen', table: 'Anfragen dieser Serie', counts: '0 von 3 gesendet, 3 warten. Höchstens 10 E-Mails pro Minute.' },
  policy: {
    open: 'Aus einer Datenschutzerklärung …',
    heading: 'Unternehmen aus seiner Datenschutzerklärung hinzufügen',
    text: 'Text der Erklärung',
    read: 'Erklärung lesen',
    proposes: 'Was Rightful vorschlägt',
    name: 'Name des Unternehmens',
    save: 'Als Unternehmen speichern',
  },
}

const chinese: Words = {
  locale: 'zh-CN',
  lang: 'zh-Hans',
  nav: { discover: '谁有我的数据', companies: '公司' },
  discover: {
    heading: '谁有您的数据？',
    chooseFile: '选择邮箱文件…',
    table: '给您写过信的公司',
    summary: '已读取 4 封邮件：其中 3 封来自目录中的 3 家公司。1 封来自 Rightful 不认识的发件人（未列出），0 封来自个人邮箱（已跳过）。',
    ask: '向 3 家公司提出请求…',
  },
  bulkNew: { heading: '一次向 3 家公司提出请求', rate: '每分钟最多发送的电子邮件数', write: '撰写 3 份请求' },
  batch: { heading: '核对请求', table: '本批次的请求', counts: '已发送 0/3，3 封等待中。每分钟最多 10 封电子邮件。' },
  policy: {
    open: '从隐私政策添加…',
    heading: '根据隐私政策添加公司',
    text: '隐私政策文本',
    read: '读取隐私政策',
    proposes: 'Rightful 的建议',
    name: '公司名称',
    save: '保存为公司',
  },
}

for (const words of [german, chinese]) {
  test.describe(`in ${words.lang}`, () => {
    test.use({ locale: words.locale })

    test('discover, ask several at once and review the batch in the language', async ({ page, harness, dataDir }) => {
      const h = harness.current
      expect((await h.api.call('profile:save', profile)).ok).toBe(true)
      // Three companies of the catalog with an e-mail address and a domain no other company lists.
      const all = await h.api.call('catalog:list', {})
      if (!all.ok) throw new Error(all.error.message)
      const holders = new Map<string, number>()
      for (const c of all.data) for (const d of c.domains) holders.set(d, (holders.get(d) ?? 0) + 1)
      const known = all.data.filter((c) => c.privacyEmail && c.domains.length > 0 && holders.get(c.domains[0]!) === 1 && !c.sources.some((s) => s.id === 'brokers')).slice(0, 3)
      expect(known).toHaveLength(3)
      const lines: string[] = []
      const add = (from: string, day: number) => lines.push('From MAILER-DAEMON Thu Jan  1 12:00:00 2026', `From: ${from}`, `Date: ${day} Jan 2026 10:00:00 +0000`, 'Subject: Hello', '', 'Body text.', '')
      known.forEach((c, i) => add(`${c.name} <news@mail.${c.domains[0]}>`, 1 + i))
      add('Shop <orders@unknown-shop.example>', 6)
      const mbox = path.join(dataDir, 'inbox.mbox')
      fs.writeFileSync(mbox, lines.join('\n'))

      await page.goto(h.url)
      await page.getByRole('button', { name: words.nav.discover }).click()
      await expect(page.getByRole('heading', { name: words.discover.heading, level: 1 })).toBeVisible()
      h.pickNext([mbox])
      await page.getByRole('button', { name: words.discover.chooseFile }).click()
      const table = page.getByRole('table', { name: words.discover.table })
      await expect(table.locator('tbody tr')).toHaveCount(3)
      await expect(page.getByTestId('discover-summary')).toContainText(words.discover.summary)
      await snapshot(page, `${words.lang}-discover`)
      await page.getByRole('button', { name: words.discover.ask }).click()

      await expect(page.getByRole('heading', { name: words.bulkNew.heading, level: 1 })).toBeVisible()
      await expect(page.getByLabel(words.bulkNew.rate)).toHaveValue('10')
      await page.getByRole('button', { name: words.bulkNew.write }).click()

      await expect(page.getByTestId('batch')).toHaveAttribute('data-state', 'review')
      await expect(page.getByRole('heading', { name: words.batch.heading, level: 1 })).toBeVisible()
      await expect(page.getByRole('table', { name: words.batch.table }).locator('tbody tr')).toHaveCount(3)
      await expect(page.getByTestId('batch-counts')).toHaveText(words.batch.counts)
      await snapshot(page, `${words.lang}-batch`)
    })

    test('adding a company from its privacy policy is in the language', async ({ page, harness }) => {
      await page.goto(harness.current.url)
      await page.getByRole('button', { name: words.nav.companies, exact: true }).click()
      await page.getByRole('button', { name: words.policy.open }).click()
      await expect(page.getByRole('heading', { name: words.policy.heading, level: 1 })).toBeVisible()
      await page.getByLabel(words.policy.text).fill('Privacy Policy of Quiet Apps Ltd\n\nQuestions about your personal data? Write to our data protection officer at privacy@quietapps.co.uk.')
      await page.getByRole('button', { name: words.policy.read }).click()
      await expect(page.getByRole('heading', { name: words.policy.proposes })).toBeVisible()
      await expect(page.getByLabel(words.policy.name)).toHaveValue('Quiet Apps Ltd')
      await expect(page.getByRole('button', { name: words.policy.save })).toBeVisible()
      await snapshot(page, `${words.lang}-policy-import`)
    })
  })
}
