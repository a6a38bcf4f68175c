/**
 * Public holidays per country and region, from the date-holidays package (offline data).
 * Only holidays of type "public" and "bank" move a deadline; observances and optional days do not.
 */
import Holidays from 'date-holidays'
import { CoreError } from '../api/result'
import type { PlainDate } from './calendar'
import { chinaDayOff, chinaMakeUpWorkday, chinaTableCovers, chinaTableYears } from './china-holidays'
import { ownValue } from '../own-keys'
import holidayTable from './holiday-table.json'

export type Jurisdiction = { readonly country: string; readonly region: string | null }

export type HolidayCalendar = {
  readonly jurisdiction: Jurisdiction | null
  /** e.g. "United States (Delaware)", or null when no country is known. */
  readonly label: string | null
  /** The holiday's English name when `date` is a public holiday there, else null. */
  holidayOn(date: PlainDate): string | null
  /** A Saturday or Sunday that is an official working day there (mainland China's 调休). */
  isMakeUpWorkday(date: PlainDate): boolean
  /** Where the holidays come from, when the user should know (unverified or incomplete data). */
  caveat(year: number): string | null
}

const registry = new Holidays()
const countries: Record<string, string> = registry.getCountries('en') ?? {}

/**
 * Parses "DE" or "DE-BY" (ISO 3166-1 alpha-2, optionally with the date-holidays region code),
 * throwing UNKNOWN_COUNTRY when date-holidays does not know it.
 */
const parsed = new Map<string, Jurisdiction>()

export function parseJurisdiction(code: string): Jurisdiction {
  const known = parsed.get(code)
  if (known) return known
  const jurisdiction = parseJurisdictionUncached(code)
  parsed.set(code, jurisdiction)
  return jurisdiction
}

function parseJurisdictionUncached(code: string): Jurisdiction {
  const match = /^([A-Za-z]{2})(?:-([A-Za-z0-9]{1,3}))?$/.exec(code.trim())
  if (!match) {
    throw new CoreError('UNKNOWN_COUNTRY', `"${code}" is not a country code: use ISO 3166-1 alpha-2, e.g. DE, or DE-BY with a region.`)
  }
  const country = match[1]!.toUpperCase()
  const region = match[2] ? match[2].toUpperCase() : null
  if (!Object.hasOwn(countries, country)) {
    throw new CoreError('UNKNOWN_COUNTRY', `No holiday calendar is known for the country code "${country}".`)
  }
  if (region) {
    const regions = registry.getStates(country, 'en') ?? {}
    if (!Object.hasOwn(regions, region)) {
      const known = Object.keys(regions)
      throw new CoreError(
        'UNKNOWN_COUNTRY',
        known.length
          ? `"${region}" is not a region of ${ownValue(countries, country)}; known regions: ${known.join(', ')}.`
          : `${ownValue(countries, country)} has no regional holiday calendars; use "${country}" alone.`,
      )
    }
  }
  return { country, region }
}

export function jurisdictionLabel(jurisdiction: Jurisdiction): string {
  const countryName = ownValue(countries, jurisdiction.country) ?? jurisdiction.country
  if (!jurisdiction.region) return countryName
  const states = registry.getStates(jurisdiction.country, 'en')
  const regionName = (states ? ownValue(states, jurisdiction.region) : undefined) ?? jurisdiction.region
  return `${countryName} (${regionName})`
}

const calendars = new Map<string, HolidayCalendar>()

/** A holiday calendar, cached per jurisdiction; `null` gives a calendar with no holidays. */
export function holidayCalendar(jurisdiction: Jurisdiction | null): HolidayCalendar {
  const key = jurisdiction ? `${jurisdiction.country}-${jurisdiction.region ?? ''}` : ''
  const cached = calendars.get(key)
  if (cached) return cached

  const calendar = jurisdiction ? createCalendar(jurisdiction) : noHolidays
  calendars.set(key, calendar)
  return calendar
}

