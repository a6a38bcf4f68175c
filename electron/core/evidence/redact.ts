/**
 * Redact and watermark a copy of an identity document before it goes to a company: black boxes
 * over what the company does not need (the photo, the document number, the machine-readable
 * zone), and "Copy for <company>, <date>, <reference>" across the whole page in the letter's
 * language, so a leaked copy says where it leaked from. The output is a single flattened raster,
 * as PNG or as a one-page PDF holding only that raster (no text layer, no shapes over the image):
 * the covered pixels are gone from the file, not hidden.
 */
import PDFDocument from 'pdfkit'
import type { Font } from 'fontkit'
import { parsedFont } from '../letters/letter-fonts'
import { containsCjk } from '../letters/letter-fonts'
import type { FontFaceName, FontSource } from '../shared/ports'
import type { Language } from '../shared/kinds'
import { decodeImage, encodePng, flattenAlpha, paintBoxes, stampWatermark, type Box, type RgbaImage } from './raster'

import type { RedactFormat } from './model'

/** The face the watermark is set in: Japanese or Chinese where the text needs it, else Noto Sans. */
export function watermarkFace(text: string, lang: Language): FontFaceName {
  if (lang === 'ja') return 'ja-regular'
  if (lang === 'zh-Hans' || lang === 'zh-Hant' || containsCjk(text)) return 'cjk-regular'
  return 'regular'
}

/** The watermark's words: the language's pattern from strings.yaml, filled. */
export function watermarkText(pattern: string, values: { company: string; date: string; reference: string }): string {
  return pattern
    .replace(/\{\{company\}\}/g, values.company.replace(/\s+/g, ' ').trim().slice(0, 120))
    .replace(/\{\{date\}\}/g, values.date)
    .replace(/\{\{reference\}\}/g, values.reference)
}

/** Paints the boxes, stamps the watermark and flattens: the image is changed in place. */
export function redactPixels(image: RgbaImage, boxes: ReadonlyArray<Box>, watermark: string, font: Font): RgbaImage {
  flattenAlpha(image)
  paintBoxes(image, boxes)
  stampWatermark(image, watermark, font)
  return image
}

/** A one-page PDF that holds the image and nothing else, at 150 pixels per inch (A4 scans fit A4). */
export function pngToPdf(png: Uint8Array, image: Pick<RgbaImage, 'width' | 'height'>, font: Font, title: string): Promise<Uint8Array> {
  const width = (image.width * 72) / 150
  const height = (image.height * 72) / 150
  // pdfkit takes a parsed fontkit font as its default font; otherwise it loads Helvetica from files.
  const doc = new PDFDocument({ size: [width, height], margin: 0, autoFirstPage: false, font: font as unknown as string, info: { Title: title, Creator: 'Rightful' } })
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    doc.on('error', reject)
    doc.addPage({ size: [width, height], margin: 0 })
    doc.image(Buffer.from(png), 0, 0, { width, height })
    doc.end()
  })
}

/** Decodes, redacts, watermarks and encodes one image. */
export async function redactImageFile(input: {
  readonly bytes: Uint8Array
  readonly boxes: ReadonlyArray<Box>
  readonly watermark: string
  readonly lang: Language
  readonly fonts: FontSource
  readonly format: RedactFormat
}): Promise<{ bytes: Uint8Array; png: Uint8Array; image: RgbaImage }> {
  const image = decodeImage(input.bytes)
  const font = parsedFont(input.fonts, watermarkFace(input.watermark, input.lang))
  redactPixels(image, input.boxes, input.watermark, font)
  const png = encodePng(image)
  const bytes = input.format === 'png' ? png : await pngToPdf(png, image, font, input.watermark)
  return { bytes, png, image }
}
