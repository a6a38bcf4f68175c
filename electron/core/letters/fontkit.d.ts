/**
 * The little of fontkit 2 (which ships no types) that the letter renderer uses: parse a font file
 * once and ask which characters it covers. pdfkit takes the parsed object as it is.
 */
declare module 'fontkit' {
  export interface Font {
    readonly postscriptName: string
    readonly unitsPerEm: number
    hasGlyphForCodePoint(codePoint: number): boolean
    /** pdfkit recognises a parsed font by this method. */
    layout(text: string): unknown
  }

  /** A single font for a .ttf or .otf file; collections (.ttc, .dfont) are not used here. */
  export function create(data: Uint8Array, postscriptName?: string): Font
}
