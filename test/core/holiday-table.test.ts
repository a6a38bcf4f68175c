/**
 * The build-time table of holidays date-holidays computes from astronomy
 * (electron/core/deadlines/holiday-table.json, written by `npm run holidays:build`): made from the
 * installed date-holidays, and read exactly as computing them would give.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import holidayTable from '../../electron/core/deadlines/holiday-table.json'
import { holidayCalendar } from '../../electron/core/deadlines/holidays'
import { dateHolidaysVersion, holidaysOfYear, openSource } from '../../scripts/holidays/compose'

const repoRoot = path.resolve(__dirname, '..', '..')

/** Every day of `year` as yyyy-mm-dd. */
const daysOf = (year: number) => {
  const days: string[] = []
  for (let day = new Date(Date.UTC(year, 0, 1)); day.getUTCFullYear() === year; day = new Date(day.getTime() + 86_400_000)) days.push(day.toISOString().slice(0, 10))
  return days
}

describe('the build-time holiday table', () => {
  it('comes from the date-holidays that is installed (else: npm run holidays:build)', () => {
    expect(holidayTable.source).toBe(dateHolidaysVersion(repoRoot))
  })

  it('holds the lunisolar and equinox countries, with their regions, and no others', () => {
    const keys = Object.keys(holidayTable.jurisdictions)
    for (const expected of ['HK', 'CN', 'TW', 'JP', 'KR', 'SG', 'VN']) expect(keys).toContain(expected)
    for (const computed of ['DE', 'US', 'GB', 'FR', 'BR']) expect(keys).not.toContain(computed)
    expect(keys.some((key) => key.startsWith('MY-'))).toBe(true)
  })

  it.each([
    ['HK', null, 2026],
    ['JP', null, 2024],
    ['KR', null, 2045],
    ['TW', null, 2015],
    ['SG', null, 2033],
    ['CN', null, 2040],
  ])('gives for %s %s in %i exactly what date-holidays computes, day by day', (country, region, year) => {
    const computed = new Map(holidaysOfYear(openSource(country, region), year))
    const calendar = holidayCalendar({ country, region })
    const fromTable = daysOf(year).flatMap((day) => {
      const name = calendar.holidayOn(day as never)
      return name === null ? [] : [[day, name] as const]
    })
    expect(computed.size).toBeGreaterThan(5)
    if (country === 'CN') {
      // Mainland China's own table of days off wins for its years; outside them the build-time table is used.
      expect(new Map(fromTable)).toEqual(new Map([...computed].filter(([, name]) => !["International Women's Day", 'Youth Day', "Children's Day", 'Army Day'].includes(name))))
    } else expect(new Map(fromTable)).toEqual(computed)
  })

  it('computes years outside the table, and countries not in it, as before', () => {
    const hongKong = holidayCalendar({ country: 'HK', region: null })
    expect(hongKong.holidayOn('2050-10-01' as never)).toBe('National Day')
    expect(hongKong.holidayOn('2050-12-27' as never)).toBe('The second weekday after Christmas Day')
    expect(holidayCalendar({ country: 'DE', region: 'BY' }).holidayOn('2026-01-06' as never)).toBe('Epiphany')
  })
})
