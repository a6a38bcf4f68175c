/**
 * Small request records the template and chart tests share: a company's reply on 10 February
 * 2026, and the facts of a request nothing has happened to yet.
 */
import type { RequestEvent, RequestFacts } from '../../electron/core/requests/events'

/** A "reply received" event on 2026-02-10, with `note`. */
export function replyEvent(note: string | null): RequestEvent {
  return {
    id: 'ev-1',
    kind: 'reply-received',
    on: '2026-02-10',
    at: null,
    recordedAt: '2026-02-10T10:00:00.000Z',
    note,
    attachments: [],
    channel: null,
    until: null,
    trackingNumber: null,
    link: null,
    removedAt: null,
    corrections: [],
  }
}

/** The facts of a request not yet sent: nothing known. */
export const noFacts: RequestFacts = {
  sent: null,
  deliveredOn: null,
  identity: [],
  clarifications: [],
  extension: null,
  acknowledgedOn: null,
  partlyFulfilledOn: null,
  lastReplyOn: null,
  reminderOn: null,
  closed: null,
}
