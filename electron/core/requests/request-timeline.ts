/**
 * The timeline of a sent request: events the user records (with their files), corrected or
 * removed (kept as removed). A confirmed bounce marks the address in the user's catalog layer.
 */
import { CoreError } from '../shared/result'
import { comparePlainDates } from '../shared/calendar'
import { bounceAdviceOf } from './bounce'
import type { RequestEvent } from './events'
import type { RequestRecord } from './model'
import { coreError } from '../messages/errors'
import { message } from '../shared/message'
import { newEventId, type RequestKit, type RequestServiceDeps } from './request-kit'
import type { RequestListing } from './request-listing'
import type { RequestService } from './service'

export function requestTimeline(
  deps: RequestServiceDeps,
  { today, sentOf, checkDate, safeCompany, event, change }: RequestKit,
  { view }: RequestListing,
): Pick<RequestService, 'addEvent' | 'correctEvent' | 'removeEvent'> {
  /**
   * Marks the address a bounce of the latest sending came back from as bounced (with the bounce's
   * date) in the user's catalog layer, where the catalog lists that address for the company;
   * nothing to mark (a letter, an address the catalog does not list, a company no longer in it)
   * is no error here: the request's page says what can be done.
   */
  const markBounceInCatalog = (record: RequestRecord): void => {
    const advice = bounceAdviceOf(record, safeCompany(record.company.id))
    if (!advice.bouncedOn || !advice.address || !advice.company.inCatalog || advice.marked) return
    try {
      deps.catalog.markEmailProblem(record.company.id, advice.address, { kind: 'bounced', on: advice.bouncedOn }, today())
    } catch (error) {
      if (!(error instanceof CoreError && error.code === 'NOT_FOUND')) throw error
    }
  }

  return {
    addEvent({ reference, kind, on, note = null, until = null, trackingNumber = null, attachments = [] }) {
      const check = (record: RequestRecord) => {
        const sent = sentOf(record)
        checkDate(on, sent.sent.on, { english: `The date of “${kind.replace(/-/g, ' ')}”`, said: message('error.requests.date.event', { kind: message(`error.requests.event.${kind}`) }) })
        if (until && comparePlainDates(until, on) < 0) throw coreError('INVALID_INPUT', 'error.requests.untilBefore')
        return sent
      }
      // Checked before the files are kept with the request, and again on the record as it is when the event is added.
      check(deps.repository.get(reference))
      const id = newEventId()
      const stored = deps.attachments.commit(attachments, { reference, eventId: id })
      const record = change(reference, (current) => {
        const record = check(current)
        return {
          ...record,
          events: [
            ...record.events,
            { ...event(kind, on, { note: note?.trim() || null, until: kind === 'extension-claimed' ? until : null, trackingNumber, attachments: stored }), id },
          ],
        }
      })
      // A bounce, once confirmed (recorded here, by the user or from a reply they confirmed), marks
      // the address in the user's catalog layer, so that the next request goes another way.
      if (kind === 'undeliverable') markBounceInCatalog(record)
      return view(record)
    },

    correctEvent({ reference, eventId, on, note, until = null }) {
      return view(
        change(reference, (record) => {
          const target = record.events.find((e) => e.id === eventId && e.removedAt === null)
          if (!target) throw coreError('NOT_FOUND', 'error.requests.noEvent', { reference, id: eventId })
          if (target.kind === 'created') throw coreError('INVALID_STATE', 'error.requests.createdFixed')
          const floor = target.kind === 'sent' ? record.events[0]!.on : (record.sent?.on ?? record.events[0]!.on)
          checkDate(on, floor, { english: 'The date', said: message('error.requests.date.plain') })
          const corrected: RequestEvent = {
            ...target,
            on,
            note: note?.trim() || null,
            until: target.kind === 'extension-claimed' ? until : null,
            corrections: [...target.corrections, { recordedAt: deps.now().toISOString(), on: target.on, note: target.note, until: target.until }],
          }
          return {
            ...record,
            sent: target.kind === 'sent' && record.sent ? { ...record.sent, on } : record.sent,
            events: record.events.map((e) => (e.id === eventId ? corrected : e)),
          }
        }),
      )
    },

    removeEvent({ reference, eventId }) {
      return view(
        change(reference, (record) => {
          const target = record.events.find((e) => e.id === eventId && e.removedAt === null)
          if (!target) throw coreError('NOT_FOUND', 'error.requests.noEvent', { reference, id: eventId })
          if (target.kind === 'created' || target.kind === 'sent') {
            throw coreError('INVALID_STATE', 'error.requests.cannotRemove')
          }
          return { ...record, events: record.events.map((e) => (e.id === eventId ? { ...e, removedAt: deps.now().toISOString() } : e)) }
        }),
      )
    },

  }
}
