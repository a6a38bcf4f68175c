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
