/**
 * A request's status and next steps, derived from its events, its deadline and today's date;
 * never stored. Pure: the renderer uses them as selectors.
 */
import { assertNever } from '../shared/assert-never'
import { addDays, comparePlainDates, daysBetween, describeDate, type PlainDate } from '../shared/calendar'
import type { Deadline } from '../deadlines/model'
import type { RequestFacts } from './events'
import { message, type Message } from '../shared/message'

export type RequestStatus =
  | { readonly kind: 'draft' }
  | { readonly kind: 'undeliverable'; readonly on: PlainDate }
  | { readonly kind: 'awaiting-reply'; readonly due: PlainDate; readonly daysLeft: number; readonly extended: boolean; readonly partly: boolean }
  | { readonly kind: 'overdue'; readonly due: PlainDate; readonly daysOverdue: number; readonly remindedOn: PlainDate | null }
  | { readonly kind: 'waiting-for-you'; readonly reason: 'identity' | 'clarification'; readonly since: PlainDate; readonly due: PlainDate | null }
  | { readonly kind: 'no-deadline'; readonly sentOn: PlainDate; readonly benchmark: PlainDate | null }
  | { readonly kind: 'refused'; readonly on: PlainDate }
  | { readonly kind: 'completed'; readonly on: PlainDate }
  | { readonly kind: 'abandoned'; readonly on: PlainDate }
  | { readonly kind: 'complaint-filed'; readonly on: PlainDate }

export type StatusKind = RequestStatus['kind']

export const closedStatuses: ReadonlyArray<StatusKind> = ['refused', 'completed', 'abandoned', 'complaint-filed']

/** What a status needs of a deadline (a Deadline, or the dates a list saved: requests/deadline-cache.ts). */
export type StatusDeadline = {
  readonly due: PlainDate | null
  readonly effectiveDue: PlainDate | null
  /** The law's non-binding benchmark, where it has one. */
  readonly benchmark: { readonly date: PlainDate } | null
}

export function deriveStatus(facts: RequestFacts, deadline: StatusDeadline | null, today: PlainDate): RequestStatus {
  if (!facts.sent) return { kind: 'draft' }
  if (facts.undeliverableOn && !facts.closed) return { kind: 'undeliverable', on: facts.undeliverableOn }
  if (facts.closed) {
    const { kind, on } = facts.closed
    return kind === 'data-received' ? { kind: 'completed', on } : { kind, on }
  }
  const due = deadline?.effectiveDue ?? null
  // The company waits for the user: that comes first, whether or not its clock stops meanwhile.
  const waitingIdentity = facts.identity.find((e) => e.providedOn === null)
  const waitingClarification = facts.clarifications.find((e) => e.answeredOn === null)
  if (waitingIdentity) return { kind: 'waiting-for-you', reason: 'identity', since: waitingIdentity.requestedOn, due }
  if (waitingClarification) return { kind: 'waiting-for-you', reason: 'clarification', since: waitingClarification.askedOn, due }
  if (!due) return { kind: 'no-deadline', sentOn: facts.sent.on, benchmark: deadline?.benchmark?.date ?? null }
  const daysLeft = daysBetween(today, due)
  if (daysLeft >= 0) {
    return { kind: 'awaiting-reply', due, daysLeft, extended: facts.extension !== null && due !== deadline?.due, partly: facts.partlyFulfilledOn !== null }
  }
  return { kind: 'overdue', due, daysOverdue: -daysLeft, remindedOn: facts.reminderOn }
}

const attentionOrder: Record<StatusKind, number> = {
  undeliverable: 0,
  overdue: 0,
  'waiting-for-you': 1,
  'awaiting-reply': 2,
  'no-deadline': 3,
  draft: 4,
  refused: 5,
  'complaint-filed': 6,
  completed: 7,
  abandoned: 8,
}

/** Sorts for the dashboard: what needs attention first, then the nearest deadline. */
export function attentionRank(status: RequestStatus): number {
  return attentionOrder[status.kind]
}

/**
 * Whether a request needs the user now: its deadline passed, it waits for them (an identity
 * demand, a reply to read), or its e-mail bounced. The dashboard's "Needs attention" filter and
 * the badge beside Requests both count by this one rule.
 */
