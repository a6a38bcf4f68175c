/**
 * The deadline engine: a pure function of the request's facts (law, type, the company's
 * jurisdiction, receipt, identity and clarification episodes, extension), the interpretation
 * settings and the holiday data. It counts the way each law counts (law-reference.md §1-§3):
 * - periods in months end on the same date, or the month's last day;
 * - periods in days exclude the day of receipt; business days skip weekends and holidays;
 * - only the final date moves to a working day, by the law's own rule;
 * - an extension is counted from the start, never chained from a rolled date;
 * - pauses add the days from request to answer, both included; a restart moves the start.
 * Every result carries the steps that produced it, in words.
 */
import { assertNever } from '../shared/assert-never'
import type { Law, RequestType } from '../shared/kinds'
import {
  addDays,
  addMonths,
  comparePlainDates,
  dayOfWeek,
  daysBetween,
  describeDate,
  plainDateOf,
  weekdayNames,
  type PlainDate,
} from '../shared/calendar'
import { holidayCalendar, parseJurisdiction, withCanadianFederalHolidays, type HolidayCalendar, type HolidayNames, type Jurisdiction } from './holidays'
import type { Deadline, DeadlineInput, DeadlineStep } from './model'
import { defaultDeadlineSettings, type DeadlineSettings } from './settings'
import { timeZoneOf } from './time-zones'
import { message, type Message } from '../shared/message'
import { countMessage, holidaysMessages, periodMessage, regimeTextMessage, rollMessages } from './explain-messages'
import { renderMessage } from '../messages/render'

/** Which days a final date may not fall on. */
type RollRule =
  /** Saturday and Sunday; `makeUpWorkdays`: except a weekend day that is an official working day (China's own rules). */
  | { readonly kind: 'weekend-and-holidays'; readonly makeUpWorkdays?: boolean }
  | { readonly kind: 'sunday-and-holidays'; readonly saturday: boolean; readonly extraDays: ReadonlyArray<PlainDate> }
  | { readonly kind: 'none' }

type Period = { readonly unit: 'months' | 'days' | 'business-days'; readonly count: number }

/** What a law's own rules produce from a clock start; the engine adds receipt, pauses and words. */
type RegimeResult = {
  readonly due: { period: Period; roll: RollRule; citation: string } | null
  readonly strictToo?: boolean
  readonly extended: { period: Period; roll: RollRule } | null
  /** Whether the company must give notice of a longer period by the due date (default: when it can extend). */
  readonly extensionNotice?: boolean
  readonly acknowledge: Period | null
  readonly benchmark: { period: Period; roll: RollRule; label: string } | null
  readonly milestones: ReadonlyArray<{ period: Period; roll: RollRule; label: string; dayAfter: boolean }>
  readonly notes: ReadonlyArray<string>
  readonly interpretations: ReadonlyArray<{ setting: keyof DeadlineSettings; text: string; message: Message }>
}

type Regime = {
  readonly name: string
  /** Whose holidays count: the company's (with a default country), or a fixed jurisdiction. */
  readonly holidays:
    | {
        readonly kind: 'company'
        readonly defaultCode: string | null
        readonly only?: string
        /** A federal statute's period: Canada's federal holidays count in every province (Interpretation Act s.35). */
        readonly canadianFederal?: boolean
      }
    | { readonly kind: 'fixed'; readonly code: string }
  /** UK: identity information restarts the clock. */
  readonly restartOnIdentity: (settings: DeadlineSettings) => boolean
  /** Whether the time waiting for identity information is paused. */
  readonly pauseForIdentity: (settings: DeadlineSettings) => boolean
  readonly pauseForClarification: (settings: DeadlineSettings) => boolean
  readonly rules: (type: RequestType, settings: DeadlineSettings) => RegimeResult
}

const weekendAndHolidays: RollRule = { kind: 'weekend-and-holidays' }
const noRoll: RollRule = { kind: 'none' }
const never = () => false
const months = (count: number): Period => ({ unit: 'months', count })
const days = (count: number): Period => ({ unit: 'days', count })
const businessDays = (count: number): Period => ({ unit: 'business-days', count })

const plain = (partial: Partial<RegimeResult>): RegimeResult => ({
  due: null,
  extended: null,
  acknowledge: null,
  benchmark: null,
  milestones: [],
  notes: [],
  interpretations: [],
  ...partial,
})

/**
 * Where a law fixes a period only for some requests (access, and under some laws correction), the
 * other requests get no statutory date: the company must act "immediately" or "without delay", or
 * the law says nothing. They get a benchmark instead, labelled as such and never shown as a
 * deadline, so that a reminder can still be proposed once a reasonable time has passed.
 */
function noStatutoryPeriod(input: { period: Period; roll: RollRule; label: string; notes: ReadonlyArray<string>; interpretations?: RegimeResult['interpretations'] }): RegimeResult {
  return plain({
    benchmark: { period: input.period, roll: input.roll, label: input.label },
    notes: input.notes,
    interpretations: input.interpretations ?? [],
  })
}

/**
 * A withdrawal of consent under the Virginia and Colorado Acts: neither sets a period for it (it is
 * not among the rights whose requests get 45 days), so the 45 days serve as a labelled benchmark.
 */
function stateConsentBenchmark(roll: RollRule, note: string): RegimeResult {
  return noStatutoryPeriod({ period: days(45), roll, label: 'Benchmark: 45 days, as the Act gives for requests to exercise a consumer right; not a statutory period for a withdrawal of consent', notes: [note] })
}

