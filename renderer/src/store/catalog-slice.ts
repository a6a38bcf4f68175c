import { api, messageOf, unwrap } from '../api'
import { formOutcomeOf } from '../ui/field-errors'
import { withEntry, withoutEntry } from './keyed'
import type { CatalogSlice, Slice } from './types'
import { i18n } from '../i18n/i18n'

/** A toast's words in the window's language (namespace toasts). */
const said = (key: string, params?: Record<string, string | number>) => i18n.t(key, { ns: 'toasts', ...params })

/** As many hits as the list shows; the list is windowed, so this is cheap to render. */
export const searchLimit = 2000

export const createCatalogSlice: Slice<CatalogSlice> = (set, get) => ({
  query: '',
  hits: [],
  companies: new Map(),
  async search(query) {
    set({ query })
    try {
      const hits = unwrap(await api().catalog.search({ query, limit: searchLimit }))
      if (get().query === query) set({ hits }) // a later keystroke wins
    } catch (error) {
      get().toast('error', messageOf(error))
    }
  },
  async loadCompany(id) {
    try {
      const company = unwrap(await api().catalog.get({ id }))
      set({ companies: withEntry(get().companies, company.id, company) })
      return company
    } catch (error) {
      get().toast('error', messageOf(error))
      return null
    }
  },
  async saveCompany(input, fieldPaths = []) {
    try {
      const company = unwrap(await api().catalog.save(input))
      set({ companies: withEntry(get().companies, company.id, company) })
      get().toast('success', said(input.id ? 'companySaved' : 'companyAdded', { company: company.name }))
      void get().search(get().query)
      return { company }
    } catch (error) {
      const outcome = formOutcomeOf(error, fieldPaths)
      if (outcome.fields.size === 0) get().toast('error', messageOf(error))
      return { ...outcome, company: null }
    }
  },
  async findCompanyMatches(candidate) {
    try {
      return unwrap(await api().catalog.matches({ domains: [...candidate.domains], emails: [...candidate.emails], ...(candidate.excludeId ? { excludeId: candidate.excludeId } : {}) }))
    } catch (error) {
      get().toast('error', messageOf(error))
      return []
    }
  },
  async removeCompany(id) {
    try {
      const result = unwrap(await api().catalog.remove({ id }))
      set({ companies: withoutEntry(get().companies, id) })
      get().toast('success', said(result.restorable ? 'deletedRestorable' : 'deleted'))
      void get().search(get().query)
      return true
    } catch (error) {
      get().toast('error', messageOf(error))
      return false
    }
  },
  async restoreCompany(id) {
    try {
      const company = unwrap(await api().catalog.restore({ id }))
      set({ companies: withEntry(get().companies, company.id, company) })
      get().toast('success', said('companyBack', { company: company.name }))
      void get().search(get().query)
      return true
    } catch (error) {
      get().toast('error', messageOf(error))
      return false
    }
  },
  async resetCompany(id) {
    try {
      const company = unwrap(await api().catalog.reset({ id }))
      set({ companies: withEntry(get().companies, company.id, company) })
      get().toast('success', said('companyReverted', { company: company.name }))
      return true
    } catch (error) {
      get().toast('error', messageOf(error))
      return false
    }
  },
  async addContact(input) {
    try {
      const company = unwrap(await api().catalog.addContact({ ...input, purpose: 'privacy' }))
      set({ companies: withEntry(get().companies, company.id, company) })
      get().toast('success', said('contactSaved', { company: company.name }))
      return true
    } catch (error) {
      get().toast('error', messageOf(error))
      return false
    }
  },
  async importCompanies(format, kind) {
    const result = await get().runOperation('catalog:import', 'Importing companies', (operation) => api().catalog.import({ format, kind, dryRun: false, operation }))
    if (result.ok && result.data.source !== null) void get().search(get().query)
    return result
  },
  async deletedCompanies() {
    const result = await api().catalog.deleted({})
    return result.ok ? result.data : []
  },
  async exportCompanies() {
    try {
      return unwrap(await api().catalog.export({ all: false }))
    } catch (error) {
      get().toast('error', messageOf(error))
      return null
    }
  },
  async catalogSources() {
    try {
      return unwrap(await api().catalog.sources({}))
    } catch (error) {
      return { error: messageOf(error) }
    }
  },
})