export function needsAttention(status: RequestStatus): boolean {
  return attentionOrder[status.kind] <= attentionOrder['waiting-for-you']
}

/** The status as a message (core namespace `status.*`); statusLabel is its English. */
export function statusMessage(status: RequestStatus): Message {
  switch (status.kind) {
    case 'draft':
      return message('status.draft')
    case 'undeliverable':
      return message('status.undeliverable')
    case 'awaiting-reply':
      return message(status.extended ? 'status.extended' : status.partly ? 'status.partly' : 'status.awaiting')
    case 'overdue':
      return message(status.remindedOn ? 'status.overdueReminded' : 'status.overdue')
    case 'waiting-for-you':
      return message(status.reason === 'identity' ? 'status.waitingIdentity' : 'status.waitingClarification')
    case 'no-deadline':
      return message('status.noDeadline')
    case 'refused':
      return message('status.refused')
    case 'completed':
      return message('status.completed')
    case 'abandoned':
      return message('status.abandoned')
    case 'complaint-filed':
      return message('status.complaintFiled')
    default:
      return assertNever(status)
  }
}

export function statusLabel(status: RequestStatus): string {
  switch (status.kind) {
    case 'draft':
      return 'Draft'
    case 'undeliverable':
      return 'Not delivered'
    case 'awaiting-reply':
      return status.extended ? 'Extended' : status.partly ? 'Partly answered' : 'Awaiting reply'
    case 'overdue':
      return status.remindedOn ? 'Overdue, reminded' : 'Overdue'
    case 'waiting-for-you':
      return status.reason === 'identity' ? 'Company needs your ID details' : 'Company asked a question'
    case 'no-deadline':
      return 'Sent (no legal deadline)'
    case 'refused':
      return 'Refused'
    case 'completed':
      return 'Completed'
    case 'abandoned':
      return 'Abandoned'
    case 'complaint-filed':
      return 'Complaint filed'
    default:
      return assertNever(status)
  }
}

/** The days left as a message (core namespace `daysLeft.*`; dates as PlainDate parameters); daysLeftLabel is its English. */
export function daysLeftMessage(status: RequestStatus): Message {
  switch (status.kind) {
    case 'draft':
      return message('daysLeft.notSent')
    case 'undeliverable':
      return message('daysLeft.noneRunning')
    case 'awaiting-reply':
      return status.daysLeft === 0 ? message('daysLeft.dueToday') : message('daysLeft.left', { count: status.daysLeft })
    case 'overdue':
      return message('daysLeft.overdue', { count: status.daysOverdue })
    case 'waiting-for-you':
      return status.due ? message('daysLeft.dueOn', { date: status.due }) : message('daysLeft.clockStopped')
    case 'no-deadline':
      return message('daysLeft.noStatutory')
    case 'refused':
    case 'completed':
    case 'abandoned':
    case 'complaint-filed':
      return message('daysLeft.closed')
    default:
      return assertNever(status)
  }
}

