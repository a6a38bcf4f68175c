// @module-tag process
/**
 * The redaction tool: what lay under a black box is gone from the output's pixels (PNG and PDF),
 * the watermark is stamped across the page, bad files are refused with a clear error, and the copy
 * can be kept with the request as evidence.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import jpeg from 'jpeg-js'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { cleanRedactedCopiesSync } from '../../electron/core/api/handlers/evidence'
import { pixelRect } from '../../electron/core/evidence/raster'
import { expectOk, sampleProfile, startCore, tempDir, type TestHost } from '../helpers/ports'

const width = 600
const height = 400
const box = { x: 0.1, y: 0.15, width: 0.35, height: 0.25 }

/** A light "document" with a secret drawn in bright colours inside the box; `seed` changes only the secret. */
function documentPixels(seed: number): Buffer {
  const png = new PNG({ width, height })
  const { x0, y0, x1, y1 } = pixelRect(box, { width, height })
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4
      const inside = x >= x0 && x < x1 && y >= y0 && y < y1
      png.data[i] = inside ? (x * 7 + seed * 31) % 256 : 235
      png.data[i + 1] = inside ? (y * 13 + seed * 17) % 256 : 232
      png.data[i + 2] = inside ? ((x + y) * 5 + seed * 53) % 256 : 220
      png.data[i + 3] = 255
    }
  }
  return png.data
}

function pngFile(dir: string, name: string, seed: number): string {
  const png = new PNG({ width, height })
  documentPixels(seed).copy(png.data)
  const file = path.join(dir, name)
  fs.writeFileSync(file, PNG.sync.write(png))
  return file
}

async function pick(host: TestHost, file: string): Promise<string> {
  host.picked.push(file)
  const [staged] = expectOk(await host.api.call('attachments:pick', {}))
  return staged!.token
}

async function sentRequest(host: TestHost): Promise<string> {
  expectOk(await host.api.call('profile:save', sampleProfile))
  const { record } = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
  expectOk(await host.api.call('requests:markSent', { reference: record.reference, on: '2026-01-31', channel: 'email' }))
  return record.reference
}

/** The pixels inside the box, as RGB triples. */
function boxPixels(image: { width: number; height: number; data: Uint8Array | Buffer }, channels: 3 | 4 = 4): number[][] {
  const { x0, y0, x1, y1 } = pixelRect(box, image)
  const out: number[][] = []
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
    const i = (y * image.width + x) * channels
    out.push([image.data[i]!, image.data[i + 1]!, image.data[i + 2]!])
  }
  return out
}

