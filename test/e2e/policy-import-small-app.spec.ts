/**
 * Policy import of a small app's policy, end to end (issue 17): the app's name from its title, the
 * developer's address written with "(?)" for its "@" read and said so, the advertising SDKs' own
 * privacy addresses left out as theirs, and a footer sales@ kept as what its name says.
 */
import { expect, snapshot, test } from './fixtures'

const policy = `# Privacy Policy for Quillhop: Word Puzzles

Quillhop is a word game made by one developer.

## Data deletion requests

To delete the data collected by Quillhop, please write to quillhop.dev(?)mailbox.com.

## Partners

Trackly Analytics:
- email: privacy@tracklyanalytics.com
- privacy policy: https://tracklyanalytics.com/privacy

Adnova:
- Adnova only provides an SDK. You can still contact them to request deletion.
- email: dpo@adnova.io

## Contact

If there are any questions regarding this privacy policy, write to quillhop.dev(?)mailbox.com.

[sales@quillhop.app](mailto:sales@quillhop.app)
`

test('reads a small app’s policy: its name from the title, a “(?)” address, the SDKs’ addresses left out', async ({ page, harness }) => {
  await page.goto(harness.current.url)
  await page.getByRole('button', { name: 'Companies' }).click()
  await page.getByRole('button', { name: 'From a privacy policy…' }).click()
  await page.getByLabel('Policy text').fill(policy)
  await page.getByRole('button', { name: 'Read the policy' }).click()

  const proposal = page.getByTestId('proposal')
  await expect(page.getByLabel('Company name')).toHaveValue('Quillhop')
  await expect(proposal.locator('[data-proposed-email]')).toHaveText(['quillhop.dev@mailbox.com'])
  await expect(page.getByTestId('proposal-warnings')).toContainText('Rightful read it as quillhop.dev@mailbox.com')
  // The partners' addresses are said to be someone else's, never proposed; sales@ stays a sales address.
  await expect(page.getByTestId('proposal-warnings')).toContainText('privacy@tracklyanalytics.com')
  await expect(page.getByTestId('proposal-warnings')).toContainText('dpo@adnova.io')
  await expect(proposal.getByText('sales@quillhop.app')).toBeVisible()
  await snapshot(page, 'policy-small-app')
})
