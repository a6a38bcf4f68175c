/**
 * Policy import, end to end: paste a privacy policy, review the proposal beside the highlighted
 * text (traps: an obfuscated address, a regulator's address), keep what is right, save it as a
 * company whose contacts cite the policy.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
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
  await expect(page.getByTestId('proposal')).toContainText('The policy ties no e-mail address to privacy matters')
  await expect(page.getByTestId('proposal-warnings')).toBeVisible()
  await expect(page.getByTestId('proposal').locator('[data-proposed-email]')).toHaveCount(0)
})

test('learns from a web address: fetches the page, shows where from and when, and records it as the source', async ({ page, harness }) => {
  const server = http.createServer((request, response) => {
    if (request.url === '/privacy') {
      response.writeHead(301, { location: '/legal/privacy-policy.html' })
      response.end()
      return
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end(`<!doctype html><html><head><title>Privacy Policy | Fernhill Cycles</title></head><body>
      <nav><a href="/">[Fernhill Shop]</a></nav>
      <h1>Privacy Policy</h1>
      <p>Fernhill Cycles Ltd (&ldquo;we&rdquo;, &ldquo;us&rdquo;) sells bicycles.</p>
      <h2>Your rights</h2>
      <p>To exercise your rights, e-mail <a href="mailto:support@fernhillcycles.co.uk">privacy@fernhillcycles.co.uk</a>.</p>
      <p>For on-premise fleet offers, contact our sales team at <a href="mailto:fleet@fernhillcycles.co.uk">fleet@fernhillcycles.co.uk</a>.</p>
      <p>Fernhill Cycles Ltd, 4 Canal Street, Manchester, M1 3HE, United Kingdom.</p></body></html>`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  try {
    await page.goto(harness.current.url)
    await page.getByRole('button', { name: 'Companies' }).click()
    await page.getByRole('button', { name: 'From a privacy policy…' }).click()
    await page.getByLabel('Policy web address').fill(`${base}/privacy`)
    await snapshot(page, 'policy-web-address-form')
    await page.getByRole('button', { name: 'Fetch and read' }).click()

    const proposal = page.getByTestId('proposal')
    await expect(page.getByTestId('fetched-source')).toContainText(`${base}/legal/privacy-policy.html`)
    await expect(page.getByLabel('Company name')).toHaveValue('Fernhill Cycles Ltd')
    // The link's words are read, its other target is shown; the sales address is not the privacy contact.
    await expect(proposal.locator('[data-proposed-email]').first()).toHaveText('privacy@fernhillcycles.co.uk')
    await expect(page.getByTestId('proposal-warnings')).toContainText('opens a message to support@fernhillcycles.co.uk')
    await expect(proposal.locator('[data-proposed-email]', { hasText: 'fleet@' })).toHaveCount(0)
    await snapshot(page, 'policy-from-web-address')

    await page.getByRole('button', { name: 'Save as a company' }).click()
    await expect(page.getByRole('heading', { name: 'Fernhill Cycles Ltd', level: 1 })).toBeVisible()
    await expect(page.getByTestId('privacy-contact')).toContainText('privacy@fernhillcycles.co.uk')
    const saved = await page.evaluate(async () => {
      const found = await window.api.catalog.search({ query: 'Fernhill', limit: 5 })
      if (!found.ok || found.data.length === 0) return null
      const company = await window.api.catalog.get({ id: found.data[0]!.id })
      return company.ok ? company.data.sources[0] : null
    })
    expect(saved).toMatchObject({ url: `${base}/legal/privacy-policy.html`, retrievedOn: '2026-01-31' })
  } finally {
    server.closeAllConnections()
    server.close()
  }
})

test.describe('in German', () => {
  test.use({ locale: 'de-DE' })

  test('says what the policy lacks in the window’s language (the core’s warnings are messages, not English text)', async ({ page, harness }) => {
    await page.goto(harness.current.url)
    await page.getByRole('button', { name: 'Unternehmen', exact: true }).click()
    await page.getByRole('button', { name: 'Aus einer Datenschutzerklärung …' }).click()
    await page.getByLabel('Text der Erklärung').fill('Privacy Policy\n\nWrite to privacy [at] quiet-apps [dot] com.\n\nComplaints: casework@ico.org.uk.')
    await page.getByRole('button', { name: 'Erklärung lesen' }).click()
    const warnings = page.getByTestId('proposal-warnings')
    await expect(warnings).toContainText('Rightful hat sie als privacy@quiet-apps.com gelesen')
    await expect(warnings).toContainText('geben Sie den Namen selbst ein')
    await expect(warnings).not.toContainText('Rightful read it as')
    await snapshot(page, 'de-policy-warnings')
  })
})
