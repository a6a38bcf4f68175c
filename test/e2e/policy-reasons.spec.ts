/**
 * A policy proposal's reasons in the window's language (issue 13): why an address is taken for the
 * privacy contact, why another is only for something else, and why a regulator's or a provider's is
 * left out, in German and Simplified Chinese. The words looked for come from the locale files.
 */
import fs from 'node:fs'
import path from 'node:path'
import { expect, snapshot, test } from './fixtures'

const root = path.resolve(__dirname, '..', '..')
const ui = (lang: string, ns: string) => JSON.parse(fs.readFileSync(path.join(root, 'renderer', 'src', 'locales', lang, `${ns}.json`), 'utf8')) as Record<string, Record<string, string>>
type Tree = { readonly [key: string]: string | Tree }
const core = (lang: string) => (JSON.parse(fs.readFileSync(path.join(root, 'electron', 'core', 'messages', 'locales', `${lang}.json`), 'utf8')) as Tree).policyImport as Tree
const words = (tree: Tree, key: string) => key.split('.').reduce<string | Tree>((node, part) => (node as Tree)[part]!, tree) as string

const policy = `Privacy Policy of Larkspur Ltd

Larkspur Ltd ("we") is the controller of your personal data.
If you want to exercise your data protection rights, write to privacy@larkspur.io.
For job applications write to jobs@larkspur.io.
Our website is hosted by Hetzner Online GmbH, Industriestr. 25, 91710 Gunzenhausen, Germany.
You may lodge a complaint with the supervisory authority, poststelle@bfdi.bund.de.
Write to us: Larkspur Ltd, 10 Downing Lane, London SW1A 2AA, United Kingdom.
`

for (const { locale, lang } of [
  { locale: 'de-DE', lang: 'de' },
  { locale: 'zh-CN', lang: 'zh-Hans' },
]) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale })

    test('gives the reasons of each proposed and left-out address in the language', async ({ page, harness }) => {
      const own = ui(lang, 'policyImport').page!
      await page.goto(harness.current.url)
      await page.getByRole('button', { name: ui(lang, 'common').nav!.companies, exact: true }).click()
      await page.getByRole('button', { name: ui(lang, 'catalog').list!.fromPolicy }).click()
      await page.getByLabel(own.textAria!).fill(policy)
      await page.getByRole('button', { name: own.read }).click()

      const proposal = page.getByTestId('proposal')
      await expect(proposal.locator('[data-proposed-email]').first()).toHaveText('privacy@larkspur.io')
      const reasons = core(lang)
      // The company's own postal address, and the provider's left out with its name in the sentence.
      const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      await expect(proposal).toContainText(new RegExp(`${escape(words(reasons, 'reason.postal.company'))}|${escape(words(reasons, 'reason.postal.toWrite'))}`))
      await expect(proposal).toContainText(words(reasons, 'reason.postal.providerNamed').split('{{recipient}}')[0]!)
      // The regulator's e-mail address, under the addresses left out.
      await proposal.locator('details.more-contacts summary').click()
      await expect(proposal.locator('details.more-contacts')).toContainText(words(reasons, 'reason.email.regulatorDomain'))
      // No English reason is left.
      await expect(proposal).not.toContainText('The sentence naming it')
      await expect(proposal).not.toContainText('not the company')
      await snapshot(page, `policy-reasons-${lang}`)
    })
  })
}
