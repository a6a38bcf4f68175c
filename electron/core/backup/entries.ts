/**
 * What in the data folder is the user's, and how each of those files is checked. The data folder
 * also holds things that are not (in the app it is Electron's userData folder, with the browser's
 * caches; `secrets.json` keeps passwords encrypted with a key of this computer; the request index
 * is rebuilt from the request files), so a backup takes only these roots:
 *
 *   profile.json  settings.json  mail.json  notifications.json   the small stores (no passwords:
 *   catalog-edits.json  catalog-imports.json                      those live in secrets.json)
 *   templates/    the user's own templates
 *   replies/      the replies' records, messages waiting to be assigned, the IMAP settings
 *   outbox/       what was sent through the user's SMTP server, attempt by attempt
 *   requests/     one file per request, the files kept with each (requests/<REF>.files/),
 *                 discarded drafts and files that could not be read (kept, never deleted)
 *
 * The same checks run when a backup is made (a file that fails them is left out and named) and
 * when one is restored (a backup holding such a file is refused), so every backup restores.
 */
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { storedMailSettingsSchema } from '../mail/mail-settings'
import { outboxEntrySchema } from '../mail/outbox'
import { storedNotificationLogSchema } from '../notifications/notifications'
import { storedProfileSchema } from '../profile/profile'
import { imapDocumentSchema } from '../replies/imap-store'
import { repliesDocumentSchema } from '../replies/model'
import { isLanguage, normalizeLanguage, requestRecordSchema } from '../requests/model'
import { storedSettingsSchema } from '../settings/settings'
import { parseTemplate } from '../templates/engine'
import { assertNever } from '../shared/assert-never'
import { emptyCounts, unsafePathReason, type BackupCounts } from './format'

/** The user's parts of the data folder, in the order a restore swaps them. */
export const dataRoots: ReadonlyArray<{ readonly name: string; readonly kind: 'file' | 'folder' }> = [
  { name: 'profile.json', kind: 'file' },
  { name: 'settings.json', kind: 'file' },
  { name: 'mail.json', kind: 'file' },
  { name: 'notifications.json', kind: 'file' },
  { name: 'catalog-edits.json', kind: 'file' },
  { name: 'catalog-imports.json', kind: 'file' },
  { name: 'templates', kind: 'folder' },
  { name: 'replies', kind: 'folder' },
  { name: 'outbox', kind: 'folder' },
  { name: 'requests', kind: 'folder' },
]

/** The root an entry path belongs to, or null when it is outside the user's data. */
export function rootOf(entryPath: string): string | null {
  const first = entryPath.split('/')[0]!
  const root = dataRoots.find((r) => r.name === first)
  if (!root) return null
  if (root.kind === 'file') return entryPath === root.name ? root.name : null
  return entryPath.length > first.length ? root.name : null
}

/** Files that belong to the user's roots but are rebuilt, transient or locks: never backed up. */
export function isTransient(entryPath: string): boolean {
  return (
    entryPath.split('/').some((segment) => segment.startsWith('.')) ||
    entryPath === 'requests/index.json' ||
    entryPath === 'requests/index.v6.json' ||
    entryPath === 'requests/index.log' ||
    /^outbox\/[^/]+\.lock$/.test(entryPath)
  )
}

export type DataFile = {
  /** Relative to the data folder, forward slashes. */
  readonly path: string
  readonly file: string
  readonly size: number
}

/**
 * Every file of the user's data, sorted by path. Only regular files: links are not followed,
 * hidden and transient files are left out. `unsafe` lists files whose names no backup may carry.
 */
