/**
 * Lines, paragraphs and sentences of the plain text, as spans, so every finding can be quoted with
 * the sentence it stands in and judged by the words around it.
 */

export type Span = { readonly start: number; readonly end: number }

export type Segments = {
  readonly text: string
  readonly lines: ReadonlyArray<Span>
  readonly paragraphs: ReadonlyArray<Span>
  readonly sentences: ReadonlyArray<Span>
  lineAt(offset: number): Span
  paragraphAt(offset: number): Span
  sentenceAt(offset: number): Span
  /** Index into `lines` / `paragraphs` / `sentences` of the span starting at or before `offset`. */
  lineIndexAt(offset: number): number
  paragraphIndexAt(offset: number): number
  sentenceIndexAt(offset: number): number
  /**
   * The sentence containing `offset`, trimmed, with its span; of a sentence longer than
   * `maxQuoteLength`, the stretch of that length around `offset`.
   */
  quoteAt(offset: number): { quote: string; start: number; end: number }
  /** Up to `chars` characters before `offset` (a window for cues), never crossing `floor`. */
  before(offset: number, chars: number): string
}

/** Abbreviations after which a full stop does not end a sentence. */
const abbreviation =
  /(?:\b(?:e\.g|i\.e|etc|vs|No|Nr|Co|Corp|Inc|Ltd|Ltda|St|Str|Dr|Mr|Mrs|Ms|Prof|Abs|Art|lit|bzw|ca|ggf|vgl|z\.B|u\.a|Tel|Fax|Bldg|Ste|Rd|Ave|Blvd|approx|dept|Dept|ext|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|P\.R|S\.A|N\.V|B\.V|Pty|Pte)|\b[A-Z])$/

/** The longest quote a finding carries: real sentences are far shorter; a text without full stops is not. */
export const maxQuoteLength = 2000

function findIndex(spans: ReadonlyArray<Span>, offset: number): number {
  let lo = 0
  let hi = spans.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (spans[mid]!.start <= offset) lo = mid
    else hi = mid - 1
  }
  return lo
}

function findSpan(spans: ReadonlyArray<Span>, offset: number): Span {
  return spans[findIndex(spans, offset)] ?? { start: 0, end: 0 }
}

export function segment(text: string): Segments {
  const lines: Span[] = []
  {
    let start = 0
    for (let i = 0; i <= text.length; i += 1) {
      if (i === text.length || text[i] === '\n') {
        lines.push({ start, end: i })
        start = i + 1
      }
    }
  }

  const paragraphs: Span[] = []
  {
    let current: Span | null = null
    for (const line of lines) {
      const blank = text.slice(line.start, line.end).trim() === ''
      if (blank) {
        if (current) paragraphs.push(current)
        current = null
      } else if (current) current = { start: current.start, end: line.end }
      else current = { start: line.start, end: line.end }
    }
    if (current) paragraphs.push(current)
    if (paragraphs.length === 0) paragraphs.push({ start: 0, end: text.length })
  }

  const sentences: Span[] = []
  for (const paragraph of paragraphs) {
    let start = paragraph.start
    const push = (end: number) => {
      // Trim spaces around the sentence.
      let s = start
      let e = end
      while (s < e && /\s/.test(text[s]!)) s += 1
      while (e > s && /\s/.test(text[e - 1]!)) e -= 1
      if (e > s) sentences.push({ start: s, end: e })
    }
    for (let i = paragraph.start; i < paragraph.end; i += 1) {
      const c = text[i]!
      if (c === '\n') {
        // A line break ends a sentence after final punctuation or a colon, after a short line
        // (addresses, labels, headings) or before a list item; otherwise it is a wrapped line.
        const lineStart = text.lastIndexOf('\n', i - 1) + 1
        const previous = text.slice(lineStart, i).trimEnd()
        const nextLineEnd = text.indexOf('\n', i + 1)
        const next = text.slice(i + 1, nextLineEnd === -1 ? paragraph.end : Math.min(nextLineEnd, paragraph.end)).trimStart()
        const ends = /[.!?:;。！？：；]["'”’)]*$/.test(previous)
        const short = previous.length < 48
        const nextIsItem = /^([-*•·]|\d+[.)]\s)/.test(next)
        if (ends || short || nextIsItem || /\|\s*$/.test(previous)) {
          push(i)
          start = i + 1
        }
        continue
      }
      if ('。！？；'.includes(c)) {
        push(i + 1)
        start = i + 1
        continue
      }
      if (c === '.' || c === '!' || c === '?' || c === ';') {
        const next = text[i + 1]
        if (next === undefined || next === '\n') continue // handled by the line break
        if (!/[\s"'”’)]/.test(next)) continue
        // "(?)" and "(!)" stand in a sentence, not at its end (an aside, or an address's '@' written so).
        if (c !== '.' && c !== ';' && next === ')' && text[i - 1] === '(') continue
        // Look at what follows the spaces: a capital, digit, quote or non-Latin letter starts a sentence.
        let j = i + 1
        while (j < paragraph.end && /[\s"'”’)]/.test(text[j]!)) j += 1
        const following = text[j]
        if (following === undefined || j >= paragraph.end) continue
        if (c === '.') {
          const head = text.slice(Math.max(paragraph.start, i - 12), i)
          if (abbreviation.test(head)) continue
          // "Hauptstr. 5", "Nr. 12": a street or number abbreviation before a house number.
          if (/\d/.test(following) && /(?:str|nr|no|ziff|tel|fax|abs|art|p|s|ca|reg|registrikood)$/i.test(head)) continue
          if (!/[\p{Lu}\p{N}"“‘(\p{Script=Han}*•-]/u.test(following)) continue
        }
        push(j)
        start = j
      }
    }
    push(paragraph.end)
  }
  if (sentences.length === 0) sentences.push({ start: 0, end: text.length })

  return {
    text,
    lines,
    paragraphs,
    sentences,
    lineAt: (offset) => findSpan(lines, offset),
    paragraphAt: (offset) => findSpan(paragraphs, offset),
    sentenceAt: (offset) => findSpan(sentences, offset),
    lineIndexAt: (offset) => findIndex(lines, offset),
    paragraphIndexAt: (offset) => findIndex(paragraphs, offset),
    sentenceIndexAt: (offset) => findIndex(sentences, offset),
    quoteAt(offset) {
      const s = findSpan(sentences, offset)
      if (s.end - s.start <= maxQuoteLength) return { quote: text.slice(s.start, s.end), start: s.start, end: s.end }
      // A window around the offset, from and to a space where one is near.
      let start = Math.max(s.start, Math.min(offset - maxQuoteLength / 2, s.end - maxQuoteLength))
      let end = Math.min(s.end, start + maxQuoteLength)
      const space = text.slice(start, start + 40).indexOf(' ')
      if (space !== -1 && start + space < offset) start += space + 1
      const lastSpace = text.slice(end - 40, end).lastIndexOf(' ')
      if (lastSpace !== -1 && end - 40 + lastSpace > offset) end = end - 40 + lastSpace
      return { quote: text.slice(start, end), start, end }
    },
    before(offset, chars) {
      return text.slice(Math.max(0, offset - chars), offset)
    },
  }
}
