/**
 * The user's word on an imported reply (replies:confirm): the request it answers and/or what it
 * is. Pure (zod and the vocabulary only), so the reply card checks with the same schema.
 */
import { z } from 'zod'
import { realDateSchema } from '../shared/schemas'
import { referenceSchema } from '../requests/model'
import { replyKinds } from './rules'

/** A reply's id as Rightful gives it ("rp-" and 12 hex digits). */
export const replyIdSchema = z.string().regex(/^rp-[0-9a-f]{12}$/, 'Not a reply id.')

/** A reply confirmed: the request it answers (for one not on a timeline yet) and/or its kind. */
export const confirmReplyInputSchema = z.strictObject({
  replyId: replyIdSchema,
  reference: referenceSchema.optional(),
  kind: z.enum(replyKinds).optional(),
  /** 'extension-claimed': the date the company named. */
  until: realDateSchema.nullable().optional(),
})