export function listUserData(dataDir: string): { files: DataFile[]; unsafe: Array<{ path: string; reason: string }> } {
  const files: DataFile[] = []
  const unsafe: Array<{ path: string; reason: string }> = []
  const visit = (relative: string) => {
    const full = path.join(dataDir, ...relative.split('/'))
    let stat: fs.Stats
    try {
      stat = fs.lstatSync(full)
    } catch {
      return
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full)) {
        const child = `${relative}/${name}`
        if (!isTransient(child)) visit(child)
      }
      return
    }
    if (!stat.isFile()) return
    const reason = unsafePathReason(relative)
    if (reason) unsafe.push({ path: relative, reason })
    else files.push({ path: relative, file: full, size: stat.size })
  }
  for (const root of dataRoots) visit(root.name)
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return { files, unsafe }
}

/** What one checked record adds to the counts. */
export type EntryFacts =
  | { readonly kind: 'request'; readonly sent: boolean; readonly events: number }
  | { readonly kind: 'replies'; readonly replies: number; readonly toSort: number }
  | { readonly kind: 'catalog-edits'; readonly added: number; readonly changed: number; readonly deleted: number }
  | { readonly kind: 'catalog-imports'; readonly imported: number }
  | { readonly kind: 'profile' }
  | { readonly kind: 'mail'; readonly server: boolean }
  | { readonly kind: 'imap'; readonly server: boolean }
  | { readonly kind: 'notifications'; readonly shown: number }
  | { readonly kind: 'template' }
  | { readonly kind: 'record' }

type Checker = (text: string, entryPath: string) => EntryFacts

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Own keys of a parsed JSON object, in a Set (outside strings never become keys of our objects). */
const keysOf = (value: unknown): Set<string> => new Set(isObject(value) ? Object.keys(value) : [])

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new Error(`it is not JSON (${(error as Error).message})`, { cause: error })
  }
}

function check<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  throw new Error(issue ? `${issue.path.join('.') || 'the record'}: ${issue.message}` : 'it does not have the expected form')
}

/** The catalog's own stores are read (and deeply checked) by the catalog; here, their shape. */
function checkCatalogEdits(value: unknown): EntryFacts {
  if (!isObject(value) || (value.version !== 1 && value.version !== 2)) throw new Error('it is not a catalog edits file (version 1 or 2)')
  const parts = value.version === 1 ? ['contacts'] : ['contacts', 'companies', 'overrides', 'deleted']
  for (const part of parts) if (!isObject(value[part])) throw new Error(`its "${part}" is not an object`)
  const added = keysOf(value.companies)
  const changed = new Set([...keysOf(value.overrides), ...keysOf(value.contacts)].filter((id) => !added.has(id)))
  return { kind: 'catalog-edits', added: added.size, changed: changed.size, deleted: keysOf(value.deleted).size }
}

function checkCatalogImports(value: unknown): EntryFacts {
  if (!isObject(value) || value.version !== 1 || !isObject(value.companies)) throw new Error('it is not an imported catalog (version 1 with companies)')
  return { kind: 'catalog-imports', imported: keysOf(value.companies).size }
}

const referenceFile = (dir: string) => new RegExp(`^${dir}/(RF-\\d{4}-\\d{4,})\\.json$`)
const requestFile = referenceFile('requests')
const outboxFile = /^outbox\/(?:done\/)?(RF-\d{4}-\d{4,})\.json$/
const templateFile = /^templates\/([a-z]{2}(?:-Han[st])?)\/[^/]+\.md$/

