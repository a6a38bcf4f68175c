/**
 * The GDPR response deadline (Art. 12(3)): one month from receipt, extendable by two further
 * months, counted under Regulation (EEC, Euratom) No 1182/71:
 * - Art. 3(1): the day of receipt is not counted;
 * - Art. 3(2)(c): a period in months ends on the same date in the last month, or on that month's
 *   last day when the date does not exist there;
 * - Art. 3(4): a last day that is a Saturday, Sunday or public holiday moves to the next working day.
 * The extension is always counted from the receipt date (3 months), never chained from the
 * rolled one-month date (law-reference.md §3, rule 1).
 */
import { addDays, addMonths, dayOfWeek, describeDate, weekdayNames, type PlainDate } from './calendar'
import type { HolidayCalendar } from './holidays'
import type { Deadline, DeadlineStep } from './model'

type Rolled = { date: PlainDate; skipped: ReadonlyArray<{ date: PlainDate; reason: string }> }

/** Moves a date past Saturdays, Sundays and the calendar's public holidays. */
export function rollToWorkingDay(date: PlainDate, calendar: HolidayCalendar): Rolled {
  const skipped: Array<{ date: PlainDate; reason: string }> = []
  let current = date
  for (;;) {
    const weekday = dayOfWeek(current)
    const holiday = calendar.holidayOn(current)
    if (weekday !== 0 && weekday !== 6 && !holiday) return { date: current, skipped }
    skipped.push({ date: current, reason: holiday ?? weekdayNames[weekday]! })
    current = addDays(current, 1)
  }
}

function describeRoll(rolled: Rolled): string {
  if (rolled.skipped.length === 0) return ''
  const reasons = rolled.skipped
    .map((s) => (weekdayNames.includes(s.reason as never) ? describeDate(s.date, true) : `${describeDate(s.date, true)} (${s.reason})`))
    .join(', ')
  return ` That is not a working day: ${reasons}. So it moves to the next working day, ${describeDate(rolled.date, true)} (Art. 3(4) Reg. 1182/71).`
}

function describeMonths(received: PlainDate, months: number, result: { date: PlainDate; clamped: boolean }): string {
  const label = months === 1 ? 'One month' : `${months} months`
  const base = `${label} after ${describeDate(received)} is ${describeDate(result.date)}`
  if (!result.clamped) return `${base} (the same date, Art. 3(2)(c) Reg. 1182/71).`
  const day = Number(received.slice(8, 10))
  const monthName = describeDate(result.date).split(' ')[1]
  return `${base}, because ${monthName} has no ${ordinal(day)}: the period ends on the month's last day (Art. 3(2)(c) Reg. 1182/71).`
}

function ordinal(n: number): string {
  const suffix = n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'
  return `${n}${suffix}`
}

export function gdprDeadline(received: PlainDate, calendar: HolidayCalendar): Deadline {
  const oneMonth = addMonths(received, 1)
  const due = rollToWorkingDay(oneMonth.date, calendar)
  const threeMonths = addMonths(received, 3)
  const extended = rollToWorkingDay(threeMonths.date, calendar)

  const holidaysNote = calendar.label
    ? `Public holidays are those of ${calendar.label}.`
    : 'The company\'s country is not known, so only Saturdays and Sundays are skipped; add its postal address for its public holidays.'

  const steps: DeadlineStep[] = [
    {
      kind: 'start',
      date: received,
      text: `The request was received on ${describeDate(received, true)}. That day itself is not counted (Art. 3(1) Reg. 1182/71).`,
    },
    { kind: 'due', date: due.date, text: describeMonths(received, 1, oneMonth) + describeRoll(due) },
    {
      kind: 'extended',
      date: extended.date,
      text:
        `If the company extends the period by two further months (Art. 12(3) GDPR: only where necessary, given the complexity and number of requests, and it must tell you so with reasons by ${describeDate(due.date)}), the period is counted again from the receipt date: ` +
        describeMonths(received, 3, threeMonths).replace(/^3 months/, 'three months') +
        describeRoll(extended),
    },
    { kind: 'note', date: null, text: holidaysNote },
  ]

  return {
    law: 'gdpr',
    received,
    due: due.date,
    extendedDue: extended.date,
    extensionNoticeBy: due.date,
    acknowledgeBy: null,
    holidayCalendar: calendar.label,
    steps,
    explanation: steps.map((s) => s.text).join(' '),
  }
}
