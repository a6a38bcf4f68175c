/** Labels and dates as people read them. */
import { describeDate } from '@core/shared/calendar'
import { regionName } from '@core/profile/regions'
import { currentLanguage, currentLocale, i18n } from '../i18n/i18n'

import type { EventKind, UserEventKind } from '@core/requests/events'
import type { Law, RequestType } from '@core/requests/model'
import type { WebmailProvider } from '@core/settings/webmail'

/** A request type's short name ("Access"). */
export function requestTypeLabel(type: RequestType): string {
  return i18n.t(`requestType.${type}`, { ns: 'common' })
}

/** A request type's full name ("Access request (data protection query)"). */
export function requestTypeLong(type: RequestType): string {
  return i18n.t(`requestTypeLong.${type}`, { ns: 'common' })
}

/** A law's name with where it applies ("GDPR (European Union)"). */
export function lawLabel(law: Law): string {
  return i18n.t(`law.${law}`, { ns: 'common' })
}

/** A law's short name ("GDPR"; "DSGVO" in German). */
export function lawShort(law: Law): string {
  return i18n.t(`lawShort.${law}`, { ns: 'common' })
}

/** A letter language's name in the window's language. */
export function languageLabel(language: string): string {
  return i18n.exists(`letterLanguage.${language}`, { ns: 'common' }) ? i18n.t(`letterLanguage.${language}`, { ns: 'common' }) : language
}

/** What happened, as the timeline names it. */
export function eventLabel(kind: EventKind): string {
  return i18n.t(`event.${kind}`, { ns: 'common' })
}

/** What the user can record, grouped as the "Record what happened" menu shows them (`label` is a key of common:eventGroup). */
export const userEventGroups: ReadonlyArray<{ group: 'delivery' | 'asks' | 'answers' | 'followUp'; kinds: ReadonlyArray<UserEventKind> }> = [
  { group: 'delivery', kinds: ['delivered', 'acknowledged', 'undeliverable'] },
  { group: 'asks', kinds: ['identity-requested', 'identity-provided', 'clarification-asked', 'clarification-answered'] },
  { group: 'answers', kinds: ['reply-received', 'extension-claimed', 'partially-fulfilled', 'data-received', 'completed', 'refused'] },
  { group: 'followUp', kinds: ['reminder-sent', 'complaint-filed', 'abandoned'] },
]

/** A group's name in the "Record what happened" menu. */
export function eventGroupLabel(group: (typeof userEventGroups)[number]['group']): string {
  return i18n.t(`eventGroup.${group}`, { ns: 'common' })
}

/** How a request goes out. */
export function channelLabel(channel: 'email' | 'post'): string {
  return i18n.t(`channel.${channel}`, { ns: 'common' })
}

/** How a request goes out, inside a sentence ("sent by e-mail", "per E-Mail gesendet"). */
export function channelInline(channel: 'email' | 'post'): string {
  return i18n.t(`channelInline.${channel}`, { ns: 'common' })
}

/** What a contact address is for, in the order pickers show them. */
export const contactPurposes = ['privacy', 'dpo', 'general', 'support', 'sales', 'newsletter', 'other'] as const

/** What a contact address is for, in words. */
export function purposeLabel(purpose: (typeof contactPurposes)[number]): string {
  return i18n.t(`purpose.${purpose}`, { ns: 'common' })
}

/** Formatters per locale and options, made once (Intl formatters are costly to make). */
const formatters = new Map<string, Intl.DateTimeFormat>()

function dateFormatter(locale: string, withWeekday: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withWeekday}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC', ...(withWeekday ? { weekday: 'long' } : {}) })
    formatters.set(key, formatter)
  }
  return formatter
}

/** A calendar date ("2026-03-02") as the window's language writes it: "2 March 2026", "2. März 2026", "2026年3月2日". */
export function formatDate(date: string | null | undefined, withWeekday = false): string {
  if (!date) return '—'
  // English keeps the core's own wording (the deadline explanations use it too).
  if (currentLanguage() === 'en') return describeDate(date, withWeekday)
  const instant = new Date(`${date}T00:00:00Z`)
  return Number.isNaN(instant.getTime()) ? date : dateFormatter(currentLocale(), withWeekday).format(instant)
}

