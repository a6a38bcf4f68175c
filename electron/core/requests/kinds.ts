/**
 * The request vocabulary as plain lists: the kinds of request, the laws and the languages. Free of
 * imports, so the renderer's pure modules (law proposal, rights) can use it; model.ts re-exports it.
 */

export const requestTypes = [
  'access',
  'erasure',
  'rectification',
  'restriction',
  'portability',
  'objection',
  'withdraw-consent',
  /** Art. 22 GDPR: a person's review of an automated decision, the chance to be heard and to contest it. */
  'automated-decision',
  'opt-out',
  'limit',
  'reminder',
  /**
   * A follow-up to an access request that was answered in part: names the items the law requires
   * that did not come, and the period that still runs. A kind of reminder, with its own letter.
   */
  'incomplete-answer',
  'complaint',
  'custom',
] as const
export type RequestType = (typeof requestTypes)[number]

/** The kinds that follow up an earlier request instead of starting one. */
export const followUpTypes = ['reminder', 'incomplete-answer', 'complaint'] as const
export type FollowUpType = (typeof followUpTypes)[number]

/** Whether a kind of request follows up an earlier one (a reminder, an incomplete-answer letter, a complaint). */
export function isFollowUpType(type: string): type is FollowUpType {
  return (followUpTypes as ReadonlyArray<string>).includes(type)
}

/** The laws Rightful counts deadlines for; templates say which of them they cover. */
export const laws = [
  'gdpr',
  'uk-gdpr',
  'ccpa',
  'vcdpa',
  'cpa-co',
  'ctdpa',
  /** The Texas Data Privacy and Security Act (Tex. Bus. & Com. Code ch. 541), in force since 1 July 2024. */
  'tdpsa',
  'lgpd',
  'pipeda',
  /** Quebec's Act respecting the protection of personal information in the private sector (CQLR c. P-39.1), as amended by Law 25. */
  'qc-privacy',
  'ch-fadp',
  'hk-pdpo',
  'cn-pipl',
  'jp-appi',
  'au-privacy',
] as const
export type Law = (typeof laws)[number]

/**
 * The languages Rightful writes letters in, as BCP 47 tags: Chinese by script, simplified for the
 * mainland (PIPL) and traditional for Hong Kong (PDPO).
 */
export const languages = ['en', 'de', 'fr', 'es', 'pt', 'ja', 'zh-Hans', 'zh-Hant'] as const
export type Language = (typeof languages)[number]

/**
 * Older names of a language still accepted wherever a language comes in (requests, settings and
 * user templates saved before, a CLI flag): "zh" was Rightful's simplified Chinese. A value that is
 * no language at all is returned as it is, for the schema to reject.
 */
export function normalizeLanguage(value: unknown): unknown {
  return value === 'zh' ? 'zh-Hans' : value
}

/** Whether a value names a language Rightful writes in (after normalizeLanguage). */
export function isLanguage(value: unknown): value is Language {
  return (languages as ReadonlyArray<unknown>).includes(value)
}
