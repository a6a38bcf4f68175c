// @module-tag property
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CoreError } from '../../electron/core/shared/result'
import { addDays, addMonths, dayOfWeek, daysBetween, parsePlainDate } from '../../electron/core/shared/calendar'
import { computeDeadline } from '../../electron/core/deadlines/engine'
import { parseJurisdiction } from '../../electron/core/deadlines/holidays'
import type { DeadlineInput } from '../../electron/core/deadlines/model'
import { defaultDeadlineSettings, type DeadlineSettings } from '../../electron/core/deadlines/settings'
import { laws, type Law, type RequestType } from '../../electron/core/requests/model'

function count(
  law: Law,
  jurisdiction: string | null,
  received: string,
  more: Partial<Omit<DeadlineInput, 'law' | 'jurisdiction'>> & { settings?: Partial<DeadlineSettings> } = {},
) {
  const { settings, ...rest } = more
  return computeDeadline(
    { law, type: 'access' as RequestType, jurisdiction, receipt: { kind: 'received', on: received }, ...rest },
    { ...defaultDeadlineSettings, ...settings },
  )
}

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

  it('rejects unknown countries and regions with a clear error', () => {
    expect(() => parseJurisdiction('XX')).toThrow(CoreError)
    expect(() => parseJurisdiction('DE-ZZ')).toThrow(/not a region of Germany/)
    expect(() => parseJurisdiction('Germany')).toThrow(/not a country code/)
    expect(parseJurisdiction('de-by')).toEqual({ country: 'DE', region: 'BY' })
  })
})

describe('GDPR: one month under Reg. 1182/71', () => {
  it('follows the EDPB examples: 5 March -> 5 April, 31 August -> 30 September', () => {
    expect(count('gdpr', null, '2027-03-05').due).toBe('2027-04-05')
    expect(count('gdpr', null, '2027-08-31').due).toBe('2027-09-30')
  })

  it('clamps 31 January to 28 February and rolls that Saturday to Monday', () => {
    const deadline = count('gdpr', null, '2026-01-31')
    expect(deadline.due).toBe('2026-03-02')
    expect(deadline.explanation).toContain('February has no 31st')
    expect(deadline.explanation).toContain('Saturday 28 February 2026')
    expect(deadline.explanation).toContain('Monday 2 March 2026')
  })

  it('uses 29 February in a leap year', () => {
    expect(count('gdpr', null, '2028-01-31').due).toBe('2028-02-29')
  })

  it('counts the extension from the receipt date, never from the rolled date', () => {
    const deadline = count('gdpr', null, '2026-01-31')
    expect(deadline.extendedDue).toBe('2026-04-30') // chaining from 28 Feb would give 28 April
    expect(deadline.extensionNoticeBy).toBe(deadline.due)
    expect(deadline.acknowledgeBy).toBeNull()
  })

  it('skips public holidays of the company country and region', () => {
    // 25 Nov 2026 -> 25 Dec (Christmas, Friday), 26 Dec (Saturday), 27 Dec (Sunday) -> 28 Dec.
    expect(count('gdpr', 'DE', '2026-11-25').due).toBe('2026-12-28')
    expect(count('gdpr', 'DE', '2026-11-25').explanation).toContain('Christmas')
    expect(count('gdpr', 'US-DE', '2026-08-07').due).toBe('2026-09-08') // Labor Day
    expect(count('gdpr', null, '2026-08-07').due).toBe('2026-09-07')
    expect(count('gdpr', 'HK', '2026-09-01').due).toBe('2026-10-02') // National Day
    expect(count('gdpr', 'DE-BY', '2026-12-06').due).toBe('2027-01-07') // Epiphany in Bavaria
    expect(count('gdpr', 'DE-BE', '2026-12-06').due).toBe('2027-01-06') // not in Berlin
  })

  it('ends no GDPR period on a Saturday, even one that is a working day in China (Art. 3(4))', () => {
    // 28 February 2026 is a make-up working day in mainland China, but a Saturday all the same.
    expect(count('gdpr', 'CN', '2026-01-28').due).toBe('2026-03-02')
  })

  it('says whose holidays it used, or that it knows none', () => {
    expect(count('gdpr', 'US-DE', '2026-08-07').holidayCalendar).toBe('United States of America (Delaware)')
    expect(count('gdpr', null, '2026-08-07').explanation).toContain('only Saturdays and Sundays are skipped')
  })

  it('does not pause for identity checks unless the setting says so', () => {
    const identity = [{ requestedOn: '2026-03-05', providedOn: '2026-03-09' }]
    expect(count('gdpr', 'DE', '2026-03-02', { identity }).due).toBe('2026-04-02')
    const paused = count('gdpr', 'DE', '2026-03-02', { identity, settings: { gdprPauseForIdentity: true } })
    expect(paused.paused.days).toBe(5) // 5 to 9 March, both days counted
    expect(paused.due).toBe('2026-04-07') // 2 April + 5 = 7 April (6 April is Easter Monday, but the 7th is a Tuesday)
    expect(paused.interpretations.map((i) => i.setting)).toEqual(['gdprPauseForIdentity'])
  })
})

