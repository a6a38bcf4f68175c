/** Deadline inputs and results: plain data, shared with the renderer. */
import type { Message } from '../shared/message'
import type { Law, RequestType } from '../shared/kinds'
import type { PlainDate } from '../shared/calendar'
import type { DeadlineSettings } from './settings'

/** How the company got the request, which decides the day the clock starts. */
export type ReceiptInput =
  /** The day of receipt is known (a tracked letter's delivery, or stated by the user). */
  | { readonly kind: 'received'; readonly on: PlainDate }
  /** Sent by e-mail or web form: received the same day in the company's time zone. */
  | { readonly kind: 'email'; readonly on: PlainDate; readonly at: string | null }
  /** Posted without a known delivery date: a range from postal assumptions. */
  | { readonly kind: 'post'; readonly postedOn: PlainDate; readonly senderCountry: string | null }

export type DeadlineInput = {
  readonly law: Law
  readonly type: RequestType
  /** The company's country or region ("US-DE"), for holidays and time zone; null when unknown. */
  readonly jurisdiction: string | null
  readonly receipt: ReceiptInput
  /** Identity information the company asked for, and when the user provided it. */
  readonly identity?: ReadonlyArray<{ readonly requestedOn: PlainDate; readonly providedOn: PlainDate | null }>
  /** Clarifications the company asked for, and when the user answered. */
  readonly clarifications?: ReadonlyArray<{ readonly askedOn: PlainDate; readonly answeredOn: PlainDate | null }>
  /** The company said it takes the extension; `until` is the date it named, where the law sets none. */
  readonly extension?: { readonly claimedOn: PlainDate; readonly until: PlainDate | null } | null
}

export type DeadlineStep = {
  readonly kind: 'start' | 'restart' | 'pause' | 'due' | 'strict' | 'extended' | 'acknowledge' | 'benchmark' | 'milestone' | 'note'
  readonly date: PlainDate | null
  /** In English. */
  readonly text: string
  /** The same as messages for any language (core namespace `deadline.*`), rendered and joined by the host. */
  readonly parts: ReadonlyArray<Message>
}

export type Deadline = {
  readonly law: Law
  /** e.g. "GDPR, Art. 12(3)". */
  readonly regime: string
  /** The day the company received the request (for an untracked letter, the latest plausible day). */
  readonly received: PlainDate
  /** For an untracked letter, the earliest plausible day of receipt; otherwise null. */
  readonly receivedEarliest: PlainDate | null
  /** The day the period runs from, after restarts; null while it has not started. */
  readonly clockStart: PlainDate | null
  /** Days the clock stood still; `since` when it is stopped now. */
  readonly paused: { readonly days: number; readonly since: PlainDate | null }
  /** The statutory deadline; null where the law sets none or the clock is not running. */
  readonly due: PlainDate | null
  /** The date before any roll-over to a working day, where the law is read both ways (CCPA). */
  readonly dueStrict: PlainDate | null
  /** For an untracked letter, the deadline counted from the earliest plausible receipt. */
  readonly dueEarliest: PlainDate | null
  readonly extendedDue: PlainDate | null
  readonly acknowledgeBy: PlainDate | null
  readonly extensionNoticeBy: PlainDate | null
  /** The date that binds now: the extended one once the company has claimed the extension. */
  readonly effectiveDue: PlainDate | null
  /** A non-binding reference date where the law sets no period (China). */
  readonly benchmark: { readonly date: PlainDate; readonly label: string } | null
  readonly milestones: ReadonlyArray<{ readonly date: PlainDate; readonly label: string }>
  /** The interpretations (settings) this result depends on: in English, and as a message for any language. */
  readonly interpretations: ReadonlyArray<{ readonly setting: keyof DeadlineSettings; readonly text: string; readonly message: Message }>
  /** Whose public holidays were applied, e.g. "United States of America (Delaware)". */
  readonly holidayCalendar: string | null
  readonly steps: ReadonlyArray<DeadlineStep>
  /** The steps as one paragraph a person can read. */
  readonly explanation: string
}
