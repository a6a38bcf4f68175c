/**
 * Reads a backup file (format.ts) front to back, once, in bounded memory: the size is checked
 * against the limit before anything is read, the header is at most 4 KiB, the manifest line at
 * most `maxManifestBytes`, and only records that are checked (JSON stores, templates) are held
 * whole, each up to `maxRecordBytes`; everything else streams through to the sink.
 *
 * Every entry's SHA-256, every record's form, the counts, the whole-file checksum and (when
 * encrypted) the GCM tag are verified. A problem found in the payload is kept while the rest is
 * still read, so that the error reported is the true cause: a damaged file (checksum), a wrong
 * passphrase (tag), or else the problem itself. A caller acts on what the sink received only
 * after this resolves.
 */
import { createDecipheriv, createHash, type DecipherGCM, type Hash } from 'node:crypto'
import fs from 'node:fs'
import { CoreError } from '../shared/result'
import { checkRecord, isCheckedRecord, isTransient, rootOf, sameCounts, tally } from './entries'
import {
  backupErrors,
  backupMagic,
  checksumBytes,
  defaultLimits,
  emptyCounts,
  expectedFileBytes,
  manifestSchema,
  maxHeaderBytes,
  parseHeader,
  tagBytes,
  unsafePathReason,
  type BackupCounts,
  type BackupHeader,
  type BackupLimits,
  type ManifestEntry,
} from './format'
import { deriveKey } from './writer'
import { coreError, reasonOf } from '../messages/errors'

const chunkBytes = 1024 * 1024

/** Receives the entries as they are read (restore stages them in a folder). */
export type EntrySink = {
  open(entry: ManifestEntry): void
  write(chunk: Uint8Array): void
  close(entry: ManifestEntry): void
}

export type BackupInfo = {
  readonly bytes: number
  readonly encrypted: boolean
  readonly createdAt: string
  readonly appVersion: string
  readonly formatVersion: number
  /** Counted from the entries themselves (they agree with the manifest's). */
  readonly counts: BackupCounts
  readonly entries: ReadonlyArray<ManifestEntry>
}

export type BackupHeaderInfo = { readonly header: BackupHeader; readonly prefixBytes: number; readonly bytes: number }