/** The US state laws with 45 days, extendable once by 45 (VA, CO, CT, TX). */
function usStateRules(citation: string, roll: RollRule, interpretation: RegimeResult['interpretations']): RegimeResult {
  return plain({
    due: { period: days(45), roll, citation },
    extended: { period: days(90), roll },
    interpretations: interpretation,
  })
}

const regimes: Record<Law, Regime> = {
  gdpr: {
    name: 'GDPR, Art. 12(3)',
    holidays: { kind: 'company', defaultCode: null },
    restartOnIdentity: never,
    pauseForIdentity: (s) => s.gdprPauseForIdentity,
    pauseForClarification: (s) => s.gdprPauseForClarification,
    rules: (_type, s) =>
      plain({
        due: { period: months(1), roll: weekendAndHolidays, citation: 'Art. 3 Reg. 1182/71' },
        extended: { period: months(3), roll: weekendAndHolidays },
        interpretations: [
          ...(s.gdprPauseForIdentity
            ? [{ setting: 'gdprPauseForIdentity' as const, text: 'The wait for identity information is paused (EDPB: "may be").', message: message('deadline.interpretation.gdprPauseForIdentity') }]
            : []),
          ...(s.gdprPauseForClarification
            ? [{ setting: 'gdprPauseForClarification' as const, text: 'The wait for a clarification is paused (EDPB, Recital 63).', message: message('deadline.interpretation.gdprPauseForClarification') }]
            : []),
        ],
      }),
  },
  'uk-gdpr': {
    name: 'UK GDPR, Art. 12(3) and 12A',
    holidays: { kind: 'company', defaultCode: 'GB-ENG', only: 'GB' },
    restartOnIdentity: () => true,
    pauseForIdentity: never,
    pauseForClarification: () => true,
    rules: () =>
      plain({
        due: { period: months(1), roll: weekendAndHolidays, citation: 'the ICO’s corresponding-date rule' },
        extended: { period: months(3), roll: weekendAndHolidays },
        notes: [
          'Art. 12A UK GDPR (s.76 Data (Use and Access) Act 2025, in force since 5 February 2026 under SI 2026/82): the month runs from the latest of receipt, the identity information and any fee, and stands still while the company waits for a clarification it reasonably needs.',
          'The company must make reasonable and proportionate searches for your data (Art. 15(1A) UK GDPR), and from 19 June 2026 must acknowledge a complaint made to it within 30 days (s.164A Data Protection Act 2018).',
        ],
      }),
  },
  ccpa: {
    name: 'CCPA/CPRA, 11 CCR §7021',
    holidays: { kind: 'fixed', code: 'US-CA' },
    restartOnIdentity: never,
    pauseForIdentity: never,
    pauseForClarification: never,
    rules: (type, s) => {
      if (type === 'opt-out' || type === 'limit') {
        return plain({
          due: { period: businessDays(15), roll: noRoll, citation: type === 'opt-out' ? '11 CCR §7026(f)' : '11 CCR §7027' },
          notes: ['No identity verification may be required for this request, and the time cannot be extended.'],
        })
      }
      return plain({
        due: {
          period: days(45),
          roll: s.ccpaRollOver ? weekendAndHolidays : noRoll,
          citation: s.ccpaRollOver ? 'Civ. Code §10 and CCP §12a' : 'Civ. Code §10',
        },
        strictToo: s.ccpaRollOver,
        extended: { period: days(90), roll: s.ccpaRollOver ? weekendAndHolidays : noRoll },
        acknowledge: businessDays(10),
        notes: ['The 45 days run from receipt whatever time the company needs to verify you; there is no pause (11 CCR §7021(b)).'],
        interpretations: [
          {
            setting: 'ccpaRollOver',
            text: s.ccpaRollOver
              ? 'A last day on a Saturday, Sunday or holiday moves (CCP §12a, by inference); the strict date is shown too.'
              : 'No roll-over: the strict date.',
            message: message(s.ccpaRollOver ? 'deadline.interpretation.ccpaRollOver' : 'deadline.interpretation.ccpaNoRollOver'),
          },
        ],
      })
    },
  },
  vcdpa: {
    name: 'Virginia CDPA, Va. Code §59.1-577(B)',
    holidays: { kind: 'fixed', code: 'US-VA' },
    restartOnIdentity: never,
    pauseForIdentity: never,
    pauseForClarification: never,
    rules: (type, s) =>
      type === 'withdraw-consent'
        ? stateConsentBenchmark(s.vaCtRollOver ? weekendAndHolidays : noRoll, 'The VCDPA sets no period for a withdrawal of consent: without your consent the company may not process your sensitive data at all (Va. Code §59.1-578(A)(5)).')
        : usStateRules('Va. Code §59.1-577(B)(1)', s.vaCtRollOver ? weekendAndHolidays : noRoll, [
        {
          setting: 'vaCtRollOver',
          text: s.vaCtRollOver ? 'A last day on a non-working day moves.' : 'No roll-over rule is known: the last day stands.',
          message: message(s.vaCtRollOver ? 'deadline.interpretation.stateRollOver' : 'deadline.interpretation.stateNoRollOver'),
        },
      ]),
  },
  'cpa-co': {
    name: 'Colorado Privacy Act, C.R.S. §6-1-1306(2)',
    holidays: { kind: 'fixed', code: 'US-CO' },
    restartOnIdentity: never,
    pauseForIdentity: never,
    pauseForClarification: never,
    rules: (type) =>
      type === 'withdraw-consent'
        ? stateConsentBenchmark(weekendAndHolidays, 'The CPA sets no period for a withdrawal of consent: the company must stop the processing that relied on it and, in its response under C.R.S. §6-1-1306(2), say how to have the data deleted (4 CCR 904-3, Rule 7.07(E)).')
        : usStateRules('C.R.S. §2-4-108', weekendAndHolidays, []),
  },
  ctdpa: {
    name: 'Connecticut DPA, C.G.S. §42-518(c)',
    holidays: { kind: 'fixed', code: 'US-CT' },
    restartOnIdentity: never,
    pauseForIdentity: never,
    pauseForClarification: never,
    rules: (type, s) =>
      type === 'withdraw-consent'
        ? plain({
            due: { period: days(15), roll: s.vaCtRollOver ? weekendAndHolidays : noRoll, citation: 'C.G.S. §42-520(a)(6)' },
            notes: ['Once you revoke your consent, the company must stop the processing as soon as practicable and no later than 15 days after receiving the request (C.G.S. §42-520(a)(6)); the Act sets no extension.'],
          })
        : usStateRules('C.G.S. §42-518(c)(1)', s.vaCtRollOver ? weekendAndHolidays : noRoll, [
        {
          setting: 'vaCtRollOver',
          text: s.vaCtRollOver ? 'A last day on a non-working day moves.' : 'No roll-over rule is known: the last day stands.',
          message: message(s.vaCtRollOver ? 'deadline.interpretation.stateRollOver' : 'deadline.interpretation.stateNoRollOver'),
        },
      ]),
  },
  tdpsa: {
    name: 'Texas DPSA, Tex. Bus. & Com. Code §541.052(b)',
    holidays: { kind: 'fixed', code: 'US-TX' },
    restartOnIdentity: never,
    pauseForIdentity: never,
    pauseForClarification: never,
    // 45 days from receipt, once 45 more with notice and reason within the first 45 (§541.052(b)); the
    // Code Construction Act, which governs the Business & Commerce Code, moves a last day that falls on a
    // Saturday, Sunday or legal holiday to the next day that is none (Tex. Gov't Code §311.014(b)).
    rules: () => ({
      ...usStateRules('Tex. Gov’t Code §311.014(b)', weekendAndHolidays, []),
      notes: [
        'The same 45 days apply to telling you why the company declines to act and how to appeal (§541.052(c)); it must decide an appeal within 60 days of receiving it (§541.053).',
      ],
    }),
  },
  lgpd: {
    name: 'LGPD, Art. 19',
    holidays: { kind: 'company', defaultCode: 'BR', only: 'BR' },
    restartOnIdentity: never,
    pauseForIdentity: never,
    pauseForClarification: never,
    rules: (type, s) => {
      const period = days(s.lgpdSmallAgent ? 30 : 15)
      const interpretations: RegimeResult['interpretations'] = [
        {
          setting: 'lgpdSmallAgent',
          text: s.lgpdSmallAgent ? 'Small processing agent: double time, 30 days.' : 'Not a small processing agent: 15 days.',
          message: message(s.lgpdSmallAgent ? 'deadline.interpretation.lgpdSmallAgent' : 'deadline.interpretation.lgpdNotSmallAgent'),
        },
      ]
      // Only the complete statement of Art. 19 II (access, confirmation) has a period in days.
      if (type !== 'access') {
        return noStatutoryPeriod({
          period,
          roll: weekendAndHolidays,
          label: `Benchmark: ${period.count} days, as the LGPD gives for access (Art. 19 II); not a statutory period for this request`,
          notes: [
            type === 'automated-decision'
              ? 'The LGPD sets no period for reviewing a decision taken solely by automated processing (Art. 20), nor for the information about its criteria and procedures (Art. 20 §1).'
              : 'The LGPD sets no period in days for this request: the company must act immediately, or reply at once with the factual or legal reasons why it cannot (Art. 18 §4).',
          ],
          interpretations,
        })
      }
      return plain({
        due: { period, roll: weekendAndHolidays, citation: 'Art. 132 Civil Code' },
        notes: [
          'Confirmation that data are processed, or access in simplified form, is due immediately (Art. 19 I); the 15 days are for the complete statement (Art. 19 II).',
          'The LGPD sets no extension.',
        ],
        interpretations,
      })
    },
  },
  pipeda: {
    name: 'PIPEDA, s.8(3)',
    holidays: { kind: 'company', defaultCode: 'CA', only: 'CA', canadianFederal: true },
    restartOnIdentity: never,
    pauseForIdentity: never,
    pauseForClarification: never,
    rules: (type, s) => {
      const roll: RollRule = { kind: 'sunday-and-holidays', saturday: s.pipedaSaturdayIsHoliday, extraDays: [] }
      // s.8(3) sets its 30 days for a request for access only (Principle 4.9).
      if (type !== 'access') {
        return noStatutoryPeriod({
          period: days(30),
          roll,
          label: 'Benchmark: 30 days, as PIPEDA gives for access (s.8(3)); not a statutory period for this request',
          notes: [
            type === 'rectification'
              ? 'PIPEDA sets no period for a correction: the organization must amend what is shown to be inaccurate or incomplete (Principle 4.9.5), with the diligence the Act expects.'
              : type === 'withdraw-consent'
                ? 'PIPEDA sets no period for a withdrawal of consent: it takes effect subject to reasonable notice (Principle 4.3.8).'
                : 'PIPEDA sets a period only for access requests (s.8(3)).',
          ],
        })
      }
      return plain({
        due: { period: days(30), roll, citation: 'Interpretation Act ss.26-27' },
        extended: { period: days(60), roll },
        notes: ['No answer within the time limit counts as a refusal (s.8(5)).'],
        interpretations: [
          {
            setting: 'pipedaSaturdayIsHoliday',
            text: s.pipedaSaturdayIsHoliday ? 'Saturday treated as a holiday.' : 'Saturday is a valid last day.',
            message: message(s.pipedaSaturdayIsHoliday ? 'deadline.interpretation.pipedaSaturdayHoliday' : 'deadline.interpretation.pipedaSaturdayValid'),
          },
        ],
      })
    },
  },
  'qc-privacy': {
    name: 'Quebec private-sector Act, s.32',
    holidays: { kind: 'company', defaultCode: 'CA-QC', only: 'CA' },
    restartOnIdentity: never,
    pauseForIdentity: never,
    pauseForClarification: never,
    rules: (type) => {
      // s.32: 30 days from receipt for a request for access (portability, s.27 third paragraph, is
      // part of it) or rectification; silence is a refusal.
      const roll: RollRule = { kind: 'weekend-and-holidays' }
      if (type !== 'access' && type !== 'rectification' && type !== 'portability') {
        return noStatutoryPeriod({
          period: days(30),
          roll,
          label: 'Benchmark: 30 days, as Quebec’s Act gives for access and rectification (s.32); not a statutory period for this request',
          notes: ['Quebec’s Act sets a period only for requests for access and rectification (s.32).'],
        })
      }
      return plain({
        due: { period: days(30), roll, citation: 'Quebec Interpretation Act, by analogy' },
        notes: [
          'No answer within 30 days counts as a refusal (s.32); you may then ask the Commission d’accès à l’information to examine the disagreement within 30 days (s.43).',
          'The Act sets no extension.',
        ],
      })
    },
  },
  'ch-fadp': {
    name: 'Swiss FADP, Art. 18 DSV',
    holidays: { kind: 'company', defaultCode: 'CH', only: 'CH' },
    restartOnIdentity: never,
    pauseForIdentity: never,
    pauseForClarification: never,
    rules: (type) => {
      // Art. 18 DSV gives 30 days for access; Art. 22 DSV applies it to data portability (Art. 28 FADP).
      if (type !== 'access' && type !== 'portability') {
        return noStatutoryPeriod({
          period: days(30),
          roll: weekendAndHolidays,
          label: 'Benchmark: 30 days, as the FADP gives for access (Art. 18 DSV); not a statutory period for this request',
          notes: ['The FADP and its ordinance set no period for this request; the company must act without undue delay.'],
        })
      }
      return plain({
        due: { period: days(30), roll: weekendAndHolidays, citation: 'Art. 77-78 CO and SR 173.110.3' },
        extensionNotice: true,
        notes: [
          ...(type === 'portability' ? ['The 30 days of Art. 18 DSV apply to data portability by Art. 22 DSV.'] : []),
          'There is no fixed extension: within the 30 days the company must say by when it will answer (Art. 18(2) DSV).',
        ],
      })
    },
  },
  'hk-pdpo': {
    name: 'Hong Kong PDPO, s.19(1)',
    holidays: { kind: 'fixed', code: 'HK' },
    restartOnIdentity: never,
    pauseForIdentity: (s) => s.hkPauseForIdentity,
    pauseForClarification: never,
    rules: (type, s) => {
      const roll: RollRule = { kind: 'sunday-and-holidays', saturday: false, extraDays: s.hkWeatherDays }
      // The Ordinance's 40 days are for a data access request (s.19) and a data correction request (s.23).
      if (type !== 'access' && type !== 'rectification') {
        return noStatutoryPeriod({
          period: days(40),
          roll,
          label: 'Benchmark: 40 days, as the PDPO gives for data access and correction requests; not a statutory period for this request',
          notes: ['The PDPO sets periods only for data access requests (s.19) and data correction requests (s.23).'],
        })
      }
      return plain({
        due: { period: days(40), roll, citation: 'Interpretation and General Clauses Ordinance s.71' },
        extensionNotice: true,
        notes: [
          type === 'rectification'
            ? 'A data correction request must be complied with not later than 40 days after receiving it (s.23(1)); there is no fixed extension: before day 40 the company must say in writing why it cannot comply and comply as far as it can (s.23(2)).'
            : 'There is no fixed extension: before day 40 the company must say in writing why it cannot comply and comply as far as it can (s.19(2)).',
        ],
        interpretations: [
          ...(s.hkPauseForIdentity
            ? [{ setting: 'hkPauseForIdentity' as const, text: 'The wait for identity proof or the fee is paused.', message: message('deadline.interpretation.hkPauseForIdentity') }]
            : []),
          ...(s.hkWeatherDays.length > 0
            ? [
                {
                  setting: 'hkWeatherDays' as const,
                  text: `Weather warning days: ${s.hkWeatherDays.map((d) => describeDate(d)).join(', ')}.`,
                  message: message('deadline.interpretation.hkWeatherDays', { days: s.hkWeatherDays.map((date) => message('deadline.interpretation.day', { date })) }),
                },
              ]
            : []),
        ],
      })
    },
  },
  'cn-pipl': {
    name: 'PIPL, Arts. 45 and 50',
    holidays: { kind: 'fixed', code: 'CN' },
    restartOnIdentity: never,
    pauseForIdentity: never,
    pauseForClarification: never,
    rules: (_type, s) =>
      plain({
        benchmark: {
          period: days(s.cnBenchmarkDays),
          roll: { kind: 'weekend-and-holidays', makeUpWorkdays: true },
          label: `GB/T 35273-2020 §8.7 benchmark (${s.cnBenchmarkDays} days, not binding)`,
        },
        notes: ['The PIPL sets no period: the company must act promptly (及时, Art. 45) and give reasons for a refusal (Art. 50).'],
        interpretations: [
          {
            setting: 'cnBenchmarkDays',
            text: `The recommended national standard's ${s.cnBenchmarkDays} days are shown as a benchmark only.`,
            message: message('deadline.interpretation.cnBenchmarkDays', { count: s.cnBenchmarkDays }),
          },
        ],
      }),
  },
  'jp-appi': {
    name: 'APPI, Arts. 33 and 39',
    holidays: { kind: 'fixed', code: 'JP' },
    restartOnIdentity: never,
    pauseForIdentity: never,
    pauseForClarification: never,
    rules: () =>
      plain({
        milestones: [
          {
            period: days(14),
            roll: weekendAndHolidays,
            label: 'Two weeks have passed: a lawsuit may be filed from this day (Art. 39)',
            dayAfter: true,
          },
        ],
        notes: ['The APPI sets no period: disclosure is due without delay (遅滞なく, Art. 33(2)).'],
      }),
  },
  'au-privacy': {
    name: 'Australian Privacy Act, APP 12.4(a)',
    holidays: { kind: 'company', defaultCode: 'AU', only: 'AU' },
    restartOnIdentity: never,
    pauseForIdentity: never,
    pauseForClarification: never,
    rules: (_type, s) =>
      plain({
        due: { period: days(30), roll: weekendAndHolidays, citation: 'Acts Interpretation Act 1901 s.36' },
        notes: s.auAgency
          ? []
          : ['An organisation must answer within "a reasonable period"; the OAIC says this should generally not exceed 30 calendar days.'],
        interpretations: [
          {
            setting: 'auAgency',
            text: s.auAgency ? 'An agency: 30 days are binding.' : 'An organisation: 30 days as the OAIC’s guide to a reasonable period.',
            message: message(s.auAgency ? 'deadline.interpretation.auAgency' : 'deadline.interpretation.auOrganisation'),
          },
        ],
      }),
  },
}

