/**
 * What learning a company from its privacy policy takes: the web address to fetch it from
 * (catalog:fetchPolicy), the text to read (catalog:extractPolicy), and what the user kept of the
 * proposal (catalog:savePolicy). Pure (zod and the vocabulary only), so the window's policy
 * forms check with the same schemas before anything is sent.
 */
import { z } from 'zod'
import { operationIdPattern } from '../../shared/operation'
import { companyIdSchema } from '../schema'
import { companyChoicesSchema } from './choices'

/** A policy longer than extractPolicy reads (maxPolicyLength), refused at the door. */
const policyTooLong = 'A policy can have at most 2,000,000 characters: keep the part about privacy and contacts.'
/** A long operation's id, chosen by the caller (see operations:cancel). */
const operationId = z.string().regex(operationIdPattern, 'Not an operation id (op-…).')
/** The ways a policy's text can be written. */
export const policyFormats = ['text', 'markdown', 'html'] as const

/** A web address to fetch a policy from. */
export const fetchPolicyInputSchema = z.strictObject({
  url: z.string().min(1).max(2048, 'A web address can have at most 2,048 characters.'),
  operation: operationId.optional(),
})

/** A pasted or opened policy to read. */
export const extractPolicyInputSchema = z.strictObject({
  text: z.string().max(2_000_000, policyTooLong),
  format: z.enum(policyFormats),
  sourceUrl: z.url().optional(),
  operation: operationId.optional(),
})

/** What the user kept of a policy's proposal, with the policy itself (read again by the core). */
export const savePolicyInputSchema = z.strictObject({
  text: z.string().max(2_000_000, policyTooLong),
  format: z.enum(policyFormats),
  sourceUrl: z.url().optional(),
  choices: companyChoicesSchema,
  /** Fold what the policy says into this company of the catalog instead of adding one. */
  into: companyIdSchema.optional(),
  /** Add it as a company of its own even though one with its domain or address exists. */
  asNew: z.boolean().optional(),
  operation: operationId.optional(),
})
