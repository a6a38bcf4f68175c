/**
 * What writing a batch takes (bulk:create): one request type to many companies (a list, or a
 * pack narrowed to a country), with the sending rate. Pure (zod and the vocabulary only), so the
 * window's batch form checks with the same schema.
 */
import { z } from 'zod'
import { countryCodeSchema, languageSchema } from '../shared/schemas'
import { laws, requestTypes } from '../shared/kinds'
import { operationIdPattern } from '../shared/operation'
import { profileSchema } from '../profile/profile'
import { batchCompaniesSchema, maxRatePerMinute } from './model'

export { maxRatePerMinute }

/** A batch to write: one request of `type` per company, nothing sent yet. */
export const createBatchInputSchema = z
  .strictObject({
    companies: batchCompaniesSchema.optional(),
    pack: z.string().min(1).max(100).optional(),
    /** With `pack`: only its companies established in or serving this country. */
    country: countryCodeSchema.optional(),
    type: z.enum(requestTypes),
    law: z.enum(laws).optional(),
    lang: languageSchema.optional(),
    /** E-mails per minute at most. */
    rate: z.number().int().min(1).max(maxRatePerMinute).optional(),
    profile: profileSchema.optional(),
    /** A long operation's id, chosen by the caller (see operations:cancel). */
    operation: z.string().regex(operationIdPattern, 'Not an operation id (op-…).').optional(),
  })
  .refine((input) => (input.companies === undefined) !== (input.pack === undefined), 'Give either companies or a pack.')
  .refine((input) => input.country === undefined || input.pack !== undefined, { message: 'A country narrows a pack: give it with a pack.', path: ['country'] })