export function regimeName(law: Law): string {
  return regimes[law].name
}

/** EU and EEA member states, for the postal assumptions. */
const europeanUnion = new Set([
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
])

function isWorkingDay(date: PlainDate, calendar: HolidayCalendar): boolean {
  if (calendar.isMakeUpWorkday(date)) return true
  const weekday = dayOfWeek(date)
  return weekday !== 0 && weekday !== 6 && !calendar.holidayOn(date)
}

/** Why a day cannot be a last day under the rule, or null when it can. */
function blocked(date: PlainDate, rule: RollRule, calendar: HolidayCalendar): string | null {
  switch (rule.kind) {
    case 'none':
      return null
    case 'weekend-and-holidays': {
      if (rule.makeUpWorkdays && calendar.isMakeUpWorkday(date)) return null
      const weekday = dayOfWeek(date)
      return calendar.holidayOn(date) ?? (weekday === 0 || weekday === 6 ? weekdayNames[weekday]! : null)
    }
    case 'sunday-and-holidays': {
      const weekday = dayOfWeek(date)
      if (rule.extraDays.includes(date)) return weatherWarningDay
      return calendar.holidayOn(date) ?? (weekday === 0 || (weekday === 6 && rule.saturday) ? weekdayNames[weekday]! : null)
    }
    default:
      return assertNever(rule)
  }
}