describe('UK GDPR: corresponding date, restart and pause', () => {
  it('follows the ICO examples', () => {
    expect(count('uk-gdpr', 'GB', '2025-09-03').due).toBe('2025-10-03')
    // 25 Dec and 26 Dec are bank holidays: 27 Dec, a Friday in 2024.
    expect(count('uk-gdpr', 'GB', '2024-11-25').due).toBe('2024-12-27')
    expect(count('uk-gdpr', 'GB', '2026-03-31').due).toBe('2026-04-30')
  })

  it('uses the bank holidays of the company’s nation', () => {
    // 2 January 2027 is a Saturday: a bank holiday in Scotland, whose substitute is Monday 4 January.
    expect(count('uk-gdpr', 'GB-SCT', '2026-12-02').due).toBe('2027-01-05')
    expect(count('uk-gdpr', 'GB-ENG', '2026-12-02').due).toBe('2027-01-04')
    expect(count('uk-gdpr', 'GB', '2026-12-02').holidayCalendar).toContain('England')
  })

  it('restarts the month when the company needed identity information', () => {
    const deadline = count('uk-gdpr', 'GB', '2026-03-02', { identity: [{ requestedOn: '2026-03-05', providedOn: '2026-03-20' }] })
    expect(deadline.clockStart).toBe('2026-03-20')
    expect(deadline.due).toBe('2026-04-20')
    expect(deadline.extendedDue).toBe('2026-06-22') // 20 June 2026 is a Saturday
  })

  it('has no deadline while the identity information is outstanding', () => {
    const deadline = count('uk-gdpr', 'GB', '2026-03-02', { identity: [{ requestedOn: '2026-03-05', providedOn: null }] })
    expect(deadline.clockStart).toBeNull()
    expect(deadline.due).toBeNull()
    expect(deadline.explanation).toContain('only once it has received it')
  })

  it('adds the days waiting for a clarification, both days counted', () => {
    const deadline = count('uk-gdpr', 'GB-ENG', '2026-03-02', { clarifications: [{ askedOn: '2026-03-10', answeredOn: '2026-03-13' }] })
    expect(deadline.paused.days).toBe(4)
    // 2 April + 4 = 6 April, Easter Monday: the 7th.
    expect(deadline.due).toBe('2026-04-07')
    const open = count('uk-gdpr', 'GB-ENG', '2026-03-02', { clarifications: [{ askedOn: '2026-03-10', answeredOn: null }] })
    expect(open.paused.since).toBe('2026-03-10')
    expect(open.due).toBeNull()
  })
})

