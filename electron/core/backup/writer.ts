/**
 * Writes a backup of the user's data (format.ts) in one pass: every file is checked and hashed
 * first (the manifest comes before the content), then streamed into a temporary file beside the
 * target, which is renamed over it only when complete. A file that changes between the two reads
 * stops the backup; nothing half-written is ever left under the target's name.
 *
 * Thousands of small files: each is read with one synchronous call (an asynchronous one costs a
 * trip through the thread pool per step, ten times slower), and the work pauses for the event
 * loop every few milliseconds, so the host stays responsive.
 */
import { createCipheriv, createHash, randomBytes, scrypt, type CipherGCM, type Hash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { CoreError } from '../shared/result'
import type { Operation, OperationStep } from '../shared/operation'
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
import { message } from '../shared/message'
import { coreError, reasonOf } from '../messages/errors'

const chunkBytes = 1024 * 1024
/** Files up to this size are read whole; larger ones in chunks. */
const wholeFileBytes = 8 * 1024 * 1024

/** Lets the event loop run every `sliceMs` of work. */
export function createYielder(sliceMs = 15): () => Promise<void> {
  let last = performance.now()
  return async () => {
    if (performance.now() - last < sliceMs) return
    await new Promise<void>((resolve) => setImmediate(resolve))
    last = performance.now()
  }
}

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

/**
 * Hands a file's bytes to `each`: whole when small, else in chunks (pausing between them).
 * Resolves to the bytes read.
 */
async function readChunks(file: string, each: (chunk: Buffer) => void, pause: () => Promise<void>): Promise<number> {
  const fd = fs.openSync(file, 'r')
  try {
    const size = fs.fstatSync(fd).size
    if (size <= wholeFileBytes) {
      const bytes = fs.readFileSync(fd)
      each(bytes)
      return bytes.length
    }
    const buffer = Buffer.allocUnsafe(chunkBytes)
    let total = 0
    for (;;) {
      const bytesRead = fs.readSync(fd, buffer, 0, buffer.length, null)
      if (bytesRead === 0) return total
      total += bytesRead
      each(buffer.subarray(0, bytesRead))
      await pause()
    }
  } finally {
    fs.closeSync(fd)
  }
}

/** Checks and hashes every file; a record that does not read as what it should be is left out. */
async function survey(files: ReadonlyArray<DataFile>, limits: BackupLimits, pause: () => Promise<void>, reached: (index: number) => void = () => {}) {
  const counts = emptyCounts()
  const entries: ManifestEntry[] = []
  const skipped: Array<{ path: string; reason: string }> = []
  for (const [index, file] of files.entries()) {
    reached(index)
    await pause()
    if (isCheckedRecord(file.path)) {
      if (file.size > limits.maxRecordBytes) {
        skipped.push({ path: file.path, reason: `it is larger than ${formatBytes(limits.maxRecordBytes)}` })
        continue
      }
      let bytes: Buffer
      try {
        bytes = fs.readFileSync(file.file)
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
      size = await readChunks(file.file, (chunk) => void hash.update(chunk), pause)
    } catch (error) {
      skipped.push({ path: file.path, reason: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` })
      continue
    }
    tally(counts, file.path, { kind: 'record' })
    entries.push({ path: file.path, size, sha256: hash.digest('hex') })
  }
  return { counts, entries, skipped }
}

/**
 * Where the bytes go: the file (and the whole-file hash), through the cipher when encrypted,
 * gathered into large writes.
 */
class Output {
  private readonly fileHash: Hash = createHash('sha256')
  private readonly buffer = Buffer.allocUnsafe(4 * chunkBytes)
  private filled = 0
  written = 0

  constructor(
    private readonly fd: number,
    private readonly cipher: CipherGCM | null,
  ) {}

  /** Bytes as they are in the file (magic, header, tag); `hashed` false only for the checksum. */
  raw(bytes: Uint8Array, hashed = true): void {
    if (hashed) this.fileHash.update(bytes)
    this.written += bytes.length
    if (this.filled + bytes.length > this.buffer.length) this.flush()
    if (bytes.length >= this.buffer.length) {
      writeAll(this.fd, bytes)
      return
    }
    this.buffer.set(bytes, this.filled)
    this.filled += bytes.length
  }

  /** Payload bytes: encrypted first when there is a cipher. */
  payload(bytes: Uint8Array): void {
    this.raw(this.cipher ? this.cipher.update(bytes) : bytes)
  }

  flush(): void {
    if (this.filled > 0) writeAll(this.fd, this.buffer.subarray(0, this.filled))
    this.filled = 0
  }

  finish(): void {
    if (this.cipher) {
      const rest = this.cipher.final()
      if (rest.length > 0) this.raw(rest)
      this.raw(this.cipher.getAuthTag())
    }
    this.raw(this.fileHash.digest(), false)
    this.flush()
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0
  while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset)
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
  /** Reports progress and may stop the backup between chunks (CANCELLED; nothing is left behind). */
  operation?: Operation
}): Promise<BackupWritten> {
  const limits = options.limits ?? defaultLimits
  const operation = options.operation ?? null
  const { files, unsafe } = listUserData(options.dataDir)
  let step: OperationStep = { stage: 'checking', done: 0, total: files.length, message: 'Checking your files…', detail: message('progress.checkingFiles'), cancellable: true }
  const pause = operation ? () => operation.checkpoint(step) : createYielder()
  const { counts, entries, skipped } = await survey(files, limits, pause, (index) => {
    step = { ...step, done: index, message: `Checking file ${(index + 1).toLocaleString('en')} of ${files.length.toLocaleString('en')}…`, detail: message('progress.checkingFile', { done: index + 1, total: files.length }) }
  })
  skipped.push(...unsafe.map((u) => ({ path: u.path, reason: `its name cannot be restored everywhere (${u.reason})` })))
  if (entries.length > limits.maxEntries) {
    throw coreError('BACKUP_TOO_LARGE', 'error.backup.tooManyFiles', { files: entries.length, limit: limits.maxEntries })
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
    throw coreError('BACKUP_TOO_LARGE', 'error.backup.tooManyBytes', { size: formatBytes(total), limit: formatBytes(limits.maxBytes) })
  }

  const target = path.resolve(options.target)
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  let fd: number
  try {
    fd = fs.openSync(temp, 'wx', 0o600)
  } catch (error) {
    throw coreError('STORAGE_FAILED', 'error.backup.cannotWriteTo', { folder: path.dirname(target), reason: reasonOf(error) })
  }
  const failed = (error: unknown): CoreError => {
    fs.rmSync(temp, { force: true })
    return error instanceof CoreError ? error : coreError('STORAGE_FAILED', 'error.backup.notWritten', { reason: String((error as Error).message) })
  }
  try {
    const cipher = key && iv ? createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 }) : null
    cipher?.setAAD(prefix)
    const out = new Output(fd, cipher)
    out.raw(prefix)
    out.payload(manifestLine)
    for (const entry of entries) {
      step = {
        stage: 'writing',
        done: out.written,
        total,
        message: `Writing the backup: ${formatBytes(out.written)} of ${formatBytes(total)}…`,
        detail: message('progress.writing', { done: formatBytes(out.written), total: formatBytes(total) }),
        cancellable: true,
      }
      await pause()
      const hash = createHash('sha256')
      let size = 0
      await readChunks(
        path.join(options.dataDir, ...entry.path.split('/')),
        (chunk) => {
          size += chunk.length
          if (size > entry.size) return
          hash.update(chunk)
          out.payload(chunk)
          step = {
            ...step,
            done: out.written,
            message: `Writing the backup: ${formatBytes(out.written)} of ${formatBytes(total)}…`,
            detail: message('progress.writing', { done: formatBytes(out.written), total: formatBytes(total) }),
          }
        },
        pause,
      )
      if (size !== entry.size || hash.digest('hex') !== entry.sha256) {
        throw coreError('STORAGE_FAILED', 'error.backup.changed', { path: entry.path })
      }
    }
    // The last point where it can stop: what follows finishes the file and puts it in place.
    await operation?.checkpoint({ ...step, done: out.written, message: 'Finishing the backup…', detail: message('progress.finishingBackup') })
    operation?.report({ stage: 'finishing', done: total, total, message: 'Putting the backup in place…', detail: message('progress.placingBackup'), cancellable: false })
    out.finish()
    if (out.written !== total) throw new Error(`the backup came out ${out.written} bytes long instead of ${total}`)
    fs.fsyncSync(fd)
  } catch (error) {
    fs.closeSync(fd)
    throw failed(error)
  }
  fs.closeSync(fd)
  try {
    fs.renameSync(temp, target)
  } catch (error) {
    throw failed(error)
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
