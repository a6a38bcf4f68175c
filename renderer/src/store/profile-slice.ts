import { api, messageOf, unwrap } from '../api'
import { formOutcomeOf } from '../ui/field-errors'
import type { ProfileSlice, Slice } from './types'
import { i18n } from '../i18n/i18n'

/** A toast's words in the window's language (namespace toasts). */
const said = (key: string, params?: Record<string, string | number>) => i18n.t(key, { ns: 'toasts', ...params })

/** The profile's fields, as the core names them in its errors. */
export const profileFieldPaths = ['name', 'email', 'address', 'country', 'region'] as const

export const createProfileSlice: Slice<ProfileSlice> = (set, get) => ({
  profile: null,
  profileLoaded: false,
  async loadProfile() {
    try {
      set({ profile: unwrap(await api().profile.get({})), profileLoaded: true })
    } catch (error) {
      get().toast('error', messageOf(error))
    }
  },
  async saveProfile(profile, { quiet = false } = {}) {
    try {
      set({ profile: unwrap(await api().profile.save(profile)), profileLoaded: true })
      if (!quiet) get().toast('success', said('profileSaved'))
      return { ok: true }
    } catch (error) {
      // Problems with a field go beside that field; only the rest is a toast.
      const outcome = formOutcomeOf(error, profileFieldPaths)
      if (outcome.fields.size === 0) get().toast('error', messageOf(error))
      return outcome
    }
  },
})
