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
  readonly jurisdictions: Readonly<Record<string, { readonly names: ReadonlyArray<string>; readonly local?: Readonly<Record<string, ReadonlyArray<string>>>; readonly years: Readonly<Record<string, string>> }>>
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

/**
 * The date-holidays languages whose names the tables keep (zh serves both Chinese UI languages:
 * date-holidays has one Chinese), and "own": the name date-holidays falls back to when it has none
 * in the asked language, i.e. the country's own language (else English).
 */
export const holidayNameLanguages = ['own', 'de', 'fr', 'es', 'zh'] as const

export function openSource(country: string, region: string | null, language = 'en'): Holidays {
  // "own": no language asked, so the country's own languages come first.
  const languages = language === 'own' ? [] : [language]
  return region
    ? new Holidays(country, region, { languages, types: ['public', 'bank'] })
    : new Holidays(country, { languages, types: ['public', 'bank'] })
}

/** One year's names in the language the source was opened in, first name per day like holidaysOfYear. */
export function localNamesOfYear(source: Holidays, year: number): Map<string, string> {
  const days = new Map<string, string>()
  for (const holiday of source.getHolidays(year) ?? []) {
    if (holiday.type !== 'public' && holiday.type !== 'bank') continue
    const day = holiday.date.slice(0, 10)
    if (!days.has(day)) days.set(day, holiday.name)
  }
  return days
}

/**
 * The names in other languages aligned with `names`, as few as read back the same: "own" where the
 * country's own name differs from English, a language's where date-holidays' name in it differs
 * from the own name (else English); "" for none, trailing "" and empty lists left out.
 */
export class NameTranslations {
  private readonly local = new Map<string, string[]>()

  constructor(private readonly names: ReadonlyArray<string>) {}

  /** Records the day's names in every language for the English name at `index`. */
  add(index: number, byLanguage: ReadonlyMap<string, string | undefined>): void {
    const english = this.names[index]
    const own = byLanguage.get('own') ?? english
    for (const language of holidayNameLanguages) {
      const name = byLanguage.get(language)
      if (name === undefined || name === (language === 'own' ? english : own)) continue
      let list = this.local.get(language)
      if (!list) this.local.set(language, (list = []))
      list[index] = name
    }
  }

  toJSON(): Record<string, string[]> | undefined {
    const out: Record<string, string[]> = Object.create(null)
    for (const language of holidayNameLanguages) {
      const list = this.local.get(language)
      if (list && list.length > 0) out[language] = Array.from(list, (name) => name ?? '')
    }
    return Object.keys(out).length > 0 ? out : undefined
  }
}

/**
 * The index of a holiday in `names`, added when new: one entry per English name and its names in
 * the other languages together, so that a day renamed in one language only (Japan's 体育の日 to
 * スポーツの日) or named in a region's own language (Vaud's Jeûne fédéral) keeps its own names.
 */
export function nameIndex(names: string[], keys: Map<string, number>, name: string, local: ReadonlyMap<string, string | undefined>): number {
  const key = [name, ...holidayNameLanguages.map((language) => local.get(language) ?? '')].join('\u0000')
  let index = keys.get(key)
  if (index === undefined) {
    index = names.push(name) - 1
    keys.set(key, index)
  }
  return index
}

/** One source per language of holidayNameLanguages. */
export function localSources(country: string, region: string | null): Map<string, Holidays> {
  return new Map(holidayNameLanguages.map((language) => [language, openSource(country, region, language)] as const))
}

/** The names of one year's days per language of holidayNameLanguages, from localSources. */
export function localYear(sources: ReadonlyMap<string, Holidays>, year: number): (day: string) => Map<string, string | undefined> {
  const perSource = new Map([...sources].map(([language, source]) => [language, localNamesOfYear(source, year)] as const))
  return (day) => new Map(holidayNameLanguages.map((language) => [language, perSource.get(language)!.get(day)] as const))
}

/** The installed date-holidays' version, read from its package.json. */
export function dateHolidaysVersion(repoRoot: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', 'date-holidays', 'package.json'), 'utf8')) as { version: string }
  return `date-holidays ${manifest.version}`
}

export function composeHolidayTable(repoRoot: string): HolidayTable {
  const data = JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', 'date-holidays', 'data', 'holidays.json'), 'utf8')) as { holidays: Record<string, RuleNode> }
  const registry = new Holidays()
  const jurisdictions: Record<string, { names: string[]; local?: Record<string, string[]>; years: Record<string, string> }> = Object.create(null)
  for (const country of Object.keys(data.holidays).sort()) {
    if (!usesAstronomy(data.holidays[country]!)) continue
    for (const region of [null, ...Object.keys(registry.getStates(country) ?? {}).sort()]) {
      const source = openSource(country, region)
      const sources = localSources(country, region)
      const names: string[] = []
      const keys = new Map<string, number>()
      const local = new NameTranslations(names)
      const years: Record<string, string> = Object.create(null)
      for (let year = tableYears.from; year <= tableYears.to; year += 1) {
        const localOf = localYear(sources, year)
        years[String(year)] = holidaysOfYear(source, year)
          .map(([day, name]) => {
            const localized = localOf(day)
            const index = nameIndex(names, keys, name, localized)
            local.add(index, localized)
            return `${day.slice(5, 7)}${day.slice(8, 10)}${index ? index.toString(36) : ''}`
          })
          .join(' ')
      }
      const translated = local.toJSON()
      jurisdictions[region ? `${country}-${region}` : country] = translated ? { names, local: translated, years } : { names, years }
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
  /** Per UI language other than English, the names aligned with `names` ("" where as in English). */
  readonly local?: Readonly<Record<string, ReadonlyArray<string>>>
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
    const entry: { name: string; regions: Array<[string, string]>; names: string[]; local?: Record<string, string[]>; years?: Record<string, string>; regionYears?: Record<string, Record<string, string>> } = {
      name: countryNames[country]!,
      regions,
      names: [],
    }
    const rules = data.holidays[country]
    if (rules && !usesAstronomy(rules)) {
      const local = new NameTranslations(entry.names)
      const keys = new Map<string, number>()
      const encode = (source: Holidays, sources: ReadonlyMap<string, Holidays>, year: number) => {
        const localOf = localYear(sources, year)
        return holidaysOfYear(source, year)
          .map(([day, name]) => {
            const localized = localOf(day)
            const index = nameIndex(entry.names, keys, name, localized)
            local.add(index, localized)
            return `${day.slice(5, 7)}${day.slice(8, 10)}${index ? index.toString(36) : ''}`
          })
          .join(' ')
      }
      const whole = openSource(country, null)
      const wholeLocal = localSources(country, null)
      const years: Record<string, string> = Object.create(null)
      for (let year = placeYears.from; year <= placeYears.to; year += 1) years[String(year)] = encode(whole, wholeLocal, year)
      entry.years = years
      const regionYears: Record<string, Record<string, string>> = Object.create(null)
      for (const [region] of regions) {
        const source = openSource(country, region)
        const sources = localSources(country, region)
        const differing: Record<string, string> = Object.create(null)
        for (let year = placeYears.from; year <= placeYears.to; year += 1) {
          const diff = regionDiff(years[String(year)]!, encode(source, sources, year))
          if (diff !== '') differing[String(year)] = diff
        }
        if (Object.keys(differing).length > 0) regionYears[region] = differing
      }
      entry.regionYears = regionYears
      const translated = local.toJSON()
      if (translated) entry.local = translated
    }
    countries[country] = JSON.stringify(entry)
  }
  return { source: dateHolidaysVersion(repoRoot), ...placeYears, countries }
}
