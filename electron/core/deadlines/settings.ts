/**
 * The counting rules that are interpretations rather than settled law (the [M] and open points of
 * law-reference.md §5). Each is a setting with the default the reference names; the UI marks them
 * as interpretations. Pure: shared with the renderer.
 */
import { z } from 'zod'

const dayRange = z.tuple([z.number().int().min(0).max(60), z.number().int().min(0).max(60)]).refine(([a, b]) => a <= b, 'The first number cannot exceed the second.')

export const deadlineSettingsSchema = z.strictObject({
  /** GDPR: stop the clock while the company waits for identity information (EDPB: "may be"). */
  gdprPauseForIdentity: z.boolean().default(false),
  /** GDPR: stop the clock while the company waits for a justified clarification (Recital 63). */
  gdprPauseForClarification: z.boolean().default(false),
  /** CCPA: move a 45- or 90-day date past Saturdays, Sundays and holidays (CCP §12a). */
  ccpaRollOver: z.boolean().default(true),
  /** Virginia and Connecticut: move a last day that is not a working day. */
  vaCtRollOver: z.boolean().default(false),
  /** LGPD: the company is a small processing agent (double time, Res. CD/ANPD 2/2022). */
  lgpdSmallAgent: z.boolean().default(false),
  /** PIPEDA: treat Saturday as a holiday (the province's rules may; the federal list does not). */
  pipedaSaturdayIsHoliday: z.boolean().default(false),
  /** Hong Kong: stop the 40 days while identity proof or the fee is outstanding. */
  hkPauseForIdentity: z.boolean().default(false),
  /** Hong Kong: typhoon signal No. 8 or black-rainstorm days, which also move a last day. */
  hkWeatherDays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
  /** Australia: the company is an agency (30 days binding) rather than an organisation. */
  auAgency: z.boolean().default(false),
  /** China: the non-binding GB/T 35273-2020 §8.7 benchmark, in days. */
  cnBenchmarkDays: z.number().int().min(1).max(90).default(30),
  /** Working days a letter takes, [fewest, most]: within one country, within the EU, otherwise. */
  postDomesticDays: dayRange.default([1, 3]),
  postEuDays: dayRange.default([3, 5]),
  postInternationalDays: dayRange.default([5, 10]),
})
export type DeadlineSettings = z.infer<typeof deadlineSettingsSchema>

export const defaultDeadlineSettings: DeadlineSettings = deadlineSettingsSchema.parse({})

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