describe('CCPA/CPRA', () => {
  it('gives 45 days, rolled past weekends and California holidays, and the strict date too', () => {
    const deadline = count('ccpa', 'US-DE', '2026-02-04')
    expect(deadline.due).toBe('2026-03-23') // 21 March is a Saturday
    expect(deadline.dueStrict).toBe('2026-03-21')
    expect(deadline.extendedDue).toBe('2026-05-05')
    expect(deadline.extensionNoticeBy).toBe('2026-03-23')
    expect(deadline.holidayCalendar).toContain('California')
    expect(count('ccpa', null, '2026-02-14').due).toBe('2026-04-01') // 31 March: César Chávez Day
  })

  it('counts the 10 business days for confirming receipt past Presidents’ Day', () => {
    expect(count('ccpa', null, '2026-02-04').acknowledgeBy).toBe('2026-02-19')
  })

  it('gives opt-out and limit requests 15 business days, without extension or confirmation', () => {
    const deadline = computeDeadline({ law: 'ccpa', type: 'opt-out', jurisdiction: null, receipt: { kind: 'received', on: '2026-02-04' } })
    expect(deadline.due).toBe('2026-02-26')
    expect(deadline.extendedDue).toBeNull()
    expect(deadline.acknowledgeBy).toBeNull()
  })

  it('never pauses, whatever the company asks', () => {
    const deadline = count('ccpa', null, '2026-02-04', {
      identity: [{ requestedOn: '2026-02-05', providedOn: '2026-03-01' }],
      clarifications: [{ askedOn: '2026-02-06', answeredOn: null }],
    })
    expect(deadline.due).toBe('2026-03-23')
    expect(deadline.paused).toEqual({ days: 0, since: null })
  })

  it('gives the strict date alone when roll-over is switched off', () => {
    const deadline = count('ccpa', null, '2026-02-04', { settings: { ccpaRollOver: false } })
    expect(deadline.due).toBe('2026-03-21')
    expect(deadline.dueStrict).toBeNull()
  })
})

describe('Virginia, Colorado, Connecticut', () => {
  it('give 45 days and 90 in all; only Colorado moves a Saturday', () => {
    expect(count('vcdpa', null, '2026-02-04')).toMatchObject({ due: '2026-03-21', extendedDue: '2026-05-05' })
    expect(count('ctdpa', null, '2026-02-04')).toMatchObject({ due: '2026-03-21', extendedDue: '2026-05-05' })
    expect(count('cpa-co', null, '2026-02-04')).toMatchObject({ due: '2026-03-23', extendedDue: '2026-05-05' })
    expect(count('vcdpa', null, '2026-02-04', { settings: { vaCtRollOver: true } }).due).toBe('2026-03-23')
  })
})

describe('Texas', () => {
  it('gives 45 days and 90 in all, moving a last day off a weekend (Tex. Gov’t Code §311.014(b))', () => {
    const deadline = count('tdpsa', null, '2026-02-04')
    // Day 45 is Saturday 21 March 2026: the last day moves to Monday; the 90th day is a Tuesday.
    expect(deadline).toMatchObject({ due: '2026-03-23', extendedDue: '2026-05-05' })
    expect(deadline.explanation).toContain('§311.014(b)')
    expect(deadline.explanation).toContain('60 days')
  })

  it('counts the Texas state holidays: Thanksgiving and the day after', () => {
    // Day 45 is Thursday 26 November 2026 (Thanksgiving); Friday is a Texas state holiday too, then the weekend.
    expect(count('tdpsa', null, '2026-10-12').due).toBe('2026-11-30')
    // The same request under the VCDPA, with roll-over, stops on the Friday: Virginia keeps no day after Thanksgiving.
    expect(count('vcdpa', null, '2026-10-12', { settings: { vaCtRollOver: true } }).due).not.toBe('2026-11-30')
  })

  it('treats every kind of request alike', () => {
    for (const type of ['erasure', 'rectification', 'portability', 'opt-out', 'custom'] as const) {
      expect(computeDeadline({ law: 'tdpsa', type, jurisdiction: null, receipt: { kind: 'received', on: '2026-02-04' } }, defaultDeadlineSettings), type).toMatchObject({
        due: '2026-03-23',
        extendedDue: '2026-05-05',
      })
    }
  })
})

describe('LGPD', () => {
  it('gives 15 days (30 for small agents) and no extension', () => {
    expect(count('lgpd', 'BR', '2026-02-04')).toMatchObject({ due: '2026-02-19', extendedDue: null, extensionNoticeBy: null })
    expect(count('lgpd', 'BR', '2026-04-06').due).toBe('2026-04-22') // 21 April: Tiradentes
    expect(count('lgpd', 'BR', '2026-04-06', { settings: { lgpdSmallAgent: true } }).due).toBe('2026-05-06')
    expect(count('lgpd', 'BR', '2026-02-04').explanation).toContain('immediately')
  })
})

