/**
 * What a template is filled with: the request, the user, the company, and for reminders and
 * complaints the request they follow up, with dates written out in the template's language.
 */
import { parsePlainDate, type PlainDate } from '../deadlines/calendar'
import { activeEvents, type RequestEvent } from '../requests/events'
import type { Language } from '../requests/model'
import type { LanguageStrings } from './templates'

const locales: Record<Language, string> = {
  en: 'en-GB',
  de: 'de-DE',
  fr: 'fr-FR',
  es: 'es-ES',
  pt: 'pt-BR',
  ja: 'ja-JP',
  'zh-Hans': 'zh-CN',
  'zh-Hant': 'zh-HK',
}
const formatters = new Map<Language, Intl.DateTimeFormat>()

/** "31 January 2026", "31. Januar 2026", "31 janvier 2026", "31 de enero de 2026", "31 de janeiro de 2026", "2026年1月31日". */
export function longDate(date: PlainDate, lang: Language): string {
  let formatter = formatters.get(lang)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locales[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    formatters.set(lang, formatter)
  }
  const parts = parsePlainDate(date)
  if (!parts) return date
  return formatter.format(new Date(Date.UTC(parts.year, parts.month - 1, parts.day)))
}

function simple(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '')
}

export type ViewInput = {
  readonly reference: string
  readonly today: PlainDate
  readonly lang: Language
  readonly companyName: string
  readonly user: { readonly name: string; readonly email: string; readonly address: ReadonlyArray<string> }
  readonly identifiers?: string | null
  readonly text?: string | null
  readonly authorityName?: string | null
  readonly original?: {
    readonly reference: string
    readonly subject: string
    readonly sentOn: PlainDate
    readonly channel: 'email' | 'post'
    readonly to: string | null
    readonly due: PlainDate | null
    readonly events: ReadonlyArray<RequestEvent>
  } | null
  readonly strings: LanguageStrings
}

export function templateView(input: ViewInput): Record<string, unknown> {
  const identifiers = (input.identifiers ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n')
  const original = input.original
  const eventLines = (labels: LanguageStrings['events']) => {
    if (!original) return ''
    const happened = activeEvents(original.events).filter((e) => e.kind !== 'created' && e.kind !== 'sent')
    if (happened.length === 0) return `- ${input.strings.noReply}`
    return happened
      .map((e) =>
        simple(input.strings.eventLine, {
          date: longDate(e.on, input.lang),
          event: labels[e.kind],
          note: e.note ? simple(input.strings.eventNote, { note: e.note.replace(/\s+/g, ' ').trim() }) : '',
        }),
      )
      .join('\n')
  }
  return {
    reference: input.reference,
    date: longDate(input.today, input.lang),
    company: { name: input.companyName },
    user: { name: input.user.name, email: input.user.email, address: input.user.address.join('\n') },
    request: { identifiers, hasIdentifiers: identifiers.length > 0, text: (input.text ?? '').trim() },
    authority: { name: input.authorityName ?? '' },
    original: original
      ? {
          reference: original.reference,
          subject: original.subject,
          sentOn: longDate(original.sentOn, input.lang),
          sentBy: original.channel === 'email' ? simple(input.strings.sentByEmail, { to: original.to ?? '' }) : input.strings.sentByPost,
          due: original.due ? longDate(original.due, input.lang) : input.strings.noFixedDate,
          // Whether the law gave the request a date at all (e.g. the LGPD's 15 days for access only).
          hasDue: original.due !== null,
          events: eventLines(input.strings.events),
          eventsReported: eventLines(input.strings.eventsReported),
        }
      : { reference: '', subject: '', sentOn: '', sentBy: '', due: '', hasDue: false, events: '', eventsReported: '' },
  }
}

/**
 * A company that demands a wording in the subject (FS.COM: "data protection query, request or
 * complaint") gets it: when the subject has none of its phrases, the one for this kind of request
 * goes in front.
 */
export function withRequiredPhrase(subject: string, phrases: ReadonlyArray<string>, type: string): string {
  if (phrases.length === 0) return subject
  const lower = subject.toLowerCase()
  if (phrases.some((p) => lower.includes(p.toLowerCase()))) return subject
  const preferred =
    phrases.find((p) => (type === 'access' ? /query/i : type === 'complaint' ? /complain/i : /request/i).test(p)) ?? phrases[0]!
  return `${preferred.charAt(0).toUpperCase()}${preferred.slice(1)}: ${subject}`
}
