/**
 * Mainland China's statutory days off and make-up working days (调休), from the State Council
 * General Office's yearly notices on holiday arrangements (国务院办公厅关于…年部分节假日安排的通知).
 * date-holidays gets China wrong (days of partial groups marked public, the Spring Festival too
 * short, no make-up working days), so Rightful keeps its own table. Entered from memory of the
 * notices, not checked against the published text: the UI marks it as unverified.
 */
import type { PlainDate } from '../shared/calendar'
import type { HolidayNames } from './holidays'

/** The table's day-off names in the UI languages (Rightful's own words; Chinese as the notices write them). */
const names = new Map<string, Omit<HolidayNames, 'en'>>([
  ["New Year's Day", { de: 'Neujahr', fr: 'Jour de l’An', es: 'Año Nuevo', zhHans: '元旦', zhHant: '元旦' }],
  ['Spring Festival', { de: 'Frühlingsfest', fr: 'Fête du Printemps', es: 'Fiesta de la Primavera', zhHans: '春节', zhHant: '春節' }],
  ['Qingming Festival', { de: 'Qingming-Fest', fr: 'Fête de Qingming', es: 'Festividad de Qingming', zhHans: '清明节', zhHant: '清明節' }],
  ['Labour Day', { de: 'Tag der Arbeit', fr: 'Fête du Travail', es: 'Día del Trabajo', zhHans: '劳动节', zhHant: '勞動節' }],
  ['Dragon Boat Festival', { de: 'Drachenbootfest', fr: 'Fête des bateaux-dragons', es: 'Festividad del Barco Dragón', zhHans: '端午节', zhHant: '端午節' }],
  ['Mid-Autumn Festival', { de: 'Mondfest', fr: 'Fête de la mi-automne', es: 'Festividad del Medio Otoño', zhHans: '中秋节', zhHant: '中秋節' }],
  ['National Day', { de: 'Nationalfeiertag', fr: 'Fête nationale', es: 'Día Nacional', zhHans: '国庆节', zhHant: '國慶節' }],
  ['National Day and Mid-Autumn Festival', { de: 'Nationalfeiertag und Mondfest', fr: 'Fête nationale et fête de la mi-automne', es: 'Día Nacional y Festividad del Medio Otoño', zhHans: '国庆节、中秋节', zhHant: '國慶節、中秋節' }],
])

type YearTable = { readonly off: ReadonlyArray<[from: string, to: string, name: string]>; readonly workdays: ReadonlyArray<string> }

const table: Readonly<Record<number, YearTable>> = {
  2024: {
    off: [
      ['01-01', '01-01', "New Year's Day"],
      ['02-10', '02-17', 'Spring Festival'],
      ['04-04', '04-06', 'Qingming Festival'],
      ['05-01', '05-05', 'Labour Day'],
      ['06-10', '06-10', 'Dragon Boat Festival'],
      ['09-15', '09-17', 'Mid-Autumn Festival'],
      ['10-01', '10-07', 'National Day'],
    ],
    workdays: ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12'],
  },
  2025: {
    off: [
      ['01-01', '01-01', "New Year's Day"],
      ['01-28', '02-04', 'Spring Festival'],
      ['04-04', '04-06', 'Qingming Festival'],
      ['05-01', '05-05', 'Labour Day'],
      ['05-31', '06-02', 'Dragon Boat Festival'],
      ['10-01', '10-08', 'National Day and Mid-Autumn Festival'],
    ],
    workdays: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  },
  2026: {
    off: [
      ['01-01', '01-03', "New Year's Day"],
      ['02-15', '02-23', 'Spring Festival'],
      ['04-04', '04-06', 'Qingming Festival'],
      ['05-01', '05-05', 'Labour Day'],
      ['06-19', '06-21', 'Dragon Boat Festival'],
      ['09-25', '09-27', 'Mid-Autumn Festival'],
      ['10-01', '10-07', 'National Day'],
    ],
    workdays: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
  },
}

export const chinaTableYears = Object.keys(table).map(Number)

type Expanded = { readonly off: ReadonlyMap<PlainDate, HolidayNames>; readonly workdays: ReadonlySet<PlainDate> }
const expanded = new Map<number, Expanded>()

function expand(year: number): Expanded | null {
  const source = table[year]
  if (!source) return null
  let result = expanded.get(year)
  if (!result) {
    const off = new Map<PlainDate, HolidayNames>()
    for (const [from, to, en] of source.off) {
      const local = names.get(en)
      const name: HolidayNames = local ? { en, ...local } : { en, de: en, fr: en, es: en, zhHans: en, zhHant: en }
      const start = Date.UTC(year, Number(from.slice(0, 2)) - 1, Number(from.slice(3)))
      const end = Date.UTC(year, Number(to.slice(0, 2)) - 1, Number(to.slice(3)))
      for (let ms = start; ms <= end; ms += 86_400_000) off.set(new Date(ms).toISOString().slice(0, 10), name)
    }
    result = { off, workdays: new Set(source.workdays.map((d) => `${year}-${d}`)) }
    expanded.set(year, result)
  }
  return result
}

/** Whether Rightful's table covers the year; outside it, date-holidays' data is used. */
export function chinaTableCovers(year: number): boolean {
  return year in table
}

/** The day off's names, or null. Only for covered years. */
export function chinaDayOff(date: PlainDate): HolidayNames | null {
  return expand(Number(date.slice(0, 4)))?.off.get(date) ?? null
}

/** A Saturday or Sunday that is an official working day (调休上班). */
export function chinaMakeUpWorkday(date: PlainDate): boolean {
  return expand(Number(date.slice(0, 4)))?.workdays.has(date) ?? false
}