describe('redacting a copy of an identity document', () => {
  it('leaves nothing of what lay under a box in the PNG, and stamps the watermark', async () => {
    const host = startCore()
    const reference = await sentRequest(host)
    const dir = tempDir()
    const outputs: Buffer[] = []
    for (const seed of [1, 2]) {
      const token = await pick(host, pngFile(dir, `passport-${seed}.png`, seed))
      const opened = expectOk(await host.api.call('evidence:open', { token }))
      expect(opened).toMatchObject({ width, height, name: `passport-${seed}.png` })
      expect(opened.preview.startsWith('data:image/png;base64,')).toBe(true)
      const copy = expectOk(await host.api.call('evidence:redact', { reference, token, boxes: [box], format: 'png', save: true }))
      expect(copy).toMatchObject({ format: 'png', width, height, boxes: 1, plainEmail: false, watermark: `Copy for FS.COM, 31 January 2026, ${reference}` })
      expect(copy.savedTo).not.toBeNull()
      const bytes = fs.readFileSync(copy.savedTo!)
      expect(bytes.length).toBe(copy.size)
      outputs.push(bytes)
    }
    const [a, b] = outputs.map((bytes) => PNG.sync.read(bytes!))
    // Under the box: black, or the grey watermark over black; never a colour of the secret.
    for (const [r, g, bl] of boxPixels(a!)) {
      expect(r).toBe(g)
      expect(g).toBe(bl)
      expect(r).toBeLessThanOrEqual(60)
    }
    // Two documents that differ only under the box give the same pixels: nothing of it survives.
    expect(Buffer.compare(a!.data, b!.data)).toBe(0)
    // The watermark: grey pixels darker than the paper outside the box, but not black.
    const original = documentPixels(1)
    let changed = 0
    for (let i = 0; i < a!.data.length; i += 4) if (a!.data[i] !== original[i] && a!.data[i]! > 60) changed++
    expect(changed).toBeGreaterThan(width * height * 0.02)
    // No alpha channel that could hold anything: 8-bit RGB.
    expect(outputs[0]!.readUInt8(25)).toBe(2)
  })

  it('writes a one-page PDF that holds only the flattened image, with no text and nothing under the box', async () => {
    const host = startCore()
    const reference = await sentRequest(host)
    const dir = tempDir()
    const rendered: PNG[] = []
    for (const seed of [3, 4]) {
      const token = await pick(host, pngFile(dir, `id-${seed}.png`, seed))
      const copy = expectOk(await host.api.call('evidence:redact', { reference, token, boxes: [box], format: 'pdf', save: true }))
      expect(copy.format).toBe('pdf')
      const pdf = copy.savedTo!
      expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
      // No text layer: the watermark is pixels too.
      expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).trim()).toBe('')
      expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+1\b/)
      const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2)
      expect(images).toHaveLength(1)
      execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', pdf, path.join(dir, `page-${seed}`)])
      rendered.push(PNG.sync.read(fs.readFileSync(path.join(dir, `page-${seed}.png`))))
    }
    expect(rendered[0]!.width).toBe(width)
    // The renderer smooths the page a little: dark, and the same whatever the secret was.
    for (const [r, g, b] of boxPixels(rendered[0]!)) expect(Math.max(r, g, b)).toBeLessThanOrEqual(90)
    expect(boxPixels(rendered[0]!)).toEqual(boxPixels(rendered[1]!))
  })

  it('reads JPEG photos too, and keeps the copy with the request as evidence', async () => {
    const host = startCore()
    const reference = await sentRequest(host)
    const dir = tempDir()
    const file = path.join(dir, 'licence.jpg')
    fs.writeFileSync(file, jpeg.encode({ width, height, data: documentPixels(5) }, 90).data)
    const token = await pick(host, file)
    const copy = expectOk(await host.api.call('evidence:redact', { reference, token, boxes: [box, { x: 0.7, y: 0.7, width: 0.3, height: 0.3 }], format: 'png', lang: 'de' }))
    expect(copy.watermark).toBe(`Kopie für FS.COM, 31. Januar 2026, ${reference}`)
    expect(copy.savedTo).toBeNull()
    const view = expectOk(await host.api.call('requests:addEvent', { reference, kind: 'identity-provided', on: '2026-01-31', note: 'Redacted copy of my licence', attachments: [copy.token] }))
    const kept = view.record.events.at(-1)!.attachments[0]!
    expect(kept.sha256).toBe(copy.sha256)
    expect(kept.name).toBe(`licence (redacted, ${reference}).png`)
    const image = PNG.sync.read(fs.readFileSync(path.join(host.dataDir, kept.file)))
    for (const [r, g, b] of boxPixels(image)) expect(Math.max(r, g, b)).toBeLessThanOrEqual(60)
  })

  it('warns when the saved mail server sends without encryption', async () => {
    const host = startCore()
    const reference = await sentRequest(host)
    expectOk(await host.api.call('mail:saveSmtp', { smtp: { host: '127.0.0.1', port: 2525, security: 'none', user: 'alex' }, password: 'secret' }))
    const token = await pick(host, pngFile(tempDir(), 'id.png', 6))
    expect(expectOk(await host.api.call('evidence:redact', { reference, token, boxes: [], format: 'png' })).plainEmail).toBe(true)
  })

  it('refuses what is no image, a damaged one, one too large, and a box outside the image, writing nothing', async () => {
    const host = startCore()
    const reference = await sentRequest(host)
    const dir = tempDir()
    const text = path.join(dir, 'notes.txt')
    fs.writeFileSync(text, 'not an image')
    const damaged = path.join(dir, 'cut.png')
    fs.writeFileSync(damaged, fs.readFileSync(pngFile(dir, 'whole.png', 7)).subarray(0, 200))
    // A PNG header that claims 100,000 x 100,000 pixels: refused before anything is decoded.
    const huge = Buffer.from(fs.readFileSync(pngFile(dir, 'small.png', 8)))
    huge.writeUInt32BE(100_000, 16)
    huge.writeUInt32BE(100_000, 20)
    const hugeFile = path.join(dir, 'huge.png')
    fs.writeFileSync(hugeFile, huge)
    for (const file of [text, damaged, hugeFile]) {
      const token = await pick(host, file)
      const opened = await host.api.call('evidence:open', { token })
      expect(opened.ok ? 'ok' : opened.error.code, file).toBe('INVALID_INPUT')
      const redacted = await host.api.call('evidence:redact', { reference, token, boxes: [box], format: 'png', save: true })
      expect(redacted.ok ? 'ok' : redacted.error.code, file).toBe('INVALID_INPUT')
    }
    const token = await pick(host, pngFile(dir, 'fine.png', 9))
    const outside = await host.api.call('evidence:redact', { reference, token, boxes: [{ x: 0.8, y: 0.1, width: 0.5, height: 0.1 }], format: 'png', save: true })
    expect(outside.ok ? 'ok' : outside.error.code).toBe('INVALID_INPUT')
    expect(fs.existsSync(host.outDir) ? fs.readdirSync(host.outDir) : []).toEqual([])
  })

  it('removes redacted copies nobody kept after a day, and leaves newer ones and other files alone', () => {
    const dataDir = tempDir()
    const incoming = path.join(dataDir, 'requests', '.incoming')
    const old = path.join(incoming, 'redact-0123456789ab')
    const fresh = path.join(incoming, 'redact-ba9876543210')
    const other = path.join(incoming, 'something-else')
    for (const dir of [old, fresh, other]) {
      fs.mkdirSync(dir, { recursive: true })
      fs.writeFileSync(path.join(dir, 'copy.png'), 'x')
    }
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600_000)
    fs.utimesSync(old, twoDaysAgo, twoDaysAgo)
    fs.utimesSync(other, twoDaysAgo, twoDaysAgo)
    cleanRedactedCopiesSync(dataDir)
    expect(fs.existsSync(old)).toBe(false)
    expect(fs.existsSync(fresh)).toBe(true)
    expect(fs.existsSync(other)).toBe(true)
  })
})
