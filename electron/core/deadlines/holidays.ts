/**
 * Public holidays per country and region, from the date-holidays package (offline data).
 * Only holidays of type "public" and "bank" move a deadline; observances and optional days do not.
 *
 * The countries and regions, and their holidays for the years requests are dated in, come from
 * two tables computed from date-holidays at build time (scripts/build-holidays.ts): the package
 * itself (half a megabyte of rules, plus moment-timezone and astronomy) is loaded only for a year
 * outside those tables, so that a deadline costs no holiday library to start.
 */
import type Holidays from 'date-holidays'
import type { PlainDate } from '../shared/calendar'
import { chinaDayOff, chinaMakeUpWorkday, chinaTableCovers, chinaTableYears } from './china-holidays'
import holidayTable from './holiday-table.json'
import holidayPlaces from './holiday-places.json'
import { ownValue } from '../shared/own-keys'
import { message, type Message } from '../shared/message'
import { coreError } from '../messages/errors'
import { toSimplified, toTraditional } from './chinese-script'
import { withOwnNames } from './holiday-names'

export type Jurisdiction = { readonly country: string; readonly region: string | null }

/**
 * A holiday's name in each UI language: date-holidays' name in that language where it has one,
 * else the country's own name ("Pfingstmontag" for a Chinese reader of a Bavarian deadline), else
 * English. date-holidays has one Chinese for both scripts, mixing them: each reader gets its own
 * script (chinese-script.ts).
 */
export type HolidayNames = {
  readonly en: string
  readonly de: string
  readonly fr: string
  readonly es: string
  readonly zhHans: string
  readonly zhHant: string
}

/** The names in other languages as the tables keep them (scripts/holidays/compose.ts NameTranslations). */
type LocalNames = { readonly own?: ReadonlyArray<string>; readonly de?: ReadonlyArray<string>; readonly fr?: ReadonlyArray<string>; readonly es?: ReadonlyArray<string>; readonly zh?: ReadonlyArray<string> }

/** A day's holiday: its English name (what the engine compares and writes) and its names per language. */
type Holiday = { readonly name: string; readonly names: HolidayNames }

/**
 * Each English name of a table with its names per language, read back as compose.ts wrote them;
 * what the data left in English in a country whose own names are English in Rightful's own words.
 */
function holidaysOf(country: string, names: ReadonlyArray<string>, local: LocalNames | undefined): ReadonlyArray<Holiday> {
  return names.map((en, index) => {
    const own = local?.own?.[index] || en
    const zh = local?.zh?.[index] || own
    const inLanguages = { en, de: local?.de?.[index] || own, fr: local?.fr?.[index] || own, es: local?.es?.[index] || own, zhHans: toSimplified(zh), zhHant: toTraditional(zh) }
    return { name: en, names: withOwnNames(country, inLanguages) }
  })
}

/** A holiday named alike in every language (where no other name is known). */
export function sameNames(name: string): HolidayNames {
  return { en: name, de: name, fr: name, es: name, zhHans: name, zhHant: name }
}

export type HolidayCalendar = {
  readonly jurisdiction: Jurisdiction | null
  /** e.g. "United States (Delaware)", or null when no country is known. */
  readonly label: string | null
  /** The holiday's English name when `date` is a public holiday there, else null. */
  holidayOn(date: PlainDate): string | null
  /** The holiday's names in the UI languages when `date` is a public holiday there, else null. */
  holidayNames?(date: PlainDate): HolidayNames | null
  /** A Saturday or Sunday that is an official working day there (mainland China's 调休). */
  isMakeUpWorkday(date: PlainDate): boolean
  /** Where the holidays come from, when the user should know (unverified or incomplete data), as a message. */
  caveat(year: number): Message | null
  /** Canada's federal holidays count too (the Interpretation Act, for PIPEDA), beside the province's. */
  readonly federalHolidays?: true
}

/** date-holidays, loaded on first use (a `require`, so that the bundle evaluates it only then). */
let library: typeof Holidays | null = null
function dateHolidays(): typeof Holidays {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily on purpose, see above
  library ??= require('date-holidays') as typeof Holidays
  return library
}

