/**
 * Text preparation for the catalog search: normalization, tokens (words, CJK bigrams), compact
 * keys and domain clean-up. The index and the queries go through the same functions, so whatever
 * is folded here (case, accents, punctuation) is folded on both sides.
 */

/** Lower case, accents removed, anything but letters and digits turned into single spaces. */
export function normalizeForSearch(text: string): string {
  // Same result as `.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
  // .replace(/[^\p{L}\p{N}]+/gu, ' ').trim()`, faster: ASCII skips NFKD (it changes nothing
  // there), and the last step is a loop over a table of letters and digits.
  const folded = foldText(text)
  shared.scan(folded)
  return shared.joined(folded)
}

/** The first steps of `normalizeForSearch`: accents removed, lower case. */
export function foldText(text: string): string {
  return isAscii(text) ? text.toLowerCase() : text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) > 0x7f) return false
  return true
}

const letterOrDigit = /[\p{L}\p{N}]/u
/** Per UTF-16 unit of the Basic Multilingual Plane: 0 not yet known, 1 letter or digit, 2 neither. */
const bmpClass = new Uint8Array(0x10000)
for (let code = 0; code < 0x80; code += 1) bmpClass[code] = (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) ? 1 : 2
const astralClass = new Map<number, boolean>()

/** 0 when text[i] is no letter or digit, else its width in UTF-16 units (2 outside the BMP). */
function letterOrDigitWidth(text: string, i: number): number {
  const code = text.charCodeAt(i)
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const point = text.codePointAt(i)!
    if (point > 0xffff) {
      let known = astralClass.get(point)
      if (known === undefined) astralClass.set(point, (known = letterOrDigit.test(String.fromCodePoint(point))))
      return known ? 2 : 0
    }
  }
  let known = bmpClass[code]!
  if (known === 0) bmpClass[code] = known = letterOrDigit.test(String.fromCharCode(code)) ? 1 : 2
  return known === 1 ? 1 : 0
}

/**
 * The words of a folded text (runs of letters and digits) as [start, end) offsets, so the index can
 * read them without cutting the text into strings. The arrays are reused from call to call.
 */
export class WordSpans {
  starts = new Int32Array(64)
  ends = new Int32Array(64)
  count = 0

  scan(text: string): void {
    this.count = 0
    let i = 0
    while (i < text.length) {
      let width = letterOrDigitWidth(text, i)
      if (width === 0) {
        i += 1
        continue
      }
      const start = i
      do i += width
      while (i < text.length && (width = letterOrDigitWidth(text, i)) > 0)
      if (this.count === this.starts.length) {
        const starts = new Int32Array(this.count * 2)
        const ends = new Int32Array(this.count * 2)
        starts.set(this.starts)
        ends.set(this.ends)
        this.starts = starts
        this.ends = ends
      }
      this.starts[this.count] = start
      this.ends[this.count] = i
      this.count += 1
    }
  }

  /** The words joined by single spaces. */
  joined(text: string): string {
    if (this.count === 1) return text.slice(this.starts[0]!, this.ends[0]!)
    const words: string[] = []
    for (let w = 0; w < this.count; w += 1) words.push(text.slice(this.starts[w]!, this.ends[w]!))
    return words.join(' ')
  }

