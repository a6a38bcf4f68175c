/**
 * Holiday names in the reader's language (issue 13): the deadline explanation names a holiday as
 * date-holidays does in the UI language, else as the country itself does, never silently in
 * English. The build-time tables (holiday-table.json, holiday-places.json) keep only the names that
 * differ; read back, they give exactly what date-holidays gives in each language.
 */
import { describe, expect, it } from 'vitest'
import { computeDeadline } from '../../electron/core/deadlines/engine'
import { holidayCalendar, type HolidayNames } from '../../electron/core/deadlines/holidays'
import { joinParts } from '../../electron/core/messages/params'
import { renderMessage } from '../../electron/core/messages/render'
import type { UiLanguage } from '../../electron/core/messages/ui-languages'
import { localNamesOfYear, openSource } from '../../scripts/holidays/compose'

/** The explanation of a Bavarian GDPR access request received on 25 April 2026 (due Whit Monday), in a language. */
function bavarianExplanation(language: UiLanguage): string {
  const deadline = computeDeadline({ law: 'gdpr', type: 'access', jurisdiction: 'DE-BY', receipt: { kind: 'received', on: '2026-04-25' } })
  return deadline.steps.map((step) => joinParts(step.parts.map((part) => renderMessage(part, language)), language)).join(' ')
}

/** Each UI language's key in HolidayNames, with the date-holidays language its name comes from. */
const languages = [
  ['de', 'de'],
  ['fr', 'fr'],
  ['es', 'es'],
  ['zhHans', 'zh'],
  ['zhHant', 'zh'],
] as const satisfies ReadonlyArray<readonly [keyof HolidayNames, string]>

describe('holiday names in the deadline explanation', () => {
  it('names Whit Monday in Bavaria in the reader’s language, or in German where date-holidays has no name', () => {
    expect(bavarianExplanation('en')).toContain('Whit Monday')
    const german = bavarianExplanation('de')
    expect(german).toContain('Pfingstmontag')
    expect(german).not.toContain('Whit Monday')
    expect(bavarianExplanation('fr')).toContain('Lundi de Pentecôte')
    expect(bavarianExplanation('es')).toContain('Lunes de Pentecostés')
    // date-holidays has no Chinese name for it: the German name, not the English one.
    for (const chinese of ['zh-Hans', 'zh-Hant'] as const) {
      expect(bavarianExplanation(chinese)).toContain('Pfingstmontag')
      expect(bavarianExplanation(chinese)).not.toContain('Whit Monday')
    }
  })

  it('names a holiday in Chinese where date-holidays has it (Good Friday in Hong Kong, Christmas in Germany)', () => {
    expect(holidayCalendar({ country: 'HK', region: null }).holidayNames?.('2026-04-03')).toMatchObject({ en: 'Good Friday', zhHant: '耶穌受難節' })
    expect(holidayCalendar({ country: 'DE', region: 'BY' }).holidayNames?.('2026-12-25')).toEqual({
      en: 'Christmas Day',
      de: '1. Weihnachtstag',
      fr: 'Noël',
      es: 'Navidad',
      zhHans: '聖誕節',
      zhHant: '聖誕節',
    })
  })

  it('names mainland China’s days off of Rightful’s own table in Chinese (simplified and traditional)', () => {
    const names = holidayCalendar({ country: 'CN', region: null }).holidayNames?.('2026-10-01')
    expect(names).toEqual({ en: 'National Day', de: 'Nationalfeiertag', fr: 'Fête nationale', es: 'Día Nacional', zhHans: '国庆节', zhHant: '國慶節' })
  })

  it('has no names for a working day', () => {
    expect(holidayCalendar({ country: 'DE', region: 'BY' }).holidayNames?.('2026-05-26')).toBeNull()
  })

  // The tables' names read back exactly as date-holidays gives them in each language: the
  // astronomical table (HK, JP), the places table (countries, a region's own days), and a year
  // outside both tables (computed by date-holidays itself).
  it.each([
    ['HK', null, 2026],
    ['JP', null, 2027],
    ['DE', 'BY', 2026],
    ['FR', null, 2025],
    ['CA', 'QC', 2026],
    ['PL', null, 2030],
    ['CH', 'VD', 2026],
    ['DE', 'BY', 2050],
  ])('gives for %s %s in %i each holiday’s name as date-holidays does in every language', (country, region, year) => {
    const calendar = holidayCalendar({ country, region })
    const english = localNamesOfYear(openSource(country, region, 'en'), year)
    expect(english.size).toBeGreaterThan(5)
    for (const [key, language] of languages) {
      const expected = localNamesOfYear(openSource(country, region, language), year)
      for (const [day, name] of english) {
        const names = calendar.holidayNames?.(day as never)
        expect(names?.en, `${day}`).toBe(name)
        expect(names?.[key], `${country} ${region ?? ''} ${day} ${key}`).toBe(expected.get(day))
      }
    }
  })
})