/** One country of holiday-places.json (scripts/holidays/compose.ts HolidayPlace). */
type Place = {
  readonly name: string
  readonly regions: ReadonlyArray<readonly [string, string]>
  readonly names: ReadonlyArray<string>
  readonly local?: LocalNames
  readonly years?: Readonly<Record<string, string>>
  readonly regionYears?: Readonly<Record<string, Readonly<Record<string, string>>>>
}

/** Each country's entry as written (a JSON string), parsed when the country is first asked for. */
const placeTexts = new Map(Object.entries(holidayPlaces.countries))
type PlaceEntry = { readonly place: Place; readonly regions: ReadonlyMap<string, string>; holidays?: ReadonlyArray<Holiday> }
const places = new Map<string, PlaceEntry>()

function placeOf(country: string): PlaceEntry | null {
  const known = places.get(country)
  if (known) return known
  const text = placeTexts.get(country)
  if (text === undefined) return null
  const place = JSON.parse(text) as Place
  const entry: PlaceEntry = { place, regions: new Map(place.regions) }
  places.set(country, entry)
  return entry
}

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
    throw coreError('UNKNOWN_COUNTRY', 'error.holidays.notCode', { code: code.slice(0, 100) })
  }
  const country = match[1]!.toUpperCase()
  const region = match[2] ? match[2].toUpperCase() : null
  const known = placeOf(country)
  if (!known) {
    throw coreError('UNKNOWN_COUNTRY', 'error.holidays.unknownCountry', { code: country })
  }
  if (region && !known.regions.has(region)) {
    const regions = [...known.regions.keys()]
    throw regions.length
      ? coreError('UNKNOWN_COUNTRY', 'error.holidays.notRegion', { region, country, countryName: known.place.name, regions: regions.join(', ') })
      : coreError('UNKNOWN_COUNTRY', 'error.holidays.noRegions', { country, countryName: known.place.name, code: country })
  }
  return { country, region }
}

