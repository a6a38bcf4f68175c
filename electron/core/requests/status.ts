/**
 * A request's status, derived from its events and deadline and today's date; never stored.
 * Pure: the renderer uses it as a selector.
 */
import { assertNever } from '../assert-never'
import { daysBetween, type PlainDate } from '../deadlines/calendar'

export type RequestStatus =
  | { readonly kind: 'draft' }
  | { readonly kind: 'awaiting-reply'; readonly due: PlainDate; readonly daysLeft: number }
  | { readonly kind: 'overdue'; readonly due: PlainDate; readonly daysOverdue: number }

export function deriveStatus(sentOn: PlainDate | null, due: PlainDate | null, today: PlainDate): RequestStatus {
  if (sentOn === null || due === null) return { kind: 'draft' }
  const daysLeft = daysBetween(today, due)
  return daysLeft >= 0 ? { kind: 'awaiting-reply', due, daysLeft } : { kind: 'overdue', due, daysOverdue: -daysLeft }
}

export function statusLabel(status: RequestStatus): string {
  switch (status.kind) {
    case 'draft':
      return 'Draft'
    case 'awaiting-reply':
      return 'Awaiting reply'
    case 'overdue':
      return 'Overdue'
    default:
      return assertNever(status)
  }
}

/** "12 days left", "due today", "3 days overdue". */
export function daysLeftLabel(status: RequestStatus): string {
  switch (status.kind) {
    case 'draft':
      return 'Not sent yet'
    case 'awaiting-reply':
      return status.daysLeft === 0 ? 'Due today' : `${status.daysLeft} ${status.daysLeft === 1 ? 'day' : 'days'} left`
    case 'overdue':
      return `${status.daysOverdue} ${status.daysOverdue === 1 ? 'day' : 'days'} overdue`
    default:
      return assertNever(status)
  }
}
