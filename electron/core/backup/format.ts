/**
 * The backup file, format version 1: one file, written and read front to back in one pass.
 *
 *   RIGHTFUL-BACKUP\n                      magic, 16 bytes
 *   {"format":"rightful-backup",…}\n       header: plain JSON on one line, at most 4 KiB
 *   body                                   `bodyBytes` bytes: the payload, or its AES-256-GCM ciphertext
 *   tag                                    16 bytes, only when encrypted: the GCM authentication tag
 *   checksum                               32 bytes: SHA-256 of everything before it
 *
 * The payload is the manifest as one JSON line (format, version, created, app version, counts,
 * and every entry's path, size and SHA-256), then each entry's bytes in the manifest's order.
 *
 * Encrypted: the key comes from the passphrase through scrypt (parameters and random salt in the
 * header), the cipher is AES-256-GCM with a random 12-byte IV, and the magic and header are its
 * additional authenticated data. Only Node's own crypto is used.
 *
 * The checksum tells a damaged file (it does not match) from a wrong passphrase (it matches, but
 * the tag does not). Pure definitions: no I/O here.
 */
import { z } from 'zod'
import { coreError } from '../messages/errors'

export const backupMagic = 'RIGHTFUL-BACKUP\n'
export const backupFormat = 'rightful-backup'
export const backupVersion = 1
/** What a backup file's name ends with. */
export const backupExtension = 'rightful-backup'

export const maxHeaderBytes = 4096
export const checksumBytes = 32
export const tagBytes = 16

/** The bounds a reader applies; a file beyond them is refused before it is read. */
export type BackupLimits = {
  /** The largest backup file. */
  readonly maxBytes: number
  /** The most entries (files) in one backup. */
  readonly maxEntries: number
  /** The manifest line's largest size. */
  readonly maxManifestBytes: number
  /** The largest record that is read whole to be checked (a JSON store, a template). */
  readonly maxRecordBytes: number
}

export const defaultLimits: BackupLimits = {
  maxBytes: 16 * 1024 ** 3,
  maxEntries: 500_000,
  maxManifestBytes: 128 * 1024 ** 2,
  maxRecordBytes: 512 * 1024 ** 2,
}

/**
 * scrypt's cost: N = 2^17, r = 8, p = 1 (128 MiB of memory, a fraction of a second), the
 * interactive-login strength recommended for passwords that protect data at rest.
 */
export const scryptDefaults = { n: 2 ** 17, r: 8, p: 1 } as const

/** Memory scrypt needs for these parameters (Node refuses beyond `maxmem`). */
export function scryptMemory(n: number, r: number): number {
  return 128 * n * r + 1024 * 1024
}

const base64Bytes = (min: number, max: number) =>
  z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'not base64')
    .refine((value) => {
      const length = Buffer.from(value, 'base64').length
      return length >= min && length <= max
    }, `must hold ${min === max ? min : `${min} to ${max}`} bytes`)

export const encryptionSchema = z
  .strictObject({
    kdf: z.literal('scrypt'),
    n: z
      .number()
      .int()
      .min(2 ** 14)
      .max(2 ** 20)
      .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: base64Bytes(16, 64),
    cipher: z.literal('aes-256-gcm'),
    iv: base64Bytes(12, 12),
  })
  .refine((e) => scryptMemory(e.n, e.r) <= 1024 ** 3 + 1024 * 1024, 'the scrypt parameters ask for more than 1 GiB of memory')
export type BackupEncryption = z.infer<typeof encryptionSchema>

/** Only what is needed to tell a newer format from something that is not a backup. */
const headerProbeSchema = z.object({ format: z.literal(backupFormat), version: z.number().int().positive() })

export const headerSchema = z.strictObject({
  format: z.literal(backupFormat),
  version: z.literal(backupVersion),
  bodyBytes: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  encryption: encryptionSchema.nullable(),
})
export type BackupHeader = z.infer<typeof headerSchema>

const count = z.number().int().nonnegative()

/** What a backup holds, in numbers people read before restoring. */
export const countsSchema = z.strictObject({
  requests: count,
  /** Of the requests, those not sent yet. */
  drafts: count,
  events: count,
  replies: count,
  /** Replies still waiting for the user to say which request they answer. */
  repliesToSort: count,
  /** Files kept with requests: attachments, the e-mails sent, the replies' messages. */
  attachments: count,
  companiesAdded: count,
  companiesChanged: count,
  companiesDeleted: count,
  companiesImported: count,
  templates: count,
  profile: z.boolean(),
  /** The SMTP server's settings (never its password). */
  mailServer: z.boolean(),
  /** The IMAP server's settings (never its password). */
  imapServer: z.boolean(),
  notificationsShown: count,
  files: count,
})
export type BackupCounts = z.infer<typeof countsSchema>

