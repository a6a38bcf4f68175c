/**
 * What Rightful proposes after reading a privacy policy: every field with the policy's own words
 * (`quote`) and where they stand (`start`/`end`, offsets into `plainText`, the text the review
 * screen shows and highlights). Nothing here is invented: a field the policy does not support is
 * empty or null, and `warnings` says why. Pure zod schemas and types: safe to import anywhere.
 */
import { z } from 'zod'
import { messageSchema } from '../../shared/message'

export const policyFormats = ['text', 'markdown', 'html'] as const
export type PolicyFormat = (typeof policyFormats)[number]

/** A passage of `plainText`: [start, end) in UTF-16 code units, as String.prototype.slice counts. */
const span = {
  quote: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
}

export const addressRoles = ['company', 'third-party', 'regulator'] as const
export type AddressRole = (typeof addressRoles)[number]

export const companyNameBases = ['self-reference', 'title', 'legal-entity', 'domain'] as const
export type CompanyNameBasis = (typeof companyNameBases)[number]

export const proposedCompanyNameSchema = z.object({
  name: z.string().min(1),
  /** How the name was found: the policy naming itself ("We at X"), its title, the legal entity of its address, or the web address. */
  basis: z.enum(companyNameBases),
  /** The passage that names it; null when the name comes from the source URL alone. */
  quote: z.string().nullable(),
  start: z.number().int().nonnegative().nullable(),
  end: z.number().int().nonnegative().nullable(),
})
export type ProposedCompanyName = z.infer<typeof proposedCompanyNameSchema>

export const proposedPrivacyEmailSchema = z.object({
  address: z.string().min(3),
  /** Higher is better; comparable within one proposal only. */
  score: z.number(),
  /** Why Rightful believes it is the privacy contact, in English (logs, the CLI's default); `detail` is what a host renders in the reader's language. */
  reason: z.string().min(1),
  detail: messageSchema,
  ...span,
  purpose: z.enum(['privacy', 'dpo']),
})
export type ProposedPrivacyEmail = z.infer<typeof proposedPrivacyEmailSchema>

export const otherEmailPurposes = ['general', 'support', 'sales', 'newsletter', 'other'] as const
export type OtherEmailPurpose = (typeof otherEmailPurposes)[number]

export const proposedOtherEmailSchema = z.object({
  address: z.string().min(3),
  purpose: z.enum(otherEmailPurposes),
  /** Why it is not taken as the privacy contact, in English; `detail` as a message. */
  reason: z.string().min(1),
  detail: messageSchema,
  ...span,
})
export type ProposedOtherEmail = z.infer<typeof proposedOtherEmailSchema>

/** An address the policy mentions that is not the company's contact (a regulator's, a processor's, an example). */
export const excludedEmailSchema = z.object({
  address: z.string().min(3),
  why: z.enum(['regulator', 'third-party', 'placeholder', 'sender-only']),
  /** Why it is left out, in English; `detail` as a message. */
  reason: z.string().min(1),
  detail: messageSchema,
  ...span,
})
export type ExcludedEmail = z.infer<typeof excludedEmailSchema>

export const proposedPostalAddressSchema = z.object({
  /** One address as a single string: its lines joined with ", " (recipient and country included). */
  text: z.string().min(1),
  /** Street, building, city and postcode lines, without the recipient and the country. */
  lines: z.array(z.string().min(1)),
  /** ISO 3166-1 alpha-2 guess, or null when the policy does not make it clear. */
  country: z.string().regex(/^[A-Z]{2}$/).nullable(),
  /** A region code where the format carries one (a US state), else null. */
  region: z.string().regex(/^[A-Z0-9]{1,3}$/).nullable(),
  /** The addressee the policy names with it, when it does. */
  recipient: z.string().min(1).nullable(),
  role: z.enum(addressRoles),
  /** Why it is taken as the company's, or as a regulator's or third party's, in English; `detail` as a message. */
  reason: z.string().min(1),
  detail: messageSchema,
  ...span,
})
export type ProposedPostalAddress = z.infer<typeof proposedPostalAddressSchema>

export const proposedPhoneSchema = z.object({
  /** As the policy writes it (whitespace tidied). */
  number: z.string().min(3),
  kind: z.enum(['phone', 'fax']),
  ...span,
})
export type ProposedPhone = z.infer<typeof proposedPhoneSchema>