/** The reason a Hong Kong weather day gives (a gale or black rainstorm warning, Cap. 1 s.71(2)). */
const weatherWarningDay = 'weather warning day'

type Skipped = { date: PlainDate; reason: string; names?: HolidayNames; weather?: true }
type Rolled = { date: PlainDate; skipped: ReadonlyArray<Skipped> }

export function roll(date: PlainDate, rule: RollRule, calendar: HolidayCalendar): Rolled {
  const skipped: Skipped[] = []
  let current = date
  for (let guard = 0; guard < 60; guard += 1) {
    const reason = blocked(current, rule, calendar)
    if (!reason) return { date: current, skipped }
    // A holiday's names in every UI language, for the explanation's messages.
    const names = reason === calendar.holidayOn(current) ? calendar.holidayNames?.(current) : null
    skipped.push(reason === weatherWarningDay ? { date: current, reason, weather: true } : names ? { date: current, reason, names } : { date: current, reason })
    current = addDays(current, 1)
  }
  return { date: current, skipped }
}

function addBusinessDays(start: PlainDate, count: number, calendar: HolidayCalendar): PlainDate {
  let current = start
  for (let counted = 0; counted < count;) {
    current = addDays(current, 1)
    if (isWorkingDay(current, calendar)) counted += 1
  }
  return current
}

