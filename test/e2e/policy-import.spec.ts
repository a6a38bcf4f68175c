/**
 * Policy import, end to end: paste a privacy policy, review the proposal beside the highlighted
 * text (traps: an obfuscated address, a regulator's address), keep what is right, save it as a
 * company whose contacts cite the policy.
 */
import { expect, snapshot, test } from './fixtures'

const policy = `Privacy Policy of Acme Widgets Ltd

Acme Widgets Ltd ("we", "us") runs the acme-widgets.example shop.

Contact us
If you have questions about this privacy policy or want to exercise your data protection rights, write to our data protection team at privacy [at] acme-widgets [dot] com or by post to Acme Widgets Ltd, 12 Market Street, Leeds, LS1 6DT, United Kingdom. Phone: +44 113 496 0000.

To delete your account, send an e-mail to privacy [at] acme-widgets [dot] com with the subject "Delete my account".

Our services are not meant for children under the age of 13.

You may complain to the Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF, casework@ico.org.uk.
`

test('reads a pasted policy, shows each proposal beside its words, and saves the company', async ({ page, harness }) => {
  await page.goto(harness.current.url)
  await page.getByRole('button', { name: 'Companies' }).click()
  await page.getByRole('button', { name: 'From a privacy policy…' }).click()
  await page.getByLabel('Policy text').fill(policy)
  await page.getByLabel('Source address').fill('https://acme-widgets.example/privacy')
  await page.getByRole('button', { name: 'Read the policy' }).click()

  const proposal = page.getByTestId('proposal')
  await expect(page.getByLabel('Company name')).toHaveValue('Acme Widgets Ltd')
  // The obfuscated address, decoded and said so; the regulator's address left out.
  await expect(proposal.locator('[data-proposed-email]').first()).toHaveText('privacy@acme-widgets.com')
  await expect(page.getByTestId('proposal-warnings')).toContainText('Rightful read it as privacy@acme-widgets.com')
  await expect(proposal).toContainText('casework@ico.org.uk')
  await expect(page.getByTestId('policy-text').locator('mark[data-field="privacyEmail"]').first()).toContainText('privacy [at] acme-widgets [dot] com')
  await snapshot(page, 'policy-review')

  await page.getByRole('button', { name: 'Save as a company' }).click()
  await expect(page.getByRole('heading', { name: 'Acme Widgets Ltd', level: 1 })).toBeVisible()
  await expect(page.getByTestId('privacy-contact')).toContainText('privacy@acme-widgets.com')
  // Each contact cites the policy's words; the regulator's address is not among them.
  await expect(page.locator('[data-email="privacy@acme-widgets.com"]')).toContainText('data protection team')
  await expect(page.getByText('casework@ico.org.uk')).toHaveCount(0)
  await expect(page.locator('address').getByText('12 Market Street', { exact: true })).toBeVisible()
  await snapshot(page, 'company-from-policy')
})

test('says so when a policy gives no e-mail address, and never invents one', async ({ page, harness }) => {
  await page.goto(harness.current.url)
  await page.getByRole('button', { name: 'Companies' }).click()
  await page.getByRole('button', { name: 'From a privacy policy…' }).click()
  await page.getByLabel('Policy text').fill('Privacy Policy of Quiet Apps Inc.\n\nWe respect your privacy. Contact us if you have questions.')
  await page.getByRole('button', { name: 'Read the policy' }).click()
  await expect(page.getByTestId('proposal')).toContainText('The policy gives none')
  await expect(page.getByTestId('proposal-warnings')).toBeVisible()
  await expect(page.getByTestId('proposal').locator('[data-proposed-email]')).toHaveCount(0)
})
