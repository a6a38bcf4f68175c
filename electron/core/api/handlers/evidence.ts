/**
 * The redaction tool's API: open a picked image (its size and a small preview for the window to
 * draw boxes on), then write the redacted, watermarked copy, staged to be kept with the request
 * (an 'identity-provided' event) or attached to an e-mail, and saved where the user chooses.
 */
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { CoreContext, HandlerMap } from '../context'
import { coreError } from '../../messages/errors'
import { openMailSettings } from '../../mail/mail-settings'
import { incomingDir, keptFileName } from '../../requests/attachments'
import { longDate } from '../../requests/draft-view'
import { maxImageBytes, type EvidenceImage, type RedactedCopy } from '../../evidence/model'

/** The image libraries (pngjs, jpeg-js) and pdfkit load with the first image, not with the core. */
const raster = () => import('../../evidence/raster')
const redactor = () => import('../../evidence/redact')

/** The longest side of the preview the window draws on. */
const previewSide = 1200

const dataUrl = (png: Uint8Array) => `data:image/png;base64,${Buffer.from(png).toString('base64')}`

/** How long a redacted copy waits in the incoming folder to be kept or sent before it is removed. */
const keptForMs = 24 * 3600_000

/**
 * Removes the redacted copies written more than a day ago that nobody kept: once kept with a
 * request or sent, a copy lives there; the staged one is only the way in. Copies of identity
 * documents must not pile up in the data folder.
 */
export function cleanRedactedCopiesSync(dataDir: string, now: Date = new Date()): void {
  const dir = incomingDir(dataDir)
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    if (!/^redact-[0-9a-f]{12}$/.test(name)) continue
    const full = path.join(dir, name)
    try {
      if (now.getTime() - fs.statSync(full).mtimeMs > keptForMs) fs.rmSync(full, { recursive: true, force: true })
    } catch {
      // Another process removed it meanwhile.
    }
  }
}

export function evidenceHandlers(ctx: CoreContext): HandlerMap {
  const mail = openMailSettings(ctx.ports.stores.open('mail'), ctx.notices)
  cleanRedactedCopiesSync(ctx.ports.dataDir, ctx.ports.clock.now())

  const readStaged = (token: string): { name: string; bytes: Uint8Array } => {
    const [file] = ctx.attachments.read([token], maxImageBytes)
    if (!file) throw coreError('NOT_FOUND', 'error.evidence.fileGone')
    return file
  }

  return {
    'evidence:open': async ({ token }) => {
      const file = readStaged(token)
      const { decodeImage, encodePng, scaleDown } = await raster()
      const image = decodeImage(file.bytes)
      const preview = scaleDown(image, previewSide)
      return { token, name: file.name, width: image.width, height: image.height, preview: dataUrl(encodePng(preview)) } satisfies EvidenceImage
    },
    'evidence:redact': async ({ reference, token, boxes, format, lang: chosenLang, save }) => {
      const { record } = ctx.requests.get(reference)
      const lang = chosenLang ?? record.lang
      const file = readStaged(token)
      const [{ encodePng, scaleDown }, { redactImageFile, watermarkText }] = await Promise.all([raster(), redactor()])
      const watermark = watermarkText(ctx.templates.strings(lang).watermark, { company: record.company.name, date: longDate(ctx.today(), lang), reference: record.reference })
      const out = await redactImageFile({ bytes: file.bytes, boxes, watermark, lang, fonts: ctx.ports.fonts, format })
      const base = path.basename(file.name).replace(/\.[A-Za-z0-9]{1,5}$/, '')
      const name = keptFileName('', `${base} (redacted, ${record.reference}).${format}`)
      // Written under the incoming folder (cleaned at open), then staged like a picked file.
      const folder = path.join(incomingDir(ctx.ports.dataDir), `redact-${randomBytes(6).toString('hex')}`)
      fs.mkdirSync(folder, { recursive: true })
      const written = path.join(folder, name)
      fs.writeFileSync(written, out.bytes, { flag: 'wx' })
      const [staged] = ctx.attachments.stage([written])
      const savedTo = save ? await ctx.ports.files.save({ suggestedName: name, kind: format, bytes: out.bytes }) : null
      return {
        token: staged!.token,
        name: staged!.name,
        size: out.bytes.length,
        sha256: createHash('sha256').update(out.bytes).digest('hex'),
        format,
        width: out.image.width,
        height: out.image.height,
        boxes: boxes.length,
        watermark,
        savedTo,
        plainEmail: mail.get().smtp?.security === 'none',
        preview: dataUrl(encodePng(scaleDown(out.image, previewSide))),
      } satisfies RedactedCopy
    },
  }
}
