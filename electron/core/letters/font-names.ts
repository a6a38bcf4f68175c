/**
 * A TrueType font file without the glyph names of its `post` table. Noto Sans lists the names of
 * its 4,503 glyphs there, and fontkit decodes every one of them the first time the table is read,
 * which pdfkit does for one flag (isFixedPitch) when it embeds the font: about 15 ms of a cold
 * letter per face. Nothing that sets a letter reads the names (pdfkit's embedded subset carries no
 * `post` table, and text is found by code point), so the fonts are handed on with the same table
 * as version 3.0: the same numbers, no names. The letters are the same PDF, byte for byte
 * (letter-run-table.test.ts).
 */

/** The table directory's tag of the `post` table. */
const POST = 0x706f7374
/** The length of a version 3.0 `post` table: its header alone. */
const POST_HEADER = 32

/** The sum of the 32-bit words of `bytes` (the table checksum of the OpenType file format). */
function tableChecksum(view: DataView, offset: number, length: number): number {
  let sum = 0
  for (let at = 0; at < length; at += 4) sum = (sum + view.getUint32(offset + at)) >>> 0
  return sum
}

/**
 * `bytes` with a version 2.0 or 2.5 `post` table turned into version 3.0 (a copy; the input is not
 * changed), else `bytes` itself: a file that is not a single TrueType font, has no such table, or
 * whose table directory does not read.
 */
export function withoutGlyphNames(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 12) return bytes
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const flavour = view.getUint32(0)
  // TrueType outlines ("\0\1\0\0" or "true"); not CFF, a collection or a compressed web font.
  if (flavour !== 0x00010000 && flavour !== 0x74727565) return bytes
  const tables = view.getUint16(4)
  if (12 + tables * 16 > bytes.length) return bytes
  for (let index = 0; index < tables; index += 1) {
    const record = 12 + index * 16
    if (view.getUint32(record) !== POST) continue
    const offset = view.getUint32(record + 8)
    const length = view.getUint32(record + 12)
    if (length < POST_HEADER || offset + length > bytes.length || offset % 4 !== 0) return bytes
    const version = view.getUint32(offset)
    if (version !== 0x00020000 && version !== 0x00025000) return bytes
    const copy = new Uint8Array(bytes)
    const edited = new DataView(copy.buffer, copy.byteOffset, copy.byteLength)
    edited.setUint32(offset, 0x00030000)
    edited.setUint32(record + 12, POST_HEADER)
    edited.setUint32(record + 4, tableChecksum(edited, offset, POST_HEADER))
    return copy
  }
  return bytes
}
