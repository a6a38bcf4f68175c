/**
 * The words of each language's templates laid out ahead of time in Noto Sans (regular and bold),
 * so that a letter written in a fresh process (`rightful letter`) does not lay out again, with
 * fontkit's shaping, the hundreds of words every letter of its language shares. Written by the
 * build (`npm run templates:compile`) to assets/fonts/runs/<lang>.json; read through the
 * FontSource port when a letter in that language is first set.
 *
 * A table names, per face, the SHA-256 of the font file its runs were laid out in, and is used
 * only for that very file. Each run holds what fontkit's layout gave for that piece of text: the
 * glyphs (id and code points) and their positions in font units. A run that does not decode (or a
 * table that is absent, broken or of another font) only means the text is laid out as without it:
 * the letter is the same PDF, byte for byte (letter-run-table.test.ts).
 *
 * A face's entry may also hold its plain characters (run-table-build.ts plainCharacters): those
 * that fontkit's shaping, as the letters ask for it, never substitutes and only moves by pair
 * kerning, with their glyphs, advances and the kerning of each pair of them. A piece of text made
 * of plain characters alone (a name, a street, a postcode, the reference) is then laid out from
 * these numbers (PlainLayout) instead of by fontkit: the same glyphs at the same positions, without
 * reading the font's substitution and positioning tables, which is most of the cost of the first
 * piece a fresh process lays out in a face.
 */
import { createHash } from 'node:crypto'
import type { Font, Glyph, GlyphPosition, GlyphRun } from 'fontkit'
import { z } from 'zod'
import type { FontFaceName } from '../shared/ports'

/** The faces a table lays out: Noto Sans, which sets every letter whose language is not Chinese or Japanese. */
export const RUN_TABLE_FACES = ['regular', 'bold'] as const satisfies ReadonlyArray<FontFaceName>

/** A table file larger than this is not read. */
export const runTableMaxBytes = 16 * 1024 * 1024

/** The name of a language's table: a BCP 47 tag of letters, digits and hyphens only. */
export const runTableLanguage = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,2}$/

/** At most this many glyphs in one run (the longest piece kept is 200 characters). */
const MAX_GLYPHS = 400

/** At most this many plain characters, and kerned pairs of them, per face. */
const MAX_PLAIN_CHARACTERS = 4096
const MAX_KERNED_PAIRS = 1_000_000

/** An array of safe integers, checked whole. */
const integers = z.custom<ReadonlyArray<number>>((value) => Array.isArray(value) && value.every(Number.isSafeInteger), 'an array of integers')

const runTableSchema = z.strictObject({
  format: z.literal(1),
  lang: z.string().regex(runTableLanguage),
  faces: z.array(
    z.strictObject({
      face: z.enum(RUN_TABLE_FACES),
      /** SHA-256 of the font file, in hex. */
      digest: z.string().regex(/^[0-9a-f]{64}$/),
      /**
       * One line per piece of text: the piece, a tab, its run (encodeRun). A piece holds no tab or
       * line break: pieces are cut at white space. Split into lines when the table is offered.
       */
      runs: z.string(),
      /**
       * The face's plain characters: `characters`, per character its code point, glyph id and
       * advance (in font units), one after the other; `kerning`, per kerned pair the two code points
       * and the change to the first one's advance. Absent where the build found none. Plain arrays
       * of numbers, which JSON.parse reads at native speed (checked here with a builtin, not per
       * element by zod).
       */
      plain: z.optional(z.strictObject({ characters: integers, kerning: integers })),
    }),
  ),
})
export type RunTable = z.infer<typeof runTableSchema>

/** The most glyphs a run may have. */
export const maxRunGlyphs = MAX_GLYPHS

/** The lines of a table's runs (RunTable faces' `runs`), from [piece, encoded run] pairs. */
export function runLines(runs: ReadonlyArray<readonly [string, string]>): string {
  return runs.map(([piece, encoded]) => `${piece}\t${encoded}`).join('\n')
}

/**
 * The [piece, encoded run] pairs of a table's runs; a line that is not a piece of at most 200
 * characters, a tab and a run of at most MAX_GLYPHS glyphs' worth of text is passed over.
 */
export function* runEntries(lines: string): Generator<readonly [string, string]> {
  let start = 0
  while (start < lines.length) {
    let end = lines.indexOf('\n', start)
    if (end < 0) end = lines.length
    const tab = lines.indexOf('\t', start)
    if (tab > start && tab < end && tab - start <= 200 && end - tab - 1 <= MAX_GLYPHS * 60) yield [lines.slice(start, tab), lines.slice(tab + 1, end)]
    start = end + 1
  }
}

/** The SHA-256 of a font file, in hex. */
export function fontDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * A run as text: per glyph `id,xAdvance,yAdvance,xOffset,yOffset,codePoints` (the code points
 * joined by "."), the glyphs joined by ";".
 */
export function encodeRun(run: GlyphRun): string {
  return run.glyphs
    .map((glyph, i) => {
      const { xAdvance, yAdvance, xOffset, yOffset } = run.positions[i]!
      return [glyph.id, xAdvance, yAdvance, xOffset, yOffset, glyph.codePoints.join('.')].join(',')
    })
    .join(';')
}

