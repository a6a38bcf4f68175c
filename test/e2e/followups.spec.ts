/**
 * Chasing the gaps, end to end (issue 14 §3): an ID demand -> the pushback letter; a redacted ID
 * copy kept with the request; an extension claimed too late -> the contest; a bounce -> the address
 * marked and the other channels. Real renderer, real core.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PNG } from 'pngjs'
import { expect, openRequest, seedSent, snapshot, test } from './fixtures'

test('an ID demand -> the pushback letter', async ({ page, harness }) => {
  const reference = await seedSent(harness.current)
  harness.setNow('2026-02-12T10:00:00Z')
  await openRequest(page, harness.current, reference)
  await expect(page.getByTestId('identity-panel')).toHaveCount(0)

  // The company's e-mail asked for a passport scan: the user records it.
  await page.getByRole('button', { name: 'Record what happened…' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('What happened').selectOption('identity-requested')
  await dialog.getByLabel('On', { exact: true }).fill('2026-02-09')
  await dialog.getByLabel('Note (optional)').fill('a scan of your passport, both sides')
  await dialog.getByRole('button', { name: 'Record' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)

  const panel = page.getByTestId('identity-panel')
  await expect(panel).toContainText('The company asked for ID')
  await expect(panel).toContainText('a scan of your passport, both sides')
  await expect(panel).toContainText('only where it has reasonable doubts about your identity')
  await expect(panel).toContainText('Art. 12(6) GDPR; recital 64')
  await snapshot(page, 'identity-demand')

  await panel.getByRole('button', { name: 'Write the pushback letter' }).click()
  await expect(page.getByTestId('reference')).not.toHaveText(reference)
  const pushback = (await page.getByTestId('reference').textContent())!.trim()
  await expect(page.getByTestId('subject')).toHaveValue(`Data protection request: identity check for ${reference}, Art. 12(6) GDPR – ${pushback}`)
  await expect(page.getByTestId('body')).toHaveValue(/you asked me for information to confirm my identity \(a scan of your passport, both sides\)/)
  await snapshot(page, 'identity-pushback')
})

test('a redacted ID copy, kept with the request, with a warning about plain e-mail', async ({ page, harness, dataDir }) => {
  const reference = await seedSent(harness.current)
  harness.setNow('2026-02-12T10:00:00Z')
  await harness.current.api.call('requests:addEvent', { reference, kind: 'identity-requested', on: '2026-02-09', note: 'a copy of your ID card' })
  await harness.current.api.call('mail:saveSmtp', { smtp: { host: '127.0.0.1', port: 2525, security: 'none', user: 'alex' }, password: 'secret' })

  // A light "ID card" with a bright "photo" where the box will go.
  const width = 900
  const height = 570
  const png = new PNG({ width, height })
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4
      const photo = x > 60 && x < 300 && y > 120 && y < 450
      png.data.set(photo ? [220, 60 + (x % 120), 40 + (y % 150), 255] : [214, 226, 238, 255], i)
    }
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-id-')), 'id-card.png')
  fs.writeFileSync(file, PNG.sync.write(png))

  await openRequest(page, harness.current, reference)
  await page.getByTestId('identity-panel').getByRole('button', { name: 'Redact and watermark a document…' }).click()
  const dialog = page.getByTestId('redact-dialog')
  harness.current.pickNext([file])
  await dialog.getByRole('button', { name: 'Open an image…' }).click()
  const surface = dialog.getByTestId('redact-surface')
  await expect(surface).toBeVisible()
  await expect(dialog).toContainText('id-card.png (900 × 570 pixels)')

  // Drag a box over the photo: from (50, 100) to (310, 460) in the image's pixels.
  const box = (await surface.boundingBox())!
  const to = (x: number, y: number) => ({ x: box.x + (x / width) * box.width, y: box.y + (y / height) * box.height })
  await page.mouse.move(to(50, 100).x, to(50, 100).y)
  await page.mouse.down()
  await page.mouse.move(to(180, 280).x, to(180, 280).y, { steps: 4 })
  await page.mouse.move(to(310, 460).x, to(310, 460).y, { steps: 4 })
  await page.mouse.up()
  await expect(dialog.getByTestId('redact-box')).toHaveCount(1)
  await expect(dialog).toContainText('1 box')
  await snapshot(page, 'redact-draw')

  await dialog.getByRole('button', { name: 'Make the redacted copy' }).click()
  await expect(dialog.getByTestId('redact-result')).toBeVisible()
  await expect(dialog).toContainText(`Copy for FS.COM, 12 February 2026, ${reference}`)
  await expect(dialog.getByTestId('plain-email-warning')).toContainText('without encryption (no TLS)')
  await snapshot(page, 'redact-result')

  await dialog.getByRole('button', { name: 'Keep it with the request (identity provided)' }).click()
  await expect(page.getByTestId('redact-dialog')).toHaveCount(0)
  const provided = page.getByRole('list', { name: 'Timeline' }).locator('[data-event="identity-provided"]')
  await expect(provided).toContainText(`id-card (redacted, ${reference}).png`)

  // The kept file: under the box nothing of the photo is left.
  const view = await harness.current.api.call('requests:get', { reference })
  if (!view.ok) throw new Error(view.error.message)
  const kept = view.data.record.events.at(-1)!.attachments[0]!
  const out = PNG.sync.read(fs.readFileSync(path.join(dataDir, kept.file)))
  for (let y = 125; y < 445; y += 7) {
    for (let x = 65; x < 295; x += 7) {
      const i = (y * width + x) * 4
      expect(Math.max(out.data[i]!, out.data[i + 1]!, out.data[i + 2]!), `${x},${y}`).toBeLessThanOrEqual(60)
    }
  }
})

test('an extension claimed after the first month -> the letter contesting it', async ({ page, harness }) => {
  const reference = await seedSent(harness.current)
  harness.setNow('2026-03-06T10:00:00Z')
  await harness.current.api.call('requests:addEvent', { reference, kind: 'extension-claimed', on: '2026-03-05', note: 'Because of the number of requests we need two more months.' })
  await openRequest(page, harness.current, reference)
  const panel = page.getByTestId('extension-panel')
  await expect(panel.getByTestId('extension-verdict')).toContainText('The notice came on 5 March 2026, after the first period ended on 2 March 2026')
  await expect(panel).toContainText('Your note on the notice seems to give reasons.')
  await panel.getByLabel('Yes').check()
  await expect(panel.getByTestId('extension-verdict')).toContainText('too late to extend it')
  await snapshot(page, 'extension-late')
  await panel.getByRole('button', { name: 'Write the letter contesting it' }).click()
  await expect(page.getByTestId('reference')).not.toHaveText(reference)
  await expect(page.getByTestId('body')).toHaveValue(/Your notice came too late: it had to reach me by 2 March 2026\./)
})

test('a confirmed bounce -> the address marked in the catalog and the other channels', async ({ page, harness }) => {
  const reference = await seedSent(harness.current)
  harness.setNow('2026-02-02T10:00:00Z')
  await harness.current.api.call('requests:addEvent', { reference, kind: 'undeliverable', on: '2026-02-01', note: '550 5.1.1 user unknown' })
  await openRequest(page, harness.current, reference)
  const panel = page.getByTestId('bounce-panel')
  await expect(panel).toContainText('The e-mail to legal@fs.com came back undelivered on 1 February 2026.')
  await expect(panel).toContainText('Letter: FS.COM INC, 380 Centerpoint Blvd, New Castle, DE 19720')
  // Recorded, the bounce has marked the address already: nothing to click.
  await expect(panel.getByTestId('bounce-marked')).toContainText('legal@fs.com is marked as bounced in your catalog')
  await expect(panel.getByRole('button', { name: 'Mark legal@fs.com as bounced' })).toHaveCount(0)
  await snapshot(page, 'bounce-marked')
  const company = await harness.current.api.call('catalog:get', { id: 'fs-com' })
  if (!company.ok) throw new Error(company.error.message)
  expect(company.data.emails.find((e) => e.address === 'legal@fs.com')!.problem).toEqual({ kind: 'bounced', on: '2026-02-01' })
})
