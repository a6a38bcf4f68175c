/**
 * The deadline explanation as messages (core namespace `deadline.*`), beside the English the
 * engine writes: each step of a Deadline carries `parts`, which a host renders in the user's
 * language and joins into one paragraph (joinParts).
 */
import { message, type Message, type MessageParam } from '../shared/message'
import { hasPlacePhrase, hasRegionName, inPlace } from '../messages/places'
import { namesKey } from '../messages/params'
import type { PlainDate } from '../shared/calendar'
import type { HolidayCalendar, HolidayNames } from './holidays'
import type { Law } from '../shared/kinds'

type Period = { readonly unit: 'months' | 'days' | 'business-days'; readonly count: number }

/**
 * Where the public holidays come from, as a sentence says where something is (messages/places.ts):
 * "in the Netherlands", "in Bayern", "aux Pays-Bas"; a region without a phrase of its own, after its
 * country with its name from the resources ("in Switzerland (Canton of Geneva)", "in der Schweiz
 * (Kanton Genf)"), else with the holiday data's own name ("in France (Guadeloupe)"); Canada's
 * federal holidays after the province's where the law counts them.
 */
export function placeMessage(calendar: HolidayCalendar): Message | null {
  const j = calendar.jurisdiction
  if (!j) return null
  const regionCode = j.region ? `${j.country}-${j.region}` : null
  let place: Message
  if (regionCode && hasPlacePhrase(regionCode)) place = inPlace(regionCode)
  else if (regionCode) {
    const region = hasRegionName(regionCode) ? message(`place.region.${regionCode}`) : regionName(calendar.label, j.region!)
    place = message('deadline.inRegion', { inCountry: inPlace(j.country), region })
  } else place = inPlace(j.country)
  return calendar.federalHolidays ? message('deadline.withFederal', { place }) : place
}

/** The region's name as the holiday data gives it ("France (Guadeloupe)" → "Guadeloupe"), else its code. */
function regionName(label: string | null, code: string): string {
  const bare = label?.replace(/, with .*$/, '') ?? ''
  const open = bare.lastIndexOf(' (')
  return open > 0 && bare.endsWith(')') ? bare.slice(open + 2, -1) : code
}

/** "One month", "45 days", "10 business days (Monday to Friday, not counting public holidays in X)". */
export function periodMessage(period: Period, calendar: HolidayCalendar): Message {
  switch (period.unit) {
    case 'months':
      return message('deadline.period.months', { count: period.count })
    case 'days':
      return message('deadline.period.days', { count: period.count })
    case 'business-days': {
      const place = placeMessage(calendar)
      return place
        ? message('deadline.period.businessDaysIn', { count: period.count, place })
        : message('deadline.period.businessDays', { count: period.count })
    }
  }
}

/** "One month after 31 January 2026 is 28 February 2026[, because February has no 31st: …]." */
export function countMessage(start: PlainDate, period: Period, paused: number, counted: { date: PlainDate; clamped: boolean }, calendar: HolidayCalendar, endMonth: string): Message {
  const params: Record<string, MessageParam> = { period: periodMessage(period, calendar), start, date: counted.date }
  if (paused > 0) params.paused = message('deadline.pausedDays', { count: paused })
  if (counted.clamped) {
    params.month = endMonth
    params.ordinal = Number(start.slice(8, 10))
  }
  return message(`deadline.count${paused > 0 ? 'Paused' : ''}${counted.clamped ? 'Clamped' : ''}`, params)
}

/** "That is not a day a period can end on: … So it moves to … (citation)." (none when nothing moved) */
export function rollMessages(
  rolled: { date: PlainDate; skipped: ReadonlyArray<{ date: PlainDate; reason: string; names?: HolidayNames; weather?: true }> },
  citation: string,
  isWeekday: (reason: string) => boolean,
): Message[] {
  if (rolled.skipped.length === 0) return []
  // A holiday is named in the reader's language: the host picks it from the names message (messages/params.ts).
  const reasonOf = (s: { reason: string; names?: HolidayNames; weather?: true }): MessageParam =>
    s.weather ? message('deadline.weatherDay') : s.names ? message(namesKey, { ...s.names }) : s.reason
  const days = rolled.skipped.map((s) => (isWeekday(s.reason) ? message('deadline.skipped', { skippedDay: s.date }) : message('deadline.skippedHoliday', { skippedDay: s.date, reason: reasonOf(s) })))
  return [message('deadline.roll', { days, movedDay: rolled.date, citation: citationParam(citation) })]
}

