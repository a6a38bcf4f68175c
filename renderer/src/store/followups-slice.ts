/**
 * Chasing the gaps of a sent request: what the law lets a company ask for to check identity, whether
 * its extension claim holds, what to do after a bounce, and the redaction tool. The core decides
 * all of it; the slice caches its answers per request and applies what the actions return.
 */
import type { RequestView } from '@core/api/contract'
import { api, unwrap } from '../api'
import { withEntry } from './keyed'
import type { FollowUpsSlice, Slice } from './types'
import { attemptWith } from './attempt'

export const createFollowUpsSlice: Slice<FollowUpsSlice> = (set, get) => {
  const attempt = attemptWith(get)
  const applyView = (view: RequestView) => set({ views: withEntry(get().views, view.record.reference, view) })

  return {
    identityAdvice: new Map(),
    extensionChecks: new Map(),
    bounceAdvice: new Map(),
    async loadIdentityAdvice(reference) {
      await attempt(async () => set({ identityAdvice: withEntry(get().identityAdvice, reference, unwrap(await api().requests.identityAdvice({ reference }))) }))
    },
    async checkExtension(reference, reasonsGiven) {
      await attempt(async () => set({ extensionChecks: withEntry(get().extensionChecks, reference, unwrap(await api().requests.checkExtension({ reference, reasonsGiven }))) }))
    },
    async loadBounceAdvice(reference) {
      await attempt(async () => set({ bounceAdvice: withEntry(get().bounceAdvice, reference, unwrap(await api().requests.bounceAdvice({ reference }))) }))
    },
    async markBounced(reference) {
      await attempt(async () => set({ bounceAdvice: withEntry(get().bounceAdvice, reference, unwrap(await api().requests.markBounced({ reference }))) }))
    },
    async writeFollowUp(reference, type, reasonsGiven = null) {
      return attempt(async () => {
        const view = unwrap(await api().requests.createFollowUp({ reference, type, ...(type === 'extension-contest' ? { reasonsGiven } : {}) }))
        applyView(view)
        await get().loadRequests()
        return view.record.reference
      })
    },
    async openEvidence(token) {
      return attempt(async () => unwrap(await api().evidence.open({ token })))
    },
    async redactEvidence(input) {
      return attempt(async () => unwrap(await api().evidence.redact(input)))
    },
  }
}
