/**
 * Turns a pasted, dropped or opened policy (plain text, Markdown or HTML) into the plain text the
 * review screen shows, keeping (1) the links, with the visible text's position and the target, so
 * a mailto link whose words differ from its address can be told apart, and (2) a map from every
 * plain-text offset back to the source, so a quote can also be found in the original file.
 * Scripts, styles and comments are dropped; blocks become line breaks; entities are decoded.
 */
import { unlimitedBudget, type TextBudget } from '../../text/budget'
import { Tokenizer } from 'htmlparser2'
import { decodeEntities, decodeEntitiesInString } from './entities'
import type { PolicyFormat } from './proposal'

export type TextLink = {
  /** The link's target as written (e.g. "mailto:privacy@example.org"). */
  readonly href: string
  /** The visible text's span in the plain text. */
  readonly start: number
  readonly end: number
}

export type PlainText = {
  readonly text: string
  readonly links: ReadonlyArray<TextLink>
  /** The document title (HTML <title>), also placed at the start of `text`; null when there is none. */
  readonly title: string | null
  /** Maps a plain-text offset to an offset in the source. */
  toSource(offset: number): number
}

/** Collects output text with, for each appended piece, the source range it stands for. */
class TextBuilder {
  private readonly chunks: string[] = []
  private readonly plainStarts: number[] = []
  private readonly sourceStarts: number[] = []
  private readonly sourceEnds: number[] = []
  private readonly plainLengths: number[] = []
  length = 0
  /** The last few characters written, to decide about spaces and line breaks. */
  private tail = ''

  append(text: string, from: number, to: number): void {
    if (text.length === 0) return
    this.chunks.push(text)
    this.plainStarts.push(this.length)
    this.sourceStarts.push(from)
    this.sourceEnds.push(to)
    this.plainLengths.push(text.length)
    this.length += text.length
    this.tail = (this.tail + text).slice(-4)
  }

  endsWith(suffix: string): boolean {
    return this.tail.endsWith(suffix)
  }

  lastChar(): string {
    return this.tail.slice(-1)
  }

  /** Makes the text end with `count` line breaks (1 or 2), unless it is empty. */
  breakLines(count: 1 | 2, at: number): void {
    if (this.length === 0) return
    let have = 0
    while (have < this.tail.length && this.tail[this.tail.length - 1 - have] === '\n') have += 1
    if (have < count) this.append('\n'.repeat(count - have), at, at)
  }

  build(): { text: string; toSource(offset: number): number } {
    const text = this.chunks.join('')
    const { plainStarts, sourceStarts, sourceEnds, plainLengths } = this
    return {
      text,
      toSource(offset: number): number {
        if (plainStarts.length === 0) return 0
        let lo = 0
        let hi = plainStarts.length - 1
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1
          if (plainStarts[mid]! <= offset) lo = mid
          else hi = mid - 1
        }
        const within = offset - plainStarts[lo]!
        const literal = sourceEnds[lo]! - sourceStarts[lo]! === plainLengths[lo]!
        if (literal) return sourceStarts[lo]! + Math.min(within, plainLengths[lo]!)
        return within >= plainLengths[lo]! ? sourceEnds[lo]! : sourceStarts[lo]!
      },
    }
  }
}

/**
 * The plain text of a policy. Every step is linear in the length of the source; `budget` is checked
 * per tag (HTML) and per line (Markdown).
 */
export function toPlainText(source: string, format: PolicyFormat, budget: TextBudget = unlimitedBudget): PlainText {
  switch (format) {
    case 'html':
      return htmlToText(source, budget)
    case 'markdown':
      return markdownToText(source, budget)
    case 'text':
      return plainToText(source)
  }
}

// ---------------------------------------------------------------- plain text

function plainToText(source: string): PlainText {
  const out = new TextBuilder()
  const lineBreak = /\r\n?|\n/g
  let last = 0
  for (let match = lineBreak.exec(source); match; match = lineBreak.exec(source)) {
    out.append(source.slice(last, match.index), last, match.index)
    out.append('\n', match.index, match.index + match[0].length)
    last = match.index + match[0].length
  }
  out.append(source.slice(last), last, source.length)
  const built = out.build()
  return { text: built.text, links: [], title: null, toSource: built.toSource }
}

// ---------------------------------------------------------------- HTML

