/**
 * The redaction tool checks its boxes with the core's own redaction schema before it asks for a
 * copy: one box too many is said beside the count, and no copy is made until a box is taken away.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PNG } from 'pngjs'
import { expect, openRequest, seedSent, snapshot, test } from './fixtures'

test('more boxes than a copy takes are said beside the count, and no copy is made', async ({ page, harness }) => {
  const reference = await seedSent(harness.current)
  harness.setNow('2026-02-12T10:00:00Z')
  await harness.current.api.call('requests:addEvent', { reference, kind: 'identity-requested', on: '2026-02-09', note: 'a copy of your ID card' })
  const width = 400
  const height = 300
  const png = new PNG({ width, height })
  png.data.fill(230)
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-id-')), 'id-card.png')
  fs.writeFileSync(file, PNG.sync.write(png))

  await openRequest(page, harness.current, reference)
  await page.getByTestId('identity-panel').getByRole('button', { name: 'Redact and watermark a document…' }).click()
  const dialog = page.getByTestId('redact-dialog')
  harness.current.pickNext([file])
  await dialog.getByRole('button', { name: 'Open an image…' }).click()
  const surface = dialog.getByTestId('redact-surface')
  await expect(surface).toBeVisible()

  // 101 small boxes in a grid of 11 by 10 cells: one more than a copy takes (maxBoxes, 100).
  const area = (await surface.boundingBox())!
  for (let n = 0; n < 101; n++) {
    const left = area.x + ((n % 11) + 0.2) * (area.width / 11)
    const top = area.y + (Math.floor(n / 11) + 0.2) * (area.height / 10)
    await page.mouse.move(left, top)
    await page.mouse.down()
    await page.mouse.move(left + area.width / 22, top + area.height / 20, { steps: 2 })
    await page.mouse.up()
  }
  await expect(dialog.getByTestId('redact-box')).toHaveCount(101)

  await dialog.getByRole('button', { name: 'Make the redacted copy' }).click()
  await expect(dialog.getByTestId('redact-boxes-error')).toHaveText('Draw at most 100 boxes.')
  await expect(dialog.getByTestId('redact-result')).toHaveCount(0)
  await snapshot(page, 'redact-too-many-boxes')

  // One box fewer: the error goes at once, and the copy is made.
  await dialog.getByRole('button', { name: 'Remove the last box' }).click()
  await expect(dialog.getByTestId('redact-boxes-error')).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Make the redacted copy' }).click()
  await expect(dialog.getByTestId('redact-result')).toBeVisible()
  await expect(dialog).toContainText('The copy is ready')
})