/** The checker for an entry path, or null when the file is kept as it is (attachments, messages). */
function checkerFor(entryPath: string): Checker | null {
  switch (entryPath) {
    case 'profile.json':
      return (text) => (check(storedProfileSchema, parseJson(text)), { kind: 'profile' })
    case 'settings.json':
      return (text) => (check(storedSettingsSchema, parseJson(text)), { kind: 'record' })
    case 'mail.json':
      return (text) => ({ kind: 'mail', server: check(storedMailSettingsSchema, parseJson(text)).smtp !== null })
    case 'notifications.json':
      return (text) => ({ kind: 'notifications', shown: check(storedNotificationLogSchema, parseJson(text)).shown.length })
    case 'catalog-edits.json':
      return (text) => checkCatalogEdits(parseJson(text))
    case 'catalog-imports.json':
      return (text) => checkCatalogImports(parseJson(text))
    case 'replies/replies.json':
      return (text) => {
        const replies = check(repliesDocumentSchema, parseJson(text)).replies
        return { kind: 'replies', replies: replies.length, toSort: replies.filter((r) => r.state === 'needs-confirmation' || r.state === 'unmatched').length }
      }
    case 'replies/imap.json':
      return (text) => ({ kind: 'imap', server: check(imapDocumentSchema, parseJson(text)).settings !== null })
  }
  const request = requestFile.exec(entryPath)
  if (request) {
    return (text) => {
      const record = check(requestRecordSchema, parseJson(text))
      if (record.reference !== request[1]) throw new Error(`it holds ${record.reference}, not ${request[1]}`)
      return { kind: 'request', sent: record.sent !== null, events: record.events.filter((e) => e.removedAt === null).length }
    }
  }
  const outbox = outboxFile.exec(entryPath)
  if (outbox) {
    return (text) => {
      const entry = check(outboxEntrySchema, parseJson(text))
      if (entry.reference !== outbox[1]) throw new Error(`it holds ${entry.reference}, not ${outbox[1]}`)
      return { kind: 'record' }
    }
  }
  const template = templateFile.exec(entryPath)
  if (template) {
    return (text, where) => {
      const folder = normalizeLanguage(template[1])
      if (!isLanguage(folder)) throw new Error(`"${template[1]}" is not a language Rightful writes in`)
      const parsed = parseTemplate(text, where, 'user')
      if (parsed.lang !== folder) throw new Error(`it declares lang "${parsed.lang}" but sits in ${template[1]}/`)
      return { kind: 'template' }
    }
  }
  return null
}

/** True when the entry is read whole and checked; other files are kept byte for byte. */
export function isCheckedRecord(entryPath: string): boolean {
  return checkerFor(entryPath) !== null
}

/**
 * Checks a record's content: valid UTF-8, and the form its store requires. Returns what it adds
 * to the counts; throws an Error whose message says what is wrong.
 */
export function checkRecord(entryPath: string, bytes: Uint8Array): EntryFacts {
  const checker = checkerFor(entryPath)
  if (!checker) return { kind: 'record' }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new Error('it is not UTF-8 text')
  }
  return checker(text, entryPath)
}

/** Adds an entry to the counts: its checked facts, and the file itself. */
export function tally(counts: ReturnType<typeof emptyCounts>, entryPath: string, facts: EntryFacts): void {
  counts.files += 1
  if (/^requests\/RF-\d{4}-\d{4,}\.files\//.test(entryPath)) counts.attachments += 1
  switch (facts.kind) {
    case 'request':
      counts.requests += 1
      counts.events += facts.events
      if (!facts.sent) counts.drafts += 1
      return
    case 'replies':
      counts.replies += facts.replies
      counts.repliesToSort += facts.toSort
      return
    case 'catalog-edits':
      counts.companiesAdded += facts.added
      counts.companiesChanged += facts.changed
      counts.companiesDeleted += facts.deleted
      return
    case 'catalog-imports':
      counts.companiesImported += facts.imported
      return
    case 'profile':
      counts.profile = true
      return
    case 'mail':
      counts.mailServer = facts.server
      return
    case 'imap':
      counts.imapServer = facts.server
      return
    case 'notifications':
      counts.notificationsShown += facts.shown
      return
    case 'template':
      counts.templates += 1
      return
    case 'record':
      return
    default:
      assertNever(facts)
  }
}

/** Whether two sets of counts say the same. */
export function sameCounts(a: BackupCounts, b: BackupCounts): boolean {
  return (Object.keys(a) as Array<keyof BackupCounts>).every((key) => a[key] === b[key])
}
