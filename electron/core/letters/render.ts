/**
 * The letter renderer, loaded with pdfkit and fontkit on the first letter rather than when the
 * core starts: most commands and screens never draw one (see bench/cli-start.ts).
 */
import type * as PdfLetter from './pdf-letter'

let loading: Promise<typeof PdfLetter> | null = null
const renderer = () => (loading ??= import('./pdf-letter'))

/** renderLetterPdf of pdf-letter.ts. */
export async function renderLetterPdf(...args: Parameters<typeof PdfLetter.renderLetterPdf>): Promise<Uint8Array> {
  return (await renderer()).renderLetterPdf(...args)
}

/** renderLettersPdf of pdf-letter.ts. */
export async function renderLettersPdf(...args: Parameters<typeof PdfLetter.renderLettersPdf>): Promise<Uint8Array> {
  return (await renderer()).renderLettersPdf(...args)
}
