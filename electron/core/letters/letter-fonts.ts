/**
 * The fonts a letter is set in. Each face is parsed by fontkit once per FontSource and the parsed
 * font is shared by every document after that: pdfkit accepts a parsed font in place of font data
 * and gives every document its own subset, widths and layout cache, so documents only ever read
 * from the shared object (and they are drawn synchronously, one after the other).
 *
 * A Japanese letter (its language tag, or any kana in it) is set in Noto Sans JP throughout, so that
 * its kanji take their Japanese forms; a letter with any other Chinese character is set in Noto Sans
 * SC throughout; otherwise in Noto Sans. Characters the chosen family lacks are borrowed from the other one (Noto Sans SC has
 * no "ł" or "ș", Noto Sans no "①"); characters neither has become "?" (control and format
 * characters are dropped), so that no text ever shows the empty .notdef box, which PDF/A forbids.
 *
 * Laying text out (fontkit's shaping: substitutions, kerning) is most of the cost of a letter, and
 * the same words come back in every letter. So each parsed face remembers the runs it has laid out,
 * across letters: pdfkit, which lays out every space-separated piece of text it draws, gets a copy
 * of the remembered run from the font's own `layout` method, and the renderer measures text from the
 * same runs (`widthOfText`), with pdfkit's arithmetic, instead of asking pdfkit to lay it out again.
 */
import { create, type ClassDefinition, type Font, type Glyph, type GlyphPosition, type GlyphRun } from 'fontkit'
import type { FontFaceName, FontSource } from '../shared/ports'
import { decodeRun, fontDigest, PlainLayout, readRunTable, runEntries, RUN_TABLE_FACES, runTableLanguage, type PlainCharacters } from './run-table'

export type Weight = 'regular' | 'bold'

type Family = { readonly regular: FontFaceName; readonly bold: FontFaceName }

const LATIN: Family = { regular: 'regular', bold: 'bold' }
const CJK: Family = { regular: 'cjk-regular', bold: 'cjk-bold' }
const JAPANESE: Family = { regular: 'ja-regular', bold: 'ja-bold' }

/** Hiragana and katakana: only Japanese writes them. */
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u

/** Han, kana, bopomofo, CJK punctuation and full-width forms: Chinese (or Japanese) text. */
export const CJK_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u

const INVISIBLE = /[\p{Cc}\p{Cf}]/u

export function containsCjk(text: string): boolean {
  return CJK_CHARACTER.test(text)
}

/** At most this many runs are remembered per face (then the face starts afresh). */
export const RUNS_KEPT_PER_FACE = 20_000
/** Longer pieces of text (a line of Chinese has no spaces) are laid out every time, not kept. */
const LONGEST_KEPT_RUN = 200

/** A run as fontkit laid it out, with its width in pdfkit's units (1000 per em). */
type KeptRun = { readonly glyphs: ReadonlyArray<Glyph>; readonly positions: ReadonlyArray<GlyphPosition>; readonly width: number }

/** What pdfkit reads of a laid-out run: its own copy, because pdfkit scales the positions in place. */
class CopiedRun implements GlyphRun {
  readonly glyphs: Glyph[]
  readonly positions: GlyphPosition[]

  constructor(kept: KeptRun) {
    this.glyphs = kept.glyphs.slice()
    this.positions = kept.positions.map(({ xAdvance, yAdvance, xOffset, yOffset }) => ({ xAdvance, yAdvance, xOffset, yOffset }))
  }

  /** As fontkit's GlyphRun: the sum of the advances, in order. */
  get advanceWidth(): number {
    let width = 0
    for (const position of this.positions) width += position.xAdvance
    return width
  }
}

/** The runs one face has laid out, by text. */
class RunMemory {
  private readonly runs = new Map<string, KeptRun>()
  /** Runs laid out ahead of time (run-table.ts), encoded, by text: decoded when first asked for. */
  private readonly ahead = new Map<string, string>()
  /** The languages whose table has been offered. */
  readonly offered = new Set<string>()
  /** How many runs came from a table rather than from fontkit (for tests and the bench). */
  fromTable = 0
  /** Text of plain characters alone, laid out from their numbers (run-table.ts PlainLayout). */
  private plain: PlainLayout | null = null
  /** How many runs were laid out from the plain characters rather than by fontkit. */
  fromPlain = 0
  /** pdfkit's scale for this face: font units to 1000 per em. */
  private readonly scale: number

