/**
 * Turns a pasted, dropped or opened policy (plain text, Markdown or HTML) into the plain text the
 * review screen shows, keeping (1) the links, with the visible text's position and the target, so
 * a mailto link whose words differ from its address can be told apart, and (2) a map from every
 * plain-text offset back to the source, so a quote can also be found in the original file.
 * Scripts, styles and comments are dropped; blocks become line breaks; entities are decoded.
 */
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

export function toPlainText(source: string, format: PolicyFormat): PlainText {
  switch (format) {
    case 'html':
      return htmlToText(source)
    case 'markdown':
      return markdownToText(source)
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

type Tag = { name: string; closing: boolean; selfClosing: boolean; attributes: Map<string, string>; end: number }

const attributePattern = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g

function readTag(source: string, at: number): Tag | null {
  // at points to '<'
  let i = at + 1
  const closing = source[i] === '/'
  if (closing) i += 1
  const nameMatch = /^[A-Za-z][A-Za-z0-9:-]*/.exec(source.slice(i, i + 40))
  if (!nameMatch) return null
  const name = nameMatch[0].toLowerCase()
  i += nameMatch[0].length
  // Find the closing '>' outside quotes.
  let quote: string | null = null
  let j = i
  for (; j < source.length; j += 1) {
    const c = source[j]
    if (quote) {
      if (c === quote) quote = null
    } else if (c === '"' || c === "'") quote = c
    else if (c === '>') break
  }
  if (j >= source.length) return null
  const inner = source.slice(i, j)
  const attributes = new Map<string, string>()
  if (!closing) {
    attributePattern.lastIndex = 0
    for (let m = attributePattern.exec(inner); m; m = attributePattern.exec(inner)) {
      attributes.set(m[1]!.toLowerCase(), decodeEntitiesInString(m[2] ?? m[3] ?? m[4] ?? ''))
    }
  }
  return { name, closing, selfClosing: /\/\s*$/.test(inner), attributes, end: j + 1 }
}

function htmlToText(source: string): PlainText {
  const out = new TextBuilder()
  const links: TextLink[] = []
  const openLinks: Array<{ href: string; start: number }> = []
  let title: string | null = null
  let inTitle = false
  let titleText = ''
  let inHead = false
  let preDepth = 0
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

  let i = 0
  let textStart = 0
  while (i < source.length) {
    const lt = source.indexOf('<', i)
    if (lt === -1) break
    if (source.startsWith('<!--', lt)) {
      if (!inHead || inTitle) flushText(textStart, lt)
      const close = source.indexOf('-->', lt + 4)
      i = textStart = close === -1 ? source.length : close + 3
      continue
    }
    if (source.startsWith('<!', lt) || source.startsWith('<?', lt)) {
      flushText(textStart, lt)
      const close = source.indexOf('>', lt + 2)
      i = textStart = close === -1 ? source.length : close + 1
      continue
    }
    const tag = readTag(source, lt)
    if (!tag) {
      i = lt + 1
      continue
    }
    flushText(textStart, lt)
    i = textStart = tag.end
    const { name } = tag

    if (!tag.closing && hiddenTags.has(name) && !tag.selfClosing) {
      // Skip to the matching end tag (these elements do not nest in practice).
      const endTag = new RegExp(`</${name}\\s*>`, 'ig')
      endTag.lastIndex = tag.end
      const end = endTag.exec(source)
      i = textStart = end ? end.index + end[0].length : source.length
      if (name === 'button' || name === 'select' || name === 'textarea') pendingSpace ??= lt
      continue
    }
    if (name === 'head') {
      inHead = !tag.closing
      continue
    }
    if (name === 'title') {
      if (!tag.closing) {
        inTitle = true
        titleText = ''
      } else if (inTitle) {
        inTitle = false
        const cleaned = titleText.replace(/\s+/g, ' ').trim()
        if (cleaned && title === null) {
          title = cleaned
          // The title opens the text, as its own paragraph, so that a name taken from it can be quoted.
          const at = lt
          out.append(cleaned, at, at)
          lineBreak(2, at)
        }
      }
      continue
    }
    if (inHead) continue

    if (name === 'br') {
      lineBreak(1, lt)
      continue
    }
    if (name === 'a') {
      if (!tag.closing) {
        if (pendingSpace !== null && out.length > 0 && !out.endsWith('\n') && !out.endsWith(' ')) {
          out.append(' ', pendingSpace, pendingSpace + 1)
          pendingSpace = null
        }
        openLinks.push({ href: tag.attributes.get('href') ?? '', start: out.length })
      } else {
        const open = openLinks.pop()
        if (open) {
          const built = out.length
          if (built > open.start) links.push({ href: open.href, start: open.start, end: built })
        }
      }
      continue
    }
    if (name === 'pre') preDepth += tag.closing ? -1 : 1
    if (preDepth < 0) preDepth = 0
    if (paragraphTags.has(name)) {
      lineBreak(2, lt)
      continue
    }
    if (blockTags.has(name)) {
      lineBreak(1, lt)
      continue
    }
    if (cellTags.has(name)) {
      if (!tag.closing) pendingSpace ??= lt
      continue
    }
    if (name === 'img' && !tag.closing) {
      pendingSpace ??= lt
    }
  }
  flushText(textStart, source.length)

  function flushText(from: number, to: number) {
    if (to <= from) return
    if (inTitle) {
      titleText += decodeEntitiesInString(source.slice(from, to))
      return
    }
    if (inHead) return
    writeText(from, to)
  }

  const built = out.build()
  // Trim trailing spaces at line ends and excess blank lines without moving offsets: the builder
  // never writes trailing spaces, so only the very end may need trimming.
  const text = built.text.replace(/\s+$/, '')
  return { text, links: links.filter((l) => l.end <= text.length), title, toSource: built.toSource }
}

// ---------------------------------------------------------------- Markdown

/**
 * Markdown: headings, emphasis, list markers, table rules, escapes and HTML tags are dropped;
 * links keep their visible text (the target is recorded); line structure is kept, because postal
 * addresses are often written one line each.
 */
function markdownToText(source: string): PlainText {
  const out = new TextBuilder()
  const links: TextLink[] = []
  const lines = splitLines(source)
  let inFence = false
  let inComment = false
  let lineIndex = 0

  // YAML front matter: keep the title, drop the rest.
  let title: string | null = null
  if (lines.length > 0 && /^---\s*$/.test(lines[0]!.text)) {
    const close = lines.findIndex((l, idx) => idx > 0 && /^(---|\.\.\.)\s*$/.test(l.text))
    if (close > 0) {
      for (let k = 1; k < close; k += 1) {
        const m = /^title:\s*["']?(.+?)["']?\s*$/.exec(lines[k]!.text)
        if (m) {
          title = m[1]!
          const from = lines[k]!.from + lines[k]!.text.indexOf(m[1]!)
          out.append(m[1]!, from, from + m[1]!.length)
          out.append('\n\n', lines[k]!.to, lines[k]!.to)
        }
      }
      lineIndex = close + 1
    }
  }

  for (; lineIndex < lines.length; lineIndex += 1) {
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
    if (/^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(text) && text.includes('-')) {
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
      text = text.slice(m[0].length).replace(/\s+#+\s*$/, '')
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
    text = text.replace(/(\s{2,}|\\)$/, '').replace(/\s+$/, '')

    renderInline(text, from, out, links)
    out.append('\n', line.to, line.to)
  }

  const built = out.build()
  const text = built.text.replace(/\s+$/, '')
  return { text, links: links.filter((l) => l.end <= text.length), title, toSource: built.toSource }
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

/** Finds the index of the bracket closing the one at `open`, allowing nesting; -1 if none. */
function matchBracket(text: string, open: number, opener: string, closer: string): number {
  let depth = 0
  for (let k = open; k < text.length; k += 1) {
    const c = text[k]
    if (c === '\\') {
      k += 1
      continue
    }
    if (c === opener) depth += 1
    else if (c === closer) {
      depth -= 1
      if (depth === 0) return k
    }
  }
  return -1
}

const inlineSpecial = /[\\*_`[!<&]/g

/** Writes one line of inline Markdown (text starts at source offset `from`). */
function renderInline(text: string, from: number, out: TextBuilder, links: TextLink[]): void {
  let k = 0
  let run = 0
  const flush = (to: number) => {
    if (to > run) {
      for (const piece of decodeEntities(text, run, to)) out.append(piece.text, from + piece.from, from + piece.to)
    }
  }
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
      const close = matchBracket(text, k + 1, '[', ']')
      if (close > 0 && text[close + 1] === '(') {
        const paren = matchBracket(text, close + 1, '(', ')')
        if (paren > 0) {
          flush(k)
          // Images: keep the alternative text only.
          renderInline(text.slice(k + 2, close), from + k + 2, out, links)
          run = k = paren + 1
          continue
        }
      }
      k += 1
      continue
    }
    if (c === '[') {
      const close = matchBracket(text, k, '[', ']')
      if (close > 0 && text[close + 1] === '(') {
        const paren = matchBracket(text, close + 1, '(', ')')
        if (paren > 0) {
          flush(k)
          const target = text.slice(close + 2, paren).trim().replace(/\s+["'(].*$/, '').replace(/^<|>$/g, '')
          const start = out.length
          renderInline(text.slice(k + 1, close), from + k + 1, out, links)
          if (out.length > start) links.push({ href: target, start, end: out.length })
          run = k = paren + 1
          continue
        }
      }
      k += 1
      continue
    }
    if (c === '<') {
      const auto = /^<((?:https?|mailto|ftp):[^\s<>]+|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>/i.exec(text.slice(k))
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
        if (tag[1]!.toLowerCase() === 'br') out.append('\n', from + k, from + k + tag[0].length)
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
