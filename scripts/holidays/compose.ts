/**
 * The table of holidays that date-holidays computes from astronomy (the Chinese, Korean and
 * Vietnamese lunisolar calendars, equinoxes and solstices): costly to compute (Hong Kong: about
 * 120 ms a year), so computed here once, at build time, for the years requests are likely to
 * need, and read by electron/core/deadlines/holidays.ts instead of computing them again in every
 * process. Other countries' holidays are cheap to compute and are not in the table.
 *
 * Each entry is exactly what holidays.ts would compute for that jurisdiction and year: the public
 * and bank holidays date-holidays gives, the first name of each day.
 */
import fs from 'node:fs'
import path from 'node:path'
import Holidays from 'date-holidays'

export const tableYears = { from: 2015, to: 2045 } as const

/** Rules whose dates date-holidays computes from astronomy. */
const astronomical = /\b(?:chinese|korean|vietnamese|equinox|solstice)\b/

/** The table as committed: compact strings, "MMDD" and the name's index in base 36 when not 0. */
export type HolidayTable = {
  readonly source: string
  readonly from: number
  readonly to: number
  readonly jurisdictions: Readonly<Record<string, { readonly names: ReadonlyArray<string>; readonly years: Readonly<Record<string, string>> }>>
}

type RuleNode = { days?: unknown; states?: Record<string, RuleNode>; regions?: Record<string, RuleNode> }

function usesAstronomy(node: RuleNode): boolean {
  if (astronomical.test(JSON.stringify(node.days ?? {}))) return true
  return [...Object.values(node.states ?? {}), ...Object.values(node.regions ?? {})].some(usesAstronomy)
}

/** The public and bank holidays of one year, as holidays.ts reads them (first name per day). */
export function holidaysOfYear(source: Holidays, year: number): Array<[string, string]> {
  const days = new Map<string, string>()
  for (const holiday of source.getHolidays(year, 'en') ?? []) {
    if (holiday.type !== 'public' && holiday.type !== 'bank') continue
    const day = holiday.date.slice(0, 10)
    if (!days.has(day)) days.set(day, holiday.name)
  }
  return [...days]
}

export function openSource(country: string, region: string | null): Holidays {
  return region
    ? new Holidays(country, region, { languages: ['en'], types: ['public', 'bank'] })
    : new Holidays(country, { languages: ['en'], types: ['public', 'bank'] })
}

/** The installed date-holidays' version, read from its package.json. */
export function dateHolidaysVersion(repoRoot: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', 'date-holidays', 'package.json'), 'utf8')) as { version: string }
  return `date-holidays ${manifest.version}`
}

export function composeHolidayTable(repoRoot: string): HolidayTable {
  const data = JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', 'date-holidays', 'data', 'holidays.json'), 'utf8')) as { holidays: Record<string, RuleNode> }
  const registry = new Holidays()
  const jurisdictions: Record<string, { names: string[]; years: Record<string, string> }> = Object.create(null)
  for (const country of Object.keys(data.holidays).sort()) {
    if (!usesAstronomy(data.holidays[country]!)) continue
    for (const region of [null, ...Object.keys(registry.getStates(country) ?? {}).sort()]) {
      const source = openSource(country, region)
      const names: string[] = []
      const years: Record<string, string> = Object.create(null)
      for (let year = tableYears.from; year <= tableYears.to; year += 1) {
        years[String(year)] = holidaysOfYear(source, year)
          .map(([day, name]) => {
            let index = names.indexOf(name)
            if (index < 0) index = names.push(name) - 1
            return `${day.slice(5, 7)}${day.slice(8, 10)}${index ? index.toString(36) : ''}`
          })
          .join(' ')
      }
      jurisdictions[region ? `${country}-${region}` : country] = { names, years }
    }
  }
  return { source: dateHolidaysVersion(repoRoot), ...tableYears, jurisdictions }
}

/** The years of the table of every other country (holiday-places.json): the years requests are dated in. */
export const placeYears = { from: 2020, to: 2040 } as const

