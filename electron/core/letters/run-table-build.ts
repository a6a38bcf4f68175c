/**
 * Builds the run tables of run-table.ts (at build time: scripts/compile-templates.ts): the fixed
 * words of each language's letters, laid out in Noto Sans by fontkit in full, and each face's plain
 * characters (plainCharacters), with which text that no table holds (names, addresses, the
 * reference) is laid out without fontkit's shaping.
 */
import { create, type Font, type Glyph, type GlyphPosition } from 'fontkit'
import type { FontSource } from '../shared/ports'
import type { Language } from '../shared/kinds'
import type { PlainDate } from '../shared/calendar'
import type { Templates } from '../templates/templates'
import { longDate } from '../requests/draft-view'
import { containsCjk } from './letter-fonts'
import { letterLabels } from './letter-labels'
import { encodeRun, fontDigest, PlainLayout, RUN_TABLE_FACES, runLines, runTableLanguage, type PlainCharacters, type RunTable } from './run-table'

/**
 * Every piece of text a letter made from `texts` is likely to lay out: each word, with and without
 * the space after it (pdfkit and the renderer lay text out in pieces cut after each space), except
 * words with a template tag in them, which the letter fills with other words.
 */
export function piecesOf(texts: ReadonlyArray<string>): string[] {
  const pieces = new Set<string>()
  for (const text of texts) {
    for (const word of text.split(/[\s\u00a0]+/)) {
      // Chinese and Japanese words are set in Noto Sans SC or JP, which no table covers.
      if (!word || word.includes('{{') || word.includes('}}') || word.length >= 200 || containsCjk(word)) continue
      pieces.add(word).add(`${word} `)
    }
  }
  return [...pieces].sort()
}

/** The fixed words of a language's letters, by the face they are printed in. */
export type LanguageTexts = { readonly [Face in (typeof RUN_TABLE_FACES)[number]]: ReadonlyArray<string> }

/** The plain characters of each font file by its SHA-256, worked out once per build. */
const plainByDigest = new Map<string, PlainCharacters | null>()

/**
 * Lays out the pieces (piecesOf) of each face's texts in that face with fontkit, in full, and adds
 * the face's plain characters (plainCharacters): a table for `lang`.
 */
export function compileRunTable(lang: string, texts: LanguageTexts, fonts: FontSource): RunTable {
  if (!runTableLanguage.test(lang)) throw new Error(`"${lang}" cannot name a run table`)
  return {
    format: 1,
    lang,
    faces: RUN_TABLE_FACES.map((face) => {
      const bytes = fonts.load(face)
      // A font of its own: the shared one lays text out through the renderer's memory.
      const font = create(bytes)
      const digest = fontDigest(bytes)
      if (!plainByDigest.has(digest)) plainByDigest.set(digest, plainCharacters(create(bytes)))
      const plain = plainByDigest.get(digest)
      return { face, digest, runs: runLines(piecesOf(texts[face]).map((piece): [string, string] => [piece, encodeRun(font.layout(piece))])), ...(plain ? { plain } : {}) }
    }),
  }
}

/** Every string inside a value (strings, arrays, objects and maps of them). */
function stringsIn(value: unknown, into: string[]): string[] {
  if (typeof value === 'string') into.push(value)
  else if (value instanceof Map) for (const item of value.values()) stringsIn(item, into)
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, into)
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) stringsIn(item, into)
  return into
}

/**
 * The fixed words of a language's letters: its built-in templates (subjects, bodies, the words
 * they take per law), its strings, the labels printed around the data and the month names of its
 * dates, in the regular face; in bold, the subject lines and the words per law (the letter prints
 * only its subject and the sender's name in bold). Null for a language whose letters are set in
 * Noto Sans SC or JP, which no table covers. (Words in Chinese or Japanese, such as a law's own
 * name, are left out of the pieces.)
 */
