import { api, messageOf, unwrap } from '../api'
import type { CatalogSlice, Slice } from './types'

export const createCatalogSlice: Slice<CatalogSlice> = (set, get) => ({
  query: '',
  hits: [],
  companies: {},
  async search(query) {
    set({ query })
    try {
      const hits = unwrap(await api().catalog.search({ query, limit: 50 }))
      if (get().query === query) set({ hits }) // a later keystroke wins
    } catch (error) {
      get().toast('error', messageOf(error))
    }
  },
  async loadCompany(id) {
    try {
      const company = unwrap(await api().catalog.get({ id }))
      set({ companies: { ...get().companies, [company.id]: company } })
      return company
    } catch (error) {
      get().toast('error', messageOf(error))
      return null
    }
  },
  async addContact(input) {
    try {
      const company = unwrap(await api().catalog.addContact({ ...input, purpose: 'privacy' }))
      set({ companies: { ...get().companies, [company.id]: company } })
      get().toast('success', `Saved. Requests to ${company.name} will use this contact.`)
      return true
    } catch (error) {
      get().toast('error', messageOf(error))
      return false
    }
  },
})