const noHolidays: HolidayCalendar = {
  jurisdiction: null,
  label: null,
  holidayOn: () => null,
  isMakeUpWorkday: () => false,
  caveat: () => null,
}

/** Days of date-holidays' China data that are holidays only for some groups (half days). */
const chinaPartialGroupDays = new Set(["International Women's Day", 'Youth Day', "Children's Day", 'Army Day'])

/**
 * The holidays date-holidays computes from astronomy (lunisolar calendars, equinoxes), computed
 * once at build time (scripts/build-holidays.ts) for the years requests are likely to need.
 */
const precomputed = new Map(Object.entries(holidayTable.jurisdictions))

/** A year of the build-time table, or null when the table does not have it. */
function precomputedYear(jurisdiction: Jurisdiction, year: number): ReadonlyMap<PlainDate, string> | null {
  if (year < holidayTable.from || year > holidayTable.to) return null
  const entry = precomputed.get(jurisdiction.region ? `${jurisdiction.country}-${jurisdiction.region}` : jurisdiction.country)
  const days = entry ? ownValue(entry.years, String(year)) : undefined
  if (!entry || days === undefined) return null
  const table = new Map<PlainDate, string>()
  for (const day of days ? days.split(' ') : []) {
    const name = entry.names[day.length > 4 ? Number.parseInt(day.slice(4), 36) : 0]
    if (name !== undefined) table.set(`${year}-${day.slice(0, 2)}-${day.slice(2, 4)}` as PlainDate, name)
  }
  return table
}

function createCalendar(jurisdiction: Jurisdiction): HolidayCalendar {
  // Made only when a year is not in the build-time table (it costs a few ms to set up).
  let source: Holidays | null = null
  const years = new Map<number, ReadonlyMap<PlainDate, string>>()

  const yearTable = (year: number): ReadonlyMap<PlainDate, string> => {
    let table = years.get(year) ?? precomputedYear(jurisdiction, year)
    if (!table) {
      source ??= jurisdiction.region
        ? new Holidays(jurisdiction.country, jurisdiction.region, { languages: ['en'], types: ['public', 'bank'] })
        : new Holidays(jurisdiction.country, { languages: ['en'], types: ['public', 'bank'] })
      const entries = new Map<PlainDate, string>()
      for (const holiday of source.getHolidays(year, 'en') ?? []) {
        if (holiday.type !== 'public' && holiday.type !== 'bank') continue
        const day = holiday.date.slice(0, 10)
        if (!entries.has(day)) entries.set(day, holiday.name)
      }
      table = entries
    }
    years.set(year, table)
    return table
  }

  if (jurisdiction.country === 'CN') {
    const span = `${Math.min(...chinaTableYears)}–${Math.max(...chinaTableYears)}`
    return {
      jurisdiction,
      label: jurisdictionLabel(jurisdiction),
      holidayOn: (date) => {
        if (chinaTableCovers(Number(date.slice(0, 4)))) return chinaDayOff(date)
        const name = yearTable(Number(date.slice(0, 4))).get(date) ?? null
        return name && !chinaPartialGroupDays.has(name) ? name : null
      },
      isMakeUpWorkday: chinaMakeUpWorkday,
      caveat: (year) =>
        chinaTableCovers(year)
          ? `Mainland China's days off and make-up working days come from Rightful's own table of the State Council's notices (${span}), entered from memory and not yet checked against the published text.`
          : `Rightful's table of mainland China's holidays covers ${span} only; for ${year} the date-holidays data is used, which lacks make-up working days and may be wrong.`,
    }
  }

  return {
    jurisdiction,
    label: jurisdictionLabel(jurisdiction),
    holidayOn: (date) => yearTable(Number(date.slice(0, 4))).get(date) ?? null,
    isMakeUpWorkday: () => false,
    caveat: () => null,
  }
}
