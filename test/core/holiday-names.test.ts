/**
 * Holiday names in the reader's language (issue 13): the deadline explanation names a holiday as
 * date-holidays does in the UI language, else as the country itself does, never silently in
 * English. The build-time tables (holiday-table.json, holiday-places.json) keep only the names that
 * differ; read back, they give exactly what date-holidays gives in each language, Chinese in the
 * reader's script, and Rightful's own words where the data left a name in English.
 */
import { describe, expect, it } from 'vitest'
import { computeDeadline } from '../../electron/core/deadlines/engine'
import { canadianFederalHolidays, holidayCalendar, withCanadianFederalHolidays, type HolidayNames } from '../../electron/core/deadlines/holidays'
import { deadlineSettingsSchema } from '../../electron/core/deadlines/settings'
import holidayPlaces from '../../electron/core/deadlines/holiday-places.json'
import holidayTable from '../../electron/core/deadlines/holiday-table.json'
import { toSimplified, toTraditional } from '../../electron/core/deadlines/chinese-script'
import { withOwnNames } from '../../electron/core/deadlines/holiday-names'
import { joinParts } from '../../electron/core/messages/params'
import { renderMessage } from '../../electron/core/messages/render'
import type { UiLanguage } from '../../electron/core/messages/ui-languages'
import { localNamesOfYear, openSource } from '../../scripts/holidays/compose'

/** The explanation of a Bavarian GDPR access request received on 25 April 2026 (due Whit Monday), in a language. */
function bavarianExplanation(language: UiLanguage): string {
  const deadline = computeDeadline({ law: 'gdpr', type: 'access', jurisdiction: 'DE-BY', receipt: { kind: 'received', on: '2026-04-25' } })
  return deadline.steps.map((step) => joinParts(step.parts.map((part) => renderMessage(part, language)), language)).join(' ')
}

/** Each UI language's key in HolidayNames, with the date-holidays language its name comes from (and the script it is written in). */
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
      zhHans: '圣诞节',
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
    const given = new Map(languages.map(([key, language]) => [key, localNamesOfYear(openSource(country, region, language), year)]))
    const script = (key: keyof HolidayNames, name: string) => (key === 'zhHans' ? toSimplified(name) : key === 'zhHant' ? toTraditional(name) : name)
    for (const [day, name] of english) {
      const names = calendar.holidayNames?.(day as never)
      expect(names?.en, `${day}`).toBe(name)
      const expected = { en: name } as Record<keyof HolidayNames, string>
      for (const [key] of languages) expected[key] = script(key, given.get(key)!.get(day)!)
      expect(names, `${country} ${region ?? ''} ${day}`).toEqual(withOwnNames(country, expected))
    }
  })
})

/** The deadline explanation in a language, its steps joined. */
function explanationOf(deadline: ReturnType<typeof computeDeadline>, language: UiLanguage): string {
  return deadline.steps.map((step) => joinParts(step.parts.map((part) => renderMessage(part, language)), language)).join(' ')
}

describe('Canada’s federal holidays (PIPEDA) in every UI language', () => {
  it('names each of them in the six languages, the French as the Interpretation Act and the Canada Labour Code do', () => {
    const calendar = withCanadianFederalHolidays(holidayCalendar({ country: 'CA', region: 'ON' }))
    // 2029: Canada Day falls on a Sunday and is kept on 2 July.
    for (const year of [2026, 2029]) {
      for (const [day, english] of canadianFederalHolidays(year)) {
        const names = calendar.holidayNames?.(day)
        expect(names?.en, day).toBe(english)
        for (const key of ['de', 'fr', 'es', 'zhHans', 'zhHant'] as const) expect(names?.[key], `${day} ${key}`).not.toBe(english)
      }
    }
    expect(calendar.holidayNames?.('2026-11-11')).toEqual({ en: 'Remembrance Day', de: 'Gedenktag für die Kriegstoten', fr: 'jour du Souvenir', es: 'Día del Recuerdo', zhHans: '阵亡将士纪念日', zhHant: '陣亡將士紀念日' })
    expect(calendar.holidayNames?.('2026-09-30')?.fr).toBe('Journée nationale de la vérité et de la réconciliation')
    expect(calendar.holidayNames?.('2026-10-12')?.fr).toBe('Action de grâces')
    expect(calendar.holidayNames?.('2029-07-02')?.zhHant).toBe('加拿大日（補假）')
  })

  it('says them in the explanation of a PIPEDA deadline in French', () => {
    // 12 October 2026 is Thanksgiving: 30 days after 12 September.
    const deadline = computeDeadline({ law: 'pipeda', type: 'access', jurisdiction: 'CA-ON', receipt: { kind: 'received', on: '2026-09-12' } })
    expect(explanationOf(deadline, 'en')).toContain('(Thanksgiving Day)')
    expect(explanationOf(deadline, 'fr')).toContain('lundi 12 octobre 2026 (Action de grâces)')
    expect(explanationOf(deadline, 'fr')).toContain('(Loi d’interprétation, art. 26 et 27)')
  })
})