const blockTags = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu',
  'nav', 'ol', 'option', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
])
const paragraphTags = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'table', 'blockquote', 'section', 'article'])
const cellTags = new Set(['td', 'th'])
/** Elements whose content is never shown as text. */
const hiddenTags = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'canvas', 'select', 'textarea', 'button'])

/** Links open at once beyond this are not recorded (HTML does not nest links; a page that does is not read closely). */
const maxOpenLinks = 32

/**
 * HTML through htmlparser2's tokenizer: one pass, linear in the source, with the standard's rules for
 * tags, attributes, comments and the raw text of scripts, styles and titles. (Its Parser keeps a
 * stack of open elements that costs quadratic time on deep nesting, so the elements are followed
 * here, by counters.) Character references are decoded by the `entities` package piece by piece, so
 * that every character maps back to the source.
 */
function htmlToText(source: string, budget: TextBudget): PlainText {
  const out = new TextBuilder()
  const links: TextLink[] = []
  const openLinks: Array<{ href: string; start: number }> = []
  let unrecordedLinks = 0
  let title: string | null = null
  let inTitle = false
  let titleText = ''
  let inHead = false
  let preDepth = 0
  /** Inside script, style and the like: nothing is shown. */
  let hiddenDepth = 0
  /** A space seen but not yet written: written before the next word, dropped at a line break. */
  let pendingSpace: number | null = null

  const writeText = (from: number, to: number) => {
    for (const piece of decodeEntities(source, from, to)) {
      if (preDepth > 0) {
        out.append(piece.text.replace(/\r\n?/g, '\n'), piece.from, piece.to)
        continue
      }
      // Collapse runs of white space (a no-break space is already a plain space here).
      const parts = piece.text.split(/([ \t\r\n\f\v]+)/)
      let offset = piece.from
      const literal = piece.to - piece.from === piece.text.length
      for (const part of parts) {
        if (part.length === 0) continue
        const partFrom = literal ? offset : piece.from
        const partTo = literal ? offset + part.length : piece.to
        if (/^[ \t\r\n\f\v]+$/.test(part)) {
          if (pendingSpace === null) pendingSpace = partFrom
        } else {
          if (pendingSpace !== null && out.length > 0 && !out.endsWith('\n') && !out.endsWith(' ')) {
            out.append(' ', pendingSpace, pendingSpace + 1)
          }
          pendingSpace = null
          out.append(part, partFrom, partTo)
        }
        offset += part.length
      }
    }
  }

  const lineBreak = (count: 1 | 2, at: number) => {
    pendingSpace = null
    out.breakLines(count, at)
  }

  const tag = (name: string, closing: boolean, attributes: ReadonlyMap<string, string>, at: number) => {
    budget.check()
    if (hiddenTags.has(name)) {
      hiddenDepth = Math.max(0, hiddenDepth + (closing ? -1 : 1))
      if (closing && (name === 'button' || name === 'select' || name === 'textarea')) pendingSpace ??= at
      return
    }
    if (hiddenDepth > 0) return
    if (name === 'head') {
      inHead = !closing
      return
    }
    if (name === 'title') {
      if (!closing) {
        inTitle = true
        titleText = ''
      } else if (inTitle) {
        inTitle = false
        const cleaned = titleText.replace(/\s+/g, ' ').trim()
        if (cleaned && title === null) {
          title = cleaned
          // The title opens the text, as its own paragraph, so that a name taken from it can be quoted.
          out.append(cleaned, at, at)
          lineBreak(2, at)
        }
      }
      return
    }
    if (inHead) return
    if (name === 'br') {
      if (!closing) lineBreak(1, at)
      return
    }
    if (name === 'a') {
      if (!closing) {
        // Links do not nest: a browser closes the open one when another starts.
        const open = openLinks.pop()
        if (open && out.length > open.start) links.push({ href: open.href, start: open.start, end: out.length })
        if (pendingSpace !== null && out.length > 0 && !out.endsWith('\n') && !out.endsWith(' ')) {
          out.append(' ', pendingSpace, pendingSpace + 1)
          pendingSpace = null
        }
        if (openLinks.length < maxOpenLinks) openLinks.push({ href: decodeEntitiesInString(attributes.get('href') ?? ''), start: out.length })
        else unrecordedLinks += 1
      } else if (unrecordedLinks > 0) {
        unrecordedLinks -= 1
      } else {
        const open = openLinks.pop()
        if (open && out.length > open.start) links.push({ href: open.href, start: open.start, end: out.length })
      }
      return
    }
    if (name === 'pre') preDepth = Math.max(0, preDepth + (closing ? -1 : 1))
    if (paragraphTags.has(name)) return lineBreak(2, at)
    if (blockTags.has(name)) return lineBreak(1, at)
    if (cellTags.has(name)) {
      if (!closing) pendingSpace ??= at
      return
    }
    if (name === 'img' && !closing) pendingSpace ??= at
  }

  const none: ReadonlyMap<string, string> = new Map()
  let tagName = ''
  let tagAt = 0
  let attributes = new Map<string, string>()
  let attributeName = ''
  let attributeValue = ''
  const tokenizer = new Tokenizer(
    // References are decoded here, piece by piece, to keep each character's place in the source.
    { xmlMode: false, decodeEntities: false },
    {
      onopentagname(start, end) {
        tagName = source.slice(start, end).toLowerCase()
        tagAt = Math.max(0, start - 1)
        attributes = new Map()
      },
      onattribname(start, end) {
        attributeName = source.slice(start, end).toLowerCase()
        attributeValue = ''
      },
      onattribdata(start, end) {
        attributeValue += source.slice(start, end)
      },
      onattribentity(codepoint) {
        attributeValue += String.fromCodePoint(codepoint)
      },
      onattribend() {
        if (!attributes.has(attributeName)) attributes.set(attributeName, attributeValue)
        attributeValue = ''
      },
      onopentagend() {
        tag(tagName, false, attributes, tagAt)
      },
      onselfclosingtag() {
        tag(tagName, false, attributes, tagAt)
      },
      onclosetag(start, end) {
        tag(source.slice(start, end).toLowerCase(), true, none, Math.max(0, start - 2))
      },
      ontext(start, end) {
        if (hiddenDepth > 0 || end <= start) return
        if (inTitle) {
          titleText += decodeEntitiesInString(source.slice(start, end))
          return
        }
        if (inHead) return
        writeText(start, end)
      },
      ontextentity() {},
      oncomment() {},
      oncdata() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  )
  tokenizer.write(source)
  tokenizer.end()

  const built = out.build()
  // Trim trailing spaces at line ends and excess blank lines without moving offsets: the builder
  // never writes trailing spaces, so only the very end may need trimming.
  const text = built.text.trimEnd()
  return { text, links: links.filter((l) => l.end <= text.length), title, toSource: built.toSource }
}

// ---------------------------------------------------------------- Markdown

/**
 * Markdown: headings, emphasis, list markers, table rules, escapes and HTML tags are dropped;
 * links keep their visible text (the target is recorded); line structure is kept, because postal
 * addresses are often written one line each.
 * Read here rather than with micromark (4.0.3, measured on 2026-12-07): its block parser took 61 s
 * on 64 KB of nested quotes (">>>…", quadratic) and about 70 µs a character on "[a](" repeated
 * (about 70 s for 1 MB), past the budget for the hostile inputs this reader passes in one pass.
 */
function markdownToText(source: string, budget: TextBudget): PlainText {
  const out = new TextBuilder()
  const links: TextLink[] = []
  const lines = splitLines(source)
  let inFence = false
  let inComment = false
  // A comment opened after the last "-->" of the file never closes (a file cut short, a stray "<!--"):
  // it hides only its own paragraph, not the rest of the policy.
  let unclosedComment = false
  const lastClose = source.lastIndexOf('-->')
  let lineIndex = 0

  // YAML front matter: keep the title, drop the rest. It opens the file, after at most a few blank
  // lines or one-line HTML comments (a note on where the file came from), which say nothing either.
  let title: string | null = null
  let open = 0
  while (open < Math.min(lines.length, 4) && /^\s*$|^\s*<!--[^\n]*-->\s*$/.test(lines[open]!.text)) open += 1
  if (open < lines.length && /^---\s*$/.test(lines[open]!.text)) {
    const close = lines.findIndex((l, idx) => idx > open && /^(---|\.\.\.)\s*$/.test(l.text))
    if (close > open) {
      for (let k = open + 1; k < close; k += 1) {
        const value = frontMatterTitle(lines[k]!.text)
        if (value !== null) {
          title = value
          const from = lines[k]!.from + lines[k]!.text.indexOf(value)
          out.append(value, from, from + value.length)
          out.append('\n\n', lines[k]!.to, lines[k]!.to)
        }
      }
      lineIndex = close + 1
    }
  }

  for (; lineIndex < lines.length; lineIndex += 1) {
    budget.check()
    const line = lines[lineIndex]!
    let text = line.text
    let from = line.from

    if (/^\s{0,3}(```|~~~)/.test(text)) {
      inFence = !inFence
      out.append('\n', line.from, line.to)
      continue
    }
    if (inFence) {
      out.append(text, from, from + text.length)
      out.append('\n', line.to, line.to)
      continue
    }

    // HTML comments, possibly over several lines.
    const keep: Array<{ text: string; from: number }> = []
    if (inComment && unclosedComment && text.trim() === '') {
      inComment = false
      unclosedComment = false
    }
    for (let k = 0; k < text.length; ) {
      if (inComment) {
        const close = text.indexOf('-->', k)
        if (close === -1) break
        inComment = false
        k = close + 3
        continue
      }
      const open = text.indexOf('<!--', k)
      if (open === -1) {
        keep.push({ text: text.slice(k), from: from + k })
        break
      }
      if (open > k) keep.push({ text: text.slice(k, open), from: from + k })
      inComment = true
      unclosedComment = from + open > lastClose
      k = open + 4
    }
    const visible = keep.map((p) => p.text).join('')
    if (keep.length !== 1 || keep[0]!.text !== text) {
      // Comments removed: the visible rest is mapped to where its first piece starts.
      if (visible.trim() === '') {
        out.append('\n', line.from, line.to)
        continue
      }
      from = keep[0]!.from
      text = visible
    }

    // Block-level markers.
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(text) || /^\s*[=]{3,}\s*$/.test(text)) {
      out.append('\n', line.from, line.to)
      continue
    }
    if (tableRule.test(text) && text.includes('-')) {
      // Table rule: "---|---"
      continue
    }
    let m = /^(\s*>\s?)+/.exec(text)
    if (m) {
      from += m[0].length
      text = text.slice(m[0].length)
    }
    m = /^\s{0,3}#{1,6}\s+/.exec(text)
    if (m) {
      from += m[0].length
      text = withoutClosingHashes(text.slice(m[0].length))
    }
    m = /^\s*[*+-]\s+(?=\S)/.exec(text)
    if (m) {
      from += m[0].length
      text = text.slice(m[0].length)
    }
    m = /^\s+/.exec(text)
    if (m) {
      from += m[0].length
      text = text.slice(m[0].length)
    }
    // A hard line break (two spaces or a backslash) is just the end of the line here.
    text = withoutHardBreak(text)

    renderInline(text, from, out, links)
    out.append('\n', line.to, line.to)
  }

  const built = out.build()
  const text = built.text.trimEnd()
  return { text, links: links.filter((l) => l.end <= text.length), title, toSource: built.toSource }
}

/**
 * A table rule ("---|:---:|---"), written so that no two quantifiers can trade the same spaces
 * (the same language as /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/, in linear time).
 */
export const tableRule = /^\s*(?:\|\s*)?:?-{2,}:?(?:\s*\|\s*:?-{2,}:?)*\s*(?:\|\s*)?$/

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c)
const isLineTerminator = (c: string | undefined) => c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029'

/**
 * The value of a YAML front-matter line "title: …" as /^title:\s*["']?(.+?)["']?\s*$/ reads it
 * (the quotes and spaces around it dropped), in one pass; null when the line is no title.
 */
export function frontMatterTitle(line: string): string | null {
  if (!line.startsWith('title:')) return null
  const rest = line.slice(6)
  const n = rest.length
  let lead = 0
  while (lead < n && isSpace(rest[lead])) lead += 1
  const contentEnd = rest.trimEnd().length
  const isQuote = (c: string | undefined) => c === '"' || c === "'"
  // The value starts at `start` and ends before a closing quote and the trailing spaces.
  const attempt = (start: number): string | null => {
    if (start >= n) return null
    const end = contentEnd >= 1 && isQuote(rest[contentEnd - 1]) && contentEnd - 1 >= start + 1 ? contentEnd - 1 : Math.max(start + 1, contentEnd)
    for (let i = start; i < end; i += 1) if (isLineTerminator(rest[i])) return null
    return rest.slice(start, end)
  }
  if (lead < n) {
    // Something follows the spaces: the value is it, with or without an opening quote.
    return (isQuote(rest[lead]) ? attempt(lead + 1) : null) ?? attempt(lead)
  }
  // Nothing but spaces: the value is the last space that is not a line break.
  for (let start = lead - 1; start >= 0; start -= 1) if (!isLineTerminator(rest[start])) return rest[start]!
  return null
}

/** A Markdown heading's closing hashes removed, as .replace(/\s+#+\s*$/, '') does, in one pass. */
export function withoutClosingHashes(text: string): string {
  const contentEnd = text.trimEnd().length
  let hashes = contentEnd
  while (hashes > 0 && text[hashes - 1] === '#') hashes -= 1
  if (hashes === contentEnd || hashes === 0 || !isSpace(text[hashes - 1])) return text
  let spaces = hashes
  while (spaces > 0 && isSpace(text[spaces - 1])) spaces -= 1
  return text.slice(0, spaces)
}

/**
 * A line without its hard line break and trailing spaces, as
 * .replace(/(\s{2,}|\\)$/, '').replace(/\s+$/, '') does, in one pass.
 */
export function withoutHardBreak(text: string): string {
  const trimmed = text.trimEnd()
  if (trimmed.length === text.length && text.endsWith('\\')) return text.slice(0, -1).trimEnd()
  return trimmed
}

type SourceLine = { text: string; from: number; to: number }

function splitLines(source: string): SourceLine[] {
  const lines: SourceLine[] = []
  const lineBreak = /\r\n?|\n/g
  let last = 0
  for (let match = lineBreak.exec(source); match; match = lineBreak.exec(source)) {
    lines.push({ text: source.slice(last, match.index), from: last, to: match.index + match[0].length })
    last = match.index + match[0].length
  }
  lines.push({ text: source.slice(last), from: last, to: source.length })
  return lines
}

/**
 * Where each bracket of one kind closes, allowing nesting (a backslash escapes the next
 * character), found in one pass with a stack: matching "[" after "[" after "[" costs no more than
 * the line is long.
 */
export function bracketPairs(text: string, opener: string, closer: string): Int32Array {
  const pairs = new Int32Array(text.length).fill(-1)
  const open: number[] = []
  for (let k = 0; k < text.length; k += 1) {
    const c = text[k]
    if (c === '\\') {
      k += 1
      continue
    }
    if (c === opener) open.push(k)
    else if (c === closer && open.length > 0) pairs[open.pop()!] = k
  }
  return pairs
}

/** The bracket pairs of one line of inline Markdown, worked out on first use. */
class Brackets {
  private square: Int32Array | null = null
  private round: Int32Array | null = null
  constructor(private readonly text: string) {}

  /** The index of the bracket closing the one at `open`; -1 if none. */
  closing(open: number, opener: '[' | '('): number {
    if (opener === '[') return (this.square ??= bracketPairs(this.text, '[', ']'))[open] ?? -1
    return (this.round ??= bracketPairs(this.text, '(', ')'))[open] ?? -1
  }
}

/** Links inside links inside links …: deeper than this, the text is kept as written. */
const maxInlineDepth = 16

/** A link target without its title ("url 'title'"), as .replace(/\s+["'(].*$/, '') does, in one pass. */
export function withoutLinkTitle(target: string): string {
  let lastBreak = -1
  for (let i = 0; i < target.length; i += 1) if (isLineTerminator(target[i])) lastBreak = i
  for (let i = 0; i < target.length; ) {
    if (!isSpace(target[i])) {
      i += 1
      continue
    }
    const run = i
    while (i < target.length && isSpace(target[i])) i += 1
    const c = target[i]
    if ((c === '"' || c === "'" || c === '(') && i > lastBreak) return target.slice(0, run)
  }
  return target
}

const inlineSpecial = /[\\*_`[!<&]/g
/**
 * "<https://…>", "<mailto:…>", "<name@example.org>": the same language as
 * /^<((?:https?|mailto|ftp):[^\s<>]+|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>/i, but the domain takes its
 * first inner dot (no two quantifiers can trade dots), so a long run of dots is read once.
 */
export const autoLink = /^<((?:https?|mailto|ftp):[^\s<>]+|[^\s<>@]+@[^\s<>@][^\s<>@.]*\.[^\s<>@]+)>/i

/** Writes one line of inline Markdown (text starts at source offset `from`). */
function renderInline(text: string, from: number, out: TextBuilder, links: TextLink[], depth = 0): void {
  let k = 0
  let run = 0
  const flush = (to: number) => {
    if (to > run) {
      for (const piece of decodeEntities(text, run, to)) out.append(piece.text, from + piece.from, from + piece.to)
    }
  }
  if (depth > maxInlineDepth) {
    flush(text.length)
    return
  }
  const brackets = new Brackets(text)
  const matchBracket = (_text: string, open: number, opener: '[' | '(') => brackets.closing(open, opener)
  inlineSpecial.lastIndex = 0
  while (k < text.length) {
    inlineSpecial.lastIndex = k
    const hit = inlineSpecial.exec(text)
    if (!hit) break
    k = hit.index
    const c = text[k]!
    if (c === '\\' && k + 1 < text.length && /[!-/:-@[-`{-~]/.test(text[k + 1]!)) {
      flush(k)
      out.append(text[k + 1]!, from + k, from + k + 2)
      run = k = k + 2
      continue
    }
    if (c === '`') {
      flush(k)
      run = k = k + 1
      continue
    }
    if (c === '*' || c === '_') {
      // Emphasis markers: a run of * or _ that opens or closes (next to a non-space on one side).
      let end = k
      while (end < text.length && text[end] === c) end += 1
      const before = k > 0 ? text[k - 1]! : ' '
      const after = end < text.length ? text[end]! : ' '
      const intraword = c === '_' && /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after)
      const lone = /\s/.test(before) && /\s/.test(after)
      if (!intraword && !(lone && end - k === 1)) {
        flush(k)
        run = k = end
        continue
      }
      k = end
      continue
    }
    if (c === '!' && text[k + 1] === '[') {
      const close = matchBracket(text, k + 1, '[')
      if (close > 0 && text[close + 1] === '(') {
        const paren = matchBracket(text, close + 1, '(')
        if (paren > 0) {
          flush(k)
          // Images: keep the alternative text only.
          renderInline(text.slice(k + 2, close), from + k + 2, out, links, depth + 1)
          run = k = paren + 1
          continue
        }
      }
      k += 1
      continue
    }
    if (c === '[') {
      const close = matchBracket(text, k, '[')
      if (close > 0 && text[close + 1] === '(') {
        const paren = matchBracket(text, close + 1, '(')
        if (paren > 0) {
          flush(k)
          const target = withoutLinkTitle(text.slice(close + 2, paren).trim()).replace(/^<|>$/g, '')
          const start = out.length
          renderInline(text.slice(k + 1, close), from + k + 1, out, links, depth + 1)
          if (out.length > start) links.push({ href: target, start, end: out.length })
          run = k = paren + 1
          continue
        }
      }
      k += 1
      continue
    }
    if (c === '<') {
      const auto = autoLink.exec(text.slice(k))
      if (auto) {
        flush(k)
        const target = auto[1]!
        const shown = target.replace(/^mailto:/i, '')
        const shownFrom = k + 1 + (target.length - shown.length)
        const start = out.length
        out.append(shown, from + shownFrom, from + shownFrom + shown.length)
        links.push({ href: target.includes('@') && !/^mailto:/i.test(target) && !/^https?:/i.test(target) ? `mailto:${target}` : target, start, end: out.length })
        run = k = k + auto[0].length
        continue
      }
      const tag = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?\/?>/.exec(text.slice(k))
      if (tag) {
        flush(k)
        // A <br> closing its line is that line's break, not a blank line after it ("Pali<br>\nStraße 4<br>").
        if (tag[1]!.toLowerCase() === 'br' && /\S/.test(text.slice(k + tag[0].length))) out.append('\n', from + k, from + k + tag[0].length)
        run = k = k + tag[0].length
        continue
      }
      k += 1
      continue
    }
    // '&' is decoded by flush(); nothing to do here.
    k += 1
  }
  flush(text.length)
}
