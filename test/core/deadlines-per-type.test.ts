/**
 * Deadlines per kind of request: LGPD, PIPEDA, the Swiss FADP and the PDPO fix periods for access
 * (the FADP also for portability, the PDPO also for correction) and for nothing else; other
 * requests get a benchmark that says it is one, never a due date. PIPEDA's days skip Canada's
 * federal holidays in every province.
 */
import { describe, expect, it } from 'vitest'
import { computeDeadline } from '../../electron/core/deadlines/engine'
import { canadianFederalHolidays, easterSunday } from '../../electron/core/deadlines/holidays'
import { defaultDeadlineSettings } from '../../electron/core/deadlines/settings'
import type { Law, RequestType } from '../../electron/core/requests/model'

const count = (law: Law, type: RequestType, jurisdiction: string, received: string) =>
  computeDeadline({ law, type, jurisdiction, receipt: { kind: 'received', on: received } }, defaultDeadlineSettings)

describe('periods that the law sets for some requests only', () => {
  it('LGPD: 15 days for access; other requests have a labelled benchmark and no due date', () => {
    expect(count('lgpd', 'access', 'BR', '2026-03-02').due).toBe('2026-03-17')
    for (const type of ['erasure', 'rectification', 'portability', 'objection', 'withdraw-consent', 'custom'] as const) {
      const deadline = count('lgpd', type, 'BR', '2026-03-02')
      expect(deadline.due, type).toBeNull()
      expect(deadline.extensionNoticeBy, type).toBeNull()
      expect(deadline.benchmark, type).toEqual({ date: '2026-03-17', label: expect.stringMatching(/^Benchmark: 15 days.*not a statutory period/) })
      expect(deadline.explanation, type).toMatch(/Art\. 18 §4/)
    }
    // A review of an automated decision rests on Art. 20, outside Art. 18's procedure.
    const review = count('lgpd', 'automated-decision', 'BR', '2026-03-02')
    expect(review.due).toBeNull()
    expect(review.benchmark?.date).toBe('2026-03-17')
    expect(review.explanation).toMatch(/Art\. 20/)
    expect(review.explanation).not.toMatch(/Art\. 18 §4/)
  })

  it('gives an automated-decision request a benchmark, never a due date, under the FADP, the PIPL and Quebec’s Act', () => {
    for (const [law, jurisdiction] of [['ch-fadp', 'CH-ZH'], ['cn-pipl', 'CN'], ['qc-privacy', 'CA-QC']] as const) {
      const deadline = count(law, 'automated-decision', jurisdiction, '2026-02-04')
      expect(deadline.due, law).toBeNull()
      expect(deadline.benchmark?.date, law).toBe('2026-03-06')
    }
  })

  it('PIPEDA: 30 days for access; correction and withdrawal of consent have none', () => {
    expect(count('pipeda', 'access', 'CA-ON', '2026-02-05').due).toBe('2026-03-07')
    const correction = count('pipeda', 'rectification', 'CA-ON', '2026-02-05')
    expect(correction.due).toBeNull()
    expect(correction.extendedDue).toBeNull()
    expect(correction.benchmark?.label).toMatch(/not a statutory period/)
    expect(correction.explanation).toMatch(/Principle 4\.9\.5/)
    expect(count('pipeda', 'withdraw-consent', 'CA', '2026-02-05').explanation).toMatch(/Principle 4\.3\.8/)
  })

  it('Swiss FADP: 30 days for access and for portability (Art. 22 DSV); none for erasure or correction', () => {
    expect(count('ch-fadp', 'access', 'CH', '2026-02-05').due).toBe('2026-03-09')
    const portability = count('ch-fadp', 'portability', 'CH', '2026-02-05')
    expect(portability.due).toBe('2026-03-09')
    expect(portability.explanation).toMatch(/Art\. 22 DSV/)
    for (const type of ['erasure', 'rectification', 'objection'] as const) {
      const deadline = count('ch-fadp', type, 'CH', '2026-02-05')
      expect(deadline.due, type).toBeNull()
      expect(deadline.benchmark?.date, type).toBe('2026-03-09')
    }
  })

  it('PDPO: 40 days for data access and data correction requests (s.19, s.23); none otherwise', () => {
    expect(count('hk-pdpo', 'access', 'HK', '2026-01-26').due).toBe('2026-03-07')
    const correction = count('hk-pdpo', 'rectification', 'HK', '2026-01-26')
    expect(correction.due).toBe('2026-03-07')
    expect(correction.explanation).toMatch(/s\.23\(1\)/)
    const custom = count('hk-pdpo', 'custom', 'HK', '2026-01-26')
    expect(custom.due).toBeNull()
    expect(custom.benchmark?.label).toMatch(/Benchmark: 40 days/)
  })

  it('Virginia and Colorado: no period for a withdrawal of consent (a benchmark); Connecticut: 15 days (C.G.S. §42-520(a)(6))', () => {
    for (const [law, jurisdiction] of [['vcdpa', 'US-VA'], ['cpa-co', 'US-CO']] as const) {
      const withdrawal = count(law, 'withdraw-consent', jurisdiction, '2026-03-02')
      expect(withdrawal.due, law).toBeNull()
      expect(withdrawal.extendedDue, law).toBeNull()
      expect(withdrawal.benchmark?.label, law).toMatch(/not a statutory period for a withdrawal of consent/)
      expect(count(law, 'access', jurisdiction, '2026-03-02').due, law).not.toBeNull()
    }
    expect(count('vcdpa', 'withdraw-consent', 'US-VA', '2026-03-02').explanation).toMatch(/59\.1-578\(A\)\(5\)/)
    expect(count('cpa-co', 'withdraw-consent', 'US-CO', '2026-03-02').explanation).toMatch(/Rule 7\.07\(E\)/)
    const connecticut = count('ctdpa', 'withdraw-consent', 'US-CT', '2026-03-02')
    expect(connecticut.due).toBe('2026-03-17')
    expect(connecticut.extendedDue).toBeNull()
    expect(connecticut.explanation).toMatch(/42-520\(a\)\(6\)/)
  })

  it('leaves the laws that count every request alike as they were', () => {
    expect(count('gdpr', 'erasure', 'DE', '2026-03-05').due).toBe('2026-04-07') // 5 April is Sunday, 6 April Easter Monday
    expect(count('cpa-co', 'opt-out', 'US-CO', '2026-03-02').due).not.toBeNull()
  })
})