type Counted = { date: PlainDate; clamped: boolean }

function count(start: PlainDate, period: Period, extraDays: number, calendar: HolidayCalendar): Counted {
  switch (period.unit) {
    case 'months': {
      const result = addMonths(start, period.count)
      return { date: addDays(result.date, extraDays), clamped: result.clamped }
    }
    case 'days':
      return { date: addDays(start, period.count + extraDays), clamped: false }
    case 'business-days':
      return { date: addBusinessDays(addDays(start, extraDays), period.count, calendar), clamped: false }
    default:
      return assertNever(period.unit)
  }
}

function ordinal(n: number): string {
  const suffix = n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'
  return `${n}${suffix}`
}

function describePeriod(period: Period, calendar: HolidayCalendar): string {
  switch (period.unit) {
    case 'months':
      return period.count === 1 ? 'One month' : `${period.count} months`
    case 'days':
      return `${period.count} days`
    case 'business-days':
      // The place as English says it ("in the Netherlands"), from the same message as every language.
      return renderMessage(periodMessage(period, calendar))
    default:
      return assertNever(period.unit)
  }
}

function describeCount(start: PlainDate, period: Period, extra: number, counted: Counted, calendar: HolidayCalendar): string {
  const pause = extra > 0 ? `, plus ${extra} paused ${extra === 1 ? 'day' : 'days'},` : ''
  const base = `${describePeriod(period, calendar)} after ${describeDate(start)}${pause} is ${describeDate(counted.date)}`
  if (!counted.clamped) return `${base}.`
  const day = Number(start.slice(8, 10))
  const month = describeDate(addMonths(start, period.count).date).split(' ')[1]
  return `${base}, because ${month} has no ${ordinal(day)}: the period ends on the month's last day.`
}

