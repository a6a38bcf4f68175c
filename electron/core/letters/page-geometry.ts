/**
 * Where things go on the first page of a letter and on the pages after it, for the two papers
 * Rightful prints on. Both layouts share one renderer (pdf-letter.ts); everything that differs
 * between them is here. All values are in PDF points (1/72 in) from the top-left corner.
 */

export type Paper = 'a4' | 'letter'

export type PageGeometry = {
  readonly paper: Paper
  /** Page width and height. */
  readonly size: readonly [number, number]
  /** The text column: left edge and right edge. */
  readonly left: number
  readonly right: number
  /** Where running text starts on continuation pages. */
  readonly continuationTop: number
  /** Running text ends above this line on every page. */
  readonly bottom: number
  /** Baseline of the page numbers (and of the reference on continuation pages). */
  readonly footerBaseline: number
  /** The sender's name, address and e-mail at the top of page 1. */
  readonly letterhead: {
    readonly align: 'left' | 'right'
    readonly top: number
    readonly bottom: number
    readonly maxWidth: number
  }
  /**
   * The sender's return address on one small underlined line just above the recipient, inside the
   * envelope window; null where the window has no room for it.
   */
  readonly returnLine: { readonly baseline: number } | null
  /** The zone of the recipient's address, wholly inside the envelope window. */
  readonly recipient: { readonly left: number; readonly top: number; readonly bottom: number; readonly width: number }
  /** Reference, date and e-mail, beside the address. */
  readonly info: { readonly left: number; readonly top: number; readonly width: number }
  /** Top of the subject line. */
  readonly subjectTop: number
  /** Short marks at the left edge of page 1 (fold marks, punch-hole mark). */
  readonly marks: { readonly left: number; readonly at: ReadonlyArray<{ readonly y: number; readonly length: number }> }
}

/** Points per millimetre and per inch. */
export const MM = 72 / 25.4
export const IN = 72

/**
 * A4 portrait, DIN 5008 form B, for a DL (or C6/5) envelope with the window on the left: the
 * address field is 85 × 45 mm, 20 mm from the left and 45 mm from the top, with a 17.7 mm remark
 * zone at its top holding the return line; folds at 105 and 210 mm, punch-hole mark at 148.5 mm.
 */
export const A4_DIN_5008: PageGeometry = {
  paper: 'a4',
  // 210 × 297 mm, rounded as pdfkit's 'A4' and most PDF tools have it
  size: [595.28, 841.89],
  left: 25 * MM,
  right: 190 * MM,
  continuationTop: 20 * MM,
  bottom: 272 * MM,
  footerBaseline: 284 * MM,
  letterhead: { align: 'right', top: 15 * MM, bottom: 41 * MM, maxWidth: 80 * MM },
  returnLine: { baseline: (45 + 17.7 - 3) * MM },
  // Text in the field starts 5 mm in, in line with the letter's left margin, and keeps 1 mm
  // from the field's right and bottom edges.
  recipient: { left: 25 * MM, top: (45 + 17.7) * MM, bottom: 89 * MM, width: 79 * MM },
  info: { left: 125 * MM, top: 50 * MM, width: 65 * MM },
  subjectTop: 98.5 * MM,
  marks: {
    left: 4 * MM,
    at: [
      { y: 105 * MM, length: 5 * MM },
      { y: 148.5 * MM, length: 7 * MM },
      { y: 210 * MM, length: 5 * MM },
    ],
  },
}

/**
 * US Letter portrait (8.5 × 11 in), folded in three for a #10 window envelope.
 *
 * The envelope is 9.5 × 4.125 in; its window is 4.5 × 1.125 in, its left edge 7/8 in from the
 * envelope's left and its bottom edge 1/2 in from the envelope's bottom, so 2.5 to 3.625 in below
 * the envelope's top edge. Folded in thirds (folds at 11/3 and 22/3 in, marked on the page), the
 * letter is 8.5 × 3.667 in with its top third facing the window, and has 1 in of play sideways
 * and 0.458 in up and down. Sorting machines read letters standing on their bottom edge, where
 * the folded sheet rests on its lower fold: the window then shows the sheet from
 * 3.667 − 1.625 = 2.042 in to 3.667 − 0.5 = 3.167 in below its top edge (147 to 228 pt).
 * Sideways the window shows 0.875 to 5.375 in of the sheet when the letter sits against the
 * envelope's left edge and −0.125 to 4.375 in against its right edge: 0.875 to 4.375 in
 * (63 to 315 pt) is seen wherever it sits.
 *
 * The recipient's address therefore takes 1 to 4.25 in across (1/8 in from either side of that
 * band, in line with the 1 in margin) and 2.125 to 3.0 in down (1/12 in below the window's top,
 * 1/6 in above its bottom): five lines at 10 pt, smaller when there are more. If the sheet rides
 * up to the top of the envelope the window moves down to 2.5–3.625 in and the first lines hide
 * behind its top edge; nothing else on the page is ever seen through the window, in any position
 * (the subject starts below 3.625 in, the reference block right of 5.375 in).
 *
 * There is no return line in the window: an address is 4 to 6 lines and the 1.125 in window
 * leaves no room above them, and a second address in the window gets in the way of the machines
 * that read the delivery address. The sender's address goes where US letters have it, at the top
 * left as a letterhead (behind the envelope's front; the return address belongs on the
 * envelope's upper left corner).
 */
export const US_LETTER_10: PageGeometry = {
  paper: 'letter',
  size: [8.5 * IN, 11 * IN],
  left: 1 * IN,
  right: 7.5 * IN,
  continuationTop: 0.75 * IN,
  bottom: 10 * IN,
  footerBaseline: 10.5 * IN,
  letterhead: { align: 'left', top: 0.5 * IN, bottom: 1.75 * IN, maxWidth: 4 * IN },
  returnLine: null,
  recipient: { left: 1 * IN, top: 2.125 * IN, bottom: 3 * IN, width: 3.25 * IN },
  info: { left: 5.5 * IN, top: 2.125 * IN, width: 2 * IN },
  subjectTop: 3.75 * IN,
  marks: {
    left: 0.25 * IN,
    at: [
      { y: (11 / 3) * IN, length: 0.2 * IN },
      { y: (22 / 3) * IN, length: 0.2 * IN },
    ],
  },
}

export function pageGeometry(paper: Paper): PageGeometry {
  return paper === 'letter' ? US_LETTER_10 : A4_DIN_5008
}
