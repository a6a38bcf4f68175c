/**
 * Lays out a data-protection request as a printable business letter and renders it to PDF/A-2b
 * with pdfkit: on A4 (DIN 5008 form B) for a DL window envelope, or on US Letter for a #10 window
 * envelope. One code path serves both; where things go comes from the page geometry
 * (page-geometry.ts), the fonts from letter-fonts.ts, the words around the data from the caller.
 *
 * Lines are broken here rather than by pdfkit, so that paragraphs can be kept from leaving a lone
 * line at the foot or head of a page and the closing, the signature space and the name stay on
 * one page. Only the TrueType faces from the FontSource are ever used: pdfkit's built-in
 * Helvetica (AFM files read from disk) is never loaded, because it does not survive bundling.
 */
import PDFDocument from 'pdfkit'
import type { FontFaceName, FontSource } from '../shared/ports'
import { CJK_CHARACTER, fontsForLetter, offerRunTables, widthOfText, type LetterFonts, type Weight } from './letter-fonts'
import { letterLabels, type LetterLabels } from './letter-labels'
import { pageGeometry, type PageGeometry, type Paper } from './page-geometry'
import { PDFA_LEVEL, repairPdfA } from './pdfa'

export type { LetterLabels } from './letter-labels'
export type { Paper } from './page-geometry'

/** Everything printed on the letter, already in its final wording. */
export type LetterInput = {
  /** The person writing; `address` holds the postal lines, possibly ending with the country. */
  readonly sender: { readonly name: string; readonly email: string; readonly address: ReadonlyArray<string> }
  /**
   * Who the letter goes to. `countryName` is null when the recipient lives in the sender's
   * country, and is then left out; otherwise it is printed in capitals as the last line.
   */
  readonly recipient: { readonly recipient: string; readonly lines: ReadonlyArray<string>; readonly countryName: string | null }
  /** The letter date, already formatted in the letter's language ("22 November 2026"). */
  readonly date: string
  /** The request reference ("RF-2026-0001"). */
  readonly reference: string
  readonly subject: string
  /**
   * Plain text. A blank line separates paragraphs; a single line break stays a line break inside
   * its paragraph (addresses and numbered lists keep their lines).
   */
  readonly body: string
  /** Documents sent along, listed under a heading after the signature; none when left out. */
  readonly enclosures?: ReadonlyArray<string>
  /** A4 for a DL window envelope (when left out) or US Letter for a #10 window envelope. */
  readonly paper?: Paper
  /** The letter's language as a BCP 47 tag ("de", "zh-CN"), for the PDF; "en" when left out. */
  readonly lang?: string
  /** Words printed around the data; English when left out. */
  readonly labels?: LetterLabels
  /** The PDF's document information. */
  readonly metadata: { readonly title: string; readonly author: string; readonly subject: string; readonly createdAt: Date }
}

/**
 * Distance from the top of a line of text to its baseline, and from the baseline down, per point
 * of size: close to Noto Sans's own ascender and descender, so that positions given for the top
 * of a line (the address zone, the subject, the top margin) hold for the glyphs' whole height.
 */
const ASCENT = 1.0
const DESCENT = 0.3

const BODY_SIZE = 11
/** 14 pt lines for Latin text; Chinese, set solid in the em box, wants more air between lines. */
const LATIN_LEADING = 14
const CJK_LEADING = 17
/** Points per millimetre, for the few distances below that are not part of the geometry. */
const MM = 72 / 25.4
const SIGNATURE_SPACE = 15 * MM

const INK = '#000000'
const SOFT_INK = '#333333'
const LABEL_INK = '#6e6e6e'
const MARK_INK = '#9a9a9a'

type Doc = PDFKit.PDFDocument

/** One line of the letter's running text, ready to place. */
type FlowLine = {
  readonly text: string
  readonly weight: Weight
  readonly x: number
  /** Baseline distance from the line before it on the same page. */
  readonly advance: number
  /** Must share a page with the line before it. */
  readonly glued: boolean
}

