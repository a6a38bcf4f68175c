import { api, messageOf, unwrap } from '../api'
import type { SettingsSlice, Slice } from './types'

export const createSettingsSlice: Slice<SettingsSlice> = (set, get) => ({
  settings: null,
  templates: [],
  async loadSettings() {
    try {
      set({ settings: unwrap(await api().settings.get({})) })
    } catch (error) {
      get().toast('error', messageOf(error))
    }
  },
  async updateSettings(patch) {
    // Shown at once (a checkbox must not spring back while the core saves), then what was saved.
    const current = get().settings
    if (current) {
      set({
        settings: {
          deadlines: { ...current.deadlines, ...patch.deadlines },
          notifications: { ...current.notifications, ...patch.notifications },
          onboarding: { ...current.onboarding, ...patch.onboarding },
          sending: { ...current.sending, ...patch.sending },
          ui: { ...current.ui, ...patch.ui },
        },
      })
    }
    try {
      set({ settings: unwrap(await api().settings.update(patch)) })
      // Deadlines depend on the settings: the list shows them anew.
      if (patch.deadlines) {
        set({ views: new Map() })
        await get().loadRequests()
      }
      return true
    } catch (error) {
      set({ settings: current })
      get().toast('error', messageOf(error))
      return false
    }
  },
  async loadTemplates() {
    try {
      set({ templates: unwrap(await api().templates.available({})) })
    } catch (error) {
      get().toast('error', messageOf(error))
    }
  },
})
