import { api, messageOf, unwrap } from '../api'
import type { ProfileSlice, Slice } from './types'

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
  async saveProfile(profile) {
    try {
      set({ profile: unwrap(await api().profile.save(profile)), profileLoaded: true })
      get().toast('success', 'Your details are saved on this computer.')
      return true
    } catch (error) {
      get().toast('error', messageOf(error))
      return false
    }
  },
})