/**
 * Sets text in the letter's fonts: measures and draws a string in runs of one face each (a few
 * characters may come from the other family), and switches pdfkit's font only when the face
 * changes, because every `font()` call on a face equal to the default creates a new pdfkit font.
 * Widths come from the runs each face remembers across letters (letter-fonts.ts), equal to what
 * pdfkit's own `widthOfString` would say.
 */
class Pen {
  private face: FontFaceName | null = null
  private weight: Weight = 'regular'
  private size = 12

  constructor(
    readonly doc: Doc,
    private readonly fonts: LetterFonts,
  ) {}

  use(weight: Weight, size: number, color = INK): this {
    this.weight = weight
    this.size = size
    this.doc.fontSize(size).fillColor(color)
    return this
  }

  private select(face: FontFaceName): void {
    if (this.face !== face) {
      this.doc.font(face)
      this.face = face
    }
  }

  private widthOfRun(face: FontFaceName, text: string): number {
    return widthOfText(this.fonts.faces.get(face)!, text, this.size)
  }

  width(text: string): number {
    let width = 0
    for (const run of this.fonts.runs(text, this.weight)) {
      // Selected as before, so that pdfkit numbers its fonts in the same order.
      this.select(run.face)
      width += this.widthOfRun(run.face, run.text)
    }
    return width
  }

  /** Draws one line of text with its baseline at `baseline`, in the current weight and size. */
  put(text: string, x: number, baseline: number): void {
    let left = x
    for (const run of this.fonts.runs(text, this.weight)) {
      if (run.text.length === 0) continue
      this.select(run.face)
      this.doc.text(run.text, left, baseline, { lineBreak: false, baseline: 'alphabetic' })
      left += this.widthOfRun(run.face, run.text)
    }
  }

  putRight(text: string, right: number, baseline: number): void {
    this.put(text, right - this.width(text), baseline)
  }
}

/** Spaces a line may break at: all but the no-break ones (U+00A0, U+2007, U+202F). */
const BREAKING_SPACE = /[^\S\u00a0\u2007\u202f]+/

/** "Art.", "Article", "Artikel", "§" and the like before a number. */
const BINDS_TO_NUMBER = /^(?:Arts?|Nos?|Nr|para|paras|p|pp|Sec|S|Abs)\.$|^(?:Articles?|Artikel|Artículos?|Sections?|Absatz|Absätze)$|^§+$/i

/**
 * Joins words that should not be parted at a line end: an article and its number ("Art. 15",
 * "Article 17"), and a dash with the word before it.
 */
