/**
 * What a template is filled with: the request, the user, the company, and for reminders and
 * complaints the request they follow up, with dates written out in the template's language.
 */
import { parsePlainDate, type PlainDate } from '../shared/calendar'
import { activeEvents, type RequestEvent } from './events'
import { citeIn, type AnswerItem } from '../shared/answer-items'
import type { Channel, Language, Law, RequestType } from './model'
import type { LanguageStrings } from '../templates/templates'

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

/**
 * The authority as the letter's language names it after "lodge a complaint with": the words
 * strings.yaml keeps for a built-in authority, else the language's pattern around its name.
 */
function authorityWith(input: Pick<ViewInput, 'authorityName' | 'authorityId' | 'strings'>): string {
  const name = input.authorityName ?? ''
  if (!name) return ''
  const own = input.authorityId ? input.strings.authorities.get(input.authorityId) : undefined
  return own ?? simple(input.strings.authorityWith, { name })
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
  /** A built-in authority's id: its name in this language's words, when strings.yaml has them. */
  readonly authorityId?: string | null
  /** How this request will go out: a letter on paper never says it was made electronically. */
  readonly channel?: Channel
  readonly original?: {
    readonly reference: string
    readonly subject: string
    readonly sentOn: PlainDate
    readonly channel: 'email' | 'post'
    readonly to: string | null
    readonly due: PlainDate | null
    readonly events: ReadonlyArray<RequestEvent>
    /** What the original request asked for: a withdrawal of consent has its own rule (or none) for the time it takes. */
    readonly type?: RequestType
  } | null
  /** The law the letter is written under: some items have that law's own words. */
  readonly law?: Law
  /** An incomplete-answer letter: the items the answer lacks, in the order of the law. */
  readonly missingItems?: ReadonlyArray<AnswerItem>
  readonly strings: LanguageStrings
  /** An identity pushback: the company's demand and what the law lets it ask for. */
  readonly identity?: {
    /** When the company asked for identity information. */
    readonly requestedOn: PlainDate
    /** What it asked for, in the user's words (the note on the event); null when not noted. */
    readonly asked: string | null
    /** The law forbids any check for this request (a US opt-out). */
    readonly noVerification: boolean
  } | null
  /** An extension contest: when the notice came, when it was due, and what was wrong with it. */
  readonly extension?: {
    readonly claimedOn: PlainDate
    readonly noticeBy: PlainDate | null
    readonly late: boolean
    readonly noReasons: boolean
    readonly notAllowed: boolean
    readonly tooLong: boolean
    readonly longestDue: PlainDate | null
    /** The period without the extension, which still binds when the claim does not hold. */
    readonly baseDue: PlainDate | null
  } | null
}

/** The missing items as lines of a letter: each in the letter's words, with the provision that requires it. */
function missingLines(input: ViewInput): string {
  return (input.missingItems ?? [])
    .map((item) => {
      const words = (input.law ? input.strings.answerItemsFor[input.law]?.[item.concept] : undefined) ?? input.strings.answerItems[item.concept]
      return simple(input.strings.answerItemLine, { item: words, cite: citeIn(item, input.lang) })
    })
    .join('\n')
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
    authority: { name: input.authorityName ?? '', with: authorityWith(input) },
    channel: { email: (input.channel ?? 'email') === 'email', post: input.channel === 'post' },
    original: original
      ? {
          reference: original.reference,
          subject: original.subject,
          sentOn: longDate(original.sentOn, input.lang),
          sentBy: original.channel === 'email' ? simple(input.strings.sentByEmail, { to: original.to ?? '' }) : input.strings.sentByPost,
          due: original.due ? longDate(original.due, input.lang) : input.strings.noFixedDate,
          // Whether the law gave the request a date at all (e.g. the LGPD's 15 days for access only).
          hasDue: original.due !== null,
          // Whether that date is still ahead: the period still runs on the day of writing.
          dueRuns: original.due !== null && original.due >= input.today,
          dueOver: original.due !== null && original.due < input.today,
          events: eventLines(input.strings.events),
          eventsReported: eventLines(input.strings.eventsReported),
          // A withdrawal of consent: the state laws set it no period of 45 days (Connecticut: 15 days, none elsewhere).
          consent: original.type === 'withdraw-consent',
          notConsent: original.type !== 'withdraw-consent',
          // The CCPA's 15 business days to opt out of a sale or to limit sensitive data, its 45 days for the rest.
          optOut: original.type === 'opt-out',
          limit: original.type === 'limit',
          rightToKnow: original.type !== 'opt-out' && original.type !== 'limit',
        }
      : { reference: '', subject: '', sentOn: '', sentBy: '', due: '', hasDue: false, dueRuns: false, dueOver: false, events: '', eventsReported: '', consent: false, notConsent: true, optOut: false, limit: false, rightToKnow: true },
    missing: { items: missingLines(input), count: input.missingItems?.length ?? 0 },
    identity: input.identity
      ? {
          requestedOn: longDate(input.identity.requestedOn, input.lang),
          asked: (input.identity.asked ?? '').replace(/\s+/g, ' ').trim(),
          noVerification: input.identity.noVerification,
          checkAllowed: !input.identity.noVerification,
        }
      : { requestedOn: '', asked: '', noVerification: false, checkAllowed: true },
    extension: input.extension
      ? {
          claimedOn: longDate(input.extension.claimedOn, input.lang),
          noticeBy: input.extension.noticeBy ? longDate(input.extension.noticeBy, input.lang) : '',
          late: input.extension.late,
          noReasons: input.extension.noReasons,
          notAllowed: input.extension.notAllowed,
          tooLong: input.extension.tooLong,
          longestDue: input.extension.longestDue ? longDate(input.extension.longestDue, input.lang) : '',
          baseDue: input.extension.baseDue ? longDate(input.extension.baseDue, input.lang) : '',
          hasBaseDue: input.extension.baseDue !== null,
        }
      : { claimedOn: '', noticeBy: '', late: false, noReasons: false, notAllowed: false, tooLong: false, longestDue: '', baseDue: '', hasBaseDue: false },
  }
}