describe('Chinese holiday names in the reader’s script', () => {
  /** Every Chinese character of the tables' Chinese names, and of the own names of the Chinese-speaking places. */
  function dataCharacters(): Set<string> {
    const characters = new Set<string>()
    const add = (names: ReadonlyArray<string> | undefined) => {
      for (const name of names ?? []) for (const char of name) if (/\p{Script=Han}/u.test(char)) characters.add(char)
    }
    type Local = { own?: string[]; zh?: string[] }
    for (const [country, text] of Object.entries(holidayPlaces.countries)) {
      const place = JSON.parse(text) as { local?: Local }
      add(place.local?.zh)
      if (['CN', 'HK', 'TW', 'MO', 'JP'].includes(country)) add(place.local?.own)
    }
    for (const [code, entry] of Object.entries(holidayTable.jurisdictions) as Array<[string, { local?: Local }]>) {
      add(entry.local?.zh)
      if (['CN', 'HK', 'TW', 'MO', 'JP'].includes(code)) add(entry.local?.own)
    }
    return characters
  }

  // The characters of the data that both scripts write alike (checked one by one).
  const alike = new Set([...'元旦耶受活星期一更日女翌春清明青年六童端午建中秋月初二三佛香港特行政成立念第周四法分昭和天皇生山文化勤感民除夕新假平十重休人振替海敬老育大晦即位正殿'])

  it('knows every character of the holiday data: converted by the table, or written alike in both scripts', () => {
    const unknown = [...dataCharacters()].filter((char) => !alike.has(char) && toSimplified(char) === char && toTraditional(char) === char)
    expect(unknown).toEqual([])
  })

  it('converts each way, and leaves what is not in the table', () => {
    expect(toSimplified('耶穌受難節')).toBe('耶稣受难节')
    expect(toTraditional('劳动节 (更换日)')).toBe('勞動節 (更換日)')
    expect(toTraditional('农历新年假期')).toBe('農曆新年假期')
    expect(toSimplified('淸明節')).toBe('清明节')
    expect(toSimplified('Boxing Day')).toBe('Boxing Day')
  })

  it('gives Hong Kong’s own names in Simplified to a zh-Hans reader, and Germany’s Good Friday in Traditional to a zh-Hant reader', () => {
    expect(holidayCalendar({ country: 'HK', region: null }).holidayNames?.('2026-02-17')).toMatchObject({ zhHans: '农历年初一', zhHant: '農曆年初一' })
    expect(holidayCalendar({ country: 'DE', region: 'BY' }).holidayNames?.('2026-04-03')).toMatchObject({ zhHans: '耶稣受难节', zhHant: '耶穌受難節' })
  })
})

describe('holidays the data names only in English', () => {
  it('are named in Rightful’s own words where the country’s own name is English', () => {
    expect(holidayCalendar({ country: 'US', region: 'CA' }).holidayNames?.('2026-02-16')).toEqual({
      en: "Presidents' Day",
      de: 'Präsidententag',
      fr: 'jour des Présidents',
      es: 'Día de los Presidentes',
      zhHans: '总统日',
      zhHant: '總統日',
    })
    // 4 July 2026 is a Saturday: the day off is Friday 3 July.
    expect(holidayCalendar({ country: 'US', region: 'CA' }).holidayNames?.('2026-07-03')).toMatchObject({ zhHans: '独立日（补假）', zhHant: '獨立日（補假）' })
    expect(holidayCalendar({ country: 'GB', region: 'SCT' }).holidayNames?.('2026-11-30')).toMatchObject({ de: 'Andreastag', fr: 'Saint-André' })
  })

  it('keep the name date-holidays has in a language, and leave a country whose own names are not English alone', () => {
    // date-holidays names Independence Day in German and French itself.
    const july4 = holidayCalendar({ country: 'US', region: null }).holidayNames?.('2027-07-05')
    const given = localNamesOfYear(openSource('US', null, 'de'), 2027).get('2027-07-05')
    expect(july4?.de).toBe(given)
    // "National Holiday" is Quebec's Fête nationale in Canada, but German Unity Day in Germany.
    expect(holidayCalendar({ country: 'CA', region: 'QC' }).holidayNames?.('2026-06-24')?.zhHans).toBe('魁北克国庆日')
    expect(holidayCalendar({ country: 'DE', region: 'BY' }).holidayNames?.('2026-10-03')?.zhHans).toBe('Tag der Deutschen Einheit')
  })
})

describe('Hong Kong’s weather days and mainland China’s caveats in every language', () => {
  it('names a weather warning day a period moves past in the reader’s language', () => {
    const settings = deadlineSettingsSchema.parse({ hkWeatherDays: ['2026-04-11'] })
    // 40 days after 2 March 2026 is Saturday 11 April, a weather day here; Sunday 12 April follows.
    const deadline = computeDeadline({ law: 'hk-pdpo', type: 'access', jurisdiction: 'HK', receipt: { kind: 'received', on: '2026-03-02' } }, settings)
    expect(deadline.due).toBe('2026-04-13')
    expect(explanationOf(deadline, 'en')).toContain('(weather warning day)')
    expect(explanationOf(deadline, 'zh-Hant')).toContain('（烈風或黑色暴雨警告日）')
    expect(explanationOf(deadline, 'de')).toContain('(Tag mit Sturm- oder Unwetterwarnung)')
    expect(explanationOf(deadline, 'de')).toContain('(Interpretation and General Clauses Ordinance, s. 71)')
  })

  it('says where mainland China’s holidays come from in the reader’s language, for a year in the own table and one outside it', () => {
    const inTable = computeDeadline({ law: 'cn-pipl', type: 'access', jurisdiction: 'CN', receipt: { kind: 'received', on: '2026-03-02' } })
    expect(explanationOf(inTable, 'en')).toContain("come from Rightful's own table of the State Council's notices (2024–2026)")
    expect(explanationOf(inTable, 'zh-Hans')).toContain('根据国务院办公厅通知自行整理的表格（2024–2026年）')
    expect(explanationOf(inTable, 'de')).not.toContain('State Council')
    const outside = computeDeadline({ law: 'cn-pipl', type: 'access', jurisdiction: 'CN', receipt: { kind: 'received', on: '2030-03-04' } })
    expect(explanationOf(outside, 'en')).toContain('for 2030 the date-holidays data is used')
    expect(explanationOf(outside, 'fr')).toContain('pour 2030, les données de date-holidays sont utilisées')
  })
})
