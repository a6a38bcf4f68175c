/**
 * Calendar arithmetic on plain dates ("YYYY-MM-DD"), with no time of day and no time zone.
 * Pure: safe to import from the renderer.
 */

export type PlainDate = string

const plainDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/

export type DateParts = { readonly year: number; readonly month: number; readonly day: number }

/** Parses "YYYY-MM-DD"; returns null for anything that is not a real calendar date. */
export function parsePlainDate(value: string): DateParts | null {
  const match = plainDatePattern.exec(value)
  if (!match) return null
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  return { year, month, day }
}

export function isPlainDate(value: string): boolean {
  return parsePlainDate(value) !== null
}

/** Splits a date already known to be valid (checked where it entered); cheap, for hot loops. */
function partsOf(date: PlainDate): DateParts {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  const day = Number(date.slice(8, 10))
  if (date.length !== 10 || !(month >= 1 && month <= 12 && day >= 1 && day <= 31) || Number.isNaN(year)) {
    throw new RangeError(`Not a calendar date: ${date}`)
  }
  return { year, month, day }
}

export function formatPlainDate({ year, month, day }: DateParts): PlainDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0
}

// Day numbers (days since 1970-01-01) for dates, both ways, cached: the deadline engine does
// little else than step through days, and a few thousand distinct dates cover years of requests.
const dayNumbers = new Map<PlainDate, number>()
const datesByDayNumber = new Map<number, PlainDate>()
const dayMs = 86_400_000

function dayNumberOf(date: PlainDate): number {
  let number = dayNumbers.get(date)
  if (number === undefined) {
    const { year, month, day } = partsOf(date)
    number = Date.UTC(year, month - 1, day) / dayMs
    if (dayNumbers.size > 200_000) dayNumbers.clear()
    dayNumbers.set(date, number)
  }
  return number
}

function dateOfDayNumber(number: number): PlainDate {
  let date = datesByDayNumber.get(number)
  if (date === undefined) {
    const d = new Date(number * dayMs)
    date = formatPlainDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() })
    if (datesByDayNumber.size > 200_000) datesByDayNumber.clear()
    datesByDayNumber.set(number, date)
  }
  return date
}

export function addDays(date: PlainDate, days: number): PlainDate {
  return dateOfDayNumber(dayNumberOf(date) + days)
}

/**
 * Adds calendar months the way Reg. 1182/71 Art. 3(2)(c) and the ICO count them: the same
 * day-number in the target month, or that month's last day when it has no such day.
 */
export function addMonths(date: PlainDate, months: number): { date: PlainDate; clamped: boolean } {
  const { year, month, day } = partsOf(date)
  const index = year * 12 + (month - 1) + months
  const targetYear = Math.floor(index / 12)
  const targetMonth = (index % 12) + 1
  const last = daysInMonth(targetYear, targetMonth)
  return {
    date: formatPlainDate({ year: targetYear, month: targetMonth, day: Math.min(day, last) }),
    clamped: day > last,
  }
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: PlainDate, to: PlainDate): number {
  return dayNumberOf(to) - dayNumberOf(from)
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: PlainDate): number {
  // 1 January 1970 was a Thursday.
  return (((dayNumberOf(date) + 4) % 7) + 7) % 7
}

export const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const

const monthNames = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const

/** "Monday 2 March 2026": unambiguous in every English-speaking country. */
export function describeDate(date: PlainDate, withWeekday = false): string {
  const { year, month, day } = partsOf(date)
  const text = `${day} ${monthNames[month - 1]} ${year}`
  return withWeekday ? `${weekdayNames[dayOfWeek(date)]} ${text}` : text
}

export function monthName(month: number): string {
  return monthNames[month - 1] ?? ''
}

/** The local calendar date of an instant in a given IANA time zone (default: the host's). */
/**
 * One formatter per time zone, made on first use: making one costs far more than using it, and a
 * list of thousands of requests sent by e-mail asks for the company's day of each.
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>()

export function plainDateOf(instant: Date, timeZone?: string): PlainDate {
  // This computer's own day: what the formatter gives without a zone, without making one.
  if (timeZone === undefined) return formatPlainDate({ year: instant.getFullYear(), month: instant.getMonth() + 1, day: instant.getDate() })
  let format = dayFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    if (dayFormats.size > 1000) dayFormats.clear()
    dayFormats.set(timeZone, format)
  }
  const parts = format.formatToParts(instant)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return formatPlainDate({ year: get('year'), month: get('month'), day: get('day') })
}

export function comparePlainDates(a: PlainDate, b: PlainDate): number {
  return a < b ? -1 : a > b ? 1 : 0
}