  constructor(
    private readonly font: Font,
    private readonly shape: (text: string) => GlyphRun,
  ) {
    this.scale = 1000 / font.unitsPerEm
  }

  /** Takes runs laid out ahead of time in this very font file. */
  offer(runs: Iterable<readonly [string, string]>): void {
    for (const [text, encoded] of runs) if (!this.ahead.has(text)) this.ahead.set(text, encoded)
  }

  /** Takes the plain characters of this very font file (the first offer that reads stays). */
  offerPlain(plain: PlainCharacters): void {
    this.plain ??= PlainLayout.of(this.font, plain)
  }

  run(text: string): KeptRun {
    const kept = this.runs.get(text)
    if (kept) return kept
    const encoded = this.ahead.get(text)
    const decoded = encoded === undefined ? null : decodeRun(this.font, encoded)
    if (decoded) this.fromTable += 1
    const plain = decoded ? null : (this.plain?.layout(text) ?? null)
    if (plain) this.fromPlain += 1
    const shaped = decoded ?? plain ?? this.shape(text)
    const positions = shaped.positions.map(({ xAdvance, yAdvance, xOffset, yOffset }) => ({ xAdvance, yAdvance, xOffset, yOffset }))
    // pdfkit multiplies each advance by its scale and sums the products in order: so do we, for the same number.
    let width = 0
    for (const position of positions) width += position.xAdvance * this.scale
    const run: KeptRun = { glyphs: shaped.glyphs.slice(), positions, width }
    if (text.length <= LONGEST_KEPT_RUN) {
      if (this.runs.size >= RUNS_KEPT_PER_FACE) this.runs.clear()
      this.runs.set(text, run)
    }
    return run
  }

  get size(): number {
    return this.runs.size
  }
}

const memories = new WeakMap<Font, RunMemory>()

/** The faces whose mark positioning moves only GDEF marks (letter-mark-positioning.test.ts checks each face). */
export const FACES_SKIPPING_MARKS: ReadonlySet<FontFaceName> = new Set(['regular', 'bold'])

/**
 * fontkit's features, with the positioning of marks on base glyphs and on other marks turned off:
 * a new object for each layout, because fontkit adds the features it applies to the one it is given.
 */
const withoutMarkPositioning = () => ({ mark: false, mkmk: false })

/** The class GDEF gives a glyph (3 is a mark), 0 when it gives none. */
export function glyphClass(definition: ClassDefinition, id: number): number {
  if (definition.version === 1) {
    const index = id - definition.startGlyph
    return index >= 0 && index < definition.classValueArray.length ? definition.classValueArray[index]! : 0
  }
  // The ranges are sorted by their first glyph and do not overlap.
  const ranges = definition.classRangeRecord
  let low = 0
  let high = ranges.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const range = ranges[middle]!
    if (id < range.start) high = middle - 1
    else if (id > range.end) low = middle + 1
    else return range.class
  }
  return 0
}

/**
 * fontkit's layout of `text`, without the cost of reading the font's mark positioning when the
 * text has no mark to position. The mark and mkmk lookups (types 4 to 6) only ever move a glyph
 * that is in their mark coverage, which in our fonts holds only glyphs GDEF classes as marks (a
 * test checks every face): so for a run whose glyphs include no mark they change nothing, and
 * the run laid out without them is the same glyphs at the same positions. Reading those lookups
 * is most of the cost of a face's first layout in a fresh process (Noto Sans positions marks on
 * hundreds of bases). A run with a mark, or a font without GDEF classes, is laid out in full.
 * Only for the faces in FACES_SKIPPING_MARKS: Noto Sans SC and JP also position two glyphs that
 * GDEF does not call marks, so their text is always laid out in full.
 */