  /** `hashOf` of the joined words, without joining them. */
  hash(text: string): number {
    let hash = 0x811c9dc5
    for (let w = 0; w < this.count; w += 1) {
      if (w > 0) hash = Math.imul(hash ^ 32, 0x01000193)
      for (let i = this.starts[w]!; i < this.ends[w]!; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
    }
    return hash | 0
  }

  /** `boundariesOf` the joined words. */
  boundaries(): number {
    let mask = 0
    let letters = 0
    for (let w = 0; w + 1 < this.count; w += 1) {
      letters += this.ends[w]! - this.starts[w]!
      if (letters < 31) mask |= 1 << letters
    }
    return mask
  }

  /** The length of the joined words. */
  length(): number {
    let length = this.count - 1
    for (let w = 0; w < this.count; w += 1) length += this.ends[w]! - this.starts[w]!
    return length
  }

  /** True when word `w` may hold CJK text (a code unit at or above U+2E80). */
  mayHoldCjk(text: string, w: number): boolean {
    for (let i = this.starts[w]!; i < this.ends[w]!; i += 1) if (text.charCodeAt(i) >= 0x2e80) return true
    return false
  }
}

const shared = new WordSpans()

/** The normalized text without its spaces: "FS.COM" -> "fscom", "Deutsche Bank" -> "deutschebank". */
export function compactOf(normalized: string): string {
  return normalized.replace(/ /g, '')
}

/** "https://www.fs.com/de/" -> "fs.com": scheme, a leading "www.", port and path removed. */
export function cleanDomain(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\d*\./, '')
    .replace(/[/?#:][^]*/, '')
}

/** True when the query looks like a web address, so it is cleaned like a domain. */
export function looksLikeUrl(text: string): boolean {
  return /^\s*([a-z][a-z0-9+.-]*:\/\/|www\d*\.)/i.test(text)
}

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u
const cjkRuns = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+)/u

/** Quick test before the Unicode regex: CJK scripts all live above U+2E80. */
function mayHoldCjk(word: string): boolean {
  for (let i = 0; i < word.length; i += 1) if (word.charCodeAt(i) >= 0x2e80) return cjk.test(word)
  return false
}

/**
 * The tokens a normalized word is indexed under: the word itself, or for text in Chinese, Japanese
 * or Korean script (written without spaces) every single character and every pair of neighbours.
 */
export function indexTokensOf(word: string, out: string[]): void {
  if (!mayHoldCjk(word)) {
    out.push(word)
    return
  }
  for (const part of word.split(cjkRuns)) {
    if (!part) continue
    if (!cjk.test(part)) {
      out.push(part)
      continue
    }
    const chars = Array.from(part)
    for (let i = 0; i < chars.length; i += 1) {
      out.push(chars[i]!)
      if (i + 1 < chars.length) out.push(chars[i]! + chars[i + 1]!)
    }
  }
}

/** A query token: `typo` says whether one typo may be forgiven (see search.ts). */
export type QueryToken = { readonly text: string; readonly typo: boolean }

/** Tokens of one query word: the word, or for CJK runs their character pairs (one character alone). */
export function queryTokensOf(word: string, out: QueryToken[]): void {
  const plain = (text: string) => out.push({ text, typo: Array.from(text).length >= minTypoLength })
  if (!mayHoldCjk(word)) {
    plain(word)
    return
  }
  for (const part of word.split(cjkRuns)) {
    if (!part) continue
    if (!cjk.test(part)) {
      plain(part)
      continue
    }
    const chars = Array.from(part)
    if (chars.length === 1) out.push({ text: chars[0]!, typo: false })
    for (let i = 0; i + 1 < chars.length; i += 1) out.push({ text: chars[i]! + chars[i + 1]!, typo: false })
  }
}

/** Tokens shorter than this never match with a typo: "fs" ~ "fa", "b2s" ~ "bts" would be noise. */
export const minTypoLength = 4

/** True when the token is eligible for typo matching on the index side (not CJK, long enough). */
export function typoEligible(token: string): boolean {
  return token.length >= minTypoLength && !mayHoldCjk(token)
}

/**
 * Damerau-Levenshtein (optimal string alignment) distance of at most 1: equal, or one insertion,
 * deletion, substitution or transposition of two neighbouring characters apart.
 */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length
  const lb = b.length
  if (la - lb > 1 || lb - la > 1) return false
  let i = 0
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i += 1
  if (i === la && i === lb) return true
  if (la === lb) {
    if (sameFrom(a, i + 1, b, i + 1)) return true
    return i + 1 < la && a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && sameFrom(a, i + 2, b, i + 2)
  }
  return la > lb ? sameFrom(a, i + 1, b, i) : sameFrom(a, i, b, i + 1)
}

function sameFrom(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false
  for (; i < a.length; i += 1, j += 1) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false
  return true
}

/**
 * Hashes (32-bit FNV-1a, unsigned) of the word and of every string one deletion away from it: two
 * words within one edit share one of these. Hashes instead of strings keep the typo index small;
 * a collision only costs a `withinOneEdit` check.
 */
export function deletionHashes(word: string, out: number[]): void {
  out.push(hashSkipping(word, -1))
  for (let i = 0; i < word.length; i += 1) {
    if (i > 0 && word.charCodeAt(i) === word.charCodeAt(i - 1)) continue // same string as deleting i - 1
    out.push(hashSkipping(word, i))
  }
}

function hashSkipping(word: string, skip: number): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < word.length; i += 1) if (i !== skip) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193)
  return hash >>> 0
}

/**
 * Where the words of a normalized text break, as bits: bit i set when a space follows the first i
 * letters ("amazon web services" -> bits 6 and 9). Only the first 31 letters are recorded.
 */
export function boundariesOf(normalized: string): number {
  let mask = 0
  let letters = 0
  for (let i = 0; i < normalized.length; i += 1) {
    if (normalized.charCodeAt(i) !== 32) letters += 1
    else if (letters < 31) mask |= 1 << letters
  }
  return mask
}

/** 32-bit FNV-1a of a string, to tell "a bc" from "ab c" where both compact to "abc". */
export function hashOf(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return hash | 0
}

/** Index of the first string in `sorted` that is >= `key` (binary search, code-unit order). */
export function lowerBound(sorted: ReadonlyArray<string>, key: string): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < key) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** [from, to) of the strings in `sorted` that start with `prefix`. */
export function prefixRange(sorted: ReadonlyArray<string>, prefix: string): [number, number] {
  const from = lowerBound(sorted, prefix)
  let to = from
  // Few strings share a long prefix; walk a little, then fall back to a second search.
  const walkLimit = from + 16
  while (to < sorted.length && to < walkLimit && sorted[to]!.startsWith(prefix)) to += 1
  if (to === walkLimit && to < sorted.length && sorted[to]!.startsWith(prefix)) to = lowerBound(sorted, prefix + '\uffff')
  return [from, to]
}