/** The citations of a roll rule that have words to translate, by their message keys (the rest is the same in every language). */
const citations = new Map<string, string>([
  ['the ICO’s corresponding-date rule', 'deadline.citation.icoCorrespondingDate'],
  ['Civ. Code §10 and CCP §12a', 'deadline.citation.ccpaRollOver'],
  ['Art. 132 Civil Code', 'deadline.citation.brazilCivilCode'],
  ['Interpretation Act ss.26-27', 'deadline.citation.canadaInterpretation'],
  ['Quebec Interpretation Act, by analogy', 'deadline.citation.quebecInterpretation'],
  ['Art. 77-78 CO and SR 173.110.3', 'deadline.citation.swissObligations'],
  ['Interpretation and General Clauses Ordinance s.71', 'deadline.citation.hongKongInterpretation'],
  ['Acts Interpretation Act 1901 s.36', 'deadline.citation.australiaInterpretation'],
])

/** A roll rule's citation as the reader's language cites it. */
function citationParam(citation: string): MessageParam {
  const key = citations.get(citation)
  return key ? message(key) : citation
}

/** The English notes and labels of the law regimes, by their message keys. */
const regimeTexts = new Map<string, string>([
  ['No identity verification may be required for this request, and the time cannot be extended.', 'deadline.note.ccpaOptOut'],
  ['The 45 days run from receipt whatever time the company needs to verify you; there is no pause (11 CCR §7021(b)).', 'deadline.note.ccpaNoPause'],
  ['Confirmation that data are processed, or access in simplified form, is due immediately (Art. 19 I); the 15 days are for the complete statement (Art. 19 II).', 'deadline.note.lgpdAccess'],
  ['The LGPD sets no extension.', 'deadline.note.lgpdNoExtension'],
  ['No answer within the time limit counts as a refusal (s.8(5)).', 'deadline.note.pipedaRefusal'],
  ['There is no fixed extension: within the 30 days the company must say by when it will answer (Art. 18(2) DSV).', 'deadline.note.fadpExtension'],
  ['There is no fixed extension: before day 40 the company must say in writing why it cannot comply and comply as far as it can (s.19(2)).', 'deadline.note.pdpoExtension'],
  ['The PIPL sets no period: the company must act promptly (及时, Art. 45) and give reasons for a refusal (Art. 50).', 'deadline.note.piplNoPeriod'],
  ['Two weeks have passed: a lawsuit may be filed from this day (Art. 39)', 'deadline.note.appiLawsuit'],
  ['The APPI sets no period: disclosure is due without delay (遅滞なく, Art. 33(2)).', 'deadline.note.appiNoPeriod'],
  ['An organisation must answer within "a reasonable period"; the OAIC says this should generally not exceed 30 calendar days.', 'deadline.note.auReasonable'],
  ['Art. 12A UK GDPR (s.76 Data (Use and Access) Act 2025, in force since 5 February 2026 under SI 2026/82): the month runs from the latest of receipt, the identity information and any fee, and stands still while the company waits for a clarification it reasonably needs.', 'deadline.note.ukArt12A'],
  ['The company must make reasonable and proportionate searches for your data (Art. 15(1A) UK GDPR), and from 19 June 2026 must acknowledge a complaint made to it within 30 days (s.164A Data Protection Act 2018).', 'deadline.note.ukSearches'],
  ['The same 45 days apply to telling you why the company declines to act and how to appeal (§541.052(c)); it must decide an appeal within 60 days of receiving it (§541.053).', 'deadline.note.tdpsaRefusalAppeal'],
  ['The LGPD sets no period in days for this request: the company must act immediately, or reply at once with the factual or legal reasons why it cannot (Art. 18 §4).', 'deadline.note.lgpdImmediate'],
  ['The LGPD sets no period for reviewing a decision taken solely by automated processing (Art. 20), nor for the information about its criteria and procedures (Art. 20 §1).', 'deadline.note.lgpdAutomated'],
  ['PIPEDA sets a period only for access requests (s.8(3)).', 'deadline.note.pipedaAccessOnly'],
  ['PIPEDA sets no period for a correction: the organization must amend what is shown to be inaccurate or incomplete (Principle 4.9.5), with the diligence the Act expects.', 'deadline.note.pipedaCorrection'],
  ['PIPEDA sets no period for a withdrawal of consent: it takes effect subject to reasonable notice (Principle 4.3.8).', 'deadline.note.pipedaConsent'],
  ['No answer within 30 days counts as a refusal (s.32); you may then ask the Commission d’accès à l’information to examine the disagreement within 30 days (s.43).', 'deadline.note.qcRefusal'],
  ['The Act sets no extension.', 'deadline.note.qcNoExtension'],
  ['Quebec’s Act sets a period only for requests for access and rectification (s.32).', 'deadline.note.qcAccessOnly'],
  ['The FADP and its ordinance set no period for this request; the company must act without undue delay.', 'deadline.note.fadpNoPeriod'],
  ['The 30 days of Art. 18 DSV apply to data portability by Art. 22 DSV.', 'deadline.note.fadpPortability'],
  ['The VCDPA sets no period for a withdrawal of consent: without your consent the company may not process your sensitive data at all (Va. Code §59.1-578(A)(5)).', 'deadline.note.vaConsent'],
  ['The CPA sets no period for a withdrawal of consent: the company must stop the processing that relied on it and, in its response under C.R.S. §6-1-1306(2), say how to have the data deleted (4 CCR 904-3, Rule 7.07(E)).', 'deadline.note.coConsent'],
  ['Once you revoke your consent, the company must stop the processing as soon as practicable and no later than 15 days after receiving the request (C.G.S. §42-520(a)(6)); the Act sets no extension.', 'deadline.note.ctConsent'],
  ['Benchmark: 45 days, as the Act gives for requests to exercise a consumer right; not a statutory period for a withdrawal of consent', 'deadline.note.stateConsentBenchmark'],
  ['The PDPO sets periods only for data access requests (s.19) and data correction requests (s.23).', 'deadline.note.pdpoAccessCorrectionOnly'],
  ['Benchmark: 30 days, as PIPEDA gives for access (s.8(3)); not a statutory period for this request', 'deadline.note.pipedaBenchmark'],
  ['Benchmark: 30 days, as Quebec’s Act gives for access and rectification (s.32); not a statutory period for this request', 'deadline.note.qcBenchmark'],
  ['Benchmark: 30 days, as the FADP gives for access (Art. 18 DSV); not a statutory period for this request', 'deadline.note.fadpBenchmark'],
  ['Benchmark: 40 days, as the PDPO gives for data access and correction requests; not a statutory period for this request', 'deadline.note.pdpoBenchmark'],
  ['A data correction request must be complied with not later than 40 days after receiving it (s.23(1)); there is no fixed extension: before day 40 the company must say in writing why it cannot comply and comply as far as it can (s.23(2)).', 'deadline.note.pdpoCorrection'],
])