export function languageTexts(lang: Language, templates: Templates): LanguageTexts | null {
  const texts: string[] = []
  const subjects: string[] = []
  const bodies: string[] = []
  for (const info of templates.list()) {
    if (info.origin !== 'builtin' || info.lang !== lang) continue
    const template = templates.find({ type: info.type, law: info.laws[0]!, lang })
    bodies.push(template.body)
    const subjectWords = [...stringsIn(template.subject, []), ...stringsIn(template.law, [])]
    subjects.push(...subjectWords)
    texts.push(template.body, ...subjectWords)
  }
  // The language's letters are set in Noto Sans SC or JP: no table. (A few letters of other
  // languages quote a Chinese or Japanese term and are set in those faces too, without a table.)
  if (bodies.filter(containsCjk).length * 2 > bodies.length) return null
  stringsIn(templates.strings(lang), texts)
  const labels = letterLabels(lang)
  texts.push(labels.reference, labels.date, labels.email, labels.page(1, 2), labels.enclosures(1), labels.enclosures(2))
  for (let month = 1; month <= 12; month += 1) texts.push(longDate(`2026-${String(month).padStart(2, '0')}-15` as PlainDate, lang))
  return { regular: texts, bold: subjects }
}

/** The features fontkit's default shaping applies to horizontal text, less mark and mkmk (letter-fonts.ts turns them off for text without marks). */
const SHAPING_FEATURES: ReadonlySet<string> = new Set(['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'])

/** The characters that may be plain: printable Latin-1 and Latin Extended-A (every Latin-script letter language's usual letters). */
const PLAIN_CANDIDATES: ReadonlyArray<number> = [...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i), ...Array.from({ length: 0x180 - 0xa0 }, (_, i) => 0xa0 + i)]

/** How fontkit decodes the parts of GSUB and GPOS read here (fontkit ships no types). */
type Coverage = { readonly version: number; readonly glyphs?: ReadonlyArray<number>; readonly rangeRecords?: ReadonlyArray<{ readonly start: number; readonly end: number }> }
type Listed<T> = ReadonlyArray<T> | { toArray(): T[] }
type Subtable = {
  readonly version?: number
  readonly lookupType?: number
  readonly extension?: Subtable
  readonly coverage?: Coverage
  readonly coverages?: ReadonlyArray<Coverage>
  readonly backtrackCoverage?: ReadonlyArray<Coverage>
  readonly inputCoverage?: ReadonlyArray<Coverage>
  readonly lookaheadCoverage?: ReadonlyArray<Coverage>
  readonly ligatureSets?: Listed<Listed<{ readonly components: ReadonlyArray<number> }>>
  readonly chainRuleSets?: Listed<Listed<{ readonly backtrack: ReadonlyArray<number>; readonly input: ReadonlyArray<number>; readonly lookahead: ReadonlyArray<number> }> | null>
  readonly valueFormat1?: Readonly<Record<string, boolean>>
  readonly valueFormat2?: Readonly<Record<string, boolean>>
}
type LayoutTable = {
  readonly scriptList: ReadonlyArray<{ readonly script: { readonly defaultLangSys?: { readonly featureIndexes: ReadonlyArray<number> } | null } }>
  readonly featureList: ReadonlyArray<{ readonly tag: string; readonly feature: { readonly lookupListIndexes: ReadonlyArray<number> } }>
  readonly lookupList: Listed<{ readonly lookupType: number; readonly subTables: ReadonlyArray<Subtable> }>
}

const listed = <T>(value: Listed<T> | null | undefined): ReadonlyArray<T> => (value ? ('toArray' in value ? value.toArray() : value) : [])

/** The glyphs of a coverage table, in its order. */
function coverageGlyphs(coverage: Coverage | undefined): number[] {
  if (!coverage) return []
  if (coverage.version === 1) return [...(coverage.glyphs ?? [])]
  return (coverage.rangeRecords ?? []).flatMap(({ start, end }) => Array.from({ length: end - start + 1 }, (_, i) => start + i))
}

