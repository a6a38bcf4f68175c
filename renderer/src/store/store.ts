/**
 * One zustand store made of slices. The store caches what the core returned and never holds the
 * truth: actions call window.api, then apply the returned entity.
 */
import { create, type StateCreator } from 'zustand'
import type { AppStatus, CompanyHit, RequestListItem, RequestView } from '@core/api/contract'
import type { CompanyView } from '@core/catalog/schema'
import type { Profile } from '@core/profile/profile'
import { api, messageOf, unwrap } from '../api'
import { sameRoute, type Route } from './routes'

export type Toast = { readonly id: number; readonly kind: 'success' | 'error'; readonly text: string }

type AppSlice = {
  status: AppStatus | null
  route: Route
  history: Route[]
  toasts: Toast[]
  loadStatus(): Promise<void>
  dismissNotice(id: string): Promise<void>
  navigate(route: Route): void
  back(): void
  toast(kind: Toast['kind'], text: string): void
  dropToast(id: number): void
}

type CatalogSlice = {
  query: string
  hits: ReadonlyArray<CompanyHit>
  companies: Record<string, CompanyView>
  search(query: string): Promise<void>
  loadCompany(id: string): Promise<CompanyView | null>
  addContact(input: { companyId: string; email?: string; postal?: { recipient: string; lines: string[]; country: string } }): Promise<boolean>
}

type ProfileSlice = {
  profile: Profile | null
  profileLoaded: boolean
  loadProfile(): Promise<void>
  saveProfile(profile: Profile): Promise<boolean>
}

type RequestsSlice = {
  requests: ReadonlyArray<RequestListItem> | null
  views: Record<string, RequestView>
  loadRequests(): Promise<void>
  loadRequest(reference: string): Promise<void>
  createRequest(input: { companyId: string; type: 'access' | 'erasure' }): Promise<string | null>
  saveDraft(reference: string, subject: string, body: string): Promise<boolean>
  markSent(reference: string, on: string, channel: 'email' | 'post'): Promise<boolean>
  discard(reference: string): Promise<void>
  savePdf(reference: string): Promise<void>
  openInMailProgram(reference: string): Promise<void>
  saveEml(reference: string): Promise<void>
}

export type State = AppSlice & CatalogSlice & ProfileSlice & RequestsSlice

type Slice<T> = StateCreator<State, [], [], T>

let toastCounter = 0

const createAppSlice: Slice<AppSlice> = (set, get) => ({
  status: null,
  route: { name: 'dashboard' },
  history: [],
  toasts: [],
  async loadStatus() {
    try {
      set({ status: unwrap(await api().app.status({})) })
    } catch (error) {
      get().toast('error', messageOf(error))
    }
  },
  async dismissNotice(id) {
    await api().app.dismissNotice({ id })
    await get().loadStatus()
  },
  navigate(route) {
    const { route: current, history } = get()
    if (sameRoute(current, route)) return
    set({ route, history: [...history, current].slice(-50) })
  },
  back() {
    const history = [...get().history]
    const previous = history.pop()
    set({ route: previous ?? { name: 'dashboard' }, history })
  },
  toast(kind, text) {
    toastCounter += 1
    const id = toastCounter
    // At most three at a time: the newest matter.
    set({ toasts: [...get().toasts, { id, kind, text }].slice(-3) })
    setTimeout(() => get().dropToast(id), kind === 'error' ? 9000 : 6000)
  },
  dropToast(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) })
  },
})

const createCatalogSlice: Slice<CatalogSlice> = (set, get) => ({
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

const createProfileSlice: Slice<ProfileSlice> = (set, get) => ({
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

const createRequestsSlice: Slice<RequestsSlice> = (set, get) => {
  const applyView = (view: RequestView) => set({ views: { ...get().views, [view.record.reference]: view } })
  const attempt = async <T,>(run: () => Promise<T>): Promise<T | null> => {
    try {
      return await run()
    } catch (error) {
      get().toast('error', messageOf(error))
      return null
    }
  }
  return {
    requests: null,
    views: {},
    async loadRequests() {
      await attempt(async () => set({ requests: unwrap(await api().requests.list({})) }))
    },
    async loadRequest(reference) {
      await attempt(async () => applyView(unwrap(await api().requests.get({ reference }))))
    },
    async createRequest({ companyId, type }) {
      return attempt(async () => {
        const view = unwrap(await api().requests.create({ companyId, type, law: 'gdpr', lang: 'en' }))
        applyView(view)
        await get().loadRequests()
        return view.record.reference
      })
    },
    async saveDraft(reference, subject, body) {
      const saved = await attempt(async () => {
        applyView(unwrap(await api().requests.updateDraft({ reference, subject, body })))
        return true
      })
      return saved ?? false
    },
    async markSent(reference, on, channel) {
      const done = await attempt(async () => {
        applyView(unwrap(await api().requests.markSent({ reference, on, channel })))
        await get().loadRequests()
        return true
      })
      if (done) get().toast('success', `${reference} is marked as sent. Rightful now counts the company's time to answer.`)
      return done ?? false
    },
    async discard(reference) {
      await attempt(async () => {
        unwrap(await api().requests.discard({ reference }))
        const views = { ...get().views }
        delete views[reference]
        set({ views })
        await get().loadRequests()
        get().toast('success', `Draft ${reference} discarded.`)
        get().navigate({ name: 'dashboard' })
      })
    },
    async savePdf(reference) {
      await attempt(async () => {
        const { path } = unwrap(await api().letters.savePdf({ reference }))
        if (path) get().toast('success', `Letter saved: ${path}`)
      })
    },
    async openInMailProgram(reference) {
      await attempt(async () => {
        unwrap(await api().mail.openInMailProgram({ reference }))
        get().toast('success', 'Your mail program has the e-mail. Send it from there, then mark the request as sent.')
      })
    },
    async saveEml(reference) {
      await attempt(async () => {
        const { path } = unwrap(await api().mail.saveEml({ reference }))
        if (path) get().toast('success', `E-mail saved: ${path}. Open it with your mail program to send it.`)
      })
    },
  }
}

export const useStore = create<State>()((...args) => ({
  ...createAppSlice(...args),
  ...createCatalogSlice(...args),
  ...createProfileSlice(...args),
  ...createRequestsSlice(...args),
}))