/** "12 days left", "due today", "3 days overdue", or what else is useful. */
export function daysLeftLabel(status: RequestStatus): string {
  const plural = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`
  switch (status.kind) {
    case 'draft':
      return 'Not sent yet'
    case 'undeliverable':
      return 'No deadline running'
    case 'awaiting-reply':
      return status.daysLeft === 0 ? 'Due today' : `${plural(status.daysLeft)} left`
    case 'overdue':
      return `${plural(status.daysOverdue)} overdue`
    case 'waiting-for-you':
      return status.due ? `Due ${describeDate(status.due)}` : 'Clock stopped'
    case 'no-deadline':
      return 'No statutory deadline'
    case 'refused':
    case 'completed':
    case 'abandoned':
    case 'complaint-filed':
      return 'Closed'
    default:
      return assertNever(status)
  }
}

export type NextStep = {
  readonly kind: 'send' | 'provide' | 'wait' | 'reminder' | 'complaint' | 'none'
  readonly urgent: boolean
  /** In English. */
  readonly text: string
  /** The same for any language (core namespace `next.*`). */
  readonly message: Message
}

/** Days after a reminder before Rightful suggests the complaint. */
export const reminderGraceDays = 14

/** What the user can do now, most useful first. */
export function nextSteps(status: RequestStatus, facts: RequestFacts, deadline: Deadline | null, today: PlainDate, warnDays = 7): NextStep[] {
  switch (status.kind) {
    case 'draft':
      return [{ kind: 'send', urgent: false, text: 'Send the request by e-mail or post, then mark it as sent: the company’s time starts when it receives it.', message: message('next.send') }]
    case 'undeliverable':
      return [
        {
          kind: 'send',
          urgent: true,
          text: `The request could not be delivered (${describeDate(status.on)}), so the company’s time has not started. Check the address on the company’s page, add a better one if you know it, and send the request again, or send it as a letter.`,
          message: message('next.undeliverable', { date: status.on }),
        },
      ]
    case 'waiting-for-you':
      return [
        {
          kind: 'provide',
          urgent: true,
          text:
            status.reason === 'identity'
              ? 'The company asked for information to confirm your identity. Send only what it reasonably needs, then record “Identity information provided”.'
              : 'The company asked you to clarify the request. Answer, then record “Clarification answered”: the clock runs again from then.',
          message: message(status.reason === 'identity' ? 'next.provideIdentity' : 'next.clarify'),
        },
      ]
    case 'awaiting-reply': {
      const steps: NextStep[] = []
      if (status.daysLeft <= warnDays) {
        steps.push({
          kind: 'wait',
          urgent: false,
          text: status.daysLeft === 0 ? 'The answer is due today.' : `The answer is due in ${status.daysLeft} ${status.daysLeft === 1 ? 'day' : 'days'}.`,
          message: status.daysLeft === 0 ? message('next.dueToday') : message('next.dueIn', { count: status.daysLeft }),
        })
      }
      if (deadline?.acknowledgeBy && !facts.acknowledgedOn && comparePlainDates(today, deadline.acknowledgeBy) > 0) {
        steps.push({ kind: 'reminder', urgent: false, text: 'The company has not confirmed receipt in time. You may remind it.', message: message('next.noAcknowledgement') })
      }
      return steps.length ? steps : [{ kind: 'none', urgent: false, text: 'Nothing to do until the deadline. Record any reply the company sends.', message: message('next.nothing') }]
    }
    case 'overdue': {
      if (!status.remindedOn) {
        return [
          { kind: 'reminder', urgent: true, text: 'The deadline has passed without a complete answer. Send a reminder that sets a short final date.', message: message('next.remind') },
          { kind: 'complaint', urgent: false, text: 'You may also complain to the supervisory authority straight away.', message: message('next.complainToo') },
        ]
      }
      const complaintFrom = addDays(status.remindedOn, reminderGraceDays)
      return comparePlainDates(today, complaintFrom) >= 0
        ? [{ kind: 'complaint', urgent: true, text: `You reminded the company on ${describeDate(status.remindedOn)} and it still has not answered. Complain to the supervisory authority.`, message: message('next.complain', { date: status.remindedOn }) }]
        : [
            { kind: 'wait', urgent: false, text: `You sent a reminder on ${describeDate(status.remindedOn)}. If nothing comes by ${describeDate(complaintFrom)}, complain to the supervisory authority.`, message: message('next.reminded', { date: status.remindedOn, until: complaintFrom }) },
            { kind: 'complaint', urgent: false, text: 'You may complain now as well.', message: message('next.complainNow') },
          ]
    }
    case 'no-deadline':
      return status.benchmark && comparePlainDates(today, status.benchmark) > 0
        ? [{ kind: 'reminder', urgent: false, text: 'The law sets no period, but the usual benchmark has passed. Send a reminder.', message: message('next.benchmarkPassed') }]
        : [{ kind: 'none', urgent: false, text: 'The law sets no fixed period; the company must answer promptly.', message: message('next.noPeriod') }]
    case 'refused':
      return [{ kind: 'complaint', urgent: false, text: 'If you think the refusal is wrong, complain to the supervisory authority.', message: message('next.refused') }]
    case 'completed':
    case 'abandoned':
    case 'complaint-filed':
      return []
    default:
      return assertNever(status)
  }
}
