import type { RequestView } from '@core/api/contract'
import { api, messageOf, unwrap } from '../api'
import { webmailLabel } from '../ui/format'
import { withEntry, withoutEntry } from './keyed'
import type { RequestsSlice, Slice } from './types'

export const createRequestsSlice: Slice<RequestsSlice> = (set, get) => {
  const applyView = (view: RequestView) => set({ views: withEntry(get().views, view.record.reference, view) })
  /** Runs an action; a failure becomes a toast with the core's message, and null. */
  const attempt = async <T,>(run: () => Promise<T>): Promise<T | null> => {
    try {
      return await run()
    } catch (error) {
      get().toast('error', messageOf(error))
      return null
    }
  }
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
      if (done) get().toast('success', `${reference} is marked as sent. Rightful now counts the company's time to answer.`)
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
    async printLetter(reference) {
      await attempt(async () => {
        const result = unwrap(await api().letters.print({ reference }))
        if (result.outcome === 'saved' && result.path) get().toast('success', `No printer here: the letter is saved as ${result.path}`)
        if (result.outcome === 'printed') get().toast('success', 'The letter went to the printer. Fold it in three for a window envelope.')
      })
    },
    async openInMailProgram(reference) {
      await attempt(async () => {
        const handed = unwrap(await api().mail.openInMailProgram({ reference }))
        if (handed.handoff === 'mailto') get().toast('success', 'Your mail program has the e-mail. Send it from there, then mark the request as sent.')
        else if (handed.path) get().toast('success', `Too long for a mail link on this system, so it is saved as ${handed.path}. Open that file with your mail program, send it, then mark the request as sent.`)
      })
    },
    async openWebmail(reference, provider) {
      await attempt(async () => {
        const opened = unwrap(await api().mail.openWebmail({ reference, provider }))
        const name = webmailLabel[opened.provider]
        if (opened.bodyCopied) {
          get().toast('success', `${name} is open with the recipient and subject. The text is too long for a web link, so it is copied: paste it into the message (Ctrl+V or ⌘V), send it, then mark the request as sent.`)
        } else {
          get().toast('success', `${name} is open in your browser with the e-mail filled in. Send it there, then mark the request as sent.`)
        }
      })
    },
    async saveEml(reference) {
      await attempt(async () => {
        const { path } = unwrap(await api().mail.saveEml({ reference }))
        if (path) get().toast('success', `E-mail saved: ${path}. Open it with your mail program to send it.`)
      })
    },
    async exportCalendar() {
      await attempt(async () => {
        const { path, events } = unwrap(await api().deadlines.exportIcs({}))
        if (events === 0 && !path) get().toast('success', 'There are no open deadlines to put in a calendar yet.')
        else if (path) get().toast('success', `${events} ${events === 1 ? 'date' : 'dates'} saved to ${path}. Import the file into your calendar; a newer export updates them.`)
      })
    },
  }
}