export const proposedSubjectRuleSchema = z.object({
  /** The policy's demand, verbatim. */
  text: z.string().min(1),
  /** Wordings of which one must appear in the subject line (may be empty when the policy gives none). */
  phrases: z.array(z.string().min(1)),
  ...span,
})
export type ProposedSubjectRule = z.infer<typeof proposedSubjectRuleSchema>

export const proposedDeletionSchema = z.object({
  /** The sentence(s) saying how to ask for deletion, verbatim. */
  text: z.string().min(1),
  /** The e-mail address the sentence sends deletion requests to, if it names one. */
  email: z.string().nullable(),
  ...span,
})
export type ProposedDeletion = z.infer<typeof proposedDeletionSchema>

export const proposedMinAgeSchema = z.object({
  age: z.number().int().min(1).max(25),
  ...span,
})
export type ProposedMinAge = z.infer<typeof proposedMinAgeSchema>

export const quoteFields = [
  'companyName',
  'privacyEmail',
  'otherEmail',
  'excludedEmail',
  'postalAddress',
  'phone',
  'subjectRule',
  'deletionInstruction',
  'minAge',
] as const
export type QuoteField = (typeof quoteFields)[number]

export const usedQuoteSchema = z.object({
  field: z.enum(quoteFields),
  /** The value the quote supports (an address, a number, an age). */
  value: z.string(),
  ...span,
})
export type UsedQuote = z.infer<typeof usedQuoteSchema>

export const warningCodes = [
  'no-email',
  'no-privacy-email',
  'placeholder-ignored',
  'sender-only-ignored',
  'obfuscated-decoded',
  'cloudflare-protected',
  'mailto-mismatch',
  'regulator-excluded',
  'third-party-excluded',
  'no-company-name',
] as const
export type WarningCode = (typeof warningCodes)[number]

export const proposalWarningSchema = z.object({
  code: z.enum(warningCodes),
  /** The English words (for logs and the CLI); `detail` is what a host renders in the reader's language. */
  message: z.string().min(1),
  detail: messageSchema,
  start: z.number().int().nonnegative().nullable(),
  end: z.number().int().nonnegative().nullable(),
})
export type ProposalWarning = z.infer<typeof proposalWarningSchema>

/** What the text says about where it came from (the Wayback Machine notes archived copies carry). */
export const archiveHintSchema = z.object({
  /** The site whose policy this is, e.g. "fs.com". */
  domain: z.string().nullable(),
  archivedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  /** The archived copy's address, when the text links it. */
  url: z.string().nullable(),
})
export type ArchiveHint = z.infer<typeof archiveHintSchema>

export const policyProposalSchema = z.object({
  format: z.enum(policyFormats),
  sourceUrl: z.string().nullable(),
  /** The policy as plain text; every `start`/`end` counts in it. */
  plainText: z.string(),
  /** ISO 639-1 guess of the policy's language, or null. */
  language: z.string().regex(/^[a-z]{2}$/).nullable(),
  companyName: proposedCompanyNameSchema.nullable(),
  /** Legal entities the policy names for the company (address recipients with a company form). */
  legalNames: z.array(z.string().min(1)),
  /** Best first. Empty when the policy gives no address, and `warnings` says so. */
  privacyEmails: z.array(proposedPrivacyEmailSchema),
  otherEmails: z.array(proposedOtherEmailSchema),
  excludedEmails: z.array(excludedEmailSchema),
  postalAddresses: z.array(proposedPostalAddressSchema),
  phones: z.array(proposedPhoneSchema),
  subjectRule: proposedSubjectRuleSchema.nullable(),
  deletionInstruction: proposedDeletionSchema.nullable(),
  minAge: proposedMinAgeSchema.nullable(),
  /** Every quote the fields above rely on, in text order. */
  quotes: z.array(usedQuoteSchema),
  warnings: z.array(proposalWarningSchema),
  archive: archiveHintSchema.nullable(),
})
export type PolicyProposal = z.infer<typeof policyProposalSchema>

/** What `extractPolicy` takes; the API method's input schema is the same shape. */
export const extractPolicyInputSchema = z.strictObject({
  text: z.string().max(2_000_000),
  format: z.enum(policyFormats),
  sourceUrl: z.url().optional(),
})
export type ExtractPolicyInput = z.infer<typeof extractPolicyInputSchema>