/**
 * One country of holiday-places.json, before it is written as a JSON string: its English name,
 * its regions (code and name, in date-holidays' order), and, unless the country is in the
 * astronomical table, its holidays for placeYears: `years` for the country as a whole and, per
 * region, only the years whose days differ from the country's, as that change (regionDiff).
 * Days as in HolidayTable.
 */
export type HolidayPlace = {
  readonly name: string
  readonly regions: ReadonlyArray<readonly [string, string]>
  readonly names: ReadonlyArray<string>
  readonly years?: Readonly<Record<string, string>>
  readonly regionYears?: Readonly<Record<string, Readonly<Record<string, string>>>>
}

/**
 * Every country and region date-holidays knows, with their names (so that a country code is
 * checked and named without loading date-holidays), and the holidays of the countries whose rules
 * need no astronomy for placeYears, so that a deadline in those years loads no holiday library.
 * Each country is a JSON string, parsed only when that country is asked for.
 */
export type HolidayPlaces = {
  readonly source: string
  readonly from: number
  readonly to: number
  readonly countries: Readonly<Record<string, string>>
}

/**
 * A region's days of one year as the change from its country's: "-MMDD" for a country's day the
 * region does not keep, "+MMDD…" (a day as in HolidayTable) for a day it adds or names otherwise;
 * "" when the region keeps exactly the country's days.
 */
export function regionDiff(countryDays: string, regionDays: string): string {
  const byDay = (days: string) => new Map(days ? days.split(' ').map((token) => [token.slice(0, 4), token] as const) : [])
  const whole = byDay(countryDays)
  const own = byDay(regionDays)
  const changes: string[] = []
  for (const day of whole.keys()) if (!own.has(day)) changes.push(`-${day}`)
  for (const [day, token] of own) if (whole.get(day) !== token) changes.push(`+${token}`)
  return changes.join(' ')
}

export function composeHolidayPlaces(repoRoot: string): HolidayPlaces {
  const data = JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', 'date-holidays', 'data', 'holidays.json'), 'utf8')) as { holidays: Record<string, RuleNode> }
  const registry = new Holidays()
  const countryNames = registry.getCountries('en') ?? {}
  const countries: Record<string, string> = Object.create(null)
  for (const country of Object.keys(countryNames).sort()) {
    const regions = Object.entries(registry.getStates(country, 'en') ?? {})
    const entry: { name: string; regions: Array<[string, string]>; names: string[]; years?: Record<string, string>; regionYears?: Record<string, Record<string, string>> } = {
      name: countryNames[country]!,
      regions,
      names: [],
    }
    const rules = data.holidays[country]
    if (rules && !usesAstronomy(rules)) {
      const encode = (source: Holidays, year: number) =>
        holidaysOfYear(source, year)
          .map(([day, name]) => {
            let index = entry.names.indexOf(name)
            if (index < 0) index = entry.names.push(name) - 1
            return `${day.slice(5, 7)}${day.slice(8, 10)}${index ? index.toString(36) : ''}`
          })
          .join(' ')
      const whole = openSource(country, null)
      const years: Record<string, string> = Object.create(null)
      for (let year = placeYears.from; year <= placeYears.to; year += 1) years[String(year)] = encode(whole, year)
      entry.years = years
      const regionYears: Record<string, Record<string, string>> = Object.create(null)
      for (const [region] of regions) {
        const source = openSource(country, region)
        const differing: Record<string, string> = Object.create(null)
        for (let year = placeYears.from; year <= placeYears.to; year += 1) {
          const diff = regionDiff(years[String(year)]!, encode(source, year))
          if (diff !== '') differing[String(year)] = diff
        }
        if (Object.keys(differing).length > 0) regionYears[region] = differing
      }
      entry.regionYears = regionYears
    }
    countries[country] = JSON.stringify(entry)
  }
  return { source: dateHolidaysVersion(repoRoot), ...placeYears, countries }
}
