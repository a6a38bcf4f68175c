// @module-tag process
/**
 * The build-time table of every country and region, with the holidays of those without astronomy
 * (electron/core/deadlines/holiday-places.json, written by `npm run holidays:build`): the same
 * countries, regions, names and days as date-holidays gives, so that deadlines need no holiday
 * library for the years it covers.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import Holidays from 'date-holidays'
import { describe, expect, it } from 'vitest'
import holidayPlaces from '../../electron/core/deadlines/holiday-places.json'
import { holidayCalendar, jurisdictionLabel, parseJurisdiction } from '../../electron/core/deadlines/holidays'
import { dateHolidaysVersion, holidaysOfYear, openSource, regionDiff } from '../../scripts/holidays/compose'

const repoRoot = path.resolve(__dirname, '..', '..')
const registry = new Holidays()
const countryNames = registry.getCountries('en') ?? {}

/** Every day of `year` as yyyy-mm-dd. */
const daysOf = (year: number) => {
  const days: string[] = []
  for (let day = new Date(Date.UTC(year, 0, 1)); day.getUTCFullYear() === year; day = new Date(day.getTime() + 86_400_000)) days.push(day.toISOString().slice(0, 10))
  return days
}

/** The holidays a calendar gives in `year`, day by day. */
const calendarYear = (country: string, region: string | null, year: number) => {
  const calendar = holidayCalendar({ country, region })
  return new Map(
    daysOf(year).flatMap((day) => {
      const name = calendar.holidayOn(day as never)
      return name === null ? [] : [[day, name] as const]
    }),
  )
}

describe('the build-time table of countries and regions', () => {
  it('comes from the date-holidays that is installed (else: npm run holidays:build)', () => {
    expect(holidayPlaces.source).toBe(dateHolidaysVersion(repoRoot))
    expect(Object.keys(holidayPlaces.countries).sort()).toEqual(Object.keys(countryNames).sort())
  })

  it('knows and names every country and region as date-holidays does, and refuses the others as before', () => {
    for (const [country, name] of Object.entries(countryNames)) {
      expect(jurisdictionLabel(parseJurisdiction(country))).toBe(name)
      const regions = registry.getStates(country, 'en') ?? {}
      // Codes longer than three characters are not accepted as regions (parseJurisdiction's pattern).
      for (const [region, regionName] of Object.entries(regions).filter(([code]) => /^[A-Za-z0-9]{1,3}$/.test(code))) expect(jurisdictionLabel(parseJurisdiction(`${country}-${region}`))).toBe(`${name} (${regionName})`)
      if (Object.keys(regions).length === 0) expect(() => parseJurisdiction(`${country}-ZZZ`)).toThrow(`${name} has no regional holiday calendars; use "${country}" alone.`)
    }
    expect(() => parseJurisdiction('DE-XX')).toThrow(`"XX" is not a region of Germany; known regions: ${Object.keys(registry.getStates('DE', 'en') ?? {}).join(', ')}.`)
    expect(() => parseJurisdiction('QQ')).toThrow('No holiday calendar is known for the country code "QQ".')
    expect(() => parseJurisdiction('constructor')).toThrow()
    expect(() => parseJurisdiction('__proto__')).toThrow()
  })

  it('gives for every country and region exactly what date-holidays computes, in the first, a middle and the last year', () => {
    for (const year of [holidayPlaces.from, 2026, holidayPlaces.to]) {
      for (const country of Object.keys(countryNames)) {
        if (country === 'CN') continue // mainland China has its own table (china-holidays.ts)
        for (const region of [null, ...Object.keys(registry.getStates(country, 'en') ?? {})]) {
          const computed = new Map(holidaysOfYear(openSource(country, region), year))
          expect(calendarYear(country, region, year), `${country}${region ? `-${region}` : ''} ${year}`).toEqual(computed)
        }
      }
    }
  })

  it('computes years outside the table with date-holidays, as before', () => {
    for (const [country, region, year] of [['DE', 'BY', holidayPlaces.to + 1], ['US', 'CA', holidayPlaces.from - 1], ['FR', null, 2077]] as const) {
      expect(calendarYear(country, region, year)).toEqual(new Map(holidaysOfYear(openSource(country, region), year)))
    }
  })

  it('writes a region as its change from the country', () => {
    expect(regionDiff('0101 04031 1225', '0101 0106i 04031 1225')).toBe('+0106i')
    expect(regionDiff('0101 04031 1225', '0101 1225')).toBe('-0403')
    expect(regionDiff('0101 1225', '0101 12252')).toBe('+12252')
    expect(regionDiff('0101 1225', '0101 1225')).toBe('')
    expect(regionDiff('', '0101')).toBe('+0101')
  })
})

describe('date-holidays is loaded only for what the tables lack', () => {
  /** Runs `code` (after importing holidays.ts as `h`) in a fresh Node; true when date-holidays was loaded. */
  const loadsLibrary = (code: string): boolean => {
    const script = `const h = require(${JSON.stringify(path.join(repoRoot, 'electron', 'core', 'deadlines', 'holidays.ts'))});\n${code}\nprocess.stdout.write(String(Object.keys(require.cache).some((file) => file.includes('/node_modules/date-holidays/'))))`
    const result = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: repoRoot, encoding: 'utf8' })
    expect(result.status, result.stderr).toBe(0)
    return result.stdout === 'true'
  }

  it('not for a country, a region and a year in the tables, nor for a bad country code', () => {
    expect(loadsLibrary(`if (h.holidayCalendar(h.parseJurisdiction('DE-BY')).holidayOn('2026-01-06') !== 'Epiphany') process.exit(3)\ntry { h.parseJurisdiction('QQ'); process.exit(4) } catch {}`)).toBe(false)
    expect(loadsLibrary(`if (h.holidayCalendar(h.parseJurisdiction('HK')).holidayOn('2026-10-01') !== 'National Day') process.exit(3)`)).toBe(false)
  })

  it('for a year outside them', () => {
    expect(loadsLibrary(`if (h.holidayCalendar(h.parseJurisdiction('DE-BY')).holidayOn('2077-01-06') !== 'Epiphany') process.exit(3)`)).toBe(true)
  })
})