export function layoutSkippingMarks(layout: (text: string, features?: unknown) => GlyphRun, font: Font): (text: string) => GlyphRun {
  const classes = font.GDEF?.glyphClassDef ?? null
  if (!classes) return (text) => layout(text)
  return (text) => {
    const run = layout(text, withoutMarkPositioning())
    for (const glyph of run.glyphs) if (glyphClass(classes, glyph.id) === 3) return layout(text)
    return run
  }
}

/**
 * Makes `font` remember what it lays out: its `layout` (the method pdfkit calls, once per piece of
 * text and document) answers from the runs laid out before, in any letter, with a copy. Calls with
 * OpenType features, which the letters never ask for, are laid out as before.
 */
function remembering(font: Font, skipMarks: boolean): RunMemory {
  let memory = memories.get(font)
  if (!memory) {
    const layout = font.layout.bind(font)
    const created = new RunMemory(font, skipMarks ? layoutSkippingMarks(layout, font) : (text) => layout(text))
    font.layout = (text: string, features?: unknown) => (features === undefined ? new CopiedRun(created.run(text)) : layout(text, features))
    memories.set(font, created)
    memory = created
  }
  return memory
}

/** How many runs a face remembers now (for tests and the bench). */
export function rememberedRuns(font: Font): number {
  return memories.get(font)?.size ?? 0
}

/** How many of the runs a face has laid out came from a run table (for tests and the bench). */
export function runsFromTable(font: Font): number {
  return memories.get(font)?.fromTable ?? 0
}

/** How many of the runs a face has laid out came from its plain characters (for tests and the bench). */
export function runsFromPlainCharacters(font: Font): number {
  return memories.get(font)?.fromPlain ?? 0
}

/**
 * Offers each face of `faces` that a run table covers the runs laid out ahead of time for the
 * languages `langs` (run-table.ts), once per face and language; only a table laid out in the same
 * font file (by its SHA-256) is taken. A table that is absent or broken is passed over.
 */
export function offerRunTables(source: FontSource, faces: ReadonlyMap<FontFaceName, Font>, langs: ReadonlyArray<string>): void {
  if (!source.runs) return
  for (const lang of new Set(langs)) {
    if (!runTableLanguage.test(lang)) continue
    const waiting = RUN_TABLE_FACES.flatMap((face) => {
      const font = faces.get(face)
      const memory = font ? memories.get(font) : undefined
      return font && memory && !memory.offered.has(lang) ? [{ face, font, memory }] : []
    })
    if (waiting.length === 0) continue
    let raw: unknown
    try {
      raw = source.runs(lang)
    } catch {
      raw = null
    }
    const table = readRunTable(raw, lang)
    for (const { face, font, memory } of waiting) {
      memory.offered.add(lang)
      const entry = table?.faces.find((candidate) => candidate.face === face)
      if (entry && entry.digest === digestOf(source, face, font)) {
        memory.offer(runEntries(entry.runs))
        if (entry.plain) memory.offerPlain(entry.plain)
      }
    }
  }
}

const digests = new WeakMap<Font, string>()

/** The SHA-256 of the file a face was parsed from, worked out once. */
function digestOf(source: FontSource, face: FontFaceName, font: Font): string {
  let digest = digests.get(font)
  if (digest === undefined) {
    digest = fontDigest(source.load(face))
    digests.set(font, digest)
  }
  return digest
}

/**
 * The width of `text` in `font` at `size` points: the same number pdfkit's `widthOfString` gives
 * (the text cut after every space and tab, each piece laid out, the advances scaled to 1000 units
 * per em, summed, times size / 1000), worked out from remembered runs.
 */
export function widthOfText(font: Font, text: string, size: number): number {
  const memory = memories.get(font) ?? remembering(font, false)
  let advance = 0
  let last = 0
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index)
    if (code === 0x20 || code === 0x09) {
      advance += memory.run(text.slice(last, index + 1)).width
      last = index + 1
    }
  }
  if (last < text.length) advance += memory.run(text.slice(last)).width
  const fontWidth = advance * (size / 1000)
  // pdfkit then adds the character spacing (none) and applies the horizontal scaling (100 %).
  const characterSpacing = 0
  return ((fontWidth + characterSpacing * (text.length - 1)) * 100) / 100
}

const parsed = new WeakMap<FontSource, Map<FontFaceName, Font>>()