/**
 * The glyphs that a lookup of the shaping features may change or move other than by pair kerning,
 * when it is given text of `candidates` glyphs alone; null when the face's pair kerning does more
 * than change the first glyph's advance. A lookup acts only where its coverage holds the glyph
 * (the first input glyph, for contextual ones), so a glyph outside every such coverage is left as it
 * is: a ligature whose other components are not candidates, or a context with a part no candidate
 * can fill, never applies to such text.
 */
function glyphsShapingMayChange(font: Font, candidates: ReadonlySet<number>): Set<number> | null {
  const changed = new Set<number>()
  const fontTables = font as unknown as { readonly GSUB?: LayoutTable | null; readonly GPOS?: LayoutTable | null }
  for (const tag of ['GSUB', 'GPOS'] as const) {
    const table = fontTables[tag]
    if (!table) continue
    // fontkit takes the script's default language system: the letters name no language.
    const lookups = new Set<number>()
    for (const { script } of table.scriptList) {
      for (const index of script.defaultLangSys?.featureIndexes ?? []) {
        const record = table.featureList[index]
        if (record && SHAPING_FEATURES.has(record.tag)) for (const lookup of record.feature.lookupListIndexes) lookups.add(lookup)
      }
    }
    const list = listed(table.lookupList)
    for (const index of lookups) {
      const lookup = list[index]
      if (!lookup) return null
      for (const given of lookup.subTables) {
        const extension = (tag === 'GSUB' && lookup.lookupType === 7) || (tag === 'GPOS' && lookup.lookupType === 9)
        const type = extension ? given.lookupType : lookup.lookupType
        const subtable = extension ? given.extension : given
        if (!subtable) return null
        if (tag === 'GPOS' && type === 2) {
          // Pair kerning that changes the first glyph's advance alone (a pair table measures it).
          const first = Object.entries(subtable.valueFormat1 ?? {}).filter(([name, on]) => on && name !== 'reserved')
          const second = Object.entries(subtable.valueFormat2 ?? {}).filter(([name, on]) => on && name !== 'reserved')
          if (second.length > 0 || first.some(([name]) => name !== 'xAdvance')) return null
          continue
        }
        if (tag === 'GSUB' && type === 4) {
          coverageGlyphs(subtable.coverage).forEach((glyph, at) => {
            if (listed(listed(subtable.ligatureSets)[at]).some((ligature) => ligature.components.every((component) => candidates.has(component)))) changed.add(glyph)
          })
          continue
        }
        if (subtable.version === 1 && subtable.chainRuleSets) {
          coverageGlyphs(subtable.coverage).forEach((glyph, at) => {
            const rules = listed(listed(subtable.chainRuleSets)[at])
            if (rules.some((rule) => [...rule.backtrack, ...rule.input, ...rule.lookahead].every((part) => candidates.has(part)))) changed.add(glyph)
          })
          continue
        }
        if (subtable.version === 3 && (subtable.inputCoverage || subtable.coverages)) {
          const parts = [...(subtable.backtrackCoverage ?? []), ...(subtable.inputCoverage ?? subtable.coverages ?? []), ...(subtable.lookaheadCoverage ?? [])]
          if (!parts.every((part) => coverageGlyphs(part).some((glyph) => candidates.has(glyph)))) continue
          for (const glyph of coverageGlyphs((subtable.inputCoverage ?? subtable.coverages)![0])) changed.add(glyph)
          continue
        }
        if (!subtable.coverage) return null
        for (const glyph of coverageGlyphs(subtable.coverage)) changed.add(glyph)
      }
    }
  }
  return changed
}

/** Random text of `characters` for checks, the same on every build. */
function* sampleTexts(characters: ReadonlyArray<number>, count: number): Generator<number[]> {
  let seed = 20_261_207
  const next = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32
  for (let n = 0; n < count; n += 1) yield Array.from({ length: 1 + Math.floor(next() * 24) }, () => characters[Math.floor(next() * characters.length)]!)
}

