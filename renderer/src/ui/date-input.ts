/**
 * Dates as a person types them in the window's language: the order and separator of the locale's
 * own short numeric date (Intl.DateTimeFormat parts: "23.11.2026" in German, "23/11/2026" in
 * French, "2026/11/23" in Chinese), read back into a calendar date ("2026-11-23"). Pure, and
 * bounded: a text longer than a date could be is not read.
 */

/** The parts of a typed date, in the order the locale writes them. */
export type DatePart = 'day' | 'month' | 'year'

export type DateLayout = {
  readonly order: ReadonlyArray<DatePart>
  /** What stands between the parts ("." "/" "-"). */
  readonly separator: string
}

const layouts = new Map<string, DateLayout>()
const formatters = new Map<string, Intl.DateTimeFormat>()

function numericFormat(locale: string): Intl.DateTimeFormat {
  let format = formatters.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' })
    formatters.set(locale, format)
  }
  return format
}

/** The locale's order of day, month and year and its separator, from Intl's parts. */
export function dateLayout(locale: string): DateLayout {
  const known = layouts.get(locale)
  if (known) return known
  const parts = numericFormat(locale).formatToParts(new Date(Date.UTC(2026, 10, 23)))
  const order = parts.filter((p): p is Intl.DateTimeFormatPart & { type: DatePart } => p.type === 'day' || p.type === 'month' || p.type === 'year').map((p) => p.type)
  const separator = parts.find((p) => p.type === 'literal')?.value.trim() || '/'
  const layout: DateLayout = order.length === 3 ? { order, separator } : { order: ['year', 'month', 'day'], separator: '-' }
  layouts.set(locale, layout)
  return layout
}

const plainDate = /^(\d{4})-(\d{2})-(\d{2})$/

/** A calendar date ("2026-11-23") as the locale writes it in short ("23.11.2026"); '' for none. */
export function formatDateInput(iso: string, locale: string): string {
  const match = plainDate.exec(iso)
  if (!match) return ''
  const values: Record<DatePart, string> = { year: match[1]!, month: match[2]!, day: match[3]! }
  const { order, separator } = dateLayout(locale)
  return order.map((part) => values[part]).join(separator)
}

/** What a typed text is: nothing, a calendar date, not (yet) a date, or a date no calendar has. */
export type DateInputResult =
  | { readonly kind: 'empty' }
  | { readonly kind: 'date'; readonly iso: string }
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'impossible' }

const lengths: Readonly<Record<DatePart, number>> = { day: 2, month: 2, year: 4 }

/** Whether year, month and day make a day of the (proleptic Gregorian) calendar. */
function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return day <= last
}

/**
 * Reads a typed date in the locale's order: three groups of digits with any separators between
 * them ("23.11.2026", "23 11 2026", "2026年11月23日"), or the eight digits alone ("23112026"); a
 * text that starts with a four-digit year is read as year, month, day (ISO 8601) in any locale.
 * The year has four digits. Month 13 or 31 February is `impossible`; anything else that is not
 * a whole date is `incomplete`.
 */
export function parseDateInput(text: string, locale: string): DateInputResult {
  const trimmed = text.trim()
  if (trimmed === '') return { kind: 'empty' }
  if (trimmed.length > 40) return { kind: 'incomplete' }
  const { order } = dateLayout(locale)
  let groups: string[] = trimmed.match(/\d+/g) ?? []
  if (groups.length === 1 && groups[0]!.length === 8) {
    const digits = groups[0]!
    groups = []
    let at = 0
    for (const part of order) {
      groups.push(digits.slice(at, at + lengths[part]))
      at += lengths[part]
    }
  }
  if (groups.length !== 3 || /[^\d\s./\-年月日,]/u.test(trimmed)) return { kind: 'incomplete' }
  // Four digits first can only be a year: an ISO date ("2026-11-23") is read as one in every locale.
  const readOrder: ReadonlyArray<DatePart> = groups[0]!.length === 4 ? ['year', 'month', 'day'] : order
  const values = new Map<DatePart, string>(readOrder.map((part, index) => [part, groups[index]!]))
  const year = values.get('year')!
  const month = values.get('month')!
  const day = values.get('day')!
  if (year.length !== 4 || month.length > 2 || day.length > 2) return { kind: 'incomplete' }
  if (!isCalendarDay(Number(year), Number(month), Number(day))) return { kind: 'impossible' }
  return { kind: 'date', iso: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` }
}

/** The calendar date `days` days after (or before) `iso`. */
export function addDays(iso: string, days: number): string {
  const match = plainDate.exec(iso)
  if (!match) return iso
  const next = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days))
  return next.toISOString().slice(0, 10)
}
