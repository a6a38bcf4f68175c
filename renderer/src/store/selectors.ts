/**
 * What the window derives from the store, written once: components select it (`useStore(selectX)`)
 * instead of computing it where they stand, and nothing derived is stored. Each selector returns a
 * primitive or a value that stays the same object while its inputs do, so a component re-renders
 * only when the answer changes.
 *
 * Days left and overdue follow the store's `today`, which ticks at local midnight and when the
 * window comes back (useDayTicker): a window left open overnight counts the new day at once,
 * before the core's fresh list arrives.
 */
import type { RequestListItem, RequestView } from '@core/api/contract'
import { daysBetween, type PlainDate } from '@core/shared/calendar'
import { closedStatuses, deriveStatus, needsAttention, nextSteps, type RequestStatus } from '@core/requests/status'
import { factsOf } from '@core/requests/events'
import type { State } from './types'

/**
 * A request's status on `today`: the core's status, with its days left (or days overdue) counted
 * again from its due date, so that it turns overdue the day after its due date. Other kinds do
 * not depend on the day. Without a day (not yet known) it is the core's status as given.
 */
export function statusOn(item: Pick<RequestListItem, 'status' | 'extendedDue' | 'facts'>, today: PlainDate | null): RequestStatus {
  const status = item.status
  if (today === null) return status
  switch (status.kind) {
    case 'awaiting-reply':
    case 'overdue': {
      const daysLeft = daysBetween(today, status.due)
      if (daysLeft >= 0) {
        if (status.kind === 'awaiting-reply') return status.daysLeft === daysLeft ? status : { ...status, daysLeft }
        const extended = item.facts.extension !== null && item.extendedDue === status.due
        return { kind: 'awaiting-reply', due: status.due, daysLeft, extended, partly: item.facts.partlyFulfilledOn !== null }
      }
      if (status.kind === 'overdue') return status.daysOverdue === -daysLeft ? status : { ...status, daysOverdue: -daysLeft }
      return { kind: 'overdue', due: status.due, daysOverdue: -daysLeft, remindedOn: item.facts.reminderOn }
    }
    default:
      return status
  }
}

/** The dashboard's filters, by id, each a test of a request as it stands today. */
export const requestFilters = [
  { id: 'attention', label: 'filterAttention', test: (i: RequestListItem) => needsAttention(i.status) },
  { id: 'open', label: 'filterOpen', test: (i: RequestListItem) => i.status.kind !== 'draft' && !closedStatuses.includes(i.status.kind) },
  { id: 'drafts', label: 'filterDrafts', test: (i: RequestListItem) => i.status.kind === 'draft' },
  { id: 'closed', label: 'filterClosed', test: (i: RequestListItem) => closedStatuses.includes(i.status.kind) },
  { id: 'all', label: 'filterAll', test: () => true },
] as const satisfies ReadonlyArray<{ id: string; label: string; test: (item: RequestListItem) => boolean }>

/** A dashboard filter's id. */
export type RequestFilter = (typeof requestFilters)[number]['id']

/** How many requests each filter shows. */
export type RequestCounts = Readonly<Record<RequestFilter, number>>

/** One answer kept per input: the same inputs give the same object (a selector must not make a new one each call). */
function memoOne<A, B, R>(compute: (a: A, b: B) => R): (a: A, b: B) => R {
  let last: { a: A; b: B; result: R } | null = null
  return (a, b) => {
    if (last && last.a === a && last.b === b) return last.result
    const result = compute(a, b)
    last = { a, b, result }
    return result
  }
}

const requestsOn = memoOne((requests: ReadonlyArray<RequestListItem> | null, today: PlainDate | null): ReadonlyArray<RequestListItem> | null => {
  if (requests === null) return null
  let changed = false
  const out = requests.map((item) => {
    const status = statusOn(item, today)
    if (status === item.status) return item
    changed = true
    return { ...item, status }
  })
  return changed ? out : requests
})

/** The requests as they stand today (null until the list is loaded); the same array while nothing changes. */
export function selectRequestsToday(state: Pick<State, 'requests' | 'today'>): ReadonlyArray<RequestListItem> | null {
  return requestsOn(state.requests, state.today)
}

const countsOf = memoOne((requests: ReadonlyArray<RequestListItem> | null, _unused: null): RequestCounts => {
  const counts: Record<RequestFilter, number> = { attention: 0, open: 0, drafts: 0, closed: 0, all: 0 }
  for (const item of requests ?? []) for (const filter of requestFilters) if (filter.test(item)) counts[filter.id] += 1
  return counts
})

/** How many requests each dashboard filter shows today. */
export function selectRequestCounts(state: Pick<State, 'requests' | 'today'>): RequestCounts {
  return countsOf(selectRequestsToday(state), null)
}

/** How many requests need the user now (the badge beside Requests; the dashboard's filter uses the same rule). */
export function selectAttentionCount(state: Pick<State, 'requests' | 'today'>): number {
  return selectRequestCounts(state).attention
}

/** Each request view as it stands on a day, kept while the view and the day are the same. */
const viewsOn = new WeakMap<RequestView, { readonly today: PlainDate; readonly view: RequestView }>()

/**
 * One request as it stands today (undefined until it is loaded): its status and next steps
 * counted again from its events and deadline for the store's `today`, as the core counts them,
 * so that the request page turns a request overdue at midnight without asking the core. The
 * same object while the view and the day are unchanged.
 */
export function selectRequestToday(state: Pick<State, 'views' | 'today'>, reference: string): RequestView | undefined {
  const view = state.views.get(reference)
  const today = state.today
  if (view === undefined || today === null) return view
  const kept = viewsOn.get(view)
  if (kept && kept.today === today) return kept.view
  const facts = factsOf(view.record.events)
  const status = deriveStatus(facts, view.deadline, today)
  const same = JSON.stringify(status) === JSON.stringify(view.status)
  const counted = same ? view : { ...view, status, nextSteps: nextSteps(status, facts, view.deadline, today) }
  viewsOn.set(view, { today, view: counted })
  return counted
}