function unbreakable(words: ReadonlyArray<string>): string[] {
  const joined: string[] = []
  for (const word of words) {
    const previous = joined[joined.length - 1]
    const lastOfPrevious = (previous?.slice(previous.lastIndexOf(' ') + 1) ?? '').replace(/^[(["'“‘„]+/, '')
    if (previous !== undefined && (/^[–—]$/.test(word) || (BINDS_TO_NUMBER.test(lastOfPrevious) && /^\d/.test(word)))) {
      joined[joined.length - 1] = `${previous} ${word}`
    } else {
      joined.push(word)
    }
  }
  return joined
}

/** Closing punctuation never starts a line; opening punctuation never ends one. */
const NO_LINE_START = new Set([...'，。、；：？！）」』》〉】〕〗〙〛｝］〞”’…‥・ー々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ%％,.:;?!)]}'])
const NO_LINE_END = new Set([...'（「『《〈【〔〖〘〚｛［〝“‘(['])

/**
 * Cuts a word of Chinese text (which has no spaces) into the pieces a line may break between:
 * one per Han or kana character or full-width sign, closing punctuation kept with the character
 * before it and opening punctuation with the one after it; runs of Latin letters and digits stay
 * whole.
 */
function cjkPieces(word: string): string[] {
  if (!CJK_CHARACTER.test(word)) return [word]
  const pieces: string[] = []
  let previous = ''
  for (const char of word) {
    const breakable =
      pieces.length > 0 &&
      (CJK_CHARACTER.test(char) || CJK_CHARACTER.test(previous)) &&
      !NO_LINE_START.has(char) &&
      !NO_LINE_END.has(previous)
    if (breakable || pieces.length === 0) pieces.push(char)
    else pieces[pieces.length - 1] += char
    previous = char
  }
  return pieces
}

/** A piece of a line that is never broken, and whether a space separates it from the one before. */
type Piece = { readonly text: string; readonly spaced: boolean }

function piecesOf(text: string): Piece[] {
  return unbreakable(text.split(BREAKING_SPACE).filter((word) => word.length > 0)).flatMap((word) =>
    cjkPieces(word).map((piece, index) => ({ text: piece, spaced: index === 0 })),
  )
}

/** Splits a word that is wider than `width` on its own into pieces that fit. */
function splitLongWord(pen: Pen, word: string, width: number): string[] {
  const pieces: string[] = []
  let piece = ''
  for (const char of word) {
    if (piece && pen.width(piece + char) > width) {
      pieces.push(piece)
      piece = char
    } else {
      piece += char
    }
  }
  if (piece) pieces.push(piece)
  return pieces
}

/**
 * Breaks one line of text into lines no wider than `width` (the first) and `width - hang` (the
 * rest) with the current font and size. Always returns at least one line.
 */
function wrap(pen: Pen, text: string, width: number, hang = 0): string[] {
  const pieces = piecesOf(text)
  if (pieces.length === 0) return ['']
  const space = pen.width(' ')
  const lines: string[] = []
  let current = ''
  let currentWidth = 0
  const limit = () => (lines.length === 0 ? width : width - hang)
  for (const piece of pieces) {
    const pieceWidth = pen.width(piece.text)
    const gap = piece.spaced ? space : 0
    if (current && currentWidth + gap + pieceWidth <= limit()) {
      current += piece.spaced ? ` ${piece.text}` : piece.text
      currentWidth += gap + pieceWidth
      continue
    }
    if (current) lines.push(current)
    if (pieceWidth <= limit()) {
      current = piece.text
      currentWidth = pieceWidth
      continue
    }
    const parts = splitLongWord(pen, piece.text, limit())
    const last = parts.pop() ?? ''
    lines.push(...parts)
    current = last
    currentWidth = pen.width(last)
  }
  if (current) lines.push(current)
  return lines
}

/** The largest size from `preferred` down to `smallest` (in quarter points) at which `fits` holds, or null. */
function largestSize(preferred: number, smallest: number, fits: (size: number) => boolean): number | null {
  for (let size = preferred; size >= smallest - 1e-9; size -= 0.25) {
    if (fits(size)) return size
  }
  return null
}

/** Shortens `text` with an ellipsis until it fits `width` with the current font and size. */
function truncate(pen: Pen, text: string, width: number): string {
  if (pen.width(text) <= width) return text
  let low = 0
  let high = text.length
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (pen.width(`${text.slice(0, mid).trimEnd()}…`) <= width) low = mid
    else high = mid - 1
  }
  return `${text.slice(0, low).trimEnd()}…`
}

function cleanLine(line: string): string {
  return line.split(BREAKING_SPACE).join(' ').trim()
}

function cleanLines(lines: ReadonlyArray<string>): string[] {
  return lines.map(cleanLine).filter((line) => line.length > 0)
}

/** Sender's name, address and e-mail, small, in the letterhead zone (right or left aligned). */
function drawLetterhead(pen: Pen, input: LetterInput, page: PageGeometry): void {
  const { align, top, bottom, maxWidth } = page.letterhead
  const name = cleanLine(input.sender.name)
  const rest = [...cleanLines(input.sender.address), cleanLine(input.sender.email)].filter((line) => line.length > 0)
  const natural = 12 + rest.length * 11 + 10 * DESCENT
  const widest = Math.max(pen.use('bold', 10).width(name), ...rest.map((line) => pen.use('regular', 9).width(line)))
  const scale = Math.min(1, (bottom - top) / natural, maxWidth / Math.max(widest, 1))
  const place = (text: string, baseline: number) =>
    align === 'right' ? pen.putRight(text, page.right, baseline) : pen.put(text, page.left, baseline)
  let baseline = top + 10 * ASCENT * scale
  pen.use('bold', 10 * scale)
  place(name, baseline)
  baseline += 12 * scale
  pen.use('regular', 9 * scale, SOFT_INK)
  for (const line of rest) {
    place(line, baseline)
    baseline += 11 * scale
  }
}

/** The sender's return address on one small underlined line just above the recipient. */
function drawReturnLine(pen: Pen, input: LetterInput, page: PageGeometry): void {
  if (!page.returnLine) return
  const { left, width } = page.recipient
  const text = [cleanLine(input.sender.name), ...cleanLines(input.sender.address)].filter((part) => part.length > 0).join(' · ')
  if (!text) return
  const size = largestSize(7, 5.5, (candidate) => pen.use('regular', candidate).width(text) <= width) ?? 5.5
  pen.use('regular', size, SOFT_INK)
  const shown = truncate(pen, text, width)
  const baseline = page.returnLine.baseline
  pen.put(shown, left, baseline)
  const underline = baseline + 1.2 * MM
  pen.doc
    .save()
    .lineWidth(0.35)
    .strokeColor(SOFT_INK)
    .moveTo(left, underline)
    .lineTo(left + pen.width(shown), underline)
    .stroke()
    .restore()
}

/**
 * The recipient's address in the window: 10 pt on a 12 pt pitch, made smaller only as far as
 * needed to keep every line inside the address zone, and wrapped only when even that is not enough.
 */
function drawRecipient(pen: Pen, input: LetterInput, page: PageGeometry): void {
  const { left, top, bottom, width } = page.recipient
  const country = input.recipient.countryName?.trim()
  const lines = cleanLines([input.recipient.recipient, ...input.recipient.lines, ...(country ? [country.toUpperCase()] : [])])
  if (lines.length === 0) return
  const room = bottom - top
  const heightOf = (count: number, size: number) => size * (ASCENT + DESCENT + 1.2 * (count - 1))
  const fitsWhole = (size: number) =>
    heightOf(lines.length, size) <= room && lines.every((line) => pen.use('regular', size).width(line) <= width)
  const wrappedAt = (size: number) => lines.flatMap((line) => wrap(pen.use('regular', size), line, width, 0))
  let size = largestSize(10, 6, fitsWhole)
  let shown = lines
  if (size === null) {
    size = largestSize(10, 6, (candidate) => heightOf(wrappedAt(candidate).length, candidate) <= room) ?? 6
    shown = wrappedAt(size)
  }
  pen.use('regular', size)
  let baseline = top + size * ASCENT
  for (const line of shown) {
    pen.put(line, left, baseline)
    baseline += size * 1.2
  }
}

/** Reference, date and e-mail: small grey labels above their values. */
function drawInformationBlock(pen: Pen, input: LetterInput, labels: LetterLabels, page: PageGeometry): void {
  const { left, top, width } = page.info
  const entries: Array<[string, string]> = [
    [labels.reference, input.reference],
    [labels.date, input.date],
    [labels.email, input.sender.email],
  ]
  let labelBaseline = top + 7.5 * ASCENT
  for (const [label, value] of entries) {
    const text = cleanLine(value)
    if (!text) continue
    pen.use('regular', 7.5, LABEL_INK)
    pen.put(truncate(pen, label, width), left, labelBaseline)
    const size = largestSize(9.5, 7, (candidate) => pen.use('regular', candidate).width(text) <= width) ?? 7
    pen.use('regular', size)
    let baseline = labelBaseline + 11
    for (const line of wrap(pen, text, width)) {
      pen.put(line, left, baseline)
      baseline += size * 1.2
    }
    labelBaseline = baseline - size * 1.2 + 14
  }
}

/** Fold marks (and on A4 the punch-hole mark) at the left edge of page 1. */
function drawMarks(doc: Doc, page: PageGeometry): void {
  doc.save().lineWidth(0.4).strokeColor(MARK_INK)
  for (const { y, length } of page.marks.at) {
    doc
      .moveTo(page.marks.left, y)
      .lineTo(page.marks.left + length, y)
      .stroke()
  }
  doc.restore()
}

/** Lines starting with "1.", "a)", "-" or "•" continue under their text, not under the marker. */
const LIST_MARKER = /^((?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]|[-–•*·])\s+/

/**
 * How the running text is set: line pitch and paragraph gap, and where the typed name goes under
 * the signature (Chinese letters sign at the right).
 */
type Rhythm = { readonly leading: number; readonly paragraphGap: number; readonly nameAtRight: boolean }

/**
 * Body paragraphs, the name and the enclosures as lines with their spacing and page-keeping
 * rules: no paragraph leaves its first line alone at the foot of a page or its last line alone at
 * the head of one, and the closing line, the space for the handwritten signature and the name are
 * kept on one page.
 */
function bodyLines(pen: Pen, input: LetterInput, labels: LetterLabels, page: PageGeometry, rhythm: Rhythm): FlowLine[] {
  const { leading, paragraphGap } = rhythm
  const textWidth = page.right - page.left
  pen.use('regular', BODY_SIZE)
  const paragraphs = input.body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    // As .replace(/^\s*\n|\s+$/g, ''), without reading a long run of spaces again from every space in it.
    .map((paragraph) => paragraph.replace(/^\s*\n/, '').trimEnd())
    .filter((paragraph) => paragraph.trim().length > 0)
  const name = cleanLine(input.sender.name)
  const signed = paragraphs.length > 0 && name.length > 0 && paragraphs[paragraphs.length - 1]?.trim() === name
  if (signed) paragraphs.pop()

  const lines: FlowLine[] = []
  let leadsIn = false
  let lastParagraphLength = 0
  paragraphs.forEach((paragraph, index) => {
    const start = lines.length
    const hardLines = paragraph.split('\n')
    for (const raw of hardLines) {
      const expanded = raw.replace(/\t/g, '    ').trimEnd()
      // Spaces, and in Chinese text ideographic spaces ("\u3000\u3000此致"), indent the line.
      const indentText = /^[ \u3000]*/.exec(expanded)?.[0] ?? ''
      const content = expanded.slice(indentText.length)
      const indent = Math.min(pen.width(indentText), textWidth / 2)
      const marker = LIST_MARKER.exec(content)
      const hang = marker ? Math.min(pen.width(marker[0].replace(/\s+$/, ' ')), textWidth / 3) : 0
      wrap(pen, content, textWidth - indent, hang).forEach((text, part) => {
        const first = lines.length === start
        lines.push({
          text,
          weight: 'regular',
          x: page.left + indent + (part > 0 ? hang : 0),
          advance: first && index > 0 ? leading + paragraphGap : leading,
          glued: first && leadsIn,
        })
      })
    }
    const count = lines.length - start
    lastParagraphLength = count
    // A short block of unwrapped lines (an address, a few details) is not split at all; any
    // other paragraph keeps at least two lines together at either end of a page break.
    const block = hardLines.length > 1 && count === hardLines.length && count <= 8
    for (let i = start + 1; i < start + count; i += 1) {
      if (block || i === start + 1 || i === start + count - 1) lines[i] = { ...lines[i]!, glued: true }
    }
    // "…please send me:" stays with what it introduces.
    leadsIn = /[:：]$/.test(paragraph.trimEnd())
  })

  // A short closing line ("Yours faithfully,") takes the end of the paragraph before it along,
  // so that a page never holds nothing but the closing and the name.
  const closingStart = lines.length - lastParagraphLength
  if (name && paragraphs.length > 1 && lastParagraphLength <= 2) {
    lines[closingStart] = { ...lines[closingStart]!, glued: true }
  }

  if (name) {
    const afterText = lines.length > 0
    lines.push({
      text: name,
      weight: 'regular',
      x: rhythm.nameAtRight ? page.right - pen.width(name) : page.left,
      advance: afterText ? SIGNATURE_SPACE + BODY_SIZE * (ASCENT + DESCENT) : leading,
      glued: afterText,
    })
  }

  // Enclosures: one blank line after the name, a heading, then one item a line (numbered when
  // there are several, wrapped lines hanging under the text). Kept together when short.
  const enclosures = cleanLines(input.enclosures ?? [])
  if (enclosures.length > 0) {
    const start = lines.length
    lines.push({ text: labels.enclosures(enclosures.length), weight: 'regular', x: page.left, advance: start > 0 ? 2 * leading : leading, glued: false })
    enclosures.forEach((item, index) => {
      const marker = enclosures.length > 1 ? `${index + 1}. ` : ''
      const hang = marker ? pen.width(marker) : 0
      wrap(pen, marker + item, textWidth, hang).forEach((text, part) => {
        lines.push({ text, weight: 'regular', x: page.left + (part > 0 ? hang : 0), advance: leading, glued: false })
      })
    })
    const count = lines.length - start
    for (let i = start + 1; i < lines.length; i += 1) {
      if (count <= 10 || i === start + 1) lines[i] = { ...lines[i]!, glued: true }
    }
  }
  return lines
}

/**
 * Places the running text from `firstBaseline` on page 1 onwards, adding pages as needed. Lines
 * glued together move to the next page as a group unless the group is taller than a page.
 */
function flow(pen: Pen, lines: ReadonlyArray<FlowLine>, firstBaseline: number, page: PageGeometry): void {
  const pageTop = page.continuationTop + BODY_SIZE * ASCENT
  const lowest = page.bottom - BODY_SIZE * DESCENT
  let previous: number | null = null
  let top = firstBaseline
  const baselineOf = (line: FlowLine, before: number | null) => (before === null ? top : before + line.advance)
  let index = 0
  while (index < lines.length) {
    let end = index + 1
    while (end < lines.length && lines[end]!.glued) end += 1
    let last = previous
    for (let i = index; i < end; i += 1) last = baselineOf(lines[i]!, last)
    if (last !== null && last > lowest && previous !== null) {
      pen.doc.addPage()
      previous = null
      top = pageTop
    }
    for (let i = index; i < end; i += 1) {
      const line = lines[i]!
      let baseline = baselineOf(line, previous)
      if (baseline > lowest && previous !== null) {
        pen.doc.addPage()
        top = pageTop
        baseline = top
      }
      pen.use(line.weight, BODY_SIZE)
      pen.put(line.text, line.x, baseline)
      previous = baseline
    }
    index = end
  }
}

/** Page numbers on every page and the reference on continuation pages, once the count is known. */
function drawFooters(pen: Pen, input: LetterInput, labels: LetterLabels, page: PageGeometry, firstPage = 0): void {
  const range = pen.doc.bufferedPageRange()
  const count = range.start + range.count - firstPage
  if (count < 2) return
  for (let i = 0; i < count; i += 1) {
    pen.doc.switchToPage(firstPage + i)
    pen.use('regular', 8, LABEL_INK)
    pen.putRight(labels.page(i + 1, count), page.right, page.footerBaseline)
    if (i > 0) pen.put(input.reference, page.left, page.footerBaseline)
  }
}

function collect(doc: Doc): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => {
      // A plain array with a buffer of its own, so that nothing else travels along over IPC.
      resolve(new Uint8Array(Buffer.concat(chunks)))
    })
    doc.on('error', reject)
  })
}

