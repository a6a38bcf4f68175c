/**
 * Interns strings read straight out of a longer text (`text[start, end)`), so building the index
 * does not cut every word of every record into a new string only to look it up: open addressing
 * on an Int32Array, FNV-1a hashes, a new string only for a word not seen before.
 */
export class StringTable {
  /** The interned strings; a string's id is its position here. */
  readonly texts: string[]

  constructor(texts: string[] = []) {
    this.texts = texts
  }
  /** Slot i at [2i, 2i + 1]: id + 1 (0 when empty) and the hash, side by side for one memory read. */
  private table: Int32Array = new Int32Array(2 * 2048)

  /** A table of these strings, each its position as id (they must be distinct). */
  static of(texts: ReadonlyArray<string>): StringTable {
    const table = new StringTable()
    for (const text of texts) table.add(text)
    return table
  }

  /**
   * The table as `slots` shows it (a table's `slots` stored beside its `texts`), without hashing
   * every string again; null when they do not fit together (then use `of`).
   */
  static restore(texts: ReadonlyArray<string>, slots: Int32Array): StringTable | null {
    const size = slots.length >> 1
    if (size < 1024 || (size & (size - 1)) !== 0 || slots.length !== 2 * size || texts.length * 4 > slots.length) return null
    let used = 0
    for (let slot = 0; slot < size; slot += 1) {
      const entry = slots[2 * slot]!
      if (entry < 0 || entry > texts.length) return null
      if (entry !== 0) used += 1
    }
    if (used !== texts.length) return null
    const table = new StringTable(texts.slice())
    table.table = slots
    return table
  }

  /** The open-addressing table: slot i at [2i, 2i + 1] is id + 1 (0 when empty) and the hash. */
  get slots(): Int32Array {
    return this.table
  }

  /** The id of text[start, end), interned if new. */
  idOf(text: string, start: number, end: number): number {
    let hash = 0x811c9dc5
    for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
    hash |= 0
    const { table } = this
    const mask = (table.length >> 1) - 1
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = table[2 * slot]!
      if (entry === 0) return this.insert(slot, hash, copyOf(text, start, end))
      if (table[2 * slot + 1] === hash && sameText(this.texts[entry - 1]!, text, start, end)) return entry - 1
    }
  }

  /** The id of the words of `spans` joined without spaces (a compact key), interned if new. */
  idOfJoined(text: string, spans: { readonly starts: Int32Array; readonly ends: Int32Array; readonly count: number }): number {
    if (spans.count === 1) return this.idOf(text, spans.starts[0]!, spans.ends[0]!)
    let hash = 0x811c9dc5
    let length = 0
    for (let w = 0; w < spans.count; w += 1) {
      length += spans.ends[w]! - spans.starts[w]!
      for (let i = spans.starts[w]!; i < spans.ends[w]!; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
    }
    hash |= 0
    const { table } = this
    const mask = (table.length >> 1) - 1
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = table[2 * slot]!
      if (entry === 0) {
        codes.length = 0
        for (let w = 0; w < spans.count; w += 1) for (let i = spans.starts[w]!; i < spans.ends[w]!; i += 1) codes.push(text.charCodeAt(i))
        return this.insert(slot, hash, fromCodes())
      }
      if (table[2 * slot + 1] === hash && this.texts[entry - 1]!.length === length && sameJoined(this.texts[entry - 1]!, text, spans)) return entry - 1
    }
  }

  /** The id of a string, or -1 when it was never interned. */
  find(text: string): number {
    let hash = 0x811c9dc5
    for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
    hash |= 0
    const { table } = this
    const mask = (table.length >> 1) - 1
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = table[2 * slot]!
      if (entry === 0) return -1
      if (table[2 * slot + 1] === hash && this.texts[entry - 1] === text) return entry - 1
    }
  }

  /** Interns a string as it is (no copy: it is already a string of its own). */
  private add(text: string): void {
    let hash = 0x811c9dc5
    for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
    hash |= 0
    const mask = (this.table.length >> 1) - 1
    let slot = hash & mask
    while (this.table[2 * slot] !== 0) slot = (slot + 1) & mask
    this.insert(slot, hash, text)
  }

  private insert(slot: number, hash: number, text: string): number {
    this.texts.push(text)
    this.table[2 * slot] = this.texts.length
    this.table[2 * slot + 1] = hash
    // At most half full, so probes stay short.
    if (this.texts.length * 4 > this.table.length) this.grow()
    return this.texts.length - 1
  }

  private grow(): void {
    const old = this.table
    const table = new Int32Array(old.length * 2)
    const mask = (table.length >> 1) - 1
    for (let from = 0; from < old.length; from += 2) {
      if (old[from] === 0) continue
      let slot = old[from + 1]! & mask
      while (table[2 * slot] !== 0) slot = (slot + 1) & mask
      table[2 * slot] = old[from]!
      table[2 * slot + 1] = old[from + 1]!
    }
    this.table = table
  }
}

const codes: number[] = []

/**
 * A fresh flat string with the characters of text[start, end). A plain `slice` (or `+`) of a long
 * text makes a view that keeps the whole text alive (a sliced or cons string); the index keeps
 * its words for good, so it copies them.
 */
function copyOf(text: string, start: number, end: number): string {
  codes.length = 0
  for (let i = start; i < end; i += 1) codes.push(text.charCodeAt(i))
  return fromCodes()
}

function fromCodes(): string {
  let out = ''
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192))
  return out
}

function sameJoined(known: string, text: string, spans: { readonly starts: Int32Array; readonly ends: Int32Array; readonly count: number }): boolean {
  let at = 0
  for (let w = 0; w < spans.count; w += 1) {
    for (let i = spans.starts[w]!; i < spans.ends[w]!; i += 1) if (known.charCodeAt(at++) !== text.charCodeAt(i)) return false
  }
  return true
}

function sameText(known: string, text: string, start: number, end: number): boolean {
  if (known.length !== end - start) return false
  for (let i = 0; i < known.length; i += 1) if (known.charCodeAt(i) !== text.charCodeAt(start + i)) return false
  return true
}
