/**
 * Whether a company's claim to more time holds under the request's law: the notice had to come
 * within the first period (by the unextended due date) and give reasons (GDPR Art. 12(3): "within
 * one month of receipt of the request, together with the reasons for the delay"; the same shape in
 * the UK GDPR, the CCPA and the US state laws, PIPEDA, the FADP's DPO and the PDPO); the longest
 * extension is the law's own (deadlines/engine.ts). A law that allows no extension (the LGPD, the
 * APPI) makes any claim groundless. Pure: a function of the request's facts and its deadline.
 */
import { comparePlainDates, type PlainDate } from '../shared/calendar'
import type { Deadline } from '../deadlines/model'
import { activeEvents, type RequestEvent } from './events'
import type { Law } from '../shared/kinds'
import { message, type Message, type MessageParam } from '../shared/message'

export const extensionVerdicts = [
  /** No extension-claimed event on the timeline. */
  'none-claimed',
  /** No period runs for the request (a draft, a bounce). */
  'no-period',
  /** The law allows no extension of this request's period. */
  'not-allowed',
  /** The notice came after the first period ended. */
  'late',
  /** The notice came in time but gave no reasons. */
  'no-reasons',
  /** The company named a date beyond the longest extension the law allows. */
  'too-long',
  /** In time; the user has not said whether it gave reasons. */
  'reasons-unknown',
  /** In time, with reasons, within the law's longest extension. */
  'valid',
] as const
export type ExtensionVerdict = (typeof extensionVerdicts)[number]

export type ExtensionCheck = {
  readonly verdict: ExtensionVerdict
  /** The verdict allows the letter contesting the extension. */
  readonly contestable: boolean
  /** When the notice came (the event's date). */
  readonly claimedOn: PlainDate | null
  /** The last day the notice could come: the unextended due date. */
  readonly noticeBy: PlainDate | null
  /** The date the company named, if any. */
  readonly until: PlainDate | null
  /** The latest date the law allows with the extension. */
  readonly longestDue: PlainDate | null
  /** What the user said: did the notice give reasons? null: not said. */
  readonly reasonsGiven: boolean | null
  /** Rightful's guess from the note on the event (words such as "because", "complex"); null when there is no note. */
  readonly reasonsSuggested: boolean | null
  /** Where the rule is written. */
  readonly citation: string
  /** The verdict in words: a key in the core resources ("extension.verdict.late") with the dates. */
  readonly message: Message
}

const citations: Readonly<Record<Law, string>> = {
  gdpr: 'Art. 12(3) GDPR',
  'uk-gdpr': 'Art. 12(3) UK GDPR',
  ccpa: 'Civ. Code §1798.130(a)(2); 11 CCR §7021(b)',
  vcdpa: 'Va. Code §59.1-577(B)',
  'cpa-co': 'C.R.S. §6-1-1306(2)',
  ctdpa: 'C.G.S. §42-518(c)',
  tdpsa: 'Tex. Bus. & Com. Code §541.052(b)',
  lgpd: 'Art. 19 LGPD',
  pipeda: 'PIPEDA s.8(3) and (4)',
  'qc-privacy': 's.32 of the Act (CQLR c. P-39.1)',
  'ch-fadp': 'Art. 18(2) DPO',
  'hk-pdpo': 's.19(2) PDPO',
  'cn-pipl': 'Art. 50 PIPL',
  'jp-appi': 'Arts. 33 and 39 APPI',
  'au-privacy': 'APP 12.4(a)',
}

/** Words a notice with reasons tends to use, in the letter languages. */
const reasonWords =
  /\b(because|due to|owing to|complex|complexity|number of requests|volume|weil|da wir|aufgrund|wegen|komplex|Anzahl|parce que|en raison|complexit|nombre de demandes|porque|debido a|complejidad|número de solicitudes|devido|complexidade)\b|由于|因为|由於|因為|ため|複雑|复杂|複雜/i

/** Rightful's guess whether a note says why more time is needed; null without a note. */
export function suggestReasons(note: string | null): boolean | null {
  if (!note || !note.trim()) return null
  return reasonWords.test(note.slice(0, 20_000))
}

/** The dates a verdict may name, as message parameters (only those that are known). */
function datesOf(check: { claimedOn: PlainDate | null; noticeBy: PlainDate | null; until: PlainDate | null; longestDue: PlainDate | null; citation: string }): Record<string, MessageParam> {
  const params: Record<string, MessageParam> = { citation: check.citation }
  if (check.claimedOn) params.claimedOn = check.claimedOn
  if (check.noticeBy) params.noticeBy = check.noticeBy
  if (check.until) params.until = check.until
  if (check.longestDue) params.longestDue = check.longestDue
  return params
}

/**
 * The check of the latest extension claim of a request. `deadline` is the request's deadline with
 * the claim counted in (null when no period runs); `reasonsGiven` is the user's answer.
 */
export function checkExtension(input: {
  readonly law: Law
  readonly events: ReadonlyArray<RequestEvent>
  readonly deadline: Deadline | null
  readonly reasonsGiven?: boolean | null
}): ExtensionCheck {
  const claim = [...activeEvents(input.events)].reverse().find((e) => e.kind === 'extension-claimed') ?? null
  const reasonsGiven = input.reasonsGiven ?? null
  const deadline = input.deadline
  const base = {
    claimedOn: claim?.on ?? null,
    noticeBy: deadline?.extensionNoticeBy ?? null,
    until: claim?.until ?? null,
    longestDue: deadline?.extendedDue ?? null,
    reasonsGiven,
    reasonsSuggested: claim ? suggestReasons(claim.note) : null,
    citation: citations[input.law],
  }
  const verdict = ((): ExtensionVerdict => {
    if (!claim) return 'none-claimed'
    if (!deadline) return 'no-period'
    // A law that sets no extension (or only "promptly") gives a claim no ground.
    if (deadline.extensionNoticeBy === null) return 'not-allowed'
    if (!deadline.due) return 'no-period'
    if (comparePlainDates(claim.on, deadline.extensionNoticeBy) > 0) return 'late'
    if (reasonsGiven === false) return 'no-reasons'
    if (claim.until && deadline.extendedDue && comparePlainDates(claim.until, deadline.extendedDue) > 0) return 'too-long'
    if (reasonsGiven === null) return 'reasons-unknown'
    return 'valid'
  })()
  return {
    ...base,
    verdict,
    contestable: verdict === 'not-allowed' || verdict === 'late' || verdict === 'no-reasons' || verdict === 'too-long',
    message: message(`extension.verdict.${verdict}`, datesOf(base)),
  }
}
