/**
 * The redaction tool's vocabulary, free of imports: the contract and the renderer use it.
 */

export const redactFormats = ['png', 'pdf'] as const
export type RedactFormat = (typeof redactFormats)[number]

/** At most this many boxes on one page. */
export const maxBoxes = 100

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
