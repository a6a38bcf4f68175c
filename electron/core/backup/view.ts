/** What the backup API returns. Pure types, shared with the renderer. */
import type { BackupCounts } from './format'

export type { BackupCounts }

/** A backup written (`path` null when the user cancelled the save dialog). */
export type BackupCreated = {
  readonly path: string | null
  readonly bytes: number
  readonly encrypted: boolean
  readonly requests: number
  readonly replies: number
  readonly attachments: number
  readonly counts: BackupCounts
  /** Files that did not read as what they should be, and were left out, with why. */
  readonly skipped: ReadonlyArray<{ readonly path: string; readonly reason: string }>
}

/** A backup file the user chose (`token` null when they cancelled). */
export type BackupChosen = {
  readonly token: string | null
  readonly name: string | null
  readonly encrypted: boolean
  readonly bytes: number
}

/** What a verified backup holds, shown before restoring it. */
export type BackupPreview = {
  readonly token: string
  readonly name: string
  readonly bytes: number
  readonly encrypted: boolean
  readonly createdAt: string
  readonly appVersion: string
  readonly formatVersion: number
  readonly counts: BackupCounts
  /** What the data folder holds now: a restore replaces it (and keeps it in a before-restore-… folder). */
  readonly current: { readonly requests: number; readonly files: number }
}

export type RestoreResult = {
  readonly dataDir: string
  /** When the restored backup was made, and by which version. */
  readonly createdAt: string
  readonly appVersion: string
  readonly requests: number
  readonly replies: number
  readonly attachments: number
  readonly counts: BackupCounts
  /** Where the replaced data is kept; null when the data folder held none. */
  readonly previousData: string | null
}
