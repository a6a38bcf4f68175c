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
