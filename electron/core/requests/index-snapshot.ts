/**
 * The requests index's snapshot on disk (requests/index.json), and the packed summaries its
 * journal lines hold.
 *
 * Version 6 stores the summaries in columns: one array per field with one value per request, the
 * strings that repeat (company names, laws, dates) written once in a table and referred to by
 * number, and each distinct set of facts written once. Opening 100,000 requests then parses a few
 * long arrays of small numbers instead of 100,000 objects with their keys: about a quarter of the
 * bytes, far fewer objects to build and collect. Version 5 (one packed object per request) and 4
 * (summaries whole) are still read; the repository writes the next snapshot as version 6.
 *
 * The snapshot is a cache of what the request files say: a row that does not decode is left out,
 * and the repository reads that request's file instead.
 */
import type { RequestFacts } from './events'
import { referencePattern, type RequestSummary } from './model'

/** The version of the snapshot `encodeSnapshot` writes. */
export const snapshotVersion = 6
/** The newest version an older Rightful (before version 6) reads and writes. */
export const olderSnapshotVersion = 5
/** Snapshot versions `decodeSnapshot` reads. */
const readableVersions = new Set([4, olderSnapshotVersion, snapshotVersion])

/** A cached summary, valid while its file keeps the same modification time and size. */
export type IndexEntry = { readonly summary: RequestSummary; readonly mtimeMs: number; readonly size: number }

/** What a summary has when nothing happened yet: packed summaries leave these out and reading fills them in. */
const summaryDefaults = {
  jurisdiction: null,
  sentOn: null,
  channel: null,
  senderCountry: null,
  followUpOf: null,
} as const
const factsDefaults = {
  sent: null,
  deliveredOn: null,
  identity: [],
  clarifications: [],
  extension: null,
  acknowledgedOn: null,
  partlyFulfilledOn: null,
  lastReplyOn: null,
  reminderOn: null,
  undeliverableOn: null,
  closed: null,
} as const

const isDefault = (value: unknown) => value === null || (Array.isArray(value) && value.length === 0)

/** Facts without their defaults. */
function packFacts(facts: RequestFacts): Record<string, unknown> {
  const packed = Object.create(null) as Record<string, unknown>
  for (const [key, value] of Object.entries(facts)) {
    if (Object.hasOwn(factsDefaults, key) && isDefault(value)) continue
    packed[key] = value
  }
  return packed
}

/** The facts `packFacts` packed, field by field (every field named, one object shape). */
function unpackFacts(packed: unknown): RequestFacts {
  const f = (typeof packed === 'object' && packed !== null ? packed : {}) as Partial<Record<keyof RequestFacts, unknown>>
  return {
    sent: f.sent ?? null,
    deliveredOn: f.deliveredOn ?? null,
    identity: f.identity ?? [],
    clarifications: f.clarifications ?? [],
    extension: f.extension ?? null,
    acknowledgedOn: f.acknowledgedOn ?? null,
    partlyFulfilledOn: f.partlyFulfilledOn ?? null,
    lastReplyOn: f.lastReplyOn ?? null,
    reminderOn: f.reminderOn ?? null,
    undeliverableOn: f.undeliverableOn ?? null,
    closed: f.closed ?? null,
  } satisfies Record<keyof RequestFacts, unknown> as RequestFacts
}

/** A summary without its defaults and its reference (the index's key): about half the bytes. */
export function packSummary(summary: RequestSummary): Record<string, unknown> {
  const packed = Object.create(null) as Record<string, unknown>
  for (const [key, value] of Object.entries(summary)) {
    if (key === 'reference' || key === 'facts') continue
    if (Object.hasOwn(summaryDefaults, key) && isDefault(value)) continue
    packed[key] = value
  }
  packed.facts = packFacts(summary.facts)
  return packed
}

/**
 * The summary of `reference` that `packSummary` packed. Written out field by field (every field of
 * RequestSummary must be named, or this does not compile): one object shape, no spreading, as
 * an open of a version 5 snapshot calls this once per request.
 */
export function unpackSummary(reference: string, packed: Readonly<Record<string, unknown>>): RequestSummary {
  const p = packed as Partial<Record<keyof RequestSummary, unknown>>
  return {
    reference,
    companyId: p.companyId,
    companyName: p.companyName,
    jurisdiction: p.jurisdiction ?? null,
    type: p.type,
    law: p.law,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    sentOn: p.sentOn ?? null,
    channel: p.channel ?? null,
    senderCountry: p.senderCountry ?? null,
    followUpOf: p.followUpOf ?? null,
    facts: unpackFacts(p.facts),
  } satisfies Record<keyof RequestSummary, unknown> as RequestSummary
}

