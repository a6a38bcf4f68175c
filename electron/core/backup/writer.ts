/**
 * Writes a backup of the user's data (format.ts) in one pass: every file is checked and hashed
 * first (the manifest comes before the content), then streamed into a temporary file beside the
 * target, which is renamed over it only when complete. A file that changes between the two reads
 * stops the backup; nothing half-written is ever left under the target's name.
 */
import { createCipheriv, createHash, randomBytes, scrypt, type CipherGCM, type Hash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { CoreError } from '../api/result'
import { checkRecord, isCheckedRecord, listUserData, tally, type DataFile } from './entries'
import {
  backupFormat,
  backupMagic,
  backupVersion,
  defaultLimits,
  emptyCounts,
  formatBytes,
  maxHeaderBytes,
  scryptDefaults,
  scryptMemory,
  type BackupCounts,
  type BackupHeader,
  type BackupLimits,
  type ManifestEntry,
} from './format'

const chunkBytes = 1024 * 1024

export type BackupWritten = {
  readonly path: string
  /** The backup file's size. */
  readonly bytes: number
  readonly encrypted: boolean
  readonly counts: BackupCounts
  /** Files that could not be read as what they should be, and were left out (with why). */
  readonly skipped: ReadonlyArray<{ readonly path: string; readonly reason: string }>
}

/** Derives the AES-256 key from a passphrase (NFC, so the same words typed anywhere match). */
export function deriveKey(passphrase: string, salt: Uint8Array, params: { n: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, { N: params.n, r: params.r, p: params.p, maxmem: scryptMemory(params.n, params.r) }, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
}

/** Streams a file through `each`, in chunks; resolves to the bytes read. */
async function readChunks(file: string, each: (chunk: Buffer) => void | Promise<void>): Promise<number> {
  const handle = await fs.promises.open(file, 'r')
  try {
    const buffer = Buffer.allocUnsafe(chunkBytes)
    let total = 0
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null)
      if (bytesRead === 0) return total
      total += bytesRead
      await each(buffer.subarray(0, bytesRead))
    }
  } finally {
    await handle.close()
  }
}

