/**
 * Lays out a data-protection request as a printable business letter (A4, DIN 5008 form B) that
 * fits a DL window envelope with the window on the left, and renders it to PDF with pdfkit.
 *
 * Lines are broken here rather than by pdfkit, so that paragraphs can be kept from leaving a lone
 * line at the foot or head of a page and the closing, the signature space and the name stay on
 * one page. Only the TrueType faces from the FontSource are ever used: pdfkit's built-in
 * Helvetica (AFM files read from disk) is never loaded, because it does not survive bundling.
 */
import PDFDocument from 'pdfkit'
import type { FontSource } from '../ports'

/** Everything printed on the letter, already in its final wording. */
export type LetterInput = {
  /** The person writing; `address` holds the postal lines, possibly ending with the country. */
  readonly sender: { readonly name: string; readonly email: string; readonly address: ReadonlyArray<string> }
  /**
   * Who the letter goes to. `countryName` is null when the recipient lives in the sender's
   * country, and is then left out; otherwise it is printed in capitals as the last line.
   */
  readonly recipient: { readonly recipient: string; readonly lines: ReadonlyArray<string>; readonly countryName: string | null }
  /** The letter date, already formatted ("22 November 2026"). */
  readonly date: string
  /** The request reference ("RF-2026-0001"). */
  readonly reference: string
  readonly subject: string
  /**
   * Plain text. A blank line separates paragraphs; a single line break stays a line break inside
   * its paragraph (addresses and numbered lists keep their lines).
   */
  readonly body: string
  /** Words printed around the data; English when left out. */
  readonly labels?: { reference: string; date: string; email: string; page: (n: number, of: number) => string }
  /** The PDF's document information. */
  readonly metadata: { readonly title: string; readonly author: string; readonly subject: string; readonly createdAt: Date }
}

type Face = 'regular' | 'bold'

/** Points per millimetre. */
const MM = 72 / 25.4

const PAGE_WIDTH = 210 * MM
const PAGE_HEIGHT = 297 * MM
const LEFT = 25 * MM
const RIGHT = PAGE_WIDTH - 20 * MM
const TEXT_WIDTH = RIGHT - LEFT

/** Continuation pages start here; every page's text ends above BOTTOM. */
const TOP_MARGIN = 20 * MM
const BOTTOM = PAGE_HEIGHT - 25 * MM

/**
 * Distance from the top of a line of text to its baseline, and from the baseline down, per point
 * of size: close to Noto Sans's own ascender and descender, so that positions given for the top
 * of a line (45 mm, 98.5 mm, the 20 mm top margin) hold for the glyphs' whole height.
 */
const ASCENT = 1.0
const DESCENT = 0.3

const SENDER_TOP = 15 * MM
const SENDER_BOTTOM = 41 * MM
const SENDER_MAX_WIDTH = 80 * MM

/** Address field (window), DIN 5008 form B. */
const FIELD_LEFT = 20 * MM
const FIELD_TOP = 45 * MM
const FIELD_WIDTH = 85 * MM
const FIELD_HEIGHT = 45 * MM
const REMARK_ZONE = 17.7 * MM
/** Text in the field starts 5 mm in, in line with the letter's left margin. */
const FIELD_TEXT_LEFT = LEFT
const FIELD_TEXT_WIDTH = FIELD_LEFT + FIELD_WIDTH - FIELD_TEXT_LEFT - 1 * MM
const RECIPIENT_TOP = FIELD_TOP + REMARK_ZONE
const RECIPIENT_BOTTOM = FIELD_TOP + FIELD_HEIGHT - 1 * MM

const INFO_LEFT = 125 * MM
const INFO_TOP = 50 * MM
const INFO_WIDTH = RIGHT - INFO_LEFT

const SUBJECT_TOP = 98.5 * MM

const BODY_SIZE = 11
const BODY_LEADING = 14
const PARAGRAPH_GAP = 0.8 * BODY_LEADING
const SIGNATURE_SPACE = 15 * MM

const INK = '#000000'
const SOFT_INK = '#333333'
const LABEL_INK = '#6e6e6e'
const MARK_INK = '#9a9a9a'

const defaultLabels: NonNullable<LetterInput['labels']> = {
  reference: 'Reference',
  date: 'Date',
  email: 'E-mail',
  page: (n, of) => `Page ${n} of ${of}`,
}

/** One line of the letter's running text, ready to place. */
type FlowLine = {
  readonly text: string
  readonly face: Face
  readonly x: number
  /** Baseline distance from the line before it on the same page. */
  readonly advance: number
  /** Must share a page with the line before it. */
  readonly glued: boolean
}

type Doc = PDFKit.PDFDocument