/** Opens `file` and checks its size and header; nothing more is read. */
export async function readBackupHeader(file: string, limits: BackupLimits = defaultLimits): Promise<BackupHeaderInfo> {
  let stat: fs.Stats
  try {
    stat = await fs.promises.stat(file)
  } catch (error) {
    throw coreError('NOT_FOUND', 'error.file.cannotOpen', { file, reason: reasonOf(error) })
  }
  if (!stat.isFile()) throw backupErrors.notABackup('it is not a file')
  if (stat.size > limits.maxBytes) throw backupErrors.tooLarge(stat.size, limits.maxBytes)
  const handle = await fs.promises.open(file, 'r')
  let prefix: Buffer
  try {
    const buffer = Buffer.alloc(Math.min(stat.size, backupMagic.length + maxHeaderBytes + 1))
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    prefix = buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
  const { header, prefixBytes } = parseHeader(prefix, stat.size)
  const expected = expectedFileBytes(header, prefixBytes)
  if (stat.size < expected) throw backupErrors.damaged(`it ends early (${stat.size} of ${expected} bytes are there; it was cut off)`)
  if (stat.size > expected) throw backupErrors.damaged(`it has ${stat.size - expected} bytes more than it should`)
  return { header, prefixBytes, bytes: stat.size }
}

/**
 * Parses the plaintext payload as it arrives, in one pass: the manifest line, then each entry's
 * bytes. Throws a CoreError (BACKUP_INVALID) at the first problem.
 */
class PayloadParser {
  private manifestParts: Buffer[] = []
  private manifestSize = 0
  private entries: ManifestEntry[] | null = null
  private manifest: ReturnType<typeof manifestSchema.parse> | null = null
  private index = 0
  private remaining = 0
  private entryHash: Hash | null = null
  private recordParts: Buffer[] | null = null
  private readonly counts = emptyCounts()

  constructor(
    private readonly bodyBytes: number,
    private readonly limits: BackupLimits,
    private readonly sink: EntrySink | null,
  ) {}

  push(chunk: Buffer): void {
    let rest = chunk
    if (!this.entries) {
      const end = rest.indexOf(0x0a)
      const part = end < 0 ? rest : rest.subarray(0, end)
      this.manifestSize += part.length
      if (this.manifestSize > this.limits.maxManifestBytes) throw backupErrors.invalid('its list of contents is larger than Rightful reads')
      this.manifestParts.push(Buffer.from(part))
      if (end < 0) return
      this.readManifest()
      rest = rest.subarray(end + 1)
    }
    while (rest.length > 0 || (this.remaining === 0 && this.index < this.entries!.length && this.entryHash === null)) {
      if (this.entryHash === null) {
        if (this.index >= this.entries!.length) throw backupErrors.invalid('it holds more bytes than its list of contents names')
        this.openEntry()
        if (this.remaining === 0) {
          this.closeEntry()
          continue
        }
      }
      const take = rest.subarray(0, Math.min(rest.length, this.remaining))
      rest = rest.subarray(take.length)
      this.remaining -= take.length
      this.entryHash!.update(take)
      this.recordParts?.push(Buffer.from(take))
      this.sink?.write(take)
      if (this.remaining === 0) this.closeEntry()
    }
  }

  /** After the last byte: every entry complete, and the counts as the manifest says. */
  finish(): { manifest: NonNullable<PayloadParser['manifest']>; counts: BackupCounts } {
    if (!this.manifest || !this.entries) throw backupErrors.invalid('its list of contents is missing')
    if (this.index < this.entries.length || this.entryHash !== null) throw backupErrors.invalid('it ends before its last file')
    if (!sameCounts(this.counts, this.manifest.counts)) throw backupErrors.invalid('its contents do not match what its list of contents counts')
    return { manifest: this.manifest, counts: { ...this.counts } }
  }

  private readManifest(): void {
    let value: unknown
    try {
      value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(this.manifestParts)))
    } catch {
      throw backupErrors.invalid('its list of contents does not read')
    }
    this.manifestParts = []
    const parsed = manifestSchema.safeParse(value)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw backupErrors.invalid(`its list of contents is not valid (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown'})`)
    }
    const entries = parsed.data.entries
    if (entries.length > this.limits.maxEntries) throw backupErrors.invalid(`it lists ${entries.length} files; Rightful restores at most ${this.limits.maxEntries}`)
    const seen = new Set<string>()
    const folders = new Set<string>()
    let total = this.manifestSize + 1
    for (const entry of entries) {
      const unsafe = unsafePathReason(entry.path)
      if (unsafe) throw backupErrors.invalid(`it names a file that cannot be restored safely, "${entry.path.slice(0, 200)}" (${unsafe})`)
      if (rootOf(entry.path) === null || isTransient(entry.path)) throw backupErrors.invalid(`"${entry.path}" is not part of Rightful's data`)
      // Folded: two names that differ only in case are one file on macOS and Windows.
      const folded = entry.path.toLowerCase()
      if (seen.has(folded)) throw backupErrors.invalid(`it lists "${entry.path}" twice`)
      seen.add(folded)
      const segments = folded.split('/')
      for (let i = 1; i < segments.length; i += 1) folders.add(segments.slice(0, i).join('/'))
      if (isCheckedRecord(entry.path) && entry.size > this.limits.maxRecordBytes) throw backupErrors.invalid(`"${entry.path}" is larger than Rightful reads`)
      total += entry.size
    }
    for (const folded of seen) if (folders.has(folded)) throw backupErrors.invalid('it lists a file and a folder of the same name')
    if (total !== this.bodyBytes) throw backupErrors.invalid('its list of contents does not add up to its size')
    this.manifest = parsed.data
    this.entries = entries
  }

  private openEntry(): void {
    const entry = this.entries![this.index]!
    this.remaining = entry.size
    this.entryHash = createHash('sha256')
    this.recordParts = isCheckedRecord(entry.path) ? [] : null
    this.sink?.open(entry)
  }

  private closeEntry(): void {
    const entry = this.entries![this.index]!
    if (this.entryHash!.digest('hex') !== entry.sha256) throw backupErrors.invalid(`"${entry.path}" does not match its checksum`)
    let facts: ReturnType<typeof checkRecord> = { kind: 'record' }
    if (this.recordParts) {
      try {
        facts = checkRecord(entry.path, Buffer.concat(this.recordParts))
      } catch (error) {
        throw backupErrors.invalid(`"${entry.path}" is not a valid record (${(error as Error).message})`)
      }
    }
    tally(this.counts, entry.path, facts)
    this.sink?.close(entry)
    this.entryHash = null
    this.recordParts = null
    this.index += 1
  }
}