/** A decoded run: the glyphs (from `font`) and their positions; null when `encoded` is not a run of this font. */
export function decodeRun(font: Font, encoded: string): { glyphs: Glyph[]; positions: GlyphPosition[] } | null {
  if (encoded.length === 0) return null
  const parts = encoded.split(';')
  if (parts.length > MAX_GLYPHS) return null
  const ids: number[] = []
  const points: number[][] = []
  const positions: GlyphPosition[] = []
  for (const part of parts) {
    const fields = part.split(',')
    if (fields.length !== 6) return null
    const [id, xAdvance, yAdvance, xOffset, yOffset] = fields.slice(0, 5).map(Number) as [number, number, number, number, number]
    if (!Number.isInteger(id) || id < 0 || id >= font.numGlyphs) return null
    if (![xAdvance, yAdvance, xOffset, yOffset].every(Number.isFinite)) return null
    const codePoints = fields[5] === '' ? [] : fields[5]!.split('.').map(Number)
    if (codePoints.length > 32 || !codePoints.every((cp) => Number.isInteger(cp) && cp >= 0 && cp <= 0x10ffff)) return null
    ids.push(id)
    points.push(codePoints)
    positions.push({ xAdvance, yAdvance, xOffset, yOffset })
  }
  // The glyphs are made only once the whole run has decoded, as fontkit's layout makes them.
  return { glyphs: ids.map((id, i) => font.getGlyph(id, points[i])), positions }
}

/** A face's plain characters as a table holds them (RunTable faces' `plain`). */
export type PlainCharacters = { readonly characters: ReadonlyArray<number>; readonly kerning: ReadonlyArray<number> }

/**
 * Lays out text made of a face's plain characters from their numbers: each character its glyph and
 * advance, the advance changed by the kerning of the pair it starts, as fontkit's shaping gives for
 * them (run-table-build.ts checks this at build time, letter-run-table.test.ts against fontkit).
 */
export class PlainLayout {
  private constructor(
    private readonly font: Font,
    private readonly glyphs: ReadonlyMap<number, { readonly id: number; readonly advance: number }>,
    private readonly kerning: ReadonlyMap<number, number>,
  ) {}

  /** The layout of `plain` in `font`; null when the numbers are not of plain characters of this font. */
  static of(font: Font, plain: PlainCharacters): PlainLayout | null {
    const { characters, kerning: kerned } = plain
    if (characters.length % 3 !== 0 || kerned.length % 3 !== 0 || characters.length > MAX_PLAIN_CHARACTERS * 3 || kerned.length > MAX_KERNED_PAIRS * 3) return null
    const glyphs = new Map<number, { id: number; advance: number }>()
    for (let at = 0; at < characters.length; at += 3) {
      const [codePoint, id, advance] = [characters[at]!, characters[at + 1]!, characters[at + 2]!]
      // Characters of the Basic Multilingual Plane other than surrogates, each once, with a glyph of the font.
      if (codePoint < 0x20 || codePoint > 0xffff || (codePoint >= 0xd800 && codePoint <= 0xdfff) || glyphs.has(codePoint)) return null
      if (id < 0 || id >= font.numGlyphs || advance < 0) return null
      glyphs.set(codePoint, { id, advance })
    }
    const kerning = new Map<number, number>()
    for (let at = 0; at < kerned.length; at += 3) {
      const [first, second, adjustment] = [kerned[at]!, kerned[at + 1]!, kerned[at + 2]!]
      if (!glyphs.has(first) || !glyphs.has(second)) return null
      kerning.set(first * 0x10000 + second, adjustment)
    }
    return new PlainLayout(font, glyphs, kerning)
  }

  /** The glyphs and positions of `text`, or null when it holds anything but plain characters. */
  layout(text: string): { glyphs: Glyph[]; positions: GlyphPosition[] } | null {
    if (text.length === 0 || text.length > MAX_GLYPHS) return null
    const found: Array<{ readonly id: number; readonly advance: number }> = []
    for (let index = 0; index < text.length; index += 1) {
      const glyph = this.glyphs.get(text.charCodeAt(index))
      if (!glyph) return null
      found.push(glyph)
    }
    const positions: GlyphPosition[] = found.map((glyph, index) => ({
      xAdvance: glyph.advance + (index + 1 < text.length ? (this.kerning.get(text.charCodeAt(index) * 0x10000 + text.charCodeAt(index + 1)) ?? 0) : 0),
      yAdvance: 0,
      xOffset: 0,
      yOffset: 0,
    }))
    // The glyphs as fontkit's layout makes them: by id, with the character they stand for.
    return { glyphs: found.map((glyph, index) => this.font.getGlyph(glyph.id, [text.charCodeAt(index)])), positions }
  }
}

/** The table as JSON gave it, checked; null when it is not one (for `lang`). */
export function readRunTable(raw: unknown, lang: string): RunTable | null {
  const parsed = runTableSchema.safeParse(raw)
  return parsed.success && parsed.data.lang === lang ? parsed.data : null
}
