/**
 * The little of fontkit 2 (which ships no types) that the letter renderer uses: parse a font file
 * once, ask which characters it covers, and lay out text. pdfkit takes the parsed object as it is.
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

  export interface Font {
    readonly postscriptName: string
    readonly unitsPerEm: number
    hasGlyphForCodePoint(codePoint: number): boolean
    /** pdfkit recognises a parsed font by this method. */
    layout(text: string, features?: unknown): GlyphRun
  }

  /** A single font for a .ttf or .otf file; collections (.ttc, .dfont) are not used here. */
  export function create(data: Uint8Array, postscriptName?: string): Font
}