/**
 * Reads and verifies a whole backup; with a sink, hands it every entry's bytes on the way. Throws
 * CoreError: BACKUP_INVALID, BACKUP_DAMAGED, BACKUP_TOO_LARGE, BACKUP_UNSUPPORTED,
 * BACKUP_PASSPHRASE_REQUIRED, BACKUP_WRONG_PASSPHRASE, NOT_FOUND; an error of the sink itself
 * (a full disk) is passed on as it is.
 */
export async function readBackup(
  file: string,
  options: {
    passphrase: string | null
    limits?: BackupLimits
    sink?: EntrySink
    /** Awaited before each chunk with the bytes read of the body (an operation's checkpoint: it may stop the reading). */
    between?: (progress: { done: number; total: number }) => Promise<void>
  },
): Promise<BackupInfo> {
  const limits = options.limits ?? defaultLimits
  const { header, prefixBytes, bytes } = await readBackupHeader(file, limits)
  const encryption = header.encryption
  if (encryption && options.passphrase === null) throw backupErrors.passphraseRequired()

  const handle = await fs.promises.open(file, 'r')
  try {
    // The tag and checksum sit at known places at the end.
    const trailer = Buffer.alloc((encryption ? tagBytes : 0) + checksumBytes)
    await handle.read(trailer, 0, trailer.length, bytes - trailer.length)
    const tag = encryption ? trailer.subarray(0, tagBytes) : null
    const checksum = trailer.subarray(trailer.length - checksumBytes)

    const prefix = Buffer.alloc(prefixBytes)
    await handle.read(prefix, 0, prefixBytes, 0)
    const fileHash = createHash('sha256').update(prefix)

    let decipher: DecipherGCM | null = null
    if (encryption && tag) {
      const key = await deriveKey(options.passphrase!, Buffer.from(encryption.salt, 'base64'), encryption)
      decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(encryption.iv, 'base64'), { authTagLength: tagBytes })
      decipher.setAAD(prefix)
      decipher.setAuthTag(tag)
    }

    const parser = new PayloadParser(header.bodyBytes, limits, options.sink ?? null)
    let problem: CoreError | null = null
    const feed = (plain: Buffer) => {
      if (problem || plain.length === 0) return
      try {
        parser.push(plain)
      } catch (error) {
        if (!(error instanceof CoreError)) throw error
        problem = error
      }
    }

    const buffer = Buffer.allocUnsafe(chunkBytes)
    let position = prefixBytes
    const bodyEnd = prefixBytes + header.bodyBytes
    while (position < bodyEnd) {
      await options.between?.({ done: position - prefixBytes, total: header.bodyBytes })
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, bodyEnd - position), position)
      if (bytesRead === 0) throw backupErrors.damaged('it ends early')
      position += bytesRead
      const chunk = buffer.subarray(0, bytesRead)
      fileHash.update(chunk)
      feed(decipher ? decipher.update(chunk) : Buffer.from(chunk))
    }
    if (tag) fileHash.update(tag)
    if (!fileHash.digest().equals(checksum)) throw backupErrors.damaged('its checksum does not match its content (it was changed or not copied completely)')
    if (decipher) {
      let rest: Buffer
      try {
        rest = decipher.final()
      } catch {
        throw backupErrors.wrongPassphrase()
      }
      feed(rest)
    }
    if (problem) throw problem
    const { manifest, counts } = parser.finish()
    return {
      bytes,
      encrypted: encryption !== null,
      createdAt: manifest.createdAt,
      appVersion: manifest.appVersion,
      formatVersion: manifest.version,
      counts,
      entries: manifest.entries,
    }
  } finally {
    await handle.close()
  }
}
