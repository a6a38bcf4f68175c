/** Deadline results: plain data, shared with the renderer. */
import type { PlainDate } from './calendar'

export type DeadlineStep = {
  readonly kind: 'start' | 'due' | 'extended' | 'note'
  readonly date: PlainDate | null
  readonly text: string
}

export type Deadline = {
  readonly law: 'gdpr'
  /** The day the clock starts from (the company's receipt of the request). */
  readonly received: PlainDate
  readonly due: PlainDate
  readonly extendedDue: PlainDate | null
  readonly extensionNoticeBy: PlainDate | null
  readonly acknowledgeBy: PlainDate | null
  /** Whose public holidays were applied, e.g. "United States (Delaware)"; null when unknown. */
  readonly holidayCalendar: string | null
  readonly steps: ReadonlyArray<DeadlineStep>
  /** The steps as one paragraph a person can read. */
  readonly explanation: string
}
