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
  'lgpd',
  'pipeda',
  'ch-fadp',
  'hk-pdpo',
  'cn-pipl',
  'jp-appi',
  'au-privacy',
] as const
export type Law = (typeof laws)[number]

export const languages = ['en', 'de', 'fr', 'es', 'zh'] as const
export type Language = (typeof languages)[number]
