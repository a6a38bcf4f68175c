/**
 * The template editor, end to end: read a built-in template filled in for a company, edit a copy
 * with a live preview and its errors, and see new requests written from the copy.
 */
import { expect, snapshot, test } from './fixtures'

test('edits a copy of a built-in template, which then writes the requests', async ({ page, harness }) => {
  await harness.current.api.call('profile:save', { name: 'Alex Example', email: 'alex@example.org', address: 'Musterstraße 12\n10115 Berlin', country: 'DE' })
  await page.goto(harness.current.url)
  await page.getByRole('button', { name: 'Templates' }).click()
  const list = page.getByRole('list', { name: 'Templates' })
  const access = list.locator('[data-template^="builtin:en/access"]').filter({ hasText: 'GDPR' }).first()
  await access.click()

  // The built-in text, and the preview filled in for FS.COM.
  await expect(page.getByTestId('preview-subject')).toContainText('Art. 15')
  await expect(page.getByTestId('preview-body')).toContainText('FS.COM')
  await expect(page.getByTestId('preview-body')).toContainText('Alex Example')
  await snapshot(page, 'template-view')

  await page.getByRole('button', { name: 'Edit a copy' }).click()
  const editor = page.getByLabel('Template text')
  const original = await editor.inputValue()
  // A broken tag shows the error at once, and saving is refused.
  await editor.fill(original.replace('Dear Sir or Madam,', 'Dear {{#broken}} Sir or Madam,'))
  await expect(page.getByTestId('template-error')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Save my template' })).toBeDisabled()
  // A good change shows in the preview.
  await editor.fill(original.replace('Dear Sir or Madam,', 'Dear data protection team,'))
  await expect(page.getByTestId('preview-body')).toContainText('Dear data protection team,')
  await snapshot(page, 'template-edit')
  await page.getByRole('button', { name: 'Save my template' }).click()
  await expect(page.getByText('Your template')).toBeVisible()

  await page.getByRole('button', { name: '← Templates' }).click()
  await expect(list.locator('[data-template^="user:en/"]')).toContainText('Yours')

  // A new access request under the GDPR now uses the copy.
  await page.getByRole('button', { name: 'Requests' }).click()
  await page.getByRole('button', { name: 'New request' }).first().click()
  await page.getByLabel('Search companies').fill('b2s')
  await page.locator('[data-company="b2s"]').click()
  await page.getByRole('button', { name: 'Write the request' }).click()
  await expect(page.getByTestId('body')).toHaveValue(/Dear data protection team,/)
})

test('proposes the law from where the user lives, says why, and asks a US user for the state', async ({ page, harness }) => {
  await page.goto(harness.current.url)
  await page.getByRole('button', { name: 'Your details' }).click()
  await page.getByLabel('Full name').fill('Sam Rivera')
  await page.getByLabel('E-mail address you use with companies').fill('sam@example.com')
  await page.getByLabel('Postal address').fill('1 Market St\nSan Francisco, CA 94105')
  await page.getByLabel('Country').selectOption('US')
  // Only for a country where it changes something, and saying why.
  const state = page.getByLabel('State (optional)')
  await expect(page.locator('#region-why')).toContainText('Your state decides which privacy law gives you rights')
  await expect(page.getByRole('button', { name: 'Use California' })).toBeVisible()
  await snapshot(page, 'profile-region')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText('Your details are saved on this computer.')).toBeVisible()

  const newRequestTo = async (id: string) => {
    await page.getByRole('button', { name: 'Requests' }).click()
    await page.getByRole('button', { name: 'New request' }).first().click()
    await page.getByLabel('Search companies').fill(id)
    await page.locator(`[data-company="${id}"]`).click()
  }
  // Without a state: a guess, and the hint to add it.
  await newRequestTo('b2s')
  await expect(page.getByTestId('law-reason')).toContainText('Add your state in your details')

  await page.getByRole('button', { name: 'Your details' }).click()
  await page.getByRole('button', { name: 'Use California' }).click()
  await expect(state).toHaveValue('US-CA')
  await expect(page.getByRole('button', { name: 'Use California' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect.poll(async () => (await harness.current.api.call('profile:get', {})) as unknown).toMatchObject({ ok: true, data: { country: 'US', region: 'US-CA' } })
  await newRequestTo('b2s')
  await expect(page.getByLabel('Law')).toHaveValue('ccpa')
  await expect(page.getByTestId('law-reason')).toHaveText('You live in California: the CCPA gives its residents these rights.')
  await snapshot(page, 'new-request-law')
  // The user's own choice is kept, and the proposal still shown.
  await page.getByLabel('Law').selectOption('gdpr')
  await expect(page.getByTestId('law-reason')).toContainText('You chose this law instead of CCPA/CPRA (California), which Rightful proposes.')

  // A country without regions asks for none; changing country drops the state.
  await page.getByRole('button', { name: 'Your details' }).click()
  await page.getByLabel('Country').selectOption('FR')
  await expect(page.getByLabel('State (optional)')).toHaveCount(0)
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect.poll(async () => (await harness.current.api.call('profile:get', {})) as unknown).toMatchObject({ ok: true, data: { country: 'FR', region: null } })
})