/** A law regime's note or label as a message; one without a translation yet is shown as written. */
export function regimeTextMessage(text: string): Message {
  const key = regimeTexts.get(text)
  if (key) return message(key)
  const benchmark = /^GB\/T 35273-2020 §8\.7 benchmark \((\d{1,3}) days, not binding\)$/.exec(text)
  if (benchmark) return message('deadline.note.cnBenchmark', { count: Number(benchmark[1]) })
  const lgpd = /^Benchmark: (\d{1,3}) days, as the LGPD gives for access \(Art\. 19 II\); not a statutory period for this request$/.exec(text)
  if (lgpd) return message('deadline.note.lgpdBenchmark', { count: Number(lgpd[1]) })
  return message('deadline.untranslated', { text })
}

/** "Public holidays are those in Bavaria." (and where they come from, when the user should know) or, without a country, the weekend-only note. */
export function holidaysMessages(calendar: HolidayCalendar, caveat: Message | null): Message[] {
  const place = placeMessage(calendar)
  if (!place) return [message('deadline.noCountry')]
  return caveat ? [message('deadline.holidays', { place }), caveat] : [message('deadline.holidays', { place })]
}

/** The law and provision a deadline is counted under ("GDPR, Art. 12(3)"), as the reader's language cites it. */
export function regimeMessage(law: Law): Message {
  return message(`deadline.regime.${law}`)
}
