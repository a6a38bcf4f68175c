/**
 * Typed dates in each UI language's own order: the layout comes from Intl's parts, a typed text
 * reads back into the calendar date, and a date no calendar has is told apart from one not typed
 * to the end.
 */
import { describe, expect, it } from 'vitest'
import { uiLanguages, uiLocales } from '../../electron/core/messages/ui-languages'
import { addDays, dateLayout, formatDateInput, parseDateInput } from '../../renderer/src/ui/date-input'

const locale = (language: (typeof uiLanguages)[number]) => uiLocales.get(language)!

describe('dates typed in the window language', () => {
  it('follow each locale’s order and separator', () => {
    expect(dateLayout(locale('de'))).toEqual({ order: ['day', 'month', 'year'], separator: '.' })
    expect(dateLayout(locale('en'))).toEqual({ order: ['day', 'month', 'year'], separator: '/' })
    expect(dateLayout(locale('fr')).order).toEqual(['day', 'month', 'year'])
    expect(dateLayout(locale('es')).order).toEqual(['day', 'month', 'year'])
    expect(dateLayout(locale('zh-Hans')).order).toEqual(['year', 'month', 'day'])
    expect(dateLayout(locale('zh-Hant')).order).toEqual(['year', 'month', 'day'])
    expect(dateLayout('en-US').order).toEqual(['month', 'day', 'year'])
    expect(formatDateInput('2026-03-02', locale('de'))).toBe('02.03.2026')
    expect(formatDateInput('2026-03-02', locale('zh-Hans'))).toBe('2026/03/02')
    expect(formatDateInput('2026-03-02', 'en-US')).toBe('03/02/2026')
    expect(formatDateInput('', locale('de'))).toBe('')
  })

  it('read back what they show, in every UI language, for every day of a leap year', () => {
    for (const language of uiLanguages) {
      for (let iso = '2028-01-01'; iso < '2029-01-01'; iso = addDays(iso, 1)) {
        expect(parseDateInput(formatDateInput(iso, locale(language)), locale(language)), `${language} ${iso}`).toEqual({ kind: 'date', iso })
      }
    }
  })

  it('read the locale’s order, not another', () => {
    expect(parseDateInput('2.3.2026', locale('de'))).toEqual({ kind: 'date', iso: '2026-03-02' })
    expect(parseDateInput('03/02/2026', 'en-US')).toEqual({ kind: 'date', iso: '2026-03-02' })
    expect(parseDateInput('03/02/2026', locale('en'))).toEqual({ kind: 'date', iso: '2026-02-03' })
    expect(parseDateInput('2026年3月2日', locale('zh-Hans'))).toEqual({ kind: 'date', iso: '2026-03-02' })
    expect(parseDateInput('02032026', locale('fr'))).toEqual({ kind: 'date', iso: '2026-03-02' })
    // A four-digit start is a year whatever the locale: an ISO date is understood everywhere.
    expect(parseDateInput('2026-03-02', locale('de'))).toEqual({ kind: 'date', iso: '2026-03-02' })
  })

  it('tell an impossible date from an unfinished one, and nothing from either', () => {
    expect(parseDateInput('31.02.2026', locale('de'))).toEqual({ kind: 'impossible' })
    expect(parseDateInput('29.02.2026', locale('de'))).toEqual({ kind: 'impossible' })
    expect(parseDateInput('29.02.2028', locale('de'))).toEqual({ kind: 'date', iso: '2028-02-29' })
    expect(parseDateInput('2026/13/01', locale('zh-Hant'))).toEqual({ kind: 'impossible' })
    expect(parseDateInput('00/01/2026', locale('es'))).toEqual({ kind: 'impossible' })
    expect(parseDateInput('2.3.', locale('de'))).toEqual({ kind: 'incomplete' })
    expect(parseDateInput('2.3.26', locale('de'))).toEqual({ kind: 'incomplete' })
    expect(parseDateInput('next Tuesday', locale('en'))).toEqual({ kind: 'incomplete' })
    expect(parseDateInput('1'.repeat(10_000), locale('en'))).toEqual({ kind: 'incomplete' })
    expect(parseDateInput('   ', locale('en'))).toEqual({ kind: 'empty' })
  })

  it('step by days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29')
  })
})