/** Every string the letter prints, to choose its fonts by. */
function printedText(input: LetterInput, labels: LetterLabels): string[] {
  return [
    input.sender.name,
    input.sender.email,
    ...input.sender.address,
    input.recipient.recipient,
    ...input.recipient.lines,
    (input.recipient.countryName ?? '').toUpperCase(),
    input.date,
    input.reference,
    input.subject,
    input.body,
    ...(input.enclosures ?? []),
    labels.reference,
    labels.date,
    labels.email,
    labels.page(1, 2),
    input.enclosures?.length ? labels.enclosures(input.enclosures.length) : '',
  ]
}

/** The pdfkit options of a page of `page`'s paper. */
function pageOptions(page: PageGeometry): { size: [number, number]; margins: { top: number; bottom: number; left: number; right: number } } {
  const [width, height] = page.size
  return { size: [width, height], margins: { top: page.continuationTop, bottom: height - page.bottom, left: page.left, right: width - page.right } }
}

/** Draws one letter from its first page on (the page `doc` is on), with its own page numbers. */
function drawLetter(doc: Doc, letterFonts: LetterFonts, input: LetterInput, firstPage: number): void {
  const labels = input.labels ?? letterLabels('en')
  const page = pageGeometry(input.paper ?? 'a4')
  const rhythm: Rhythm = letterFonts.cjk
    ? { leading: CJK_LEADING, paragraphGap: 0.6 * CJK_LEADING, nameAtRight: true }
    : { leading: LATIN_LEADING, paragraphGap: 0.8 * LATIN_LEADING, nameAtRight: false }
  const pen = new Pen(doc, letterFonts)

  drawMarks(doc, page)
  drawLetterhead(pen, input, page)
  drawReturnLine(pen, input, page)
  drawRecipient(pen, input, page)
  drawInformationBlock(pen, input, labels, page)

  pen.use('bold', BODY_SIZE)
  const subject = wrap(pen, cleanLine(input.subject), page.right - page.left)
  let baseline = page.subjectTop + BODY_SIZE * ASCENT
  for (const line of subject) {
    pen.put(line, page.left, baseline)
    baseline += rhythm.leading
  }
  // Two blank lines between the subject and the salutation.
  flow(pen, bodyLines(pen, input, labels, page, rhythm), baseline + 2 * rhythm.leading, page)

  drawFooters(pen, input, labels, page, firstPage)
}