describe('PIPEDA', () => {
  it('gives 30 days; a Saturday can be the last day, a Sunday or holiday cannot', () => {
    expect(count('pipeda', 'CA', '2026-02-05').due).toBe('2026-03-07') // a Saturday
    expect(count('pipeda', 'CA', '2026-02-06').due).toBe('2026-03-09') // Sunday 8 March moves
    expect(count('pipeda', 'CA', '2026-06-01').due).toBe('2026-07-02') // Canada Day
    expect(count('pipeda', 'CA', '2026-02-05', { settings: { pipedaSaturdayIsHoliday: true } }).due).toBe('2026-03-09')
    // 6 April 2026 is Easter Monday, a federal holiday (Interpretation Act s.35) in every province.
    expect(count('pipeda', 'CA', '2026-02-05').extendedDue).toBe('2026-04-07')
  })
})

describe('Swiss FADP', () => {
  it('gives 30 days, moving a Saturday, Sunday or cantonal holiday; no fixed extension', () => {
    expect(count('ch-fadp', 'CH', '2026-02-05').due).toBe('2026-03-09')
    expect(count('ch-fadp', 'CH-ZH', '2026-04-14').due).toBe('2026-05-15') // Ascension
    const deadline = count('ch-fadp', 'CH', '2026-02-05')
    expect(deadline.extendedDue).toBeNull()
    expect(deadline.extensionNoticeBy).toBe('2026-03-09')
  })

  it('takes the date the company named once it postpones', () => {
    const deadline = count('ch-fadp', 'CH', '2026-02-05', { extension: { claimedOn: '2026-03-01', until: '2026-04-15' } })
    expect(deadline.effectiveDue).toBe('2026-04-15')
  })
})

describe('Hong Kong PDPO', () => {
  it('gives 40 days; a Saturday is a valid last day, a Sunday or general holiday is not', () => {
    expect(count('hk-pdpo', 'HK', '2026-01-26').due).toBe('2026-03-07') // a Saturday
    expect(count('hk-pdpo', 'HK', '2026-08-22').due).toBe('2026-10-02') // National Day
    expect(count('hk-pdpo', 'CN', '2026-08-22').holidayCalendar).toBe('Hong Kong')
  })

  it('moves a last day with a typhoon or black-rainstorm warning', () => {
    expect(count('hk-pdpo', 'HK', '2026-01-26', { settings: { hkWeatherDays: ['2026-03-07'] } }).due).toBe('2026-03-09')
  })
})

describe('China PIPL', () => {
  it('sets no deadline and shows the GB/T 35273 benchmark as such, with China’s own holiday table', () => {
    const deadline = computeDeadline({ law: 'cn-pipl', type: 'access', jurisdiction: 'CN', receipt: { kind: 'received', on: '2026-09-01' } })
    expect(deadline.due).toBeNull()
    expect(deadline.extendedDue).toBeNull()
    expect(deadline.benchmark).toMatchObject({ date: '2026-10-08' }) // 1-7 October are days off
    expect(deadline.benchmark?.label).toContain('not binding')
    expect(deadline.explanation).toContain('not yet checked')
    // 10 October 2026 is a Saturday, but an official working day.
    expect(computeDeadline({ law: 'cn-pipl', type: 'access', jurisdiction: 'CN', receipt: { kind: 'received', on: '2026-09-10' } }).benchmark?.date).toBe('2026-10-10')
  })
})

describe('Japan APPI', () => {
  it('sets no deadline; a lawsuit may follow two weeks after arrival', () => {
    const deadline = count('jp-appi', 'JP', '2026-04-15')
    expect(deadline.due).toBeNull()
    // 29 April (Showa Day) ends the two weeks? It is a holiday, so they end on the 30th; the suit may come on 1 May.
    expect(deadline.milestones).toEqual([{ date: '2026-05-01', label: expect.stringContaining('lawsuit') }])
  })
})

describe('Australian Privacy Act', () => {
  it('gives 30 days, moved past the state’s holidays', () => {
    // 25 April 2026 is Anzac Day, a Saturday; NSW observes it on Monday 27 April.
    expect(count('au-privacy', 'AU-NSW', '2026-03-26').due).toBe('2026-04-28')
    expect(count('au-privacy', 'AU-NSW', '2026-03-26').explanation).toContain('reasonable period')
    expect(count('au-privacy', 'AU-NSW', '2026-03-26', { settings: { auAgency: true } }).explanation).not.toContain('reasonable period')
  })
})

