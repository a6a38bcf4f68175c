/** HTML character references, decoded the way a browser shows them (no DOM needed). */
import { decodeHTML } from 'entities'

const reference = /&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?/g

/**
 * One reference, by the HTML standard's full table (the `entities` package: all 2,231 named
 * references, numeric ones with the standard's replacements): its text and how many characters of
 * `whole` it covers ("&copyright" is "©" and "right"), or null when it is not one.
 */
function decodeOne(whole: string, body: string): { text: string; covers: number } | null {
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null
  }
  const decoded = decodeHTML(whole)
  if (decoded === whole) return null
  // What the decoder left as written at the end was not part of the reference.
  let kept = 0
  while (kept < whole.length - 1 && kept < decoded.length && whole[whole.length - 1 - kept] === decoded[decoded.length - 1 - kept]) kept += 1
  // A no-break space is a space to a reader (and to the address finder); so are the other wide spaces.
  return { text: decoded.slice(0, decoded.length - kept).replace(/[\u00a0\u2002\u2003\u2009]/g, ' '), covers: whole.length - kept }
}

/** A piece of decoded text and the source range it came from. */
export type DecodedPiece = { readonly text: string; readonly from: number; readonly to: number }

/**
 * Decodes character references in `source[from, to)`, returning pieces so that every character of
 * the result can be traced back to the source (a reference maps to the whole `&…;`).
 */
export function decodeEntities(source: string, from = 0, to = source.length): DecodedPiece[] {
  const pieces: DecodedPiece[] = []
  const slice = source.slice(from, to)
  let last = 0
  reference.lastIndex = 0
  for (let match = reference.exec(slice); match; match = reference.exec(slice)) {
    const decoded = decodeOne(match[0], match[1]!)
    if (decoded === null) continue
    if (match.index > last) pieces.push({ text: slice.slice(last, match.index), from: from + last, to: from + match.index })
    pieces.push({ text: decoded.text, from: from + match.index, to: from + match.index + decoded.covers })
    last = match.index + decoded.covers
    reference.lastIndex = last
  }
  if (last < slice.length) pieces.push({ text: slice.slice(last), from: from + last, to })
  return pieces
}

/** Decodes references in a short string (attribute values); positions are not kept. */
export function decodeEntitiesInString(value: string): string {
  return decodeEntities(value).map((p) => p.text).join('')
}
