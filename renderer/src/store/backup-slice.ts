/**
 * Backing up and restoring everything, and the data folder. The core does all of it; after a
 * restore every cached slice is dropped (the store goes back to its initial state) and loaded
 * again, so nothing shown comes from the data that was replaced.
 */
import type { ApiError } from '@core/shared/result'
import type { BackupChosen, BackupCreated, BackupPreview, RestoreResult } from '@core/backup/view'
import { api, ApiFailure, messageOf, unwrap } from '../api'
import type { Slice } from './types'
import { currentLocale, i18n } from '../i18n/i18n'

/** A toast's words in the window's language (namespace toasts). */
const said = (key: string, params?: Record<string, string | number>) => i18n.t(key, { ns: 'toasts', ...params })

/** A result, or the core's error (code and message) to show where it belongs. */
export type Outcome<T> = { ok: true; data: T } | { ok: false; error: ApiError }

export type BackupSlice = {
  /** The last backup made in this session, shown under the button. */
  lastBackup: BackupCreated | null
  /** Resolves to what was written (path null: cancelled), or the error. */
  createBackup(passphrase: string | null): Promise<Outcome<BackupCreated>>
  /** The host's file picker; token null when cancelled. */
  chooseBackup(): Promise<Outcome<BackupChosen>>
  inspectBackup(token: string, passphrase: string | null): Promise<Outcome<BackupPreview>>
  /** Restores, then shows the restored data everywhere. */
  restoreBackup(token: string, passphrase: string | null, replace: boolean): Promise<Outcome<RestoreResult>>
  openDataFolder(): Promise<void>
}

const outcome = async <T>(call: () => Promise<{ ok: true; data: T } | { ok: false; error: ApiError }>): Promise<Outcome<T>> => {
  try {
    return { ok: true, data: unwrap(await call()) }
  } catch (error) {
    return { ok: false, error: error instanceof ApiFailure ? error.error : { code: 'INTERNAL', message: messageOf(error) } }
  }
}

export const createBackupSlice: Slice<BackupSlice> = (set, get, store) => ({
  lastBackup: null,

  async createBackup(passphrase) {
    const result = await outcome(() => get().runOperation('backup:create', 'Backing up', (operation) => api().backup.create({ passphrase, operation })))
    if (result.ok && result.data.path) set({ lastBackup: result.data })
    return result
  },

  chooseBackup: () => outcome(() => api().backup.choose({})),

  inspectBackup: (token, passphrase) => outcome(() => api().backup.inspect({ token, passphrase })),

  async restoreBackup(token, passphrase, replace) {
    const result = await outcome(() => get().runOperation('backup:restore', 'Restoring the backup', (operation) => api().backup.restore({ token, passphrase, replace, operation })))
    if (result.ok) {
      // Everything cached came from the replaced data: start from scratch, on the dashboard.
      set(store.getInitialState(), true)
      await Promise.all([get().loadStatus(), get().loadProfile(), get().loadRequests()])
      const r = result.data
      get().toast(
        'success',
        said('restored', {
          requests: said('requests', { count: r.requests }),
          replies: said('replies', { count: r.replies }),
          date: new Date(r.createdAt).toLocaleDateString(currentLocale()),
        }),
      )
    }
    return result
  },

  async openDataFolder() {
    try {
      unwrap(await api().app.openDataFolder({}))
    } catch (error) {
      get().toast('error', messageOf(error))
    }
  },
})