/** Checks and hashes every file; a record that does not read as what it should be is left out. */
async function survey(files: ReadonlyArray<DataFile>, limits: BackupLimits) {
  const counts = emptyCounts()
  const entries: ManifestEntry[] = []
  const skipped: Array<{ path: string; reason: string }> = []
  for (const file of files) {
    if (isCheckedRecord(file.path)) {
      if (file.size > limits.maxRecordBytes) {
        skipped.push({ path: file.path, reason: `it is larger than ${formatBytes(limits.maxRecordBytes)}` })
        continue
      }
      let bytes: Buffer
      try {
        bytes = await fs.promises.readFile(file.file)
      } catch (error) {
        skipped.push({ path: file.path, reason: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` })
        continue
      }
      try {
        tally(counts, file.path, checkRecord(file.path, bytes))
      } catch (error) {
        skipped.push({ path: file.path, reason: (error as Error).message })
        continue
      }
      entries.push({ path: file.path, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') })
      continue
    }
    const hash = createHash('sha256')
    let size: number
    try {
      size = await readChunks(file.file, (chunk) => void hash.update(chunk))
    } catch (error) {
      skipped.push({ path: file.path, reason: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` })
      continue
    }
    tally(counts, file.path, { kind: 'record' })
    entries.push({ path: file.path, size, sha256: hash.digest('hex') })
  }
  return { counts, entries, skipped }
}

/** Where the bytes go: the file (and the whole-file hash), through the cipher when encrypted. */
class Output {
  private readonly fileHash: Hash = createHash('sha256')
  written = 0

  constructor(
    private readonly handle: fs.promises.FileHandle,
    private readonly cipher: CipherGCM | null,
  ) {}

  /** Bytes as they are in the file (magic, header, tag, checksum). */
  async raw(bytes: Uint8Array): Promise<void> {
    this.fileHash.update(bytes)
    await this.handle.write(bytes)
    this.written += bytes.length
  }

  /** Payload bytes: encrypted first when there is a cipher. */
  async payload(bytes: Uint8Array): Promise<void> {
    await this.raw(this.cipher ? this.cipher.update(bytes) : bytes)
  }

  async finish(): Promise<void> {
    if (this.cipher) {
      const rest = this.cipher.final()
      if (rest.length > 0) await this.raw(rest)
      await this.raw(this.cipher.getAuthTag())
    }
    const checksum = this.fileHash.digest()
    await this.handle.write(checksum)
    this.written += checksum.length
  }
}

/**
 * Backs up the user's data from `dataDir` into `target`. With a passphrase the content is
 * encrypted (scrypt + AES-256-GCM). Throws CoreError: BACKUP_TOO_LARGE, STORAGE_FAILED.
 */
export async function writeBackup(options: {
  dataDir: string
  target: string
  appVersion: string
  now: Date
  passphrase: string | null
  limits?: BackupLimits
}): Promise<BackupWritten> {
  const limits = options.limits ?? defaultLimits
  const { files, unsafe } = listUserData(options.dataDir)
  const { counts, entries, skipped } = await survey(files, limits)
  skipped.push(...unsafe.map((u) => ({ path: u.path, reason: `its name cannot be restored everywhere (${u.reason})` })))
  if (entries.length > limits.maxEntries) {
    throw new CoreError('BACKUP_TOO_LARGE', `Your data holds ${entries.length} files; a backup holds at most ${limits.maxEntries}.`)
  }

  const manifestLine = Buffer.from(
    `${JSON.stringify({ format: backupFormat, version: backupVersion, createdAt: options.now.toISOString(), appVersion: options.appVersion, counts, entries })}\n`,
    'utf8',
  )
  const bodyBytes = manifestLine.length + entries.reduce((sum, e) => sum + e.size, 0)

  let key: Buffer | null = null
  let header: BackupHeader = { format: backupFormat, version: backupVersion, bodyBytes, encryption: null }
  let iv: Buffer | null = null
  if (options.passphrase !== null) {
    const salt = randomBytes(16)
    iv = randomBytes(12)
    key = await deriveKey(options.passphrase, salt, scryptDefaults)
    header = {
      ...header,
      encryption: { kdf: 'scrypt', ...scryptDefaults, salt: salt.toString('base64'), cipher: 'aes-256-gcm', iv: iv.toString('base64') },
    }
  }
  const prefix = Buffer.from(`${backupMagic}${JSON.stringify(header)}\n`, 'utf8')
  if (prefix.length > backupMagic.length + maxHeaderBytes) throw new Error('the backup header came out too long')
  const total = prefix.length + bodyBytes + (key ? 16 : 0) + 32
  if (total > limits.maxBytes) {
    throw new CoreError('BACKUP_TOO_LARGE', `Your data comes to ${formatBytes(total)}; a backup holds at most ${formatBytes(limits.maxBytes)}.`)
  }

  const target = path.resolve(options.target)
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  let handle: fs.promises.FileHandle
  try {
    handle = await fs.promises.open(temp, 'wx', 0o600)
  } catch (error) {
    throw new CoreError('STORAGE_FAILED', `The backup cannot be written to ${path.dirname(target)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`)
  }
  try {
    const cipher = key && iv ? createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 }) : null
    cipher?.setAAD(prefix)
    const out = new Output(handle, cipher)
    await out.raw(prefix)
    await out.payload(manifestLine)
    for (const entry of entries) {
      const hash = createHash('sha256')
      let size = 0
      await readChunks(path.join(options.dataDir, ...entry.path.split('/')), async (chunk) => {
        size += chunk.length
        if (size > entry.size) return
        hash.update(chunk)
        await out.payload(chunk)
      })
      if (size !== entry.size || hash.digest('hex') !== entry.sha256) {
        throw new CoreError('STORAGE_FAILED', `${entry.path} changed while the backup was being written. Nothing was saved; make the backup again.`)
      }
    }
    await out.finish()
    if (out.written !== total) throw new Error(`the backup came out ${out.written} bytes long instead of ${total}`)
    await handle.sync()
    await handle.close()
    await fs.promises.rename(temp, target)
  } catch (error) {
    await handle.close().catch(() => undefined)
    await fs.promises.rm(temp, { force: true })
    if (error instanceof CoreError) throw error
    throw new CoreError('STORAGE_FAILED', `The backup could not be written: ${(error as Error).message}. Nothing was saved.`)
  }
  fsyncDirectory(path.dirname(target))
  return { path: target, bytes: total, encrypted: key !== null, counts, skipped }
}

function fsyncDirectory(dir: string): void {
  if (process.platform === 'win32') return
  try {
    const fd = fs.openSync(dir, 'r')
    try {
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
  } catch {
    // The file is complete and renamed; a folder that cannot be synced only weakens durability.
  }
}
