/**
 * Reads what the user chose to import (a file, or a folder of files) into entries for
 * Catalog.importEntries. Every entry of a folder is accounted for: files that are not JSON, too
 * large, or sub-folders become entries with the reason they cannot be read. Nothing is written.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { ImportEntry, ImportFormat } from './catalog'
import { coreError, reasonOf } from '../messages/errors'

/** One company file of datarequests.org is a few kB; an export of 100,000 records some 300 MB. */
const maxRecordBytes = 5 * 1024 * 1024
const maxExportBytes = 512 * 1024 * 1024

function readJson(file: string, entry: string, limit: number): ImportEntry {
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch (error) {
    return { entry, error: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` }
  }
  if (stat.isDirectory()) return { entry, error: 'is a folder; to import the records in it, choose that folder itself' }
  if (!stat.isFile()) return { entry, error: 'is not a regular file' }
  if (stat.size > limit) return { entry, error: `is too large (${Math.round(stat.size / 1024 / 1024)} MB; at most ${limit / 1024 / 1024} MB)` }
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    return { entry, error: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  try {
    return { entry, data: JSON.parse(text) }
  } catch (error) {
    return { entry, error: `is not valid JSON (${(error as Error).message})` }
  }
}

/** How far reading the chosen file or folder has got: entries read of those in it. */
export type ReadProgress = { readonly done: number; readonly total: number }

/**
 * The entries of `source` for `format`. A folder yields one entry per directory entry (sorted by
 * name, hidden files included); a file of datarequests.org records may hold one record or an
 * array of them (one entry each, named file#N).
 */
export function readImportEntries(source: string, format: ImportFormat): ImportEntry[] {
  const reading = readEntries(source, format)
  for (;;) {
    const next = reading.next()
    if (next.done) return next.value
  }
}

/**
 * Reads the entries as `readImportEntries` does, awaiting `between(progress)` before each file of
 * a folder (an operation's checkpoint: progress, other work, and CANCELLED to stop). Writes nothing.
 */
export async function readImportEntriesInSteps(source: string, format: ImportFormat, between: (progress: ReadProgress) => Promise<void>): Promise<ImportEntry[]> {
  const reading = readEntries(source, format)
  for (;;) {
    const next = reading.next()
    if (next.done) return next.value
    await between(next.value)
  }
}

/** The reading itself, as a generator that yields before each file it reads. */
function* readEntries(source: string, format: ImportFormat): Generator<ReadProgress, ImportEntry[], void> {
  let stat: fs.Stats
  try {
    stat = fs.statSync(source)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw code === 'ENOENT' ? coreError('NOT_FOUND', 'error.file.noFileOrFolder', { file: source }) : coreError('NOT_FOUND', 'error.file.cannotRead', { file: source, reason: reasonOf(error) })
  }
  const limit = format === 'rightful' ? maxExportBytes : maxRecordBytes
  const expand = (entry: ImportEntry): ImportEntry[] =>
    format === 'datarequests' && 'data' in entry && Array.isArray(entry.data)
      ? entry.data.map((data, i) => ({ entry: `${entry.entry}#${i + 1}`, data }))
      : [entry]

  if (!stat.isDirectory()) {
    yield { done: 0, total: 1 }
    return expand(readJson(source, path.basename(source), limit))
  }
  let names: string[]
  try {
    names = fs.readdirSync(source)
  } catch (error) {
    throw coreError('NOT_FOUND', 'error.file.folderCannotRead', { folder: source, reason: reasonOf(error) })
  }
  const entries: ImportEntry[] = []
  const sorted = names.sort()
  for (const [index, name] of sorted.entries()) {
    yield { done: index, total: sorted.length }
    entries.push(...expand(readJson(path.join(source, name), name, limit)))
  }
  return entries
}