/** Whether `value` is an entry of `reference` as the index keeps it. */
export function isIndexEntry(value: unknown, reference: string): value is IndexEntry {
  const entry = value as IndexEntry | null
  return (
    typeof entry === 'object' &&
    entry !== null &&
    entry.summary?.reference === reference &&
    typeof entry.mtimeMs === 'number' &&
    typeof entry.size === 'number'
  )
}

/** An entry as a journal line (or a version 5 snapshot) stores it: its summary packed. */
export function storedEntry(entry: IndexEntry): { summary: Record<string, unknown>; mtimeMs: number; size: number } {
  return { summary: packSummary(entry.summary), mtimeMs: entry.mtimeMs, size: entry.size }
}

/** A stored entry of `reference` (packed, or whole as version 4 kept it), or null when it is not one. */
export function entryOf(value: unknown, reference: string, packed: boolean): IndexEntry | null {
  const kept = value as { summary?: unknown; mtimeMs?: unknown; size?: unknown } | null
  if (typeof kept !== 'object' || kept === null || typeof kept.summary !== 'object' || kept.summary === null) return null
  const entry = packed ? { summary: unpackSummary(reference, kept.summary as Record<string, unknown>), mtimeMs: kept.mtimeMs, size: kept.size } : kept
  return isIndexEntry(entry, reference) ? entry : null
}

/** The string columns of version 6, each a number into the strings table; the nullable ones use -1 for null. */
const requiredColumns = ['companyId', 'companyName', 'type', 'law', 'createdAt', 'updatedAt'] as const
const nullableColumns = ['jurisdiction', 'sentOn', 'channel', 'senderCountry', 'followUpOf'] as const

/** Version 6 as written: the columns, each with one value per request of `references`. */
type Columns = Record<(typeof requiredColumns)[number] | (typeof nullableColumns)[number] | 'facts' | 'mtimeMs' | 'size', number[]>

/** The snapshot text of `entries` (version 6), for `generation`. */
export function encodeSnapshot(generation: string, entries: Iterable<readonly [string, IndexEntry]>): string {
  const strings: string[] = []
  const stringNumbers = new Map<string, number>()
  const numberOf = (value: string | null): number => {
    if (value === null) return -1
    let number = stringNumbers.get(value)
    if (number === undefined) {
      number = strings.length
      strings.push(value)
      stringNumbers.set(value, number)
    }
    return number
  }
  const facts: Array<Record<string, unknown>> = []
  const factsNumbers = new Map<string, number>()
  const references: string[] = []
  const columns = Object.create(null) as Columns
  for (const name of [...requiredColumns, ...nullableColumns, 'facts', 'mtimeMs', 'size'] as const) columns[name] = []
  for (const [reference, { summary, mtimeMs, size }] of entries) {
    references.push(reference)
    for (const name of requiredColumns) columns[name].push(numberOf(summary[name]))
    for (const name of nullableColumns) columns[name].push(numberOf(summary[name]))
    const packed = packFacts(summary.facts)
    const text = JSON.stringify(packed)
    let number = factsNumbers.get(text)
    if (number === undefined) {
      number = facts.length
      facts.push(packed)
      factsNumbers.set(text, number)
    }
    columns.facts.push(number)
    columns.mtimeMs.push(mtimeMs)
    columns.size.push(size)
  }
  return JSON.stringify({ version: snapshotVersion, generation, strings, facts, references, columns })
}

/**
 * The snapshot text of `entries` in version 5 (one packed object per request), the newest version
 * an older Rightful reads: written beside version 6 while one shares the data folder (repository.ts).
 */
export function encodeOlderSnapshot(generation: string, entries: Iterable<readonly [string, IndexEntry]>): string {
  // Keys are references (checked by referencePattern where they are read), in an object without a prototype.
  const kept = Object.create(null) as Record<string, unknown>
  for (const [reference, entry] of entries) kept[reference] = storedEntry(entry)
  return JSON.stringify({ version: olderSnapshotVersion, generation, entries: kept })
}

/** What `decodeSnapshot` read: its entries in file order, the version it was written in and its generation. */
export type DecodedSnapshot = {
  readonly version: number
  readonly generation: string
  readonly entries: ReadonlyArray<readonly [string, IndexEntry]>
}

/** A column of `count` numbers, or null. */
const numbersOf = (value: unknown, count: number): ReadonlyArray<unknown> | null => (Array.isArray(value) && value.length === count ? value : null)

