/**
 * One zustand store made of slices. The store caches what the core returned and never holds the
 * truth: actions call window.api, then apply the returned entity.
 */
import { create } from 'zustand'
import { createAppSlice } from './app-slice'
import { createBackupSlice } from './backup-slice'
import { createCatalogSlice } from './catalog-slice'
import { createMailSlice } from './mail-slice'
import { createProfileSlice } from './profile-slice'
import { createRequestsSlice } from './requests-slice'
import { createRepliesSlice } from './replies-slice'
import { createSettingsSlice } from './settings-slice'
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
}))
