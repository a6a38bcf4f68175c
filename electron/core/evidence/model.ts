/**
 * The redaction tool's vocabulary and the schema of its boxes, pure (zod only): the contract
 * checks a redaction with it, and the window checks its boxes with it before asking for a copy.
 */
import { z } from 'zod'

export const redactFormats = ['png', 'pdf'] as const
export type RedactFormat = (typeof redactFormats)[number]

/** At most this many boxes on one page. */
export const maxBoxes = 100

/** A black box, in fractions of the image's sides (0..1), that lies inside the image. */
export const redactBoxSchema = z
  .strictObject({ x: z.number().min(0).max(1), y: z.number().min(0).max(1), width: z.number().positive().max(1), height: z.number().positive().max(1) })
  .refine((b) => b.x + b.width <= 1.000001 && b.y + b.height <= 1.000001, 'A box must lie inside the image.')

/** The boxes of one redaction: at most `maxBoxes`. */
export const redactBoxesSchema = z.array(redactBoxSchema).max(maxBoxes, `Draw at most ${maxBoxes} boxes.`)

/** The redaction tool's form: the boxes drawn and the copy's format. */
export const redactFormSchema = z.strictObject({ boxes: redactBoxesSchema, format: z.enum(redactFormats) })

/** The largest image file the tool reads. */
export const maxImageBytes = 50 * 1024 * 1024

/** What the window needs to draw boxes on a picked image. */
export type EvidenceImage = {
  readonly token: string
  readonly name: string
  readonly width: number
  readonly height: number
  /** A PNG data URL, scaled down to at most 1200 pixels a side. */
  readonly preview: string
}

/** The redacted copy, staged under `token` (for requests:addEvent and mail:send). */
export type RedactedCopy = {
  readonly token: string
  readonly name: string
  readonly size: number
  readonly sha256: string
  readonly format: RedactFormat
  readonly width: number
  readonly height: number
  readonly boxes: number
  /** The watermark's words as stamped. */
  readonly watermark: string
  /** Where it was saved (save: true), or null. */
  readonly savedTo: string | null
  /** The saved mail server sends without encryption: warn before the copy goes out by e-mail. */
  readonly plainEmail: boolean
  /** A PNG data URL preview of the result. */
  readonly preview: string
}
