/** What the settings screen says about each interpretation. Pure: the renderer imports it. */
import type { DeadlineSettings } from './settings'

/** What the settings screen says about each one. */
export const deadlineSettingInfo: Record<keyof DeadlineSettings, { label: string; basis: string; verified: boolean }> = {
  gdprPauseForIdentity: {
    label: 'GDPR: pause the month while the company waits for identity information',
    basis: 'EDPB Guidelines 01/2022 §159 say there "may be" a suspension; Art. 12(3) has no such rule. Off: the stricter date.',
    verified: false,
  },
  gdprPauseForClarification: {
    label: 'GDPR: pause the month while the company waits for a clarification',
    basis: 'EDPB Guidelines 01/2022 §159 and Recital 63. Off: the stricter date.',
    verified: false,
  },
  ccpaRollOver: {
    label: 'CCPA: move a deadline on a Saturday, Sunday or holiday to the next day',
    basis: 'Code of Civil Procedure §12a applies to "any … regulation" (inference). The strict date is shown as well.',
    verified: false,
  },
  vaCtRollOver: {
    label: 'Virginia and Connecticut: move a deadline on a non-working day',
    basis: 'No rule found; off by default.',
    verified: false,
  },
  lgpdSmallAgent: {
    label: 'LGPD: the company is a small processing agent (30 days instead of 15)',
    basis: 'Resolution CD/ANPD 2/2022.',
    verified: false,
  },
  pipedaSaturdayIsHoliday: {
    label: 'PIPEDA: treat Saturday as a holiday',
    basis: 'Interpretation Act s.35 does not list Saturday; some provinces do.',
    verified: false,
  },
  hkPauseForIdentity: {
    label: 'Hong Kong: pause the 40 days while identity proof or the fee is outstanding',
    basis: 'PDPO s.20(1)(a) and s.28(5); the PCPD view was not found. Off by default.',
    verified: false,
  },
  hkWeatherDays: {
    label: 'Hong Kong: gale (signal No. 8) and black-rainstorm warning days',
    basis: 'Interpretation and General Clauses Ordinance s.71: such a last day moves to the next day.',
    verified: true,
  },
  auAgency: {
    label: 'Australia: the company is a government agency',
    basis: 'APP 12.4(a): agencies 30 days; organisations "a reasonable period", in practice 30 days (OAIC).',
    verified: false,
  },
  cnBenchmarkDays: {
    label: 'China: days of the GB/T 35273-2020 benchmark (not binding)',
    basis: 'GB/T 35273-2020 §8.7, a recommended standard: answer within 30 days.',
    verified: false,
  },
  postDomesticDays: {
    label: 'Post within one country: working days to deliver',
    basis: 'Typical first-class delivery; a tracked letter records the real date.',
    verified: false,
  },
  postEuDays: {
    label: 'Post between EU countries: working days to deliver',
    basis: 'Typical cross-border delivery.',
    verified: false,
  },
  postInternationalDays: {
    label: 'Post between continents: working days to deliver',
    basis: 'Typical international delivery.',
    verified: false,
  },
}
