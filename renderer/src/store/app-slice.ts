import { api, messageOf, unwrap } from '../api'
import { searchLimit } from './catalog-slice'
import { withEntry } from './keyed'
import { sameRoute } from './routes'
import type { AppSlice, Slice } from './types'

let toastCounter = 0

export const createAppSlice: Slice<AppSlice> = (set, get) => ({
  status: null,
  today: null,
  route: { name: 'dashboard' },
  history: [],
  toasts: [],
  async loadStatus() {
    try {
      const status = unwrap(await api().app.status({}))
      set({ status, today: status.today })
    } catch (error) {
      get().toast('error', messageOf(error))
    }
  },
  async tickToday() {
    const before = get().today
    try {
      const status = unwrap(await api().app.status({}))
      if (status.today === before) return
      set({ status, today: status.today })
    } catch {
      return // the next tick tries again
    }
    if (before === null) return
    // A new day: status and days left are the core's to count, so they are fetched anew.
    // The open request stays on screen while it is fetched again; the others are dropped.
    const open = get().route
    const kept = open.name === 'request' ? get().views.get(open.reference) : undefined
    set({ views: kept && open.name === 'request' ? new Map([[open.reference, kept]]) : new Map() })
    await get().loadRequests()
    if (open.name === 'request') await get().loadRequest(open.reference)
  },
  async refreshNotices() {
    const shown = get().status
    if (!shown) return
    try {
      const { notices } = unwrap(await api().app.status({}))
      const current = get().status
      const same = current && current.notices.length === notices.length && current.notices.every((n, i) => n.id === notices[i]!.id)
      if (current && !same) set({ status: { ...current, notices } })
    } catch {
      return // shown at the next chance
    }
  },
  async refreshChanged() {
    const state = get()
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
    // Quietly: what cannot be fetched now is fetched at the next chance.
    const quietly = async (run: () => Promise<void>) => {
      try {
        await run()
      } catch {
        return
      }
    }
    const route = state.route
    const tasks: Array<Promise<void>> = [get().refreshNotices()]
    if (state.requests) {
      tasks.push(
        quietly(async () => {
          const requests = unwrap(await api().requests.list({}))
          if (!same(requests, get().requests)) set({ requests })
        }),
      )
    }
    if (state.profileLoaded) {
      tasks.push(
        quietly(async () => {
          const profile = unwrap(await api().profile.get({}))
          if (!same(profile, get().profile)) set({ profile })
        }),
      )
    }
    if (state.settings) {
      tasks.push(
        quietly(async () => {
          const settings = unwrap(await api().settings.get({}))
          if (!same(settings, get().settings)) set({ settings })
        }),
      )
    }
    if (route.name === 'request') {
      const { reference } = route
      tasks.push(
        quietly(async () => {
          const view = unwrap(await api().requests.get({ reference }))
          if (!same(view, get().views.get(reference))) set({ views: withEntry(get().views, reference, view) })
        }),
        quietly(async () => {
          const replies = unwrap(await api().replies.list({ reference }))
          if (!same(replies, get().replies.get(reference))) set({ replies: withEntry(get().replies, reference, replies) })
        }),
      )
    }
    if (route.name === 'company') {
      const { id } = route
      tasks.push(
        quietly(async () => {
          const company = unwrap(await api().catalog.get({ id }))
          if (!same(company, get().companies.get(id))) set({ companies: withEntry(get().companies, id, company) })
        }),
      )
    }
    if (route.name === 'companies') {
      const { query } = state
      tasks.push(
        quietly(async () => {
          const hits = unwrap(await api().catalog.search({ query, limit: searchLimit }))
          if (get().query === query && !same(hits, get().hits)) set({ hits })
        }),
      )
    }
    if (state.pendingReplies) {
      tasks.push(
        quietly(async () => {
          const pendingReplies = unwrap(await api().replies.list({ pending: true }))
          if (!same(pendingReplies, get().pendingReplies)) set({ pendingReplies })
        }),
      )
    }
    await Promise.all(tasks)
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