describe('the day the clock starts', () => {
  it('takes the company’s day for an e-mail sent late in another time zone', () => {
    // 23:30 in New York on 30 January is 05:30 on 31 January in Berlin.
    const deadline = computeDeadline({ law: 'gdpr', type: 'access', jurisdiction: 'DE', receipt: { kind: 'email', on: '2026-01-30', at: '2026-01-30T23:30:00-05:00' } })
    expect(deadline.received).toBe('2026-01-31')
    expect(deadline.explanation).toContain('Europe/Berlin')
  })

  it('gives a range for an untracked letter, counting from the later day', () => {
    const deadline = computeDeadline({ law: 'gdpr', type: 'access', jurisdiction: 'DE', receipt: { kind: 'post', postedOn: '2026-01-05', senderCountry: 'DE' } })
    expect(deadline.receivedEarliest).toBe('2026-01-06')
    expect(deadline.received).toBe('2026-01-08')
    expect(deadline.due).toBe('2026-02-09') // 8 February is a Sunday
    expect(deadline.dueEarliest).toBe('2026-02-06')
    const abroad = computeDeadline({ law: 'gdpr', type: 'access', jurisdiction: 'US-DE', receipt: { kind: 'post', postedOn: '2026-01-05', senderCountry: 'DE' } })
    // Up to 10 working days between continents; Martin Luther King Jr. Day (19 January) is not one.
    expect(abroad.received).toBe('2026-01-20')
  })

  it('makes the extended date bind once the company claims the extension', () => {
    const deadline = count('gdpr', 'DE', '2026-01-31', { extension: { claimedOn: '2026-02-20', until: null } })
    expect(deadline.effectiveDue).toBe('2026-04-30')
    expect(count('gdpr', 'DE', '2026-01-31').effectiveDue).toBe('2026-03-02')
  })
})

describe('properties of every regime', () => {
  const dates = fc
    .date({ min: new Date('2001-01-01T00:00:00Z'), max: new Date('2098-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10))
  const jurisdictionOf: Record<Law, string> = {
    gdpr: 'DE-BY',
    'uk-gdpr': 'GB-SCT',
    ccpa: 'US-CA',
    vcdpa: 'US-VA',
    'cpa-co': 'US-CO',
    ctdpa: 'US-CT',
    tdpsa: 'US-TX',
    lgpd: 'BR',
    pipeda: 'CA-ON',
    'qc-privacy': 'CA-QC',
    'ch-fadp': 'CH-ZH',
    'hk-pdpo': 'HK',
    'cn-pipl': 'CN',
    'jp-appi': 'JP',
    'au-privacy': 'AU-VIC',
  }

  it('never ends before the start, and an extension never ends before the deadline', () => {
    fc.assert(
      fc.property(fc.constantFrom(...laws), dates, (law, received) => {
        const deadline = count(law, jurisdictionOf[law], received)
        for (const date of [deadline.due, deadline.extendedDue, deadline.acknowledgeBy, deadline.benchmark?.date ?? null]) {
          if (date) expect(date > received).toBe(true)
        }
        if (deadline.due && deadline.extendedDue) expect(deadline.extendedDue >= deadline.due).toBe(true)
      }),
      { numRuns: 400 },
    )
  })

  it('never gives an earlier deadline for a later receipt', () => {
    fc.assert(
      fc.property(fc.constantFrom(...laws), dates, fc.integer({ min: 1, max: 40 }), (law, received, later) => {
        const a = count(law, jurisdictionOf[law], received)
        const b = count(law, jurisdictionOf[law], addDays(received, later))
        if (a.due && b.due) expect(b.due >= a.due).toBe(true)
        if (a.extendedDue && b.extendedDue) expect(b.extendedDue >= a.extendedDue).toBe(true)
        if (a.benchmark && b.benchmark) expect(b.benchmark.date >= a.benchmark.date).toBe(true)
      }),
      { numRuns: 400 },
    )
  })

  it('ends a GDPR month on a working day at most five days after the calendar date', () => {
    fc.assert(
      fc.property(dates, (received) => {
        const { due } = count('gdpr', 'DE', received)
        expect(daysBetween(received, due!)).toBeGreaterThanOrEqual(28)
        expect(daysBetween(received, due!)).toBeLessThanOrEqual(31 + 5)
        expect([1, 2, 3, 4, 5]).toContain(dayOfWeek(due!))
      }),
      { numRuns: 300 },
    )
  })
})