/**
 * A face's plain characters (run-table.ts): the candidates that fontkit lays out on their own as
 * their cmap glyph at its advance and that no shaping lookup may change (glyphsShapingMayChange),
 * with the kerning of every pair of them as fontkit lays the pair out. Null when the face has none,
 * or when text of them, laid out by fontkit, is not these numbers (checked on `checks` texts).
 */
export function plainCharacters(font: Font, checks = 2_000): PlainCharacters | null {
  const candidates = PLAIN_CANDIDATES.filter((codePoint) => font.hasGlyphForCodePoint(codePoint))
  const glyphOf = (codePoint: number) => font.layout(String.fromCodePoint(codePoint), { mark: false, mkmk: false }).glyphs[0]!.id
  const changed = glyphsShapingMayChange(font, new Set(candidates.map(glyphOf)))
  if (!changed) return null
  const plain = new Map<number, { id: number; advance: number }>()
  for (const codePoint of candidates) {
    const run = font.layout(String.fromCodePoint(codePoint), { mark: false, mkmk: false })
    const [glyph] = run.glyphs
    const [position] = run.positions
    if (run.glyphs.length !== 1 || !glyph || !position || changed.has(glyph.id) || glyph.codePoints.join() !== String(codePoint)) continue
    if (position.xAdvance !== glyph.advanceWidth || position.yAdvance !== 0 || position.xOffset !== 0 || position.yOffset !== 0) continue
    plain.set(codePoint, { id: glyph.id, advance: glyph.advanceWidth })
  }
  if (plain.size === 0) return null
  const codePoints = [...plain.keys()]
  const kerning: Array<[number, number, number]> = []
  for (const first of codePoints) {
    for (const second of codePoints) {
      const run = font.layout(String.fromCodePoint(first, second), { mark: false, mkmk: false })
      const [a, b] = run.positions
      if (run.glyphs.length !== 2 || !a || !b || run.glyphs[0]!.id !== plain.get(first)!.id || run.glyphs[1]!.id !== plain.get(second)!.id) return null
      if (b.xAdvance !== plain.get(second)!.advance || [a, b].some((p) => p.yAdvance !== 0 || p.xOffset !== 0 || p.yOffset !== 0)) return null
      const adjustment = a.xAdvance - plain.get(first)!.advance
      if (adjustment !== 0) kerning.push([first, second, adjustment])
    }
  }
  const numbers: PlainCharacters = {
    characters: codePoints.flatMap((codePoint) => [codePoint, plain.get(codePoint)!.id, plain.get(codePoint)!.advance]),
    kerning: kerning.flat(),
  }
  // Whole texts of them, laid out by fontkit with and without mark positioning, are these numbers.
  const layout = PlainLayout.of(font, numbers)
  if (!layout) return null
  for (const text of sampleTexts(codePoints, checks)) {
    const string = String.fromCodePoint(...text)
    const expected = layout.layout(string)
    for (const run of [font.layout(string, { mark: false, mkmk: false }), font.layout(string)]) {
      if (!expected || !sameRun(run, expected)) return null
    }
  }
  return numbers
}

/** True when two layouts are the same glyphs at the same positions. */
export function sameRun(a: { readonly glyphs: ReadonlyArray<Glyph>; readonly positions: ReadonlyArray<GlyphPosition> }, b: { readonly glyphs: ReadonlyArray<Glyph>; readonly positions: ReadonlyArray<GlyphPosition> }): boolean {
  if (a.glyphs.length !== b.glyphs.length || a.positions.length !== b.positions.length) return false
  return a.glyphs.every((glyph, i) => {
    const [p, q] = [a.positions[i]!, b.positions[i]!]
    return glyph.id === b.glyphs[i]!.id && glyph.codePoints.join() === b.glyphs[i]!.codePoints.join() && p.xAdvance === q.xAdvance && p.yAdvance === q.yAdvance && p.xOffset === q.xOffset && p.yOffset === q.yOffset
  })
}
