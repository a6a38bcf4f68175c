import type { RequestView } from '@core/api/contract'
import { api, unwrap } from '../api'
import { webmailLabel } from '../ui/format'
import { withEntry, withoutEntry } from './keyed'
import type { RequestsSlice, Slice } from './types'
import { i18n } from '../i18n/i18n'
import { attemptWith } from './attempt'

/** A toast's words in the window's language (namespace toasts). */
const said = (key: string, params?: Record<string, string | number>) => i18n.t(key, { ns: 'toasts', ...params })

export const createRequestsSlice: Slice<RequestsSlice> = (set, get) => {
  const applyView = (view: RequestView) => set({ views: withEntry(get().views, view.record.reference, view) })
  const attempt = attemptWith(get)
  /** After a change: the request itself, and the list (its status and deadline may have moved). */
  const changed = async (view: RequestView) => {
    applyView(view)
    await get().loadRequests()
  }

  /** The list fetch under way, if any: joined by loads that only want the list shown. */
  let listing: Promise<void> | null = null

  return {
    requests: null,
    views: new Map(),
    answerChecks: new Map(),
    async loadAnswerCheck(reference) {
      await attempt(async () => set({ answerChecks: withEntry(get().answerChecks, reference, unwrap(await api().requests.checkAnswer({ reference }))) }))
    },
    async tickAnswer(reference, ticks) {
      const done = await attempt(async () => {
        const check = unwrap(await api().requests.tickAnswer({ reference, ticks: ticks.map((t) => ({ id: t.id, state: t.state, confirmsSuggestion: t.confirmsSuggestion ?? false })) }))
        set({ answerChecks: withEntry(get().answerChecks, reference, check) })
        // The ticks are part of the request's record: keep the cached view in step.
        await get().loadRequest(reference)
        return true
      })
      return done ?? false
    },
    loadRequests(options) {
      if (options?.reuse && listing) return listing
      const load = attempt(async () => set({ requests: unwrap(await api().requests.list({})) })).then(() => {
        if (listing === load) listing = null
      })
      listing = load
      return load
    },
    async loadRequest(reference) {
      await attempt(async () => applyView(unwrap(await api().requests.get({ reference }))))
    },
    async createRequest(input) {
      return attempt(async () => {
        const view = unwrap(await api().requests.create(input as Parameters<ReturnType<typeof api>['requests']['create']>[0]))
        await changed(view)
        return view.record.reference
      })
    },
    async createFollowUp(reference, type, authority, authorityId, lang) {
      return attempt(async () => {
        const view = unwrap(
          await api().requests.createFollowUp({
            reference,
            type,
            ...(authority ? { authority } : {}),
            ...(authorityId ? { authorityId } : {}),
            ...(lang ? { lang: lang as Parameters<ReturnType<typeof api>['requests']['createFollowUp']>[0]['lang'] } : {}),
          }),
        )
        await changed(view)
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
    async markSent(reference, input) {
      const done = await attempt(async () => {
        await changed(unwrap(await api().requests.markSent({ reference, ...input })))
        // A reminder or complaint also changes the request it follows up.
        const followed = get().views.get(reference)?.record.followUpOf
        if (followed) await get().loadRequest(followed)
        return true
      })
      if (done) get().toast('success', said('markedSent', { reference }))
      return done ?? false
    },
    async addEvent(reference, event) {
      const done = await attempt(async () => {
        await changed(unwrap(await api().requests.addEvent({ reference, ...event, attachments: [...event.attachments] })))
        return true
      })
      return done ?? false
    },
    async correctEvent(reference, eventId, input) {
      const done = await attempt(async () => {
        await changed(unwrap(await api().requests.correctEvent({ reference, eventId, ...input })))
        return true
      })
      return done ?? false
    },
    async removeEvent(reference, eventId) {
      const done = await attempt(async () => {
        await changed(unwrap(await api().requests.removeEvent({ reference, eventId })))
        return true
      })
      return done ?? false
    },
    async pickAttachments() {
      return (await attempt(async () => unwrap(await api().attachments.pick({})))) ?? []
    },
    async revealAttachment(reference, attachmentId) {
      await attempt(async () => unwrap(await api().attachments.reveal({ reference, attachmentId })))
    },
    async discard(reference) {
      await attempt(async () => {
        unwrap(await api().requests.discard({ reference }))
        set({ views: withoutEntry(get().views, reference) })
        await get().loadRequests()
        get().toast('success', said('discarded', { reference }))
        get().navigate({ name: 'dashboard' })
      })
    },
    async savePdf(reference) {
      await attempt(async () => {
        const { path } = unwrap(await api().letters.savePdf({ reference }))
        if (path) get().toast('success', said('letterSaved', { path }))
      })
    },
    async printLetter(reference) {
      await attempt(async () => {
        const result = unwrap(await api().letters.print({ reference }))
        if (result.outcome === 'saved' && result.path) get().toast('success', said('noPrinter', { path: result.path }))
        if (result.outcome === 'printed') get().toast('success', said('printed'))
      })
    },
    async openInMailProgram(reference) {
      await attempt(async () => {
        const handed = unwrap(await api().mail.openInMailProgram({ reference }))
        if (handed.handoff === 'mailto') get().toast('success', said('mailProgram'))
        else if (handed.path) get().toast('success', said('tooLongForLink', { path: handed.path }))
      })
    },
    async openWebmail(reference, provider) {
      await attempt(async () => {
        const opened = unwrap(await api().mail.openWebmail({ reference, provider }))
        const name = webmailLabel[opened.provider]
        if (opened.bodyCopied) {
          get().toast('success', said('webmailCopied', { service: name }))
        } else {
          get().toast('success', said('webmailOpen', { service: name }))
        }
      })
    },
    async saveEml(reference) {
      await attempt(async () => {
        const { path } = unwrap(await api().mail.saveEml({ reference }))
        if (path) get().toast('success', said('emlSaved', { path }))
      })
    },
    async exportCalendar() {
      await attempt(async () => {
        const { path, events } = unwrap(await api().deadlines.exportIcs({}))
        if (events === 0 && !path) get().toast('success', said('noDeadlines'))
        else if (path) get().toast('success', said('calendar', { count: events, path }))
      })
    },
  }
}
