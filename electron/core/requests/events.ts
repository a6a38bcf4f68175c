/**
 * What happens to a request, as events the user records (and Rightful adds when it sends). Events
 * are never deleted: a removed event is marked removed, a corrected one keeps its earlier values.
 * Pure schemas and functions: the renderer uses them too.
 */
import { z } from 'zod'
import { eventKinds, type EventKind } from '../shared/kinds'
import { plainDateSchema } from '../shared/schemas'
import type { DeadlineInput } from '../deadlines/model'

export { eventKinds, type EventKind } from '../shared/kinds'

/** Events the user may add by hand ('created' and 'sent' come from writing and sending). */
export const userEventKinds = eventKinds.filter((k): k is Exclude<EventKind, 'created' | 'sent'> => k !== 'created' && k !== 'sent')
export type UserEventKind = (typeof userEventKinds)[number]

export const eventLabels: Record<EventKind, string> = {
  created: 'Created',
  sent: 'Sent',
  undeliverable: 'Could not be delivered',
  delivered: 'Delivered',
  acknowledged: 'Receipt acknowledged',
  'identity-requested': 'Identity information requested',
  'identity-provided': 'Identity information provided',
  'clarification-asked': 'Clarification asked',
  'clarification-answered': 'Clarification answered',
  'extension-claimed': 'Extension claimed',
  'reply-received': 'Reply received',
  'data-received': 'Data received',
  'partially-fulfilled': 'Partly fulfilled',
  refused: 'Refused',
  completed: 'Completed',
  'reminder-sent': 'Reminder sent',
  'complaint-filed': 'Complaint filed',
  abandoned: 'Abandoned',
}

export const attachmentSchema = z.object({
  id: z.string().min(1),
  /** The file's name as the user had it. */
  name: z.string().min(1).max(255),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Where it is kept, relative to the data folder. */
  file: z.string().min(1),
})
export type Attachment = z.infer<typeof attachmentSchema>

const correctionSchema = z.object({
  recordedAt: z.iso.datetime(),
  on: plainDateSchema,
  note: z.string().nullable(),
  until: plainDateSchema.nullable(),
})

export const requestEventSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(eventKinds),
  on: plainDateSchema,
  /** The moment, when it matters and is known (an e-mail's sending time). */
  at: z.iso.datetime({ offset: true }).nullable().default(null),
  recordedAt: z.iso.datetime(),
  note: z.string().max(20_000).nullable().default(null),
  attachments: z.array(attachmentSchema).default([]),
  /** 'sent': how. */
  channel: z.enum(['email', 'post']).nullable().default(null),
  /** 'extension-claimed': the date the company named, where the law sets none. */
  until: plainDateSchema.nullable().default(null),
  /** 'sent' by post, 'delivered': the tracking number. */
  trackingNumber: z.string().max(100).nullable().default(null),
  /** 'reminder-sent', 'complaint-filed': the follow-up request. */
  link: z.string().nullable().default(null),
  /** Set when the user removed the event; it is kept but no longer counts. */
  removedAt: z.iso.datetime().nullable().default(null),
  /** Earlier values, newest last, when the user corrected the event. */
  corrections: z.array(correctionSchema).default([]),
})
export type RequestEvent = z.infer<typeof requestEventSchema>

/** The events that count, in the order they happened (same day: the order recorded). */
export function activeEvents(events: ReadonlyArray<RequestEvent>): RequestEvent[] {
  return events
    .filter((e) => e.removedAt === null)
    .map((e, index) => ({ e, index }))
    .sort((a, b) => (a.e.on < b.e.on ? -1 : a.e.on > b.e.on ? 1 : a.index - b.index))
    .map(({ e }) => e)
}

/**
 * The facts the deadline and the status follow from, extracted once per change and kept in the
 * index, so a list of thousands needs no request file.
 */
