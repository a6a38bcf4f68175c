/**
 * One zustand store made of slices. The store caches what the core returned and never holds the
 * truth: actions call window.api, then apply the returned entity.
 */
import { create } from 'zustand'
import { afterEachCall } from '../api'
import { createAppSlice } from './app-slice'
import { createBackupSlice } from './backup-slice'
import { createBulkSlice } from './bulk-slice'
import { createFollowUpsSlice } from './followups-slice'
import { createCatalogSlice } from './catalog-slice'
import { createMailSlice } from './mail-slice'
import { createOperationsSlice } from './operations-slice'
import { createPolicyImportSlice } from './policy-import-slice'
import { createProfileSlice } from './profile-slice'
import { createRequestsSlice } from './requests-slice'
import { createRepliesSlice } from './replies-slice'
import { createSettingsSlice } from './settings-slice'
import { createTemplatesSlice } from './templates-slice'
import { createAuthoritiesSlice } from './authorities-slice'
import type { State } from './types'

export type { State, Toast } from './types'

export const useStore = create<State>()((...args) => ({
  ...createAppSlice(...args),
  ...createCatalogSlice(...args),
  ...createProfileSlice(...args),
  ...createRequestsSlice(...args),
  ...createRepliesSlice(...args),
  ...createSettingsSlice(...args),
  ...createMailSlice(...args),
  ...createBackupSlice(...args),
  ...createOperationsSlice(...args),
  ...createPolicyImportSlice(...args),
  ...createBulkSlice(...args),
  ...createTemplatesSlice(...args),
  ...createAuthoritiesSlice(...args),
  ...createFollowUpsSlice(...args),
}))

/**
 * After calls to the core, the notices are fetched again (once for a burst of calls): damage found
 * while a store opened on first use is told at once, not at the next start.
 */
let pending: ReturnType<typeof setTimeout> | null = null
afterEachCall((channel) => {
  if (channel === 'app:status' || channel === 'app:dismissNotice' || pending !== null) return
  pending = setTimeout(() => {
    pending = null
    void useStore.getState().refreshNotices()
  }, 250)
})

/**
 * The app and the `rightful` command may share the data folder: when the window comes back into
 * focus (or into view), what is on screen is fetched again, and whatever the other changed shows.
 */
if (typeof window !== 'undefined') {
  const refresh = () => void useStore.getState().refreshChanged()
  window.addEventListener('focus', refresh)
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') refresh()
  })
}
