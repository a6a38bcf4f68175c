/**
 * Reads the From and Date headers of every message in an mbox file, or of one .eml file, as the
 * bytes stream past: one pass, linear in the input, memory bounded by the longest line it keeps
 * (`maxLineBytes`) whatever the file's size. Message bodies are never decoded or kept; only the
 * header block of each message is looked at, and of it only From and Date.
 *
 * mbox: a message begins with a line "From " at the start of the file or after an empty line
 * (mboxo, mboxrd and mboxcl all do this); its headers run to the first empty line.
 */

/** A line longer than this is cut: what comes after is skipped, not kept. */
export const maxLineBytes = 8 * 1024
/** A header (with its folded continuation lines) longer than this is cut. */
export const maxHeaderChars = 2000

/** What discovery keeps of one message. */
export type MessageHeaders = {
  /** The From header's value, unfolded; null when the message has none. */
  readonly from: string | null
  /** The Date header's value; null when the message has none. */
  readonly date: string | null
  /** The date on the mbox "From " line (the delivery time), or null. */
  readonly envelopeDate: string | null
}

const LF = 0x0a
const CR = 0x0d
const fromLine = Buffer.from('From ', 'latin1')

type Current = { from: string | null; date: string | null; envelopeDate: string | null; field: 'from' | 'date' | null }

/**
 * A push parser: feed it chunks in order, then `end()`. `onMessage` hears each message's headers
 * once its header block is over (or at the end of the input). `mode: 'eml'` reads one message
 * that starts at once with its headers; `done` turns true when its header block is over, and the
 * caller may stop reading.
 */
export function createHeaderScanner(mode: 'mbox' | 'eml', onMessage: (headers: MessageHeaders) => void) {
  let carry: Buffer[] = []
  let carryBytes = 0
  let overlong = false
  /** True at the start of the input and after an empty line: a "From " line begins a message there. */
  let boundary = true
  let inHeaders = mode === 'eml'
  let current: Current | null = mode === 'eml' ? { from: null, date: null, envelopeDate: null, field: null } : null
  let done = false

  const finish = () => {
    if (current) onMessage({ from: current.from, date: current.date, envelopeDate: current.envelopeDate })
    current = null
  }

  const appendTo = (field: 'from' | 'date', text: string) => {
    if (!current) return
    const before = current[field] ?? ''
    if (before.length >= maxHeaderChars) return
    current[field] = (before + text).slice(0, maxHeaderChars)
  }

  const headerLine = (line: Buffer) => {
    if (!current) return
    const first = line[0]
    if (first === 0x20 || first === 0x09) {
      // A folded continuation of the header before.
      if (current.field) appendTo(current.field, ` ${line.toString('utf8').trim()}`)
      return
    }
    const colon = line.indexOf(0x3a)
    current.field = null
    if (colon !== 4) return // "From" and "Date" are both four letters long
    const name = line.toString('latin1', 0, 4).toLowerCase()
    if (name !== 'from' && name !== 'date') return
    // The first occurrence counts; a second From or Date header is ignored.
    if (current[name] !== null) return
    current.field = name
    current[name] = line.toString('utf8', 5).trim().slice(0, maxHeaderChars)
  }

  const line = (raw: Buffer) => {
    const text = raw.length > 0 && raw[raw.length - 1] === CR ? raw.subarray(0, raw.length - 1) : raw
    if (mode === 'mbox' && boundary && text.length >= 5 && text.subarray(0, 5).equals(fromLine)) {
      finish()
      current = { from: null, date: null, envelopeDate: envelopeDateOf(text.toString('latin1', 5, Math.min(text.length, 300))), field: null }
      inHeaders = true
      boundary = false
      return
    }
    boundary = text.length === 0
    if (!inHeaders) return
    if (text.length === 0) {
      inHeaders = false
      if (mode === 'eml') {
        finish()
        done = true
      }
      return
    }
    headerLine(text)
  }

  const takeCarry = (tail: Buffer): Buffer => {
    if (carry.length === 0) return tail
    const room = Math.max(0, maxLineBytes - carryBytes)
    const whole = Buffer.concat([...carry, tail.subarray(0, room)])
    carry = []
    carryBytes = 0
    return whole
  }

  return {
    get done() {
      return done
    },
    push(chunk: Buffer) {
      let pos = 0
      while (!done && pos < chunk.length) {
        const nl = chunk.indexOf(LF, pos)
        if (nl < 0) {
          // The rest of a line that goes on in the next chunk: kept up to the cap, skipped after.
          if (!overlong) {
            const room = maxLineBytes - carryBytes
            const piece = chunk.subarray(pos, pos + room)
            if (piece.length > 0) {
              carry.push(Buffer.from(piece))
              carryBytes += piece.length
            }
            if (chunk.length - pos > room) overlong = true
          }
          return
        }
        const piece = chunk.subarray(pos, Math.min(nl, pos + maxLineBytes))
        const whole = overlong ? takeCarry(Buffer.alloc(0)) : takeCarry(piece)
        overlong = false
        line(whole)
        pos = nl + 1
      }
    },
    end() {
      if (!done && (carry.length > 0 || overlong)) {
        line(takeCarry(Buffer.alloc(0)))
        overlong = false
      }
      if (!done) finish()
      done = true
    },
  }
}

/** "sender@example.org Tue Jul  1 10:52:37 2003" → the date part, or null. */
function envelopeDateOf(rest: string): string | null {
  const space = rest.indexOf(' ')
  if (space < 0) return null
  const date = rest.slice(space + 1).trim()
  return date.length > 0 ? date : null
}

/**
 * The sender's domain from a From header's value, lower case: the address in angle brackets
 * ("Spotify <no-reply@mail.spotify.com>"), else the first word with an @ ("a@b.com (A)").
 * Null when no plausible domain is there.
 */
export function senderDomain(from: string): string | null {
  let address: string | null = null
  const open = from.lastIndexOf('<')
  if (open >= 0) {
    const close = from.indexOf('>', open)
    address = from.slice(open + 1, close < 0 ? undefined : close)
  } else {
    for (const word of from.split(/[\s,;]/)) {
      if (word.includes('@')) {
        address = word
        break
      }
    }
  }
  if (!address) return null
  const at = address.lastIndexOf('@')
  if (at < 1) return null
  return plausibleDomain(address.slice(at + 1))
}

/** A host name of letters, digits and hyphens in two or more labels, lower case; else null. */
export function plausibleDomain(text: string): string | null {
  let domain = text.trim().toLowerCase()
  while (domain.length > 0 && '.)]>"\''.includes(domain[domain.length - 1]!)) domain = domain.slice(0, -1)
  if (domain.length < 3 || domain.length > 253) return null
  let labels = 1
  let labelLength = 0
  for (let i = 0; i < domain.length; i += 1) {
    const c = domain.charCodeAt(i)
    if (c === 0x2e) {
      if (labelLength === 0) return null
      labels += 1
      labelLength = 0
      continue
    }
    const ok = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d
    if (!ok) return null
    labelLength += 1
    if (labelLength > 63) return null
  }
  return labels >= 2 && labelLength > 0 ? domain : null
}

/** The day (YYYY-MM-DD, UTC) of a Date header or an mbox "From " line's date; null when it does not read. */
export function dayOf(value: string | null): string | null {
  if (!value) return null
  const time = Date.parse(value.slice(0, 200))
  if (!Number.isFinite(time)) return null
  const date = new Date(time)
  const year = date.getUTCFullYear()
  if (year < 1971 || year > 2200) return null
  return date.toISOString().slice(0, 10)
}
