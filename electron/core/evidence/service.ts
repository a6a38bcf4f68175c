/**
 * The redaction tool: open a picked image (its size and a small preview for the window to
 * draw boxes on), then write the redacted, watermarked copy, staged to be kept with the request
 * (an 'identity-provided' event) or attached to an e-mail, and saved where the user chooses.
 */
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { coreError } from '../messages/errors'
import { incomingDir, keptFileName } from '../requests/attachments'
import { longDate } from '../requests/draft-view'
import { maxImageBytes, type EvidenceImage, type RedactedCopy } from './model'
import { plainDateOf } from '../shared/calendar'
import type { FileSink, FontSource } from '../shared/ports'
import type { AttachmentStage } from '../requests/attachments'
import type { RequestService } from '../requests/service'
import type { Templates } from '../templates/templates'
import type { EvidenceService } from './service-types'

export type { EvidenceService } from './service-types'

/** The image libraries (pngjs, jpeg-js) and pdfkit load with the first image, not with the core. */
const raster = () => import('./raster')
const redactor = () => import('./redact')

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

export function createEvidenceService(deps: {
  readonly attachments: AttachmentStage
  readonly requests: RequestService
  readonly templates: Templates
  readonly fonts: FontSource
  readonly files: FileSink
  readonly dataDir: string
  readonly now: () => Date
  /** Whether e-mail goes out without encryption (the copy's view warns then). */
  readonly plainEmail: () => boolean
}): EvidenceService {
  cleanRedactedCopiesSync(deps.dataDir, deps.now())
  const today = () => plainDateOf(deps.now())

  const readStaged = (token: string): { name: string; bytes: Uint8Array } => {
    const [file] = deps.attachments.read([token], maxImageBytes)
    if (!file) throw coreError('NOT_FOUND', 'error.evidence.fileGone')
    return file
  }

  return {
    async open(token) {
      const file = readStaged(token)
      const { decodeImage, encodePng, scaleDown } = await raster()
      const image = decodeImage(file.bytes)
      const preview = scaleDown(image, previewSide)
      return { token, name: file.name, width: image.width, height: image.height, preview: dataUrl(encodePng(preview)) } satisfies EvidenceImage
    },
    async redact({ reference, token, boxes, format, lang: chosenLang, save }) {
      const { record } = deps.requests.get(reference)
      const lang = chosenLang ?? record.lang
      const file = readStaged(token)
      const [{ encodePng, scaleDown }, { redactImageFile, watermarkText }] = await Promise.all([raster(), redactor()])
      const watermark = watermarkText(deps.templates.strings(lang).watermark, { company: record.company.name, date: longDate(today(), lang), reference: record.reference })
      const out = await redactImageFile({ bytes: file.bytes, boxes, watermark, lang, fonts: deps.fonts, format })
      const base = path.basename(file.name).replace(/\.[A-Za-z0-9]{1,5}$/, '')
      const name = keptFileName('', `${base} (redacted, ${record.reference}).${format}`)
      // Written under the incoming folder (cleaned at open), then staged like a picked file.
      const folder = path.join(incomingDir(deps.dataDir), `redact-${randomBytes(6).toString('hex')}`)
      fs.mkdirSync(folder, { recursive: true })
      const written = path.join(folder, name)
      fs.writeFileSync(written, out.bytes, { flag: 'wx' })
      const [staged] = deps.attachments.stage([written])
      const savedTo = save ? await deps.files.save({ suggestedName: name, kind: format, bytes: out.bytes }) : null
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
        plainEmail: deps.plainEmail(),
        preview: dataUrl(encodePng(scaleDown(out.image, previewSide))),
      } satisfies RedactedCopy
    },
  }
}