/** The words before a subject line's first colon: the template's own label ("Datenschutzanfrage: …"). */
const labelPattern = /^([^:：\r\n]{1,60}?)( ?[:：] ?)(?=\S)/
/** An English subject that opens with its kind but has no colon: "Privacy request under PIPEDA – …". */
const englishOpening = /^(?:consumer )?(?:privacy|data protection) (?:request|query|complaint|opt-out)\b/i

/**
 * A company that demands a wording in the subject (FS.COM: "data protection query, request or
 * complaint") gets it once, in place of or beside the template's own label, never stacked in
 * front of it: an English label gives way to the demanded words ("Privacy request: …" becomes
 * "Data protection request: …"); a label in another language keeps its words and takes the
 * demanded ones beside it ("Datenschutzanfrage / data protection query: Auskunft …"). Where that
 * would pass `maxLength`, the demanded words replace the label. A subject in another language
 * with no label takes them in brackets before its reference; only what is left gets them in front.
 */
export function withRequiredPhrase(subject: string, phrases: ReadonlyArray<string>, type: string, lang = 'en', maxLength = 120): string {
  if (phrases.length === 0) return subject
  const lower = subject.toLowerCase()
  if (phrases.some((p) => lower.includes(p.toLowerCase()))) return subject
  const preferred =
    phrases.find((p) => (type === 'access' ? /query/i : type === 'complaint' ? /complain/i : /request/i).test(p)) ?? phrases[0]!
  const Preferred = `${preferred.charAt(0).toUpperCase()}${preferred.slice(1)}`
  const fits = (candidate: string) => candidate.length <= maxLength
  const label = labelPattern.exec(subject)
  if (label) {
    const [whole, words, colon] = label as unknown as [string, string, string]
    const rest = subject.slice(whole.length)
    // The demanded words are English: an English colon after them.
    const replaced = `${Preferred}${/opt-out/i.test(words) ? ' (opt-out)' : ''}: ${rest}`
    if (lang === 'en') return replaced
    const beside = `${words.trimEnd()} / ${preferred}${colon}${rest}`
    return fits(beside) ? beside : replaced
  }
  if (lang === 'en') {
    const opening = englishOpening.exec(subject)
    if (opening) return `${Preferred}${/opt-out/i.test(opening[0]) ? ' (opt-out)' : ''}${subject.slice(opening[0].length)}`
  } else {
    // A subject that is all one label ("个人信息删除申请（…）– RF-…"): the words in brackets after it.
    const tail = /\s?– [^–]+$/.exec(subject)
    if (tail) {
      const head = subject.slice(0, tail.index)
      // Full-width brackets after Chinese or Japanese text, Latin ones after Latin.
      const wide = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]$/u.test(head)
      const glossed = `${head}${wide ? `（${preferred}）` : ` (${preferred})`}${subject.slice(tail.index)}`
      if (fits(glossed)) return glossed
    }
  }
  return `${Preferred}: ${subject}`
}
