import { api, messageOf, unwrap } from '../api'
import { sameRoute } from './routes'
import type { AppSlice, Slice } from './types'

let toastCounter = 0

export const createAppSlice: Slice<AppSlice> = (set, get) => ({
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