describe("PIPEDA and Canada's federal holidays", () => {
  it('knows Easter and the federal list', () => {
    expect([2024, 2025, 2026, 2027].map(easterSunday)).toEqual(['2024-03-31', '2025-04-20', '2026-04-05', '2027-03-28'])
    const y2026 = canadianFederalHolidays(2026)
    expect(y2026.get('2026-09-30')).toBe('National Day for Truth and Reconciliation')
    expect(y2026.get('2026-11-11')).toBe('Remembrance Day')
    expect(y2026.get('2026-05-18')).toBe('Victoria Day')
    expect(y2026.get('2026-10-12')).toBe('Thanksgiving Day')
    expect(canadianFederalHolidays(2020).has('2020-09-30')).toBe(false) // the day exists from 2021
    expect(canadianFederalHolidays(2029).get('2029-07-02')).toBe('Canada Day (observed)') // 1 July 2029 is a Sunday
  })

  it('does not end a period on Remembrance Day or 30 September in any province', () => {
    for (const province of ['CA-QC', 'CA-ON', 'CA-BC', 'CA-AB', 'CA']) {
      const remembrance = count('pipeda', 'access', province, '2026-10-12') // +30 = Wednesday 11 November
      expect(remembrance.due, province).toBe('2026-11-12')
      expect(remembrance.explanation, province).toMatch(/Remembrance Day/)
      expect(remembrance.holidayCalendar, province).toMatch(/federal holidays \(Interpretation Act s\.35\)/)
      const truth = count('pipeda', 'access', province, '2026-08-31') // +30 = Wednesday 30 September
      expect(truth.due, province).toBe('2026-10-01')
    }
  })

  it('still skips a province’s own holidays and keeps Saturday a valid last day', () => {
    // +30 = Wednesday 24 June, Quebec's Fête nationale: a provincial non-juridical day there only.
    expect(count('pipeda', 'access', 'CA-QC', '2026-05-25').due).toBe('2026-06-25')
    expect(count('pipeda', 'access', 'CA-ON', '2026-05-25').due).toBe('2026-06-24')
    expect(count('pipeda', 'access', 'CA', '2026-02-05').due).toBe('2026-03-07') // a Saturday
  })
})
