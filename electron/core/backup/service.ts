/**
 * The backup service: back up everything, choose a backup, see what it holds, restore it. Writing a
 * backup and swapping a restore in run alone (no other call in progress); after a restore the
 * core's services are opened again on the restored data, so every host shows it at once.
 */
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { CoreError } from '../shared/result'
import { plainDateOf } from '../shared/calendar'
import type { Clock, FilePicker, FileSink } from '../shared/ports'
import type { Operation } from '../shared/operation'
import { listUserData } from './entries'
import { backupExtension, defaultLimits, emptyCounts, type BackupLimits } from './format'
import { readBackup, readBackupHeader } from './reader'
import { discardStaged, refuseIfNotEmpty, stageBackup, swapIn } from './restore'
import type { BackupChosen, BackupCreated, BackupPreview, RestoreResult } from './view'
import { writeBackup } from './writer'
import { message } from '../shared/message'
import { coreError } from '../messages/errors'

/** How many chosen backup files are remembered (by token) at a time. */
const maxChosen = 20

/** Backing up and restoring the data folder. */
export type BackupService = {
  create(input: { passphrase?: string | null | undefined }, operation: Operation): Promise<BackupCreated>
  choose(): Promise<BackupChosen>
  inspect(input: { token: string; passphrase?: string | null | undefined }): Promise<BackupPreview>
  restore(input: { token: string; passphrase?: string | null | undefined; replace: boolean }, operation: Operation): Promise<RestoreResult>
}

export function createBackupService(deps: {
  ports: {
    readonly dataDir: string
    readonly appVersion: string
    readonly clock: Clock
    readonly files: Pick<FileSink, 'choosePath'>
    readonly picker: Pick<FilePicker, 'pickBackup'>
  }
  /** Runs with no other API call in progress. */
  exclusive: <T>(run: () => Promise<T>) => Promise<T>
  /** Opens the core's services again on what is now in the data folder. */
  reopen: () => void
  limits?: BackupLimits
}): BackupService {
  const { ports } = deps
  const limits = deps.limits ?? defaultLimits
  const chosen = new Map<string, string>()

  const fileOf = (token: string): string => {
    const file = chosen.get(token)
    if (!file) throw coreError('NOT_FOUND', 'error.backup.notChosen')
    return file
  }

  const requestsIn = (dataDir: string) => listUserData(dataDir).files.filter((f) => /^requests\/RF-\d{4}-\d{4,}\.json$/.test(f.path)).length

  return {
    async create({ passphrase }, operation) {
      const today = plainDateOf(ports.clock.now())
      const target = await ports.files.choosePath({ suggestedName: `rightful-backup-${today}.${backupExtension}`, kind: 'backup' })
      if (!target) {
        const none: BackupCreated = {
          path: null,
          bytes: 0,
          encrypted: false,
          requests: 0,
          replies: 0,
          attachments: 0,
          counts: emptyCounts(),
          skipped: [],
        }
        return none
      }
      if (path.resolve(target).startsWith(path.resolve(ports.dataDir) + path.sep)) {
        throw coreError('INVALID_INPUT', 'error.backup.insideDataFolder')
      }
      const written = await deps.exclusive(() =>
        writeBackup({ dataDir: ports.dataDir, target, appVersion: ports.appVersion, now: ports.clock.now(), passphrase: passphrase ?? null, limits, operation }),
      )
      const result: BackupCreated = {
        path: written.path,
        bytes: written.bytes,
        encrypted: written.encrypted,
        requests: written.counts.requests,
        replies: written.counts.replies,
        attachments: written.counts.attachments,
        counts: written.counts,
        skipped: written.skipped,
      }
      return result
    },

    async choose() {
      const file = await ports.picker.pickBackup()
      if (!file) return { token: null, name: null, encrypted: false, bytes: 0 }
      const { header, bytes } = await readBackupHeader(file, limits)
      const token = `bk-${randomBytes(9).toString('hex')}`
      chosen.set(token, file)
      // The oldest choice goes first: a Map keeps insertion order.
      if (chosen.size > maxChosen) chosen.delete(chosen.keys().next().value!)
      return { token, name: path.basename(file), encrypted: header.encryption !== null, bytes }
    },

    async inspect({ token, passphrase }) {
      const file = fileOf(token)
      const info = await readBackup(file, { passphrase: passphrase ?? null, limits })
      const current = listUserData(ports.dataDir)
      const preview: BackupPreview = {
        token,
        name: path.basename(file),
        bytes: info.bytes,
        encrypted: info.encrypted,
        createdAt: info.createdAt,
        appVersion: info.appVersion,
        formatVersion: info.formatVersion,
        counts: info.counts,
        current: { requests: requestsIn(ports.dataDir), files: current.files.length + current.unsafe.length },
      }
      return preview
    },

    async restore({ token, passphrase, replace }, operation) {
      const file = fileOf(token)
      // Said before the backup is read, and again (swapIn) once nothing else runs.
      if (!replace) refuseIfNotEmpty(ports.dataDir)
      const staged = await stageBackup({ dataDir: ports.dataDir, file, passphrase: passphrase ?? null, limits, operation })
      // The last point where it can stop: the swap that follows is done whole (or finished at the next start).
      try {
        await operation.checkpoint({ stage: 'unpacking', done: 1, total: 1, message: 'The backup is unpacked.', detail: message('progress.unpacked'), cancellable: true })
      } catch (error) {
        discardStaged(staged)
        throw error
      }
      operation.report({ stage: 'swapping', done: 0, total: null, message: 'Putting the restored data in place…', detail: message('progress.swapping'), cancellable: false })
      const { previousData } = await deps.exclusive(async () => {
        try {
          const swapped = swapIn({ dataDir: ports.dataDir, staged, replace, now: ports.clock.now() })
          deps.reopen()
          return swapped
        } catch (error) {
          if (error instanceof CoreError && error.code === 'DATA_FOLDER_NOT_EMPTY') {
            discardStaged(staged)
          } else {
            // Half-way: opening again finishes the swap from its journal. When even that fails,
            // the API refuses every call until the next start finishes it (never a mix in use).
            try {
              deps.reopen()
            } catch {
              // Reported by every call from now on.
            }
          }
          throw error
        }
      })
      chosen.delete(token)
      const result: RestoreResult = {
        dataDir: ports.dataDir,
        createdAt: staged.info.createdAt,
        appVersion: staged.info.appVersion,
        requests: staged.info.counts.requests,
        replies: staged.info.counts.replies,
        attachments: staged.info.counts.attachments,
        counts: staged.info.counts,
        previousData,
      }
      return result
    },
  }
}