/** Version 6: the entries of its rows that decode (a row that does not is left out). */
function decodeColumns(value: { strings?: unknown; facts?: unknown; references?: unknown; columns?: unknown }): Array<readonly [string, IndexEntry]> | null {
  const { strings, references } = value
  const stored = value.columns as Partial<Record<keyof Columns, unknown>> | null | undefined
  if (!Array.isArray(strings) || !Array.isArray(references) || !Array.isArray(value.facts) || typeof stored !== 'object' || stored === null) return null
  const count = references.length
  const columns = Object.create(null) as Record<keyof Columns, ReadonlyArray<unknown>>
  for (const name of [...requiredColumns, ...nullableColumns, 'facts', 'mtimeMs', 'size'] as const) {
    const column = numbersOf(stored[name], count)
    if (!column) return null
    columns[name] = column
  }
  // Each distinct set of facts is built once and shared by the summaries that have it (summaries are read-only).
  const facts = value.facts.map((packed) => (typeof packed === 'object' && packed !== null && !Array.isArray(packed) ? unpackFacts(packed) : null))
  const table = strings as ReadonlyArray<unknown>
  const { companyId, companyName, type, law, createdAt, updatedAt, jurisdiction, sentOn, channel, senderCountry, followUpOf } = columns
  /** The string a column's row points to: undefined when it points outside the table (or to a non-string). */
  const text = (column: ReadonlyArray<unknown>, row: number): string | undefined => {
    const found = table[column[row] as number]
    return typeof found === 'string' ? found : undefined
  }
  /** As `text`, with -1 for null. */
  const optional = (column: ReadonlyArray<unknown>, row: number): string | null | undefined => (column[row] === -1 ? null : text(column, row))
  const entries: Array<readonly [string, IndexEntry]> = []
  // One loop, every field read by name into one object shape: 100,000 rows cost a few milliseconds.
  for (let row = 0; row < count; row += 1) {
    const reference = references[row] as unknown
    const mtimeMs = columns.mtimeMs[row]
    const size = columns.size[row]
    const factsNumber = columns.facts[row]
    const rowFacts = typeof factsNumber === 'number' ? facts[factsNumber] : undefined
    if (typeof reference !== 'string' || typeof mtimeMs !== 'number' || typeof size !== 'number' || !rowFacts || !referencePattern.test(reference)) continue
    const summary = {
      reference,
      companyId: text(companyId, row),
      companyName: text(companyName, row),
      jurisdiction: optional(jurisdiction, row),
      type: text(type, row),
      law: text(law, row),
      createdAt: text(createdAt, row),
      updatedAt: text(updatedAt, row),
      sentOn: optional(sentOn, row),
      channel: optional(channel, row),
      senderCountry: optional(senderCountry, row),
      followUpOf: optional(followUpOf, row),
      facts: rowFacts,
    } satisfies Record<keyof RequestSummary, unknown>
    // A number outside the strings table gives undefined: the row is left out.
    if (
      summary.companyId === undefined ||
      summary.companyName === undefined ||
      summary.type === undefined ||
      summary.law === undefined ||
      summary.createdAt === undefined ||
      summary.updatedAt === undefined ||
      summary.jurisdiction === undefined ||
      summary.sentOn === undefined ||
      summary.channel === undefined ||
      summary.senderCountry === undefined ||
      summary.followUpOf === undefined
    ) {
      continue
    }
    entries.push([reference, { summary: summary as RequestSummary, mtimeMs, size }])
  }
  return entries
}

/**
 * Reads a snapshot's parsed JSON (version 4, 5 or 6). Null when it is not one (another version,
 * no generation, damaged columns): then the files rebuild the index.
 */
export function decodeSnapshot(value: unknown): DecodedSnapshot | null {
  const snapshot = value as { version?: unknown; generation?: unknown; entries?: unknown } | null
  if (typeof snapshot !== 'object' || snapshot === null) return null
  const { version, generation } = snapshot
  if (typeof version !== 'number' || !readableVersions.has(version) || typeof generation !== 'string') return null
  if (version === snapshotVersion) {
    const entries = decodeColumns(snapshot as Parameters<typeof decodeColumns>[0])
    return entries ? { version, generation, entries } : null
  }
  if (typeof snapshot.entries !== 'object' || snapshot.entries === null) return null
  const entries: Array<readonly [string, IndexEntry]> = []
  for (const [reference, kept] of Object.entries(snapshot.entries as Record<string, unknown>)) {
    const entry = referencePattern.test(reference) ? entryOf(kept, reference, version === 5) : null
    if (entry) entries.push([reference, entry])
  }
  return { version, generation, entries }
}
