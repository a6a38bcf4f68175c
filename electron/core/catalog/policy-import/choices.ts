/**
 * What the user chose when saving a company from its policy (which contacts to keep, the name,
 * the id): the schema the API contract checks `catalog:savePolicy` with and proposalToCompany
 * (to-company.ts) applies. Apart from to-company.ts so that loading the contract does not build
 * the policy reader's patterns.
 */
import { z } from 'zod'
import { countryCodeSchema, emailPurposes, plainDateSchema } from '../schema'

export const companyChoicesSchema = z.strictObject({
  /** The record's slug; derived from the name when absent. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'Use lower-case letters, digits and hyphens, e.g. "fs-com".').max(100).optional(),
  /** The name as the user edited it; the proposed name when absent. */
  name: z.string().trim().min(1).max(200).optional(),
  /** Privacy addresses to keep (the proposed ones when absent). */
  privacyEmails: z.array(z.string()).optional(),
  /** Other addresses to keep, optionally with a changed purpose (all proposed ones when absent). */
  otherEmails: z.array(z.union([z.string(), z.strictObject({ address: z.string(), purpose: z.enum(emailPurposes) })])).optional(),
  /** Postal addresses to keep, by their index in the proposal, with corrections (the company's when absent). */
  postalAddresses: z
    .array(
      z.strictObject({
        index: z.number().int().nonnegative(),
        recipient: z.string().trim().min(1).max(200).optional(),
        lines: z.array(z.string().trim().min(1).max(200)).min(1).max(8).optional(),
        country: countryCodeSchema.optional(),
      }),
    )
    .optional(),
  /** Numbers to keep, as the proposal writes them (all when absent). */
  phones: z.array(z.string()).optional(),
  keepSubjectRule: z.boolean().default(true),
  keepDeletion: z.boolean().default(true),
  keepMinAge: z.boolean().default(true),
  domains: z.array(z.string().trim().toLowerCase().min(3)).optional(),
  website: z.url().nullable().optional(),
  /** The policy as a source document: where it is, its title, and the date of the copy. */
  source: z
    .strictObject({
      id: z.string().min(1).max(100).optional(),
      title: z.string().min(1).max(300).optional(),
      url: z.url().optional(),
      archivedOn: plainDateSchema.nullable().optional(),
      /** The day Rightful fetched the policy from its address ("Learn from a web address"). */
      retrievedOn: plainDateSchema.optional(),
    })
    .optional(),
})
export type CompanyChoices = z.input<typeof companyChoicesSchema>