function bufferOf(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/**
 * The face each document currently has selected. pdfkit never caches a registered font whose data
 * equals the default font's, so every `font('regular')` would parse the font file again; switching
 * only when the face changes keeps that to a few times per letter.
 */
const selectedFace = new WeakMap<Doc, Face>()

function use(doc: Doc, face: Face, size: number, color = INK): Doc {
  if (selectedFace.get(doc) !== face) {
    doc.font(face)
    selectedFace.set(doc, face)
  }
  return doc.fontSize(size).fillColor(color)
}

/** Draws one line of text with its baseline at `baseline`; the current font and size apply. */
function put(doc: Doc, text: string, x: number, baseline: number): void {
  if (text.length === 0) return
  doc.text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic' })
}

function putRight(doc: Doc, text: string, right: number, baseline: number): void {
  put(doc, text, right - doc.widthOfString(text), baseline)
}

/** Splits a word that is wider than `width` on its own into pieces that fit. */
function splitLongWord(doc: Doc, word: string, width: number): string[] {
  const pieces: string[] = []
  let piece = ''
  for (const char of word) {
    if (piece && doc.widthOfString(piece + char) > width) {
      pieces.push(piece)
      piece = char
    } else {
      piece += char
    }
  }
  if (piece) pieces.push(piece)
  return pieces
}

/** "Art." and "§" before a number. */
const BINDS_TO_NUMBER = /^(?:Arts?|Nos?|Nr|para|paras|p|pp|Sec|S)\.$|^§+$/i

/**
 * Joins words that should not be parted at a line end: an article sign and its number
 * ("Art. 15"), and a dash with the word before it.
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

/**
 * Breaks one line of text into lines no wider than `width` (the first) and `width - hang` (the
 * rest) with the current font and size. Always returns at least one line.
 */
function wrap(doc: Doc, text: string, width: number, hang = 0): string[] {
  const words = unbreakable(text.split(/\s+/).filter((word) => word.length > 0))
  if (words.length === 0) return ['']
  const space = doc.widthOfString(' ')
  const lines: string[] = []
  let current = ''
  let currentWidth = 0
  const limit = () => (lines.length === 0 ? width : width - hang)
  for (const word of words) {
    const wordWidth = doc.widthOfString(word)
    if (current && currentWidth + space + wordWidth <= limit()) {
      current += ` ${word}`
      currentWidth += space + wordWidth
      continue
    }
    if (current) lines.push(current)
    if (wordWidth <= limit()) {
      current = word
      currentWidth = wordWidth
      continue
    }
    const pieces = splitLongWord(doc, word, limit())
    const last = pieces.pop() ?? ''
    lines.push(...pieces)
    current = last
    currentWidth = doc.widthOfString(last)
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
function truncate(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text
  let low = 0
  let high = text.length
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (doc.widthOfString(`${text.slice(0, mid).trimEnd()}…`) <= width) low = mid
    else high = mid - 1
  }
  return `${text.slice(0, low).trimEnd()}…`
}

function cleanLines(lines: ReadonlyArray<string>): string[] {
  return lines.map((line) => line.replace(/\s+/g, ' ').trim()).filter((line) => line.length > 0)
}

/** Sender's name, address and e-mail, small and right-aligned in the letterhead zone. */
function drawSenderBlock(doc: Doc, input: LetterInput): void {
  const name = input.sender.name.trim()
  const rest = [...cleanLines(input.sender.address), input.sender.email.trim()].filter((line) => line.length > 0)
  const natural = 12 + rest.length * 11 + 10 * DESCENT
  const widest = Math.max(
    use(doc, 'bold', 10).widthOfString(name),
    ...rest.map((line) => use(doc, 'regular', 9).widthOfString(line)),
  )
  const scale = Math.min(1, (SENDER_BOTTOM - SENDER_TOP) / natural, SENDER_MAX_WIDTH / Math.max(widest, 1))
  let baseline = SENDER_TOP + 10 * ASCENT * scale
  use(doc, 'bold', 10 * scale)
  putRight(doc, name, RIGHT, baseline)
  baseline += 12 * scale
  use(doc, 'regular', 9 * scale, SOFT_INK)
  for (const line of rest) {
    putRight(doc, line, RIGHT, baseline)
    baseline += 11 * scale
  }
}

/** The sender's return address on one small underlined line at the foot of the remark zone. */
function drawReturnLine(doc: Doc, input: LetterInput): void {
  const text = [input.sender.name.trim(), ...cleanLines(input.sender.address)].filter((part) => part.length > 0).join(' · ')
  if (!text) return
  const size = largestSize(7, 5.5, (candidate) => use(doc, 'regular', candidate).widthOfString(text) <= FIELD_TEXT_WIDTH) ?? 5.5
  use(doc, 'regular', size, SOFT_INK)
  const shown = truncate(doc, text, FIELD_TEXT_WIDTH)
  const baseline = RECIPIENT_TOP - 3 * MM
  put(doc, shown, FIELD_TEXT_LEFT, baseline)
  const underline = baseline + 1.2 * MM
  doc
    .save()
    .lineWidth(0.35)
    .strokeColor(SOFT_INK)
    .moveTo(FIELD_TEXT_LEFT, underline)
    .lineTo(FIELD_TEXT_LEFT + doc.widthOfString(shown), underline)
    .stroke()
    .restore()
}

/**
 * The recipient's address in the window: 10 pt on a 4.23 mm pitch, made smaller only as far as
 * needed to keep every line inside the address zone, and wrapped only when even that is not enough.
 */
function drawRecipient(doc: Doc, input: LetterInput): void {
  const country = input.recipient.countryName?.trim()
  const lines = cleanLines([input.recipient.recipient, ...input.recipient.lines, ...(country ? [country.toUpperCase()] : [])])
  if (lines.length === 0) return
  const room = RECIPIENT_BOTTOM - RECIPIENT_TOP
  const heightOf = (count: number, size: number) => size * (ASCENT + DESCENT + 1.2 * (count - 1))
  const fitsWhole = (size: number) =>
    heightOf(lines.length, size) <= room && lines.every((line) => use(doc, 'regular', size).widthOfString(line) <= FIELD_TEXT_WIDTH)
  const wrappedAt = (size: number) => lines.flatMap((line) => wrap(use(doc, 'regular', size), line, FIELD_TEXT_WIDTH, 0))
  let size = largestSize(10, 6, fitsWhole)
  let shown = lines
  if (size === null) {
    size = largestSize(10, 6, (candidate) => heightOf(wrappedAt(candidate).length, candidate) <= room) ?? 6
    shown = wrappedAt(size)
  }
  use(doc, 'regular', size)
  let baseline = RECIPIENT_TOP + size * ASCENT
  for (const line of shown) {
    put(doc, line, FIELD_TEXT_LEFT, baseline)
    baseline += size * 1.2
  }
}

/** Reference, date and e-mail: small grey labels above their values. */
function drawInformationBlock(doc: Doc, input: LetterInput, labels: NonNullable<LetterInput['labels']>): void {
  const entries: Array<[string, string]> = [
    [labels.reference, input.reference],
    [labels.date, input.date],
    [labels.email, input.sender.email],
  ]
  let labelBaseline = INFO_TOP + 7.5 * ASCENT
  for (const [label, value] of entries) {
    const text = value.trim()
    if (!text) continue
    use(doc, 'regular', 7.5, LABEL_INK)
    put(doc, truncate(doc, label, INFO_WIDTH), INFO_LEFT, labelBaseline)
    const size = largestSize(9.5, 7, (candidate) => use(doc, 'regular', candidate).widthOfString(text) <= INFO_WIDTH) ?? 7
    use(doc, 'regular', size)
    let baseline = labelBaseline + 11
    for (const line of wrap(doc, text, INFO_WIDTH)) {
      put(doc, line, INFO_LEFT, baseline)
      baseline += size * 1.2
    }
    labelBaseline = baseline - size * 1.2 + 14
  }
}

/** Fold marks for a DL envelope and the punch-hole mark, at the left edge of page 1. */
function drawMarks(doc: Doc): void {
  doc.save().lineWidth(0.4).strokeColor(MARK_INK)
  for (const [y, length] of [
    [105, 5],
    [148.5, 7],
    [210, 5],
  ] as const) {
    doc
      .moveTo(4 * MM, y * MM)
      .lineTo((4 + length) * MM, y * MM)
      .stroke()
  }
  doc.restore()
}

/** Lines starting with "1.", "a)", "-" or "•" continue under their text, not under the marker. */
const LIST_MARKER = /^((?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]|[-–•*·])\s+/

/**
 * Body paragraphs as lines with their spacing and page-keeping rules: no paragraph leaves its
 * first line alone at the foot of a page or its last line alone at the head of one, and the
 * closing line, the space for the handwritten signature and the name are kept on one page.
 */
function bodyLines(doc: Doc, input: LetterInput): FlowLine[] {
  use(doc, 'regular', BODY_SIZE)
  const paragraphs = input.body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/^\s*\n|\s+$/g, ''))
    .filter((paragraph) => paragraph.trim().length > 0)
  const name = input.sender.name.trim()
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
      const indentText = /^ */.exec(expanded)?.[0] ?? ''
      const content = expanded.slice(indentText.length)
      const indent = Math.min(doc.widthOfString(indentText), TEXT_WIDTH / 2)
      const marker = LIST_MARKER.exec(content)
      const hang = marker ? Math.min(doc.widthOfString(marker[0].replace(/\s+$/, ' ')), TEXT_WIDTH / 3) : 0
      wrap(doc, content, TEXT_WIDTH - indent, hang).forEach((text, part) => {
        const first = lines.length === start
        lines.push({
          text,
          face: 'regular',
          x: LEFT + indent + (part > 0 ? hang : 0),
          advance: first && index > 0 ? BODY_LEADING + PARAGRAPH_GAP : BODY_LEADING,
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
    leadsIn = paragraph.trimEnd().endsWith(':')
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
      face: 'regular',
      x: LEFT,
      advance: afterText ? SIGNATURE_SPACE + BODY_SIZE * (ASCENT + DESCENT) : BODY_LEADING,
      glued: afterText,
    })
  }
  return lines
}

/**
 * Places the running text from `firstBaseline` on page 1 onwards, adding pages as needed. Lines
 * glued together move to the next page as a group unless the group is taller than a page.
 */
function flow(doc: Doc, lines: ReadonlyArray<FlowLine>, firstBaseline: number): void {
  const pageTop = TOP_MARGIN + BODY_SIZE * ASCENT
  const lowest = BOTTOM - BODY_SIZE * DESCENT
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
      doc.addPage()
      previous = null
      top = pageTop
    }
    for (let i = index; i < end; i += 1) {
      const line = lines[i]!
      let baseline = baselineOf(line, previous)
      if (baseline > lowest && previous !== null) {
        doc.addPage()
        top = pageTop
        baseline = top
      }
      use(doc, line.face, BODY_SIZE)
      put(doc, line.text, line.x, baseline)
      previous = baseline
    }
    index = end
  }
}

