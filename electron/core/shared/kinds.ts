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
  /** A reply to a company's demand for identity documents: what the law lets it ask for, and no more. */
  'identity-pushback',
  /** A reply to an extension the company claimed late or without reasons. */
  'extension-contest',
  'complaint',
  'custom',
] as const
export type RequestType = (typeof requestTypes)[number]

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

/**
 * The kinds of request that follow another one up and go to the same company: they are written
 * from the request they follow (its reference, dates and events), never started on their own.
 */
export const companyFollowUpTypes = ['reminder', 'incomplete-answer', 'identity-pushback', 'extension-contest'] as const
export type CompanyFollowUpType = (typeof companyFollowUpTypes)[number]

/** Every kind that follows a request up: to the company, or the complaint to an authority. */
export const followUpTypes = [...companyFollowUpTypes, 'complaint'] as const
export type FollowUpType = (typeof followUpTypes)[number]

/** Whether a kind of request follows another one up (a reminder, an incomplete-answer letter, a pushback, a contest, a complaint), and so is never started on its own. */
export function isFollowUpType(type: string): type is FollowUpType {
  return (followUpTypes as ReadonlyArray<string>).includes(type)
}

/** What can happen to a request, as the timeline records it (requests/events.ts gives each its schema). */
export const eventKinds = [
  'created',
  'sent',
  'undeliverable',
  'delivered',
  'acknowledged',
  'identity-requested',
  'identity-provided',
  'clarification-asked',
  'clarification-answered',
  'extension-claimed',
  'reply-received',
  'data-received',
  'partially-fulfilled',
  'refused',
  'completed',
  'reminder-sent',
  'complaint-filed',
  'abandoned',
] as const
export type EventKind = (typeof eventKinds)[number]
