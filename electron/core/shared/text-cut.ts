/**
 * Cutting outside text to a stated size without breaking a character: a cut never splits a
 * surrogate pair (an emoji, a rare CJK character) or a character from its combining marks, and
 * file names are measured in UTF-8 bytes, as file systems count them (255 on ext4, APFS, NTFS).
 */

/** The longest file name, in bytes of UTF-8, that the common file systems take. */
export const maxFileNameBytes = 255

/** Made on first use: building a segmenter costs milliseconds, which every command would pay at start. */
let segmenter: Intl.Segmenter | null = null
const graphemes = (text: string) => (segmenter ??= new Intl.Segmenter('und', { granularity: 'grapheme' })).segment(text)

/** The number of bytes `text` takes in UTF-8. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/**
 * The longest start of `text` whose size, as measured by `size`, is at most `max`; whole
 * characters (grapheme clusters) only. Linear in the length of the result.
 */
function cutBy(text: string, max: number, size: (part: string) => number): string {
  if (size(text) <= max) return text
  let kept = ''
  let used = 0
  for (const { segment } of graphemes(text)) {
    const cost = size(segment)
    if (used + cost > max) {
      // One giant cluster (a letter under thousands of combining marks): whole code points then.
      if (kept === '') {
        for (const point of segment) {
          const step = size(point)
          if (used + step > max) break
          kept += point
          used += step
        }
      }
      break
    }
    kept += segment
    used += cost
  }
  return kept
}

/** At most `maxUnits` UTF-16 code units of `text` (what a JavaScript string's length counts). */
export function cutText(text: string, maxUnits: number): string {
  if (text.length <= maxUnits) return text
  // A grapheme is never longer than the whole text; segmenting a bounded prefix keeps this linear.
  return cutBy(text.slice(0, maxUnits + 16), maxUnits, (part) => part.length)
}

/** At most `maxBytes` bytes of `text` in UTF-8. */
export function cutUtf8(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text
  return cutBy(text.slice(0, maxBytes + 16), maxBytes, utf8Length)
}

/**
 * A file name cut to `maxBytes` bytes of UTF-8, keeping its extension (".pdf") when the extension
 * is short: "Datenauskunft … sehr lang….pdf". Names that fit are returned as they are.
 */
export function cutFileName(name: string, maxBytes: number = maxFileNameBytes): string {
  if (utf8Length(name) <= maxBytes) return name
  const dot = name.lastIndexOf('.')
  const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : ''
  const extBytes = utf8Length(ext)
  const ellipsis = '…'
  const room = maxBytes - extBytes - utf8Length(ellipsis)
  if (ext && room >= 1) return `${cutUtf8(name.slice(0, dot), room)}${ellipsis}${ext}`
  return cutUtf8(name, maxBytes)
}