/** Page numbers on every page and the reference on continuation pages, once the count is known. */
function drawFooters(doc: Doc, input: LetterInput, labels: NonNullable<LetterInput['labels']>): void {
  const range = doc.bufferedPageRange()
  if (range.count < 2) return
  const baseline = PAGE_HEIGHT - 13 * MM
  for (let i = 0; i < range.count; i += 1) {
    doc.switchToPage(range.start + i)
    use(doc, 'regular', 8, LABEL_INK)
    putRight(doc, labels.page(i + 1, range.count), RIGHT, baseline)
    if (i > 0) put(doc, input.reference, LEFT, baseline)
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

/**
 * Renders the letter as a complete PDF: A4, DIN 5008 form B, recipient in the window of a DL
 * envelope, fold and hole marks, page numbers when it runs over one page. Uses only the fonts
 * from `fonts`.
 */
export async function renderLetterPdf(input: LetterInput, fonts: FontSource): Promise<Uint8Array> {
  const labels = input.labels ?? defaultLabels
  const regular = bufferOf(fonts.load('regular'))
  const bold = bufferOf(fonts.load('bold'))
  const options: PDFKit.PDFDocumentOptions = {
    size: 'A4',
    layout: 'portrait',
    margins: { top: TOP_MARGIN, bottom: PAGE_HEIGHT - BOTTOM, left: LEFT, right: PAGE_WIDTH - RIGHT },
    bufferPages: true,
    pdfVersion: '1.7',
    lang: 'en',
    displayTitle: true,
    // pdfkit accepts font data here although its typings only admit a name; anything else makes
    // it load Helvetica from its bundled AFM files.
    font: regular as unknown as string,
    info: {
      Title: input.metadata.title,
      Author: input.metadata.author,
      Subject: input.metadata.subject,
      Creator: 'Rightful',
      CreationDate: input.metadata.createdAt,
    },
  }
  const doc = new PDFDocument(options)
  const done = collect(doc)
  try {
    doc.registerFont('regular', regular)
    doc.registerFont('bold', bold)

    drawMarks(doc)
    drawSenderBlock(doc, input)
    drawReturnLine(doc, input)
    drawRecipient(doc, input)
    drawInformationBlock(doc, input, labels)

    use(doc, 'bold', BODY_SIZE)
    const subject = wrap(doc, input.subject.replace(/\s+/g, ' ').trim(), TEXT_WIDTH)
    let baseline = SUBJECT_TOP + BODY_SIZE * ASCENT
    for (const line of subject) {
      put(doc, line, LEFT, baseline)
      baseline += BODY_LEADING
    }
    // Two blank lines between the subject and the salutation.
    flow(doc, bodyLines(doc, input), baseline + 2 * BODY_LEADING)

    drawFooters(doc, input, labels)
    doc.end()
  } catch (error) {
    done.catch(() => undefined)
    throw error
  }
  return done
}