/** A number as the window's language writes it ("1,234", "1.234", "1 234"). */
export function formatNumber(value: number): string {
  return value.toLocaleString(currentLocale())
}

/** A list as the window's language joins it ("A, B and C", "A, B und C", "A、B和C"). */
export function formatList(items: ReadonlyArray<string>, type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return new Intl.ListFormat(currentLocale(), { style: 'long', type }).format(items)
}

const regionNamesByLocale = new Map<string, Intl.DisplayNames>()

function regionNames(): Intl.DisplayNames {
  const locale = currentLocale()
  let names = regionNamesByLocale.get(locale)
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region' })
    regionNamesByLocale.set(locale, names)
  }
  return names
}

/** A country's name in the window's language ("DE" -> "Germany", "Deutschland", "德国"). */
export function countryName(code: string | null | undefined): string {
  if (!code) return ''
  try {
    return regionNames().of(code) ?? code
  } catch {
    return code
  }
}

/**
 * A part of a country (ISO 3166-2, "DE-BY") as a name in the window's language ("Bavaria",
 * "Bayern", "巴伐利亚"), written as a list shows it (no leading article); null for a code not listed.
 */
export function subdivisionName(code: string): string | null {
  const english = regionName(code)
  if (!english) return null
  if (i18n.exists(`regionName.${code}`, { ns: 'profile' })) return i18n.t(`regionName.${code}`, { ns: 'profile' })
  return english.replace(/^the /, '').replace(/^./, (c) => c.toUpperCase())
}

/**
 * A part of a country as a sentence says where something lies ("in Bavaria", "im Saarland", "à
 * Berlin", "en el País Vasco"; in Chinese its name), from the core's place phrases (core/messages/places.ts).
 */
export function inSubdivision(code: string): string | null {
  if (!regionName(code) || !i18n.exists(`place.in.${code}`, { ns: 'core' })) return null
  return i18n.t(`place.in.${code}`, { ns: 'core' })
}

const countryOptionsByLocale = new Map<string, ReadonlyArray<{ code: string; name: string }>>()

/** ISO country codes with their names in the window's language, sorted by name, for pickers. */
export function countryOptions(): ReadonlyArray<{ code: string; name: string }> {
  const locale = currentLocale()
  const known = countryOptionsByLocale.get(locale)
  if (known) return known
  // Codes that English names (the same set in every language).
  const english = new Intl.DisplayNames(['en'], { type: 'region' })
  const names = regionNames()
  const collator = new Intl.Collator(locale)
  const codes: string[] = []
  for (let a = 65; a <= 90; a += 1) {
    for (let b = 65; b <= 90; b += 1) {
      const code = String.fromCharCode(a, b)
      const name = english.of(code)
      if (name && name !== code && !/Unknown/.test(name)) codes.push(code)
    }
  }
  const options = codes.map((code) => ({ code, name: names.of(code) ?? code })).sort((x, y) => collator.compare(x.name, y.name))
  countryOptionsByLocale.set(locale, options)
  return options
}

/** The webmail services' names as people know them. */
export const webmailLabel: Record<WebmailProvider, string> = { gmail: 'Gmail', outlook: 'Outlook.com', yahoo: 'Yahoo Mail' }

/** A file's size for people: "820 B", "14 KB", "3.2 MB", "1.1 GB". */
export function formatSize(bytes: number): string {
  const locale = currentLocale()
  const t = (unit: string, value: number, digits: number) =>
    i18n.t(`size.${unit}`, { ns: 'common', value: value.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }) })
  if (bytes < 1024) return t('bytes', bytes, 0)
  if (bytes < 1024 ** 2) return t('kb', Math.round(bytes / 1024), 0)
  if (bytes < 1024 ** 3) return t('mb', bytes / 1024 ** 2, 1)
  return t('gb', bytes / 1024 ** 3, 1)
}

/** A moment in the computer's own time: "3 February 2026, 11:00". */
export function formatMoment(iso: string): string {
  return new Date(iso).toLocaleString(currentLocale(), { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' })
}