export type RequestFacts = {
  readonly sent: { readonly on: string; readonly at: string | null; readonly channel: 'email' | 'post' } | null
  readonly deliveredOn: string | null
  readonly identity: ReadonlyArray<{ readonly requestedOn: string; readonly providedOn: string | null }>
  readonly clarifications: ReadonlyArray<{ readonly askedOn: string; readonly answeredOn: string | null }>
  readonly extension: { readonly claimedOn: string; readonly until: string | null } | null
  readonly acknowledgedOn: string | null
  readonly partlyFulfilledOn: string | null
  readonly lastReplyOn: string | null
  readonly reminderOn: string | null
  /**
   * The request bounced: the last sending could not be delivered (a bounce the user confirmed).
   * No clock runs until it is sent again. Absent in index entries written before this existed.
   */
  readonly undeliverableOn?: string | null
  /** The event that closed the request, if any. */
  readonly closed: { readonly kind: 'completed' | 'data-received' | 'refused' | 'abandoned' | 'complaint-filed'; readonly on: string } | null
}

/** Pairs each request for information with the answer that followed it. */
function episodes(events: ReadonlyArray<RequestEvent>, ask: EventKind, answer: EventKind) {
  const result: Array<{ from: string; to: string | null }> = []
  for (const event of events) {
    if (event.kind === ask) result.push({ from: event.on, to: null })
    else if (event.kind === answer) {
      const open = result.find((r) => r.to === null)
      if (open) open.to = event.on
    }
  }
  return result
}

/** A bounce recorded for the latest sending (on or after it, and after it in the record). */
function undeliverableAfter(active: ReadonlyArray<RequestEvent>, sent: RequestEvent | null): string | null {
  if (!sent) return null
  const after = active.slice(active.indexOf(sent) + 1)
  return after.find((e) => e.kind === 'undeliverable')?.on ?? null
}

export function factsOf(events: ReadonlyArray<RequestEvent>): RequestFacts {
  const active = activeEvents(events)
  const last = (kind: EventKind) => [...active].reverse().find((e) => e.kind === kind) ?? null
  const sent = last('sent')
  const extension = last('extension-claimed')
  const closing = [...active].reverse().find((e) => ['completed', 'data-received', 'refused', 'abandoned', 'complaint-filed'].includes(e.kind))
  return {
    sent: sent ? { on: sent.on, at: sent.at, channel: sent.channel ?? 'email' } : null,
    deliveredOn: last('delivered')?.on ?? null,
    identity: episodes(active, 'identity-requested', 'identity-provided').map((e) => ({ requestedOn: e.from, providedOn: e.to })),
    clarifications: episodes(active, 'clarification-asked', 'clarification-answered').map((e) => ({ askedOn: e.from, answeredOn: e.to })),
    extension: extension ? { claimedOn: extension.on, until: extension.until } : null,
    acknowledgedOn: last('acknowledged')?.on ?? null,
    partlyFulfilledOn: last('partially-fulfilled')?.on ?? null,
    lastReplyOn: [...active].reverse().find((e) => ['reply-received', 'acknowledged', 'data-received', 'partially-fulfilled', 'refused', 'completed'].includes(e.kind))?.on ?? null,
    reminderOn: last('reminder-sent')?.on ?? null,
    undeliverableOn: undeliverableAfter(active, sent),
    closed: closing ? { kind: closing.kind as NonNullable<RequestFacts['closed']>['kind'], on: closing.on } : null,
  }
}

/** The deadline engine's input for a request with these facts; null while it has not been sent. */
export function deadlineInputOf(
  request: { readonly law: DeadlineInput['law']; readonly type: DeadlineInput['type']; readonly jurisdiction: string | null; readonly senderCountry: string | null },
  facts: RequestFacts,
): DeadlineInput | null {
  // Undelivered: the company never received it, so no period runs until it is sent again.
  if (!facts.sent || facts.undeliverableOn) return null
  const receipt: DeadlineInput['receipt'] = facts.deliveredOn
    ? { kind: 'received', on: facts.deliveredOn }
    : facts.sent.channel === 'post'
      ? { kind: 'post', postedOn: facts.sent.on, senderCountry: request.senderCountry }
      : { kind: 'email', on: facts.sent.on, at: facts.sent.at }
  return {
    law: request.law,
    type: request.type,
    jurisdiction: request.jurisdiction,
    receipt,
    identity: facts.identity,
    clarifications: facts.clarifications,
    extension: facts.extension,
  }
}
