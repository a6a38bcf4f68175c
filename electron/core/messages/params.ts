/**
 * A message's parameters as a language writes them. Pure: both hosts use it, each with its own
 * renderer for nested messages.
 * - a calendar date ("2026-03-02") becomes "2 March 2026", "2. März 2026", "2026年3月2日"; with
 *   the weekday when the parameter's name ends in "Day";
 * - a parameter named "country" holding a code becomes the country's name (in English the
 *   "countryName" beside it, where there is one: the name the core itself wrote), one named "month"
 *   ("2026-02") the month's name, one named "ordinal" (a day of the month) "31st", "31.", "31日";
 * - a nested message is rendered, a list of them enumerated ("A, B"; "A、B" in Chinese); a
 *   names message (namesKey: a holiday's name in every language) gives the reader's language's;
 * - numbers stay numbers (i18next picks the plural form from `count`).
 */
import { describeDate } from '../shared/calendar'
import type { Message, MessageParam } from '../shared/message'
import { uiLocales, type UiLanguage } from './ui-languages'

const plainDate = /^\d{4}-\d{2}-\d{2}$/
const formatters = new Map<string, Intl.DateTimeFormat>()

/** A calendar date in a UI language (English as the core has always written it). */
export function formatPlainDate(date: string, language: UiLanguage, withWeekday = false): string {
  if (language === 'en') return describeDate(date, withWeekday)
  const locale = uiLocales.get(language) ?? 'en-GB'
  const key = `${locale}|${withWeekday}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC', ...(withWeekday ? { weekday: 'long' } : {}) })
    formatters.set(key, formatter)
  }
  const instant = new Date(`${date}T00:00:00Z`)
  return Number.isNaN(instant.getTime()) ? date : formatter.format(instant)
}

/** A month's name ("2026-02" or a date in it) in a UI language: "February", "Februar", "二月". */
export function formatMonth(date: string, language: UiLanguage): string {
  const locale = uiLocales.get(language) ?? 'en-GB'
  const instant = new Date(`${date.slice(0, 7)}-01T00:00:00Z`)
  return Number.isNaN(instant.getTime()) ? date : new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(instant)
}

function countryName(code: string, language: UiLanguage): string {
  try {
    return new Intl.DisplayNames([uiLocales.get(language) ?? 'en-GB'], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}

const englishSuffixes = new Map([['one', 'st'], ['two', 'nd'], ['few', 'rd'], ['other', 'th']])
const englishOrdinals = new Intl.PluralRules('en', { type: 'ordinal' })

/** A day of the month as an ordinal in a UI language. */
export function formatOrdinal(day: number, language: UiLanguage): string {
  switch (language) {
    case 'en':
      return `${day}${englishSuffixes.get(englishOrdinals.select(day)) ?? 'th'}`
    case 'de':
      return `${day}.`
    case 'fr':
      return day === 1 ? '1er' : `${day}`
    case 'es':
      return `${day}`
    case 'zh-Hans':
    case 'zh-Hant':
      return `${day}日`
  }
}

const isMessage = (value: MessageParam): value is Message => typeof value === 'object' && !Array.isArray(value)

/**
 * A name the core gives in every UI language at once (a holiday's, from the holiday data): a
 * message with this key and one parameter per language, written as the reader's own.
 */
export const namesKey = 'names.byLanguage'

/** The parameter of a names message that holds a UI language's name (zh-Hans: zhHans). */
export const nameParamOf = (language: UiLanguage): string => language.replace('-', '')

function pickName(names: Message, language: UiLanguage): string {
  const name = names.params?.[nameParamOf(language)] ?? names.params?.en
  return typeof name === 'string' ? name : ''
}

/** The parameters written for the language (a fresh object without a prototype). */
export function localizeParams(
  params: Readonly<Record<string, MessageParam>> | undefined,
  language: UiLanguage,
  render: (message: Message) => string,
): Record<string, string | number> {
  const out = Object.create(null) as Record<string, string | number>
  if (!params) return out
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'number') out[name] = name === 'ordinal' ? formatOrdinal(value, language) : value
    else if (typeof value === 'string') {
      if (plainDate.test(value)) out[name] = formatPlainDate(value, language, name.endsWith('Day'))
      else if (name === 'country' && /^[A-Z]{2}$/.test(value)) {
        const own = params.countryName
        out[name] = language === 'en' && typeof own === 'string' ? own : countryName(value, language)
      }
      else if (name === 'month' && /^\d{4}-\d{2}$/.test(value)) out[name] = formatMonth(value, language)
      else out[name] = value
    } else if (isMessage(value)) out[name] = value.key === namesKey ? pickName(value, language) : render(value)
    // A plain enumeration (days skipped, …): Intl's unit lists differ too much between languages.
    else out[name] = value.map(render).join(language.startsWith('zh') ? '、' : ', ')
  }
  return out
}

/** Rendered message parts as one paragraph: sentences apart by a space, except in Chinese. */
export function joinParts(parts: ReadonlyArray<string>, language: string): string {
  return parts.join(language.startsWith('zh') ? '' : ' ')
}