function describeRoll(rolled: Rolled, citation: string): string {
  if (rolled.skipped.length === 0) return ''
  const reasons = rolled.skipped
    .map((s) =>
      (weekdayNames as ReadonlyArray<string>).includes(s.reason)
        ? describeDate(s.date, true)
        : `${describeDate(s.date, true)} (${s.reason})`,
    )
    .join(', ')
  return ` That is not a day a period can end on: ${reasons}. So it moves to ${describeDate(rolled.date, true)} (${citation}).`
}

function resolveCalendar(regime: Regime, companyJurisdiction: Jurisdiction | null): HolidayCalendar {
  const { holidays } = regime
  if (holidays.kind === 'fixed') return holidayCalendar(parseJurisdiction(holidays.code))
  if (holidays.canadianFederal) return withCanadianFederalHolidays(provincialCalendar(holidays, companyJurisdiction))
  return provincialCalendar(holidays, companyJurisdiction)
}

function provincialCalendar(holidays: Extract<Regime['holidays'], { kind: 'company' }>, companyJurisdiction: Jurisdiction | null): HolidayCalendar {
  if (companyJurisdiction && (!holidays.only || holidays.only === companyJurisdiction.country)) {
    if (holidays.defaultCode && !companyJurisdiction.region && holidays.defaultCode.startsWith(`${companyJurisdiction.country}-`)) {
      return holidayCalendar(parseJurisdiction(holidays.defaultCode))
    }
    return holidayCalendar(companyJurisdiction)
  }
  return holidayCalendar(holidays.defaultCode ? parseJurisdiction(holidays.defaultCode) : null)
}

const isWeekdayName = (reason: string) => (weekdayNames as ReadonlyArray<string>).includes(reason)

const laterOf = (a: PlainDate, b: PlainDate) => (comparePlainDates(a, b) >= 0 ? a : b)

/**
 * A law's rules for a request type under `settings`, made once per settings object (the rules
 * are plain data of those two), so that a list of thousands of requests does not rebuild them.
 */
const rulesCache = new WeakMap<DeadlineSettings, Map<string, RegimeResult>>()
function rulesOf(law: Law, regime: Regime, type: RequestType, settings: DeadlineSettings): RegimeResult {
  let byLaw = rulesCache.get(settings)
  if (!byLaw) {
    byLaw = new Map()
    rulesCache.set(settings, byLaw)
  }
  const key = `${law} ${type}`
  let rules = byLaw.get(key)
  if (!rules) {
    rules = regime.rules(type, settings)
    byLaw.set(key, rules)
  }
  return rules
}

