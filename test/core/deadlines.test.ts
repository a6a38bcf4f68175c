import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, addMonths, dayOfWeek, daysBetween, parsePlainDate } from '../../electron/core/deadlines/calendar'
import { computeDeadline } from '../../electron/core/deadlines/compute'
import { gdprDeadline } from '../../electron/core/deadlines/gdpr'
import { holidayCalendar, parseJurisdiction } from '../../electron/core/deadlines/holidays'
import { CoreError } from '../../electron/core/api/result'

const noHolidays = holidayCalendar(null)

describe('calendar arithmetic', () => {
  it('adds months to the same date, or to the last day of a shorter month', () => {
    expect(addMonths('2026-03-05', 1)).toEqual({ date: '2026-04-05', clamped: false })
    expect(addMonths('2026-08-31', 1)).toEqual({ date: '2026-09-30', clamped: true })
    expect(addMonths('2026-01-31', 1)).toEqual({ date: '2026-02-28', clamped: true })
    expect(addMonths('2028-01-31', 1)).toEqual({ date: '2028-02-29', clamped: true })
    expect(addMonths('2026-12-15', 1)).toEqual({ date: '2027-01-15', clamped: false })
    expect(addMonths('2026-11-30', 3)).toEqual({ date: '2027-02-28', clamped: true })
  })

  it('rejects dates that do not exist', () => {
    expect(parsePlainDate('2026-02-29')).toBeNull()
    expect(parsePlainDate('2028-02-29')).not.toBeNull()
    expect(parsePlainDate('2026-13-01')).toBeNull()
    expect(parsePlainDate('26-01-01')).toBeNull()
  })

  it('counts days across a year end and knows the weekday', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(daysBetween('2026-12-31', '2027-01-31')).toBe(31)
    expect(dayOfWeek('2026-02-28')).toBe(6) // Saturday
  })
})

describe('GDPR deadline (Art. 12(3) GDPR, Reg. 1182/71)', () => {
  it('follows the EDPB examples: 5 March -> 5 April, 31 August -> 30 September', () => {
    expect(gdprDeadline('2027-03-05', noHolidays).due).toBe('2027-04-05') // a Monday
    expect(gdprDeadline('2027-08-31', noHolidays).due).toBe('2027-09-30') // a Thursday
  })

  it('clamps 31 January to 28 February and rolls a Saturday to Monday', () => {
    const deadline = gdprDeadline('2026-01-31', noHolidays)
    expect(deadline.due).toBe('2026-03-02')
    expect(deadline.explanation).toContain('February has no 31st')
    expect(deadline.explanation).toContain('Saturday 28 February 2026')
    expect(deadline.explanation).toContain('Monday 2 March 2026')
  })

  it('uses 29 February in a leap year', () => {
    expect(gdprDeadline('2028-01-31', noHolidays).due).toBe('2028-02-29') // a Tuesday
  })

  it('counts the extension from the receipt date, never from the rolled date', () => {
    const deadline = gdprDeadline('2026-01-31', noHolidays)
    expect(deadline.extendedDue).toBe('2026-04-30') // chaining from 28 Feb would give 28 April
    expect(deadline.extensionNoticeBy).toBe(deadline.due)
  })

  it('skips public holidays of the company country and region', () => {
    // 25 Nov 2026 -> 25 Dec (Christmas, Friday), 26 Dec (Saturday), 27 Dec (Sunday) -> 28 Dec.
    const germany = computeDeadline('gdpr', 'DE', '2026-11-25')
    expect(germany.due).toBe('2026-12-28')
    expect(germany.explanation).toContain('Christmas')
    // Labor Day in the United States (Monday 7 September 2026).
    expect(computeDeadline('gdpr', 'US-DE', '2026-08-07').due).toBe('2026-09-08')
    expect(computeDeadline('gdpr', null, '2026-08-07').due).toBe('2026-09-07')
    // National Day in Hong Kong (Thursday 1 October 2026).
    expect(computeDeadline('gdpr', 'HK', '2026-09-01').due).toBe('2026-10-02')
    // Epiphany (6 January) is a holiday in Bavaria but not in Berlin.
    expect(computeDeadline('gdpr', 'DE-BY', '2026-12-06').due).toBe('2027-01-07')
    expect(computeDeadline('gdpr', 'DE-BE', '2026-12-06').due).toBe('2027-01-06')
  })

  it('says whose holidays it used, or that it knows none', () => {
    expect(computeDeadline('gdpr', 'US-DE', '2026-08-07').holidayCalendar).toBe('United States of America (Delaware)')
    expect(computeDeadline('gdpr', null, '2026-08-07').explanation).toContain('only Saturdays and Sundays are skipped')
  })

  it('rejects unknown countries and regions with a clear error', () => {
    expect(() => parseJurisdiction('XX')).toThrow(CoreError)
    expect(() => parseJurisdiction('DE-ZZ')).toThrow(/not a region of Germany/)
    expect(() => parseJurisdiction('Germany')).toThrow(/not a country code/)
    expect(parseJurisdiction('de-by')).toEqual({ country: 'DE', region: 'BY' })
  })

  const dates = fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10))

  it('never ends before 28 days, and never later than one month plus the longest holiday run', () => {
    fc.assert(
      fc.property(dates, (received) => {
        const { due, extendedDue } = computeDeadline('gdpr', 'DE', received)
        const days = daysBetween(received, due)
        expect(days).toBeGreaterThanOrEqual(28)
        expect(days).toBeLessThanOrEqual(31 + 5)
        expect(extendedDue! > due).toBe(true)
        expect([1, 2, 3, 4, 5]).toContain(dayOfWeek(due))
      }),
      { numRuns: 300 },
    )
  })

  it('never gives an earlier deadline for a later receipt', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 40 }), (received, later) => {
        const a = computeDeadline('gdpr', 'US-DE', received)
        const b = computeDeadline('gdpr', 'US-DE', addDays(received, later))
        expect(b.due >= a.due).toBe(true)
        expect(b.extendedDue! >= a.extendedDue!).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})