export function jurisdictionLabel(jurisdiction: Jurisdiction): string {
  const known = placeOf(jurisdiction.country)
  const countryName = known?.place.name ?? jurisdiction.country
  if (!jurisdiction.region) return countryName
  const regionName = known?.regions.get(jurisdiction.region) ?? jurisdiction.region
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
type TableEntry = { readonly names: ReadonlyArray<string>; readonly local?: LocalNames; readonly years: Readonly<Record<string, string>> }
const precomputed = new Map<string, TableEntry>(Object.entries(holidayTable.jurisdictions))
const precomputedHolidays = new Map<string, ReadonlyArray<Holiday>>()

/** A year of the build-time table, or null when the table does not have it. */
function precomputedYear(jurisdiction: Jurisdiction, year: number): ReadonlyMap<PlainDate, Holiday> | null {
  if (year < holidayTable.from || year > holidayTable.to) return null
  const key = jurisdiction.region ? `${jurisdiction.country}-${jurisdiction.region}` : jurisdiction.country
  const entry = precomputed.get(key)
  const days = entry ? ownValue(entry.years, String(year)) : undefined
  if (!entry || days === undefined) return null
  let holidays = precomputedHolidays.get(key)
  if (!holidays) precomputedHolidays.set(key, (holidays = holidaysOf(jurisdiction.country, entry.names, entry.local)))
  const table = new Map<PlainDate, Holiday>()
  readDays(year, days, holidays, table)
  return table
}

/** Days as the tables write them ("MMDD" and a base-36 name index when not 0) into `table`. */
function readDays(year: number, days: string, holidays: ReadonlyArray<Holiday>, table: Map<PlainDate, Holiday>): void {
  for (const day of days ? days.split(' ') : []) {
    const holiday = holidays[day.length > 4 ? Number.parseInt(day.slice(4), 36) : 0]
    if (holiday !== undefined) table.set(`${year}-${day.slice(0, 2)}-${day.slice(2, 4)}` as PlainDate, holiday)
  }
}

/** A year of holiday-places.json (countries without astronomy), or null when it does not have it. */
function placeYear(jurisdiction: Jurisdiction, year: number): ReadonlyMap<PlainDate, Holiday> | null {
  if (year < holidayPlaces.from || year > holidayPlaces.to) return null
  const entry = placeOf(jurisdiction.country)
  const place = entry?.place
  const days = place?.years ? ownValue(place.years, String(year)) : undefined
  if (!entry || !place || days === undefined) return null
  entry.holidays ??= holidaysOf(jurisdiction.country, place.names, place.local)
  const holidays = entry.holidays
  const table = new Map<PlainDate, Holiday>()
  readDays(year, days, holidays, table)
  const regionYears = jurisdiction.region && place.regionYears ? ownValue(place.regionYears, jurisdiction.region) : undefined
  const change = regionYears ? ownValue(regionYears, String(year)) : undefined
  // A region's year is written as its change from the country's days (scripts/holidays/compose.ts regionDiff).
  for (const token of change ? change.split(' ') : []) {
    if (token.startsWith('-')) table.delete(`${year}-${token.slice(1, 3)}-${token.slice(3, 5)}` as PlainDate)
    else readDays(year, token.slice(1), holidays, table)
  }
  return table
}

function createCalendar(jurisdiction: Jurisdiction): HolidayCalendar {
  // Made only when a year is not in the build-time table (it costs a few ms to set up).
  const sources = new Map<string, Holidays>()
  const years = new Map<number, ReadonlyMap<PlainDate, Holiday>>()

  /** The year's days from date-holidays itself, in one language (as compose.ts localNamesOfYear). */
  const computed = (year: number, language: 'en' | 'own' | 'de' | 'fr' | 'es' | 'zh'): Map<string, string> => {
    let source = sources.get(language)
    if (!source) {
      const Library = dateHolidays()
      const options = { languages: language === 'own' ? [] : [language], types: ['public', 'bank'] as Array<'public' | 'bank'> }
      source = jurisdiction.region ? new Library(jurisdiction.country, jurisdiction.region, options) : new Library(jurisdiction.country, options)
      sources.set(language, source)
    }
    const days = new Map<string, string>()
    for (const holiday of source.getHolidays(year) ?? []) {
      if (holiday.type !== 'public' && holiday.type !== 'bank') continue
      const day = holiday.date.slice(0, 10)
      if (!days.has(day)) days.set(day, holiday.name)
    }
    return days
  }

  const yearTable = (year: number): ReadonlyMap<PlainDate, Holiday> => {
    let table = years.get(year) ?? precomputedYear(jurisdiction, year) ?? placeYear(jurisdiction, year)
    if (!table) {
      const [own, de, fr, es, zh] = (['own', 'de', 'fr', 'es', 'zh'] as const).map((language) => computed(year, language))
      const entries = new Map<PlainDate, Holiday>()
      for (const [day, en] of computed(year, 'en')) {
        const local = (names: Map<string, string> | undefined) => names?.get(day) ?? own?.get(day) ?? en
        const names = { en, de: local(de), fr: local(fr), es: local(es), zhHans: toSimplified(local(zh)), zhHant: toTraditional(local(zh)) }
        entries.set(day, { name: en, names: withOwnNames(jurisdiction.country, names) })
      }
      table = entries
    }
    years.set(year, table)
    return table
  }

  if (jurisdiction.country === 'CN') {
    const span = { from: Math.min(...chinaTableYears), to: Math.max(...chinaTableYears) }
    return {
      jurisdiction,
      label: jurisdictionLabel(jurisdiction),
      holidayOn: (date) => {
        if (chinaTableCovers(Number(date.slice(0, 4)))) return chinaDayOff(date)?.en ?? null
        const name = yearTable(Number(date.slice(0, 4))).get(date)?.name ?? null
        return name && !chinaPartialGroupDays.has(name) ? name : null
      },
      holidayNames: (date) => {
        if (chinaTableCovers(Number(date.slice(0, 4)))) return chinaDayOff(date)
        const holiday = yearTable(Number(date.slice(0, 4))).get(date)
        return holiday && !chinaPartialGroupDays.has(holiday.name) ? holiday.names : null
      },
      isMakeUpWorkday: chinaMakeUpWorkday,
      caveat: (year) => (chinaTableCovers(year) ? message('deadline.caveat.chinaTable', span) : message('deadline.caveat.chinaLibrary', { ...span, year })),
    }
  }

  return {
    jurisdiction,
    label: jurisdictionLabel(jurisdiction),
    holidayOn: (date) => yearTable(Number(date.slice(0, 4))).get(date)?.name ?? null,
    holidayNames: (date) => yearTable(Number(date.slice(0, 4))).get(date)?.names ?? null,
    isMakeUpWorkday: () => false,
    caveat: () => null,
  }
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus), as a PlainDate. */
export function easterSunday(year: number): PlainDate {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return plainDate(year, month, day)
}

function plainDate(year: number, month: number, day: number): PlainDate {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.toISOString().slice(0, 10)
}

/** The `n`th (1-based) `weekday` (0 = Sunday) of a month; n = -1 for the last one before `before`. */
function nthWeekday(year: number, month: number, weekday: number, n: number): PlainDate {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay()
  return plainDate(year, month, 1 + ((weekday - first + 7) % 7) + 7 * (n - 1))
}

/**
 * The holidays of the federal Interpretation Act (s.35), which count for a federal statute's period
 * in every province: New Year's Day, Good Friday, Easter Monday, Victoria Day, Canada Day, Labour
 * Day, the National Day for Truth and Reconciliation (30 September, from 2021), Thanksgiving,
 * Remembrance Day and Christmas Day. Sundays are not listed: the roll rule skips them itself.
 */
export function canadianFederalHolidays(year: number): ReadonlyMap<PlainDate, string> {
  const easter = easterSunday(year)
  const [ey, em, ed] = easter.split('-').map(Number) as [number, number, number]
  const days = new Map<PlainDate, string>([
    [plainDate(year, 1, 1), "New Year's Day"],
    [plainDate(ey, em, ed - 2), 'Good Friday'],
    [plainDate(ey, em, ed + 1), 'Easter Monday'],
    // Victoria Day: the Monday before 25 May.
    [plainDate(year, 5, 24 - ((new Date(Date.UTC(year, 4, 24)).getUTCDay() + 6) % 7)), 'Victoria Day'],
    [plainDate(year, 7, 1), 'Canada Day'],
    [nthWeekday(year, 9, 1, 1), 'Labour Day'],
    [nthWeekday(year, 10, 1, 2), 'Thanksgiving Day'],
    [plainDate(year, 11, 11), 'Remembrance Day'],
    [plainDate(year, 12, 25), 'Christmas Day'],
  ])
  // The Holidays Act keeps 1 July, but when it falls on a Sunday, Canada Day is kept on 2 July.
  if (new Date(Date.UTC(year, 6, 1)).getUTCDay() === 0) days.set(plainDate(year, 7, 2), 'Canada Day (observed)')
  if (year >= 2021) days.set(plainDate(year, 9, 30), 'National Day for Truth and Reconciliation')
  return days
}

/**
 * The federal holidays' names in the UI languages (Rightful's own list, so its own words): the
 * French as the Interpretation Act (s. 35) and the Canada Labour Code (s. 166) name them, the
 * Chinese as Canada's Chinese-language government pages commonly do.
 */
const federalNames = new Map<string, Omit<HolidayNames, 'en'>>([
  ["New Year's Day", { de: 'Neujahr', fr: 'jour de l’An', es: 'Año Nuevo', zhHans: '元旦', zhHant: '元旦' }],
  ['Good Friday', { de: 'Karfreitag', fr: 'Vendredi saint', es: 'Viernes Santo', zhHans: '耶稣受难日', zhHant: '耶穌受難日' }],
  ['Easter Monday', { de: 'Ostermontag', fr: 'lundi de Pâques', es: 'Lunes de Pascua', zhHans: '复活节星期一', zhHant: '復活節星期一' }],
  ['Victoria Day', { de: 'Victoriatag', fr: 'fête de Victoria', es: 'Día de Victoria', zhHans: '维多利亚日', zhHant: '維多利亞日' }],
  ['Canada Day', { de: 'Kanadatag', fr: 'fête du Canada', es: 'Día de Canadá', zhHans: '加拿大日', zhHant: '加拿大日' }],
  ['Canada Day (observed)', { de: 'Kanadatag (nachgeholt)', fr: 'fête du Canada (reportée)', es: 'Día de Canadá (trasladado)', zhHans: '加拿大日（补假）', zhHant: '加拿大日（補假）' }],
  ['Labour Day', { de: 'Tag der Arbeit', fr: 'fête du Travail', es: 'Día del Trabajo', zhHans: '劳动节', zhHant: '勞動節' }],
  ['National Day for Truth and Reconciliation', { de: 'Nationaler Tag der Wahrheit und Versöhnung', fr: 'Journée nationale de la vérité et de la réconciliation', es: 'Día Nacional de la Verdad y la Reconciliación', zhHans: '全国真相与和解日', zhHant: '全國真相與和解日' }],
  ['Thanksgiving Day', { de: 'Erntedankfest', fr: 'Action de grâces', es: 'Día de Acción de Gracias', zhHans: '感恩节', zhHant: '感恩節' }],
  ['Remembrance Day', { de: 'Gedenktag für die Kriegstoten', fr: 'jour du Souvenir', es: 'Día del Recuerdo', zhHans: '阵亡将士纪念日', zhHant: '陣亡將士紀念日' }],
  ['Christmas Day', { de: '1. Weihnachtstag', fr: 'jour de Noël', es: 'Día de Navidad', zhHans: '圣诞节', zhHant: '聖誕節' }],
])

/** A federal holiday's names in the UI languages, from its English name. */
function canadianFederalHolidayNames(name: string): HolidayNames {
  const names = federalNames.get(name)
  return names ? { en: name, ...names } : sameNames(name)
}

/**
 * A province's calendar with Canada's federal holidays added: under the federal Interpretation Act a
 * period of a federal statute (PIPEDA) cannot end on any of them, wherever the company is, and also
 * not on a day the province makes a holiday.
 */
export function withCanadianFederalHolidays(calendar: HolidayCalendar): HolidayCalendar {
  // One per calendar (the calendars are cached), so that a list of many PIPEDA requests computes
  // each year's federal holidays once.
  const known = withFederal.get(calendar)
  if (known) return known
  const place = calendar.label ?? 'Canada'
  const combined: HolidayCalendar = {
    jurisdiction: calendar.jurisdiction ?? { country: 'CA', region: null },
    label: `${place}, with Canada's federal holidays (Interpretation Act s.35)`,
    holidayOn: (date) => canadianFederalHolidayOn(date) ?? calendar.holidayOn(date),
    // The federal holidays' names are Rightful's own (not from date-holidays), in every UI language.
    holidayNames: (date) => {
      const federal = canadianFederalHolidayOn(date)
      return federal ? canadianFederalHolidayNames(federal) : (calendar.holidayNames?.(date) ?? null)
    },
    isMakeUpWorkday: calendar.isMakeUpWorkday,
    caveat: calendar.caveat,
    federalHolidays: true,
  }
  withFederal.set(calendar, combined)
  return combined
}

const withFederal = new WeakMap<HolidayCalendar, HolidayCalendar>()
const federalYears = new Map<number, ReadonlyMap<PlainDate, string>>()

/** The federal holiday on `date`, or null; each year computed once. */
function canadianFederalHolidayOn(date: PlainDate): string | null {
  const year = Number(date.slice(0, 4))
  let table = federalYears.get(year)
  if (!table) {
    table = canadianFederalHolidays(year)
    federalYears.set(year, table)
  }
  return table.get(date) ?? null
}