export const emptyCounts = (): { -readonly [K in keyof BackupCounts]: BackupCounts[K] } => ({
  requests: 0,
  drafts: 0,
  events: 0,
  replies: 0,
  repliesToSort: 0,
  attachments: 0,
  companiesAdded: 0,
  companiesChanged: 0,
  companiesDeleted: 0,
  companiesImported: 0,
  templates: 0,
  profile: false,
  mailServer: false,
  imapServer: false,
  notificationsShown: 0,
  files: 0,
})

export const manifestEntrySchema = z.strictObject({
  /** Relative to the data folder, with forward slashes. */
  path: z.string().min(1).max(1024),
  size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
})
export type ManifestEntry = z.infer<typeof manifestEntrySchema>

export const manifestSchema = z.strictObject({
  format: z.literal(backupFormat),
  version: z.literal(backupVersion),
  createdAt: z.iso.datetime(),
  appVersion: z.string().min(1).max(100),
  counts: countsSchema,
  entries: z.array(manifestEntrySchema),
})
export type BackupManifest = z.infer<typeof manifestSchema>

/** Whether a name holds what no file name may: control characters, or what Windows reserves. */
function hasForbiddenCharacter(name: string): boolean {
  for (const char of name) {
    const code = char.charCodeAt(0)
    if (code < 32 || code === 127 || '<>:"\\|?*'.includes(char)) return true
  }
  return false
}

/**
 * Why an entry's path is unsafe to write under the data folder, or null when it is fine:
 * relative, forward slashes, no empty, `.` or `..` segment, no reserved characters.
 */
export function unsafePathReason(entryPath: string): string | null {
  if (entryPath.startsWith('/')) return 'it is an absolute path'
  const segments = entryPath.split('/')
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') return 'it has an empty, "." or ".." part'
    if (hasForbiddenCharacter(segment)) return 'it holds a character no file name may hold'
    if (Buffer.byteLength(segment) > 255) return 'a part of it is longer than 255 bytes'
  }
  return null
}

/** Messages of the errors a reader gives; codes are stable, for tests and the UI. */
export const backupErrors = {
  notABackup: (why: string) => coreError('BACKUP_INVALID', 'error.backup.notABackup', { why }),
  invalid: (why: string) => coreError('BACKUP_INVALID', 'error.backup.invalid', { why }),
  damaged: (why: string) => coreError('BACKUP_DAMAGED', 'error.backup.damaged', { why }),
  tooLarge: (bytes: number, limit: number) =>
    coreError('BACKUP_TOO_LARGE', 'error.backup.tooLarge', { size: formatBytes(bytes), limit: formatBytes(limit) }),
  newer: (version: number) =>
    coreError('BACKUP_UNSUPPORTED', 'error.backup.newer', { version, supported: backupVersion }),
  passphraseRequired: () => coreError('BACKUP_PASSPHRASE_REQUIRED', 'error.backup.passphraseRequired'),
  wrongPassphrase: () =>
    coreError('BACKUP_WRONG_PASSPHRASE', 'error.backup.wrongPassphrase'),
}

/** "1.2 MB", "340 KB", "12 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} byte${bytes === 1 ? '' : 's'}`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = -1
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit += 1
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`
}

/**
 * Reads the header line that follows the magic. `prefix` is the file's first bytes (up to the
 * magic plus 4 KiB plus one). Throws the reader's errors: not a backup, a newer format, damaged.
 */
export function parseHeader(prefix: Uint8Array, fileBytes: number): { header: BackupHeader; prefixBytes: number } {
  const magic = Buffer.from(backupMagic, 'latin1')
  const head = Buffer.from(prefix.buffer, prefix.byteOffset, prefix.byteLength)
  if (head.length < magic.length) {
    if (head.length > 0 && magic.subarray(0, head.length).equals(head)) throw backupErrors.damaged('it ends right after its first bytes')
    throw backupErrors.notABackup('it does not start like one')
  }
  if (!head.subarray(0, magic.length).equals(magic)) throw backupErrors.notABackup('it does not start like one')
  const end = head.indexOf(0x0a, magic.length)
  if (end < 0) {
    if (fileBytes < magic.length + maxHeaderBytes + 1) throw backupErrors.damaged('it ends inside its header')
    throw backupErrors.notABackup('its header is missing or too long')
  }
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(magic.length, end)))
  } catch {
    throw backupErrors.damaged('its header does not read')
  }
  const probe = headerProbeSchema.safeParse(value)
  if (!probe.success) throw backupErrors.notABackup('its header names no backup format')
  if (probe.data.version > backupVersion) throw backupErrors.newer(probe.data.version)
  const parsed = headerSchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw backupErrors.invalid(`its header is not valid (${issue ? `${issue.path.join('.') || 'header'}: ${issue.message}` : 'unknown'})`)
  }
  return { header: parsed.data, prefixBytes: end + 1 }
}

/** The size a file with this header and prefix must have, to the byte. */
export function expectedFileBytes(header: BackupHeader, prefixBytes: number): number {
  return prefixBytes + header.bodyBytes + (header.encryption ? tagBytes : 0) + checksumBytes
}
