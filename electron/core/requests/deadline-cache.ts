/**
 * The dates of the requests' deadlines as the list shows them, saved between runs in the data
 * folder (requests/.deadline-cache.json), so that a command that lists 10,000 requests once and
 * ends does not count 10,000 deadlines again (`rightful requests list`).
 *
 * Each saved deadline is keyed by everything its dates depend on:
 * - the request's own input (deadlineKey: law, type, country, receipt, identity, clarifications,
 *   extension), so a request that changes gets another key and is counted again;
 * - and, for the whole file, its basis: the fingerprint of the deadline rules and holiday tables
 *   (deadlines/rules-fingerprint.ts) and the user's deadline settings. A file of another basis is
 *   stale: nothing of it is used, and the list writes it anew.
 *
 * It is a cache: a file that is missing, damaged, too large or of another version is ignored
 * (and replaced), never trusted in part. It is written whole (a temporary file renamed into place,
 * without fsync: a crash leaves the old file, or one that does not parse, which is ignored). It is
 * a hidden file, so backups leave it out. It holds the deadlines the last list used, no others, so
 * it never grows beyond the requests' count.
 */
import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import type { PlainDate } from '../shared/calendar'
import type { DeadlineSettings } from '../deadlines/settings'
import type { StatusDeadline } from './status'
import { deadlineRulesFingerprint } from '../deadlines/rules-fingerprint'

/** The dates of a deadline that a list item and its status need (a Deadline has them all). */
export type ListDates = StatusDeadline & { readonly extendedDue: PlainDate | null }

/** Saved deadlines, by deadline key. */
export type SavedDeadlines = ReadonlyMap<string, ListDates>

/** Where a list reads and writes its saved deadlines. */
export type DeadlineCache = {
  /** The deadlines saved under `basis`; null when there are none (no file, another basis, damaged). */
  read(basis: string): SavedDeadlines | null
  /** Replaces the saved deadlines with `dates` under `basis` (best effort: a failure is ignored). */
  write(basis: string, dates: SavedDeadlines): void
}

/** The cache file's name in the requests folder. */
export const deadlineCacheName = '.deadline-cache.json'
const cacheVersion = 1
/** Larger files are not read (a list of 100,000 requests writes about 10 MB). */
const maxBytes = 64 * 1024 * 1024
const maxKeyLength = 2_000
const datePattern = /^\d{4}-\d{2}-\d{2}$/
const fieldsPerRow = 5

/** What the saved deadlines depend on beyond each request: the rules' fingerprint and the settings. */
export function deadlineBasis(settings: DeadlineSettings): string {
  return `${deadlineRulesFingerprint}|${JSON.stringify(settings)}`
}

/** The file text of `dates` under `basis`. */
export function encodeDeadlineCache(basis: string, dates: SavedDeadlines): string {
  const rows: Array<string | null> = []
  for (const [key, { due, effectiveDue, extendedDue, benchmark }] of dates) rows.push(key, due, effectiveDue, extendedDue, benchmark?.date ?? null)
  return JSON.stringify({ version: cacheVersion, basis, rows })
}

const isDate = (value: unknown): value is PlainDate | null => value === null || (typeof value === 'string' && datePattern.test(value))

/** The deadlines a cache file holds under `basis`, or null when it holds none (another basis, version, or damaged). */
export function decodeDeadlineCache(text: string, basis: string): SavedDeadlines | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  const file = value as { version?: unknown; basis?: unknown; rows?: unknown } | null
  if (typeof file !== 'object' || file === null || file.version !== cacheVersion || file.basis !== basis) return null
  const rows = file.rows
  if (!Array.isArray(rows) || rows.length % fieldsPerRow !== 0) return null
  const dates = new Map<string, ListDates>()
  for (let at = 0; at < rows.length; at += fieldsPerRow) {
    const key = rows[at] as unknown
    const due = rows[at + 1] as unknown
    const effectiveDue = rows[at + 2] as unknown
    const extendedDue = rows[at + 3] as unknown
    const benchmark = rows[at + 4] as unknown
    // One bad row means the file is not what this code wrote: none of it is used.
    if (typeof key !== 'string' || key.length > maxKeyLength || !isDate(due) || !isDate(effectiveDue) || !isDate(extendedDue) || !isDate(benchmark)) return null
    dates.set(key, { due, effectiveDue, extendedDue, benchmark: benchmark === null ? null : { date: benchmark } })
  }
  return dates
}

/** The deadline cache of the data folder `dataDir`. */
export function deadlineCacheIn(dataDir: string): DeadlineCache {
  const file = path.join(dataDir, 'requests', deadlineCacheName)
  return {
    read(basis) {
      let text: string
      try {
        if (fs.statSync(file).size > maxBytes) return null
        text = fs.readFileSync(file, 'utf8')
      } catch {
        return null
      }
      return decodeDeadlineCache(text, basis)
    },
    write(basis, dates) {
      // The temporary name is one the cleanup at open removes when a killed process left it (storage/files.ts).
      const temp = path.join(path.dirname(file), `${deadlineCacheName}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
      try {
        fs.writeFileSync(temp, encodeDeadlineCache(basis, dates), { mode: 0o600, flag: 'wx' })
        fs.renameSync(temp, file)
      } catch {
        // A read-only or full disk: the next list counts the deadlines again.
        try {
          fs.rmSync(temp, { force: true })
        } catch {
          // Nothing more to do.
        }
      }
    },
  }
}
