/**
 * Outside strings (company ids, names, header values, mailbox names, keys of stored JSON) are never
 * looked up as keys of plain objects: "constructor", "toString" or "__proto__" would find the
 * members every object inherits, and a company named "Constructor" once broke every command.
 * These helpers read only an object's own properties, and turn stored JSON objects into Maps (and
 * back) one entry at a time, so that "__proto__" neither changes a prototype nor disappears, and
 * one bad entry never costs the others.
 */
import type { z } from 'zod'

/** The value stored under `key` as the table's own property; never one every object inherits. */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined
}

/** A JSON object (not null, not an array): what JSON.parse gives for `{…}`. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * An object without a prototype, filled from a Map: safe to index with any string, and written by
 * JSON.stringify like any object (a "__proto__" key stays an ordinary key).
 */
export function dictionaryOf<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const dictionary = Object.create(null) as Record<string, T>
  for (const [key, value] of entries) {
    Object.defineProperty(dictionary, key, { value, enumerable: true, writable: true, configurable: true })
  }
  return dictionary
}

/** One entry of a stored object that could not be used, with the reason in words. */
export type BadEntry = { readonly key: string; readonly reason: string; readonly data: unknown }

/** The issues of a failed parse in a short line: "emails.0.address: Invalid email". */
export function describeIssues(error: z.ZodError, limit = 3): string {
  const shown = error.issues.slice(0, limit).map((i) => `${i.path.join('.') || 'value'}: ${i.message}`)
  const more = error.issues.length > limit ? ` (and ${error.issues.length - limit} more)` : ''
  return `${shown.join('; ')}${more}`
}

/** How the keys and values of a stored object of entries are checked. */
export type KeyedSchemas<T> = {
  readonly key: z.ZodType<string>
  readonly value: z.ZodType<T, unknown>
  /** Whether a parsed value fits its key (e.g. a record's own id is the key); a reason when not. */
  readonly fits?: (key: string, value: T) => string | null
}

/**
 * Reads a stored JSON object of entries (id → record) into a Map, entry by entry: each key must
 * pass `key`, each value `value` (which may also look at the key). Entries that do not are
 * returned in `bad` with the reason, never dropped without a word. A value that is not an object
 * at all counts as one bad entry under `whole`.
 */
export function readKeyedEntries<T>(
  raw: unknown,
  schemas: KeyedSchemas<T>,
  whole = 'the whole list',
): { readonly entries: Map<string, T>; readonly bad: BadEntry[] } {
  const entries = new Map<string, T>()
  const bad: BadEntry[] = []
  if (raw === undefined) return { entries, bad }
  if (!isJsonObject(raw)) {
    bad.push({ key: whole, reason: 'it is not a JSON object', data: raw })
    return { entries, bad }
  }
  for (const key of Object.keys(raw)) {
    const data = raw[key]
    const id = schemas.key.safeParse(key)
    if (!id.success) {
      bad.push({ key, reason: `"${key.slice(0, 80)}" is not a valid id`, data })
      continue
    }
    const parsed = schemas.value.safeParse(data)
    if (!parsed.success) {
      bad.push({ key, reason: describeIssues(parsed.error), data })
      continue
    }
    const misfit = schemas.fits?.(key, parsed.data) ?? null
    if (misfit) {
      bad.push({ key, reason: misfit, data })
      continue
    }
    entries.set(key, parsed.data)
  }
  return { entries, bad }
}

/**
 * Reads a stored JSON array of records item by item: the valid ones in order, the others in `bad`
 * (keyed by their position, "#3") with the reason.
 */
export function readListEntries<T>(raw: unknown, schema: z.ZodType<T, unknown>, whole = 'the whole list'): { readonly items: T[]; readonly bad: BadEntry[] } {
  const items: T[] = []
  const bad: BadEntry[] = []
  if (raw === undefined) return { items, bad }
  if (!Array.isArray(raw)) {
    bad.push({ key: whole, reason: 'it is not a JSON array', data: raw })
    return { items, bad }
  }
  raw.forEach((data, index) => {
    const parsed = schema.safeParse(data)
    if (parsed.success) items.push(parsed.data)
    else bad.push({ key: `#${index + 1}`, reason: describeIssues(parsed.error), data })
  })
  return { items, bad }
}