/**
 * Renders the letter as a complete PDF/A-2b document: recipient in the envelope window, fold
 * marks, page numbers when it runs over one page, enclosures after the signature. Uses only the
 * fonts from `fonts`, each parsed once and then shared by all letters.
 */
export async function renderLetterPdf(input: LetterInput, fonts: FontSource): Promise<Uint8Array> {
  return renderLettersPdf([input], fonts, input.metadata)
}

/**
 * Renders several letters into one PDF/A-2b document to print at once (a bulk request's letters):
 * each letter starts on a new page, on its own paper, with its own page numbers and reference.
 * The fonts are chosen once for all of them.
 */
export async function renderLettersPdf(inputs: ReadonlyArray<LetterInput>, fonts: FontSource, metadata: LetterInput['metadata']): Promise<Uint8Array> {
  const first = inputs[0]
  if (!first) throw new Error('renderLettersPdf needs at least one letter.')
  // The language picks the face for Han text (Japanese or Chinese) when every letter has the same one.
  const languages = new Set(inputs.map((input) => input.lang))
  const letterFonts = fontsForLetter(fonts, inputs.flatMap((input) => printedText(input, input.labels ?? letterLabels('en'))), languages.size === 1 ? first.lang : undefined)
  // The words of the letters' templates, laid out at build time (run-table.ts).
  offerRunTables(fonts, letterFonts.faces, [...languages].map((lang) => lang ?? 'en'))
  const firstPage = pageOptions(pageGeometry(first.paper ?? 'a4'))
  const options: PDFKit.PDFDocumentOptions = {
    ...firstPage,
    layout: 'portrait',
    bufferPages: true,
    pdfVersion: '1.7',
    subset: PDFA_LEVEL,
    lang: first.lang ?? 'en',
    displayTitle: true,
    // pdfkit takes a parsed fontkit font here although its typings only admit a name; anything
    // else makes it load Helvetica from its bundled AFM files.
    font: letterFonts.base as unknown as string,
    info: {
      Title: metadata.title,
      Author: metadata.author,
      Subject: metadata.subject,
      Creator: 'Rightful',
      CreationDate: metadata.createdAt,
    },
  }
  const doc = new PDFDocument(options)
  const done = collect(doc)
  try {
    repairPdfA(doc)
    for (const [face, font] of letterFonts.faces) doc.registerFont(face, font as unknown as string)
    inputs.forEach((input, index) => {
      const paper = pageOptions(pageGeometry(input.paper ?? 'a4'))
      // Continuation pages of this letter take its paper too: pdfkit's addPage() uses doc.options.
      Object.assign(doc.options, paper)
      const start = doc.bufferedPageRange().count
      if (index > 0) doc.addPage(paper)
      drawLetter(doc, letterFonts, input, index > 0 ? start : 0)
    })
    doc.end()
  } catch (error) {
    done.catch(() => undefined)
    throw error
  }
  return done
}