/** The face parsed by fontkit, from the first call with this source on, remembering its runs. */
export function parsedFont(source: FontSource, face: FontFaceName): Font {
  let faces = parsed.get(source)
  if (!faces) {
    faces = new Map()
    parsed.set(source, faces)
  }
  let font = faces.get(face)
  if (!font) {
    font = create(source.load(face))
    if (typeof font?.layout !== 'function') throw new Error(`The letter font "${face}" is not a single TrueType or OpenType font.`)
    remembering(font, FACES_SKIPPING_MARKS.has(face))
    faces.set(face, font)
  }
  return font
}

/** A piece of text set in one face. */
export type FontRun = { readonly face: FontFaceName; readonly text: string }

export type LetterFonts = {
  /** Every face the letter may use, under the name to register it with. */
  readonly faces: ReadonlyMap<FontFaceName, Font>
  /** The face most text is set in, for pdfkit's default font. */
  readonly base: Font
  /** True when the letter is set in a CJK face (Noto Sans SC or JP). */
  readonly cjk: boolean
  /** True when the letter is set in Noto Sans JP. */
  readonly japanese: boolean
  /** The text in runs of one face each, with characters no face has replaced. */
  runs(text: string, weight: Weight): ReadonlyArray<FontRun>
}

function covers(fonts: ReadonlyArray<Font>, codePoint: number): boolean {
  return fonts.every((font) => font.hasGlyphForCodePoint(codePoint))
}

/**
 * Picks the faces for a letter made of `texts` (every string printed on it); `lang` is the letter's
 * BCP 47 tag where known ("ja" sets a letter in Noto Sans JP even before it holds any kana).
 */
export function fontsForLetter(source: FontSource, texts: ReadonlyArray<string>, lang?: string): LetterFonts {
  const all = texts.join('\n')
  const cjk = containsCjk(all)
  const japanese = cjk && (lang === 'ja' || lang?.startsWith('ja-') === true || KANA.test(all))
  const main = japanese ? JAPANESE : cjk ? CJK : LATIN
  const other = cjk ? LATIN : CJK
  const faces = new Map<FontFaceName, Font>([
    [main.regular, parsedFont(source, main.regular)],
    [main.bold, parsedFont(source, main.bold)],
  ])
  const mainFonts = [faces.get(main.regular)!, faces.get(main.bold)!]

  const lacking = new Set<number>()
  for (const char of new Set(all)) {
    const codePoint = char.codePointAt(0)!
    if (!/[\t\n\r]/.test(char) && !covers(mainFonts, codePoint)) lacking.add(codePoint)
  }

  const borrowed = new Set<number>()
  if (lacking.size > 0) {
    let otherFonts: Font[] | null = null
    try {
      otherFonts = [parsedFont(source, other.regular), parsedFont(source, other.bold)]
    } catch {
      // Only a few characters would come from the other family: without it they print as "?".
    }
    if (otherFonts) {
      for (const codePoint of lacking) if (covers(otherFonts, codePoint)) borrowed.add(codePoint)
      if (borrowed.size > 0) {
        faces.set(other.regular, otherFonts[0]!)
        faces.set(other.bold, otherFonts[1]!)
      }
    }
  }
  const unprintable = new Set([...lacking].filter((codePoint) => !borrowed.has(codePoint)))

  const printable = (char: string) => (INVISIBLE.test(char) ? '' : '?')

  return {
    faces,
    base: mainFonts[0]!,
    cjk,
    japanese,
    runs(text, weight) {
      if (lacking.size === 0) return [{ face: main[weight], text }]
      const runs: Array<{ face: FontFaceName; text: string }> = []
      for (const char of text) {
        const codePoint = char.codePointAt(0)!
        const shown = unprintable.has(codePoint) ? printable(char) : char
        const last = runs[runs.length - 1]
        // Spaces go with the run they are in rather than starting one of their own.
        const face = borrowed.has(codePoint) ? other[weight] : char === ' ' && last ? last.face : main[weight]
        if (last && last.face === face) last.text += shown
        else runs.push({ face, text: shown })
      }
      return runs.filter((run) => run.text.length > 0)
    },
  }
}
