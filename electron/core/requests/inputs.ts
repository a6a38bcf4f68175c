/**
 * What a request is written and edited from, as the contract takes it: the new request
 * (requests:create) and the edited draft (requests:updateDraft). Pure (zod and the vocabulary
 * only), so the window's forms check with the same schemas before anything is sent.
 */
import { z } from 'zod'
import { profileSchema } from '../profile/profile'
import { laws, requestTypes } from '../shared/kinds'
import { channels, languageSchema, referenceSchema } from './model'

/** The longest identifiers (account or customer numbers, one per line) a request carries. */
export const maxIdentifiersLength = 2000
/** The longest own words of a request (a custom request's text, a correction, an objection). */
export const maxRequestTextLength = 20_000

/** A new request: to whom, of which kind, under which law, in which language, with what. */
export const createRequestInputSchema = z.strictObject({
  companyId: z.string().min(1).max(200),
  type: z.enum(requestTypes),
  law: z.enum(laws),
  lang: languageSchema,
  /** Use these details instead of the stored profile (the CLI's --profile). */
  profile: profileSchema.optional(),
  /** Account or customer numbers that identify the user to this company, one per line. */
  identifiers: z.string().max(maxIdentifiersLength).nullable().optional(),
  /** A custom request's own words. */
  text: z.string().max(maxRequestTextLength).nullable().optional(),
  /** How it will go out (the text fits it: a letter never says it was sent electronically). */
  channel: z.enum(channels).optional(),
})

/** The longest subject line a draft may have. */
export const maxSubjectLength = 250

/** A draft's subject and text as the user edited them. */
export const draftEditInputSchema = z.strictObject({
  reference: referenceSchema,
  subject: z
    .string()
    .trim()
    .min(1, 'The subject line cannot be empty.')
    .max(maxSubjectLength, 'Keep the subject line under 250 characters.')
    .refine((s) => !/[\r\n]/.test(s), 'The subject line must be a single line.'),
  body: z.string().trim().min(1, 'The text cannot be empty.').max(100_000),
})
