/** Chooses the counting rules for a law and a jurisdiction. */
import { assertNever } from '../assert-never'
import type { Law } from '../requests/model'
import type { PlainDate } from './calendar'
import { gdprDeadline } from './gdpr'
import { holidayCalendar, parseJurisdiction } from './holidays'
import type { Deadline } from './model'

/**
 * The deadline of a request received on `received` by a company in `jurisdiction` ("US-DE",
 * "CN", or null when unknown: then only weekends are skipped).
 */
export function computeDeadline(law: Law, jurisdiction: string | null, received: PlainDate): Deadline {
  const calendar = holidayCalendar(jurisdiction ? parseJurisdiction(jurisdiction) : null)
  switch (law) {
    case 'gdpr':
      return gdprDeadline(received, calendar)
    default:
      return assertNever(law)
  }
}