/** Counts a request's deadlines. Throws UNKNOWN_COUNTRY for a jurisdiction the holiday data lacks. */
export function computeDeadline(
  input: DeadlineInput,
  settings: DeadlineSettings = defaultDeadlineSettings,
  options: { explain?: boolean } = {},
): Deadline {
  const explain = options.explain ?? true
  const regime = regimes[input.law]
  const company = input.jurisdiction ? parseJurisdiction(input.jurisdiction) : null
  const calendar = resolveCalendar(regime, company)
  const rules = rulesOf(input.law, regime, input.type, settings)
  const steps: DeadlineStep[] = []
  /** Records a step; its words are only built when an explanation is wanted (lists skip them). */
  const say = (kind: DeadlineStep['kind'], date: PlainDate | null, text: () => string, parts: () => ReadonlyArray<Message>) => {
    if (explain) steps.push({ kind, date, text: text(), parts: parts() })
  }

  // 1. The day of receipt: the start of every count.
  let received: PlainDate
  let receivedEarliest: PlainDate | null = null
  const receipt = input.receipt
  switch (receipt.kind) {
    case 'received':
      received = receipt.on
      say('start', received, () => `The company received the request on ${describeDate(received, true)}; that day itself is not counted.`, () => [message('deadline.received', { receivedDay: received })])
      break
    case 'email': {
      const zone = receipt.at ? timeZoneOf(company) : null
      received = receipt.at && zone ? plainDateOf(new Date(receipt.at), zone) : receipt.on
      const shifted = received !== receipt.on
      say('start', received, () =>
        shifted
          ? `The e-mail was sent on ${describeDate(receipt.on)}, which was already ${describeDate(received, true)} where the company is (${zone}); the clock starts from the company's day, which is not counted itself.`
          : `An e-mail reaches the company the day it is sent: ${describeDate(received, true)}; that day itself is not counted.`,
        () => [shifted ? message('deadline.emailShifted', { sent: receipt.on, receivedDay: received, zone: zone ?? '' }) : message('deadline.email', { receivedDay: received })],
      )
      break
    }
    case 'post': {
      const recipientCountry = company?.country ?? null
      const sender = receipt.senderCountry
      const [fewest, most] =
        sender && recipientCountry && sender === recipientCountry
          ? settings.postDomesticDays
          : sender && recipientCountry && europeanUnion.has(sender) && europeanUnion.has(recipientCountry)
            ? settings.postEuDays
            : settings.postInternationalDays
      const postCalendar = company ? holidayCalendar(company) : calendar
      const earliest = addBusinessDays(receipt.postedOn, fewest, postCalendar)
      const latest = addBusinessDays(receipt.postedOn, most, postCalendar)
      receivedEarliest = earliest
      received = latest
      say(
        'start',
        latest,
        () =>
          `The letter was posted on ${describeDate(receipt.postedOn)}. The clock starts when the company receives it, which is not yet known: typically ${fewest} to ${most} working days, so between ${describeDate(earliest)} and ${describeDate(latest)}. Rightful counts from the later day, the safe one for calling an answer late; record the delivery date when you know it.`,
        () => [message('deadline.post', { posted: receipt.postedOn, fewest, most, earliest, latest })],
      )
      break
    }
    default:
      return assertNever(receipt)
  }

  // 2. Restarts (UK: identity information) and pauses.
  let clockStart: PlainDate | null = received
  let pausedDays = 0
  let pausedSince: PlainDate | null = null
  if (regime.restartOnIdentity(settings)) {
    for (const episode of input.identity ?? []) {
      if (episode.providedOn === null) {
        clockStart = null
        say(
          'restart',
          episode.requestedOn,
          () =>
            `On ${describeDate(episode.requestedOn)} the company asked for information to confirm your identity: the month starts only once it has received it.`,
          () => [message('deadline.identityAsked', { date: episode.requestedOn })],
        )
      } else if (clockStart) {
        const next = laterOf(clockStart, episode.providedOn)
        if (next !== clockStart) {
          say(
            'restart',
            next,
            () => `The company asked for identity information; you provided it on ${describeDate(next)}, so the month runs from that day.`,
            () => [message('deadline.identityProvided', { date: next })],
          )
          clockStart = next
        }
      }
    }
  }
  const pauses = [
    ...(regime.pauseForIdentity(settings)
      ? (input.identity ?? []).map((e) => ({ from: e.requestedOn, to: e.providedOn, what: 'identity information', whatKey: 'identity' }))
      : []),
    ...(regime.pauseForClarification(settings)
      ? (input.clarifications ?? []).map((e) => ({ from: e.askedOn, to: e.answeredOn, what: 'a clarification', whatKey: 'clarification' }))
      : []),
  ]
  for (const pause of pauses) {
    if (pause.to === null) {
      pausedSince = pausedSince ? laterOf(pausedSince, pause.from) : pause.from
      say(
        'pause',
        pause.from,
        () => `Since ${describeDate(pause.from)} the clock is stopped while the company waits for ${pause.what} from you.`,
        () => [message(`deadline.pausedSince.${pause.whatKey}`, { date: pause.from })],
      )
    } else {
      const to = pause.to
      const length = Math.max(0, daysBetween(pause.from, to) + 1)
      pausedDays += length
      say(
        'pause',
        to,
        () =>
          `The clock stood still for ${length} ${length === 1 ? 'day' : 'days'} while the company waited for ${pause.what} (${describeDate(pause.from)} to ${describeDate(to)}, both days counted).`,
        () => [message(`deadline.pausedFor.${pause.whatKey}`, { count: length, from: pause.from, to })],
      )
    }
  }

  // 3. The law's own dates, from the clock start.
  const running = clockStart !== null && pausedSince === null
  const at = (spec: { period: Period; roll: RollRule }, start: PlainDate) => {
    const counted = count(start, spec.period, pausedDays, calendar)
    return { counted, rolled: roll(counted.date, spec.roll, calendar) }
  }

  let due: PlainDate | null = null
  let dueStrict: PlainDate | null = null
  let dueEarliest: PlainDate | null = null
  let extendedDue: PlainDate | null = null
  let acknowledgeBy: PlainDate | null = null
  let benchmark: Deadline['benchmark'] = null
  const milestones: Array<{ date: PlainDate; label: string }> = []

  const start = running ? clockStart : null
  const paused = pausedDays
  if (rules.due && start) {
    const spec = rules.due
    const { counted, rolled } = at(spec, start)
    due = rolled.date
    say(
      'due',
      due,
      () => describeCount(start, spec.period, paused, counted, calendar) + describeRoll(rolled, spec.citation),
      () => [countMessage(start, spec.period, paused, counted, calendar, addMonths(start, spec.period.count).date.slice(0, 7)), ...rollMessages(rolled, spec.citation, isWeekdayName)],
    )
    if (rules.strictToo && counted.date !== rolled.date) {
      const strict = counted.date
      dueStrict = strict
      say(
        'strict',
        strict,
        () =>
          `Read strictly, without moving past non-working days, the last day is ${describeDate(strict, true)}; a careful company answers by then.`,
        () => [message('deadline.strict', { strictDay: strict })],
      )
    }
    const earliest = receivedEarliest
    if (earliest && start === received) {
      const early = at(spec, earliest).rolled.date
      dueEarliest = early
      if (early !== due) {
        say(
          'due',
          early,
          () => `Had the letter arrived on ${describeDate(earliest)}, the deadline would be ${describeDate(early, true)}.`,
          () => [message('deadline.hadArrived', { arrived: earliest, dueDay: early })],
        )
      }
    }
  } else if (rules.due && !running) {
    say('due', null, () => 'While the clock is not running there is no deadline yet; it follows once you have answered.', () => [message('deadline.notRunning')])
  }

  if (rules.extended && rules.due && start && due) {
    const spec = rules.extended
    const citation = rules.due.citation
    const noticeBy = due
    const { counted, rolled } = at(spec, start)
    extendedDue = rolled.date
    say(
      'extended',
      extendedDue,
      () =>
        `If the company extends the period, which it must tell you with reasons by ${describeDate(noticeBy)}, the longer period is counted again from the same start: ${describeCount(start, spec.period, paused, counted, calendar).replace(/^./, (c) => c.toLowerCase())}${describeRoll(rolled, citation)}`,
      () => [
        message('deadline.extended', { noticeBy, count: countMessage(start, spec.period, paused, counted, calendar, addMonths(start, spec.period.count).date.slice(0, 7)) }),
        ...rollMessages(rolled, citation, isWeekdayName),
      ],
    )
  }

  if (rules.acknowledge && clockStart) {
    const period = rules.acknowledge
    const by = addBusinessDays(clockStart, period.count, calendar)
    acknowledgeBy = by
    say(
      'acknowledge',
      by,
      () =>
        `The company must confirm receipt and say how it will handle the request within ${describePeriod(period, calendar)}: by ${describeDate(by, true)}.`,
      () => [message('deadline.acknowledge', { period: periodMessage(period, calendar), byDay: by })],
    )
  }

  if (rules.benchmark && start) {
    const { label } = rules.benchmark
    const { rolled } = at(rules.benchmark, start)
    benchmark = { date: rolled.date, label }
    say('benchmark', rolled.date, () => `${label}: ${describeDate(rolled.date, true)}.`, () => [message('deadline.labelled', { label: regimeTextMessage(label), dateDay: rolled.date })])
  }

  for (const milestone of rules.milestones) {
    if (!clockStart) continue
    const { rolled } = at(milestone, clockStart)
    const date = milestone.dayAfter ? addDays(rolled.date, 1) : rolled.date
    milestones.push({ date, label: milestone.label })
    say('milestone', date, () => `${milestone.label}: ${describeDate(date, true)}.`, () => [message('deadline.labelled', { label: regimeTextMessage(milestone.label), dateDay: date })])
  }

  for (const note of rules.notes) say('note', null, () => note, () => [regimeTextMessage(note)])
  const year = Number((due ?? received).slice(0, 4))
  say('note', null, () =>
    calendar.label
      ? holidaysMessages(calendar, calendar.caveat(year)).map((m) => renderMessage(m)).join(' ')
      : 'The company’s country is not known, so only Saturdays and Sundays are skipped; add its postal address for its public holidays.',
    () => holidaysMessages(calendar, calendar.label ? calendar.caveat(year) : null),
  )

  const extension = input.extension ?? null
  // A claim counts only where the law lets the company extend, and only when its notice came by the
  // unextended date: a late notice, or one under a law without extensions, leaves the date as it was.
  const extensionAllowed = rules.extensionNotice ?? rules.extended !== null
  const honoured = extension !== null && (due === null || (extensionAllowed && comparePlainDates(extension.claimedOn, due) <= 0))
  const effectiveDue = honoured ? (extendedDue ?? extension.until ?? due) : due

  return {
    law: input.law,
    regime: regime.name,
    received,
    receivedEarliest,
    clockStart,
    paused: { days: pausedDays, since: pausedSince },
    due,
    dueStrict,
    dueEarliest,
    extendedDue,
    acknowledgeBy,
    extensionNoticeBy: (rules.extensionNotice ?? rules.extended !== null) ? due : null,
    effectiveDue,
    benchmark,
    milestones,
    interpretations: rules.interpretations,
    holidayCalendar: calendar.label,
    steps,
    explanation: steps.map((s) => s.text).join(' '),
  }
}

/** A compact key that is equal exactly when two inputs give the same deadline (for caches). */
export function deadlineKey(input: DeadlineInput): string {
  const receipt = input.receipt
  const start = receipt.kind === 'post' ? `post:${receipt.postedOn}:${receipt.senderCountry ?? ''}` : receipt.kind === 'email' ? `email:${receipt.on}:${receipt.at ?? ''}` : `received:${receipt.on}`
  const identity = (input.identity ?? []).map((e) => `${e.requestedOn}>${e.providedOn ?? ''}`).join(',')
  const clarifications = (input.clarifications ?? []).map((e) => `${e.askedOn}>${e.answeredOn ?? ''}`).join(',')
  const extension = input.extension ? `${input.extension.claimedOn}>${input.extension.until ?? ''}` : ''
  return `${input.law}|${input.type}|${input.jurisdiction ?? ''}|${start}|${identity}|${clarifications}|${extension}`
}
