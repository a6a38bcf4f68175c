/**
 * The little of fontkit 2 (which ships no types) that the letter renderer uses: parse a font file
 * once, ask which characters it covers, lay out text, and read which glyphs GDEF calls marks. pdfkit
 * takes the parsed object as it is.
 */
declare module 'fontkit' {
  export interface Glyph {
    readonly id: number
    readonly advanceWidth: number
    readonly codePoints: ReadonlyArray<number>
  }

  /** Where a glyph goes, in font units. */
  export interface GlyphPosition {
    xAdvance: number
    yAdvance: number
    xOffset: number
    yOffset: number
  }

  /** Laid-out text: glyphs after substitution, with their positions after kerning. */
  export interface GlyphRun {
    readonly glyphs: Glyph[]
    readonly positions: GlyphPosition[]
    readonly advanceWidth: number
  }

  /** A class definition of an OpenType table (GDEF's glyph classes), as fontkit decodes it. */
  export type ClassDefinition =
    | { readonly version: 1; readonly startGlyph: number; readonly classValueArray: ReadonlyArray<number> }
    | { readonly version: 2; readonly classRangeRecord: ReadonlyArray<{ readonly start: number; readonly end: number; readonly class: number }> }

  export interface Font {
    readonly postscriptName: string
    /** The GDEF table where the font has one (fontkit decodes a table when it is first read). */
    readonly GDEF?: { readonly glyphClassDef?: ClassDefinition | null } | null
    readonly unitsPerEm: number
    readonly numGlyphs: number
    /** The glyph with this id, made once per font (with the code points it was first asked with). */
    getGlyph(id: number, codePoints?: ReadonlyArray<number>): Glyph
    hasGlyphForCodePoint(codePoint: number): boolean
    /** pdfkit recognises a parsed font by this method. */
    layout(text: string, features?: unknown): GlyphRun
  }

  /** A single font for a .ttf or .otf file; collections (.ttc, .dfont) are not used here. */
  export function create(data: Uint8Array, postscriptName?: string): Font
}
