/**
 * The company record: who to write to, and why Rightful believes so. Every contact and fact carries
 * its provenance (a quote from a dated policy, an imported data set, or "entered by the user") with
 * a quality level, and whether it is current or superseded by a newer source. It covers everything
 * the datarequests.org record covers (identity, contacts, web form, PGP key, request language,
 * required identification, ID document, suggested channel, countries, categories, quality) and
 * more (legal entities, domains, purposes of e-mail addresses, regions, history, quotes).
 * Pure zod schemas and types: safe to import from the renderer. Exported as JSON Schema in
 * assets/schemas/company.schema.json.
 */
import { z } from 'zod'
import { countryCodeSchema, emailAddressSchema, plainDateSchema } from '../shared/schemas'

export { countryCodeSchema, emailAddressSchema, plainDateSchema }

export const emailPurposes = ['privacy', 'dpo', 'general', 'support', 'sales', 'newsletter', 'other'] as const
export type EmailPurpose = (typeof emailPurposes)[number]

/**
 * How sure a fact is, best first: a request was sent with it (tested); a person checked it against
 * the company's own documents (verified); it came from a data set checked by others (imported); a
 * program read it from a document (extracted); the user entered it (user).
 */
export const qualityLevels = ['tested', 'verified', 'imported', 'extracted', 'user'] as const
export type Quality = (typeof qualityLevels)[number]

export const provenanceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('policy'),
    /** The `id` of one of the company's `sources`. */
    sourceId: z.string().min(1),
    /** The policy's own words, verbatim (link syntax rendered as its visible text). */
    quote: z.string().min(1),
    quality: z.enum(qualityLevels).default('verified'),
  }),
  z.object({
    kind: z.literal('import'),
    /** The `id` of the data set among the company's `sources`. */
    sourceId: z.string().min(1),
    quality: z.enum(qualityLevels),
  }),
  z.object({
    kind: z.literal('user'),
    enteredOn: plainDateSchema,
    quality: z.literal('user').default('user'),
  }),
])
export type Provenance = z.infer<typeof provenanceSchema>

const contactStatus = z.enum(['current', 'historical'])
export type ContactStatus = z.infer<typeof contactStatus>

/**
 * What a source found wrong with an address: it bounced, the company refuses requests sent to it,
 * nobody reads it, or the company stopped using it. Requests never go to an address with a problem.
 */
export const emailProblemKinds = ['bounced', 'refuses-requests', 'not-monitored', 'retired'] as const
export type EmailProblemKind = (typeof emailProblemKinds)[number]

export const emailProblemSchema = z.object({
  kind: z.enum(emailProblemKinds),
  /** When the source saw it; null when it does not say. */
  on: plainDateSchema.nullable(),
})
export type EmailProblem = z.infer<typeof emailProblemSchema>

export const emailContactSchema = z.object({
  address: emailAddressSchema,
  purpose: z.enum(emailPurposes),
  status: contactStatus,
  provenance: provenanceSchema,
  problem: emailProblemSchema.nullable().default(null),
})
export type EmailContact = z.infer<typeof emailContactSchema>

export const postalAddressSchema = z.object({
  /** The addressee as the letter names it: the legal entity. */
  recipient: z.string().min(1).max(200),
  /** Street, building, city and postcode lines, without the country. */
  lines: z.array(z.string().min(1).max(200)).min(1).max(8),
  country: countryCodeSchema,
  /** Region code as date-holidays knows it (e.g. "DE" for Delaware in the US), for holidays. */
  region: z.string().regex(/^[A-Z0-9]{1,3}$/).nullable(),
  status: contactStatus,
  provenance: provenanceSchema,
})
export type PostalAddress = z.infer<typeof postalAddressSchema>

export const phoneSchema = z.object({
  number: z.string().min(3).max(40),
  kind: z.enum(['phone', 'fax']),
  status: contactStatus,
  provenance: provenanceSchema,
})
export type Phone = z.infer<typeof phoneSchema>

const quotedText = z.object({ text: z.string().min(1), provenance: provenanceSchema })

export const webFormSchema = z.object({
  url: z.url(),
  status: contactStatus,
  provenance: provenanceSchema,
})
export type WebForm = z.infer<typeof webFormSchema>

export const pgpKeySchema = z.object({
  /** Ten groups of four hex digits, as key servers show it. */
  fingerprint: z.string().regex(/^[0-9A-F]{4}( [0-9A-F]{4}){9}$/, 'Give the 40 hex digits of the key fingerprint.').nullable(),
  url: z.url().nullable(),
  provenance: provenanceSchema,
})

/** An identification element the company requires (datarequests.org "required-elements"). */
export const requiredElementSchema = z.object({
  description: z.string().min(1),
  kind: z.enum(['text', 'input', 'textarea', 'email', 'address', 'name', 'birthdate']),
  optional: z.boolean().default(false),
})

/** A value the record held before, kept with the dates it was valid (e.g. an earlier name). */
export const historyEntrySchema = z.object({
  field: z.string().min(1),
  value: z.string(),
  until: plainDateSchema.nullable(),
  provenance: provenanceSchema,
})

/** The company's demand on the subject line: its words, and the phrases of which one must appear. */
const subjectRuleSchema = quotedText.extend({ phrases: z.array(z.string().min(1)).default([]) })

/** A record id: a slug of lower-case letters, digits and hyphens. */
export const companyIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(100)

/**
 * Whether the company still exists as itself: active; gone (with `doNotContact` when its domain
 * now belongs to someone else, so nothing personal may be sent there); or merged into another
 * company, named, and pointed to when the catalog has it.
 */
export const standingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('active') }),
  z.object({
    kind: z.literal('defunct'),
    on: plainDateSchema.nullable(),
    doNotContact: z.boolean(),
    provenance: provenanceSchema,
  }),
  z.object({
    kind: z.literal('merged'),
    into: z.object({ id: companyIdSchema.nullable(), name: z.string().min(1).max(200) }),
    on: plainDateSchema.nullable(),
    provenance: provenanceSchema,
  }),
])
export type Standing = z.infer<typeof standingSchema>

export const sourceDocumentSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  url: z.url(),
  /** A privacy policy, a data set (datarequests.org), or another page of the company's. */
  kind: z.enum(['policy', 'dataset', 'page']).default('policy'),
  /** The date of the archived copy, or when the data set was taken; null when unknown. */
  archivedOn: plainDateSchema.nullable(),
  /** The id of the newer source that supersedes this one, or null when it is the latest. */
  supersededBy: z.string().nullable(),
  /** When Rightful took the facts from it (an import's date); null when that is the archive date. */
  retrievedOn: plainDateSchema.nullable().default(null),
})
export type SourceDocument = z.infer<typeof sourceDocumentSchema>

export const companySchema = z.object({
  /** Stable slug, e.g. "fs-com". */
  id: companyIdSchema,
  name: z.string().min(1),
  legalNames: z.array(z.string().min(1)),
  brands: z.array(z.string().min(1)),
  domains: z.array(z.string().min(1)),
  website: z.url().nullable(),
  emails: z.array(emailContactSchema),
  postalAddresses: z.array(postalAddressSchema),
  phones: z.array(phoneSchema),
  requirements: z.object({
    /** The company's own demand on the subject line of requests. */
    subjectLine: subjectRuleSchema.nullable(),
    /** How the company says deletion is requested. */
    deletion: quotedText.nullable(),
    minimumAge: z.object({ age: z.number().int().positive(), provenance: provenanceSchema }).nullable(),
    /** The language to write in: the company's own demand, or the language its policy is written in. */
    language: z
      .object({ code: z.string().regex(/^[a-z]{2}$/), basis: z.enum(['demanded', 'policy-language', 'catalog']) })
      .nullable()
      .default(null),
    /** Whether the company's record says it needs a copy of an identity document. */
    idDocument: quotedText.nullable().default(null),
    /** The identification elements the company requires, at the minimum. */
    requiredElements: z.array(requiredElementSchema).default([]),
    /** The channel to use: e-mail, letter, fax or web form; null to decide from the contacts. */
    suggestedChannel: z.enum(['email', 'letter', 'fax', 'webform']).nullable().default(null),
    /**
     * Requests go through the company's web form only: it refuses them by e-mail, or no address
     * works ('no-working-email'). Since when, where the source says.
     */
    webFormOnly: z
      .object({ since: plainDateSchema.nullable(), reason: z.enum(['email-refused', 'no-working-email']), provenance: provenanceSchema })
      .nullable()
      .default(null),
    /**
     * Requests for which the source catalog keeps a company-specific template, by its name there
     * (datarequests.org's custom-*-template); a sign the company wants particular wording.
     */
    customTemplates: z.partialRecord(z.enum(['access', 'erasure', 'rectification', 'objection']), z.string().min(1)).default({}),
  }),
  /** Countries where the company is established (ISO codes). */
  establishment: z.array(countryCodeSchema),
  /** Countries the record is relevant for (ISO codes), or ['all']. */
  countriesServed: z.array(z.union([countryCodeSchema, z.literal('all')])).default(['all']),
  /** Loose categories: commerce, finance, social media, … (as datarequests.org uses them). */
  categories: z.array(z.string().min(1)).default([]),
  webForms: z.array(webFormSchema).default([]),
  pgp: pgpKeySchema.nullable().default(null),
  /** Where the record's name, entities, brands and domains come from. */
  identityProvenance: provenanceSchema.nullable().default(null),
  /** A group the record belongs to (datarequests.org's facet group), or null. */
  facetGroup: z.enum(['church', 'school']).nullable().default(null),
  /** The company offers content only for adults (shown with care, never hidden). */
  nsfw: z.boolean().default(false),
  /** Earlier values of the record's fields. */
  history: z.array(historyEntrySchema).default([]),
  /** Whether the company still exists as itself. */
  standing: standingSchema.default({ kind: 'active' }),
  /** Other ids the sources use for this company (records merged into this one). */
  aliases: z.array(companyIdSchema).default([]),
  /** Other facts from the policy worth showing, each with its quote. */
  notes: z.array(quotedText),
  sources: z.array(sourceDocumentSchema),
})
export type Company = z.infer<typeof companySchema>

/** What a user may add to a company: an e-mail address, a postal address, or both. */
export const contactInputSchema = z
  .object({
    companyId: z.string().min(1),
    email: emailAddressSchema.optional(),
    purpose: z.enum(emailPurposes).default('privacy'),
    postal: z
      .object({
        recipient: z.string().trim().min(1).max(200),
        lines: z.array(z.string().trim().min(1).max(200)).min(1).max(8),
        country: countryCodeSchema,
      })
      .optional(),
  })
  .refine((v) => v.email !== undefined || v.postal !== undefined, {
    message: 'Give an e-mail address or a postal address.',
  })
export type ContactInput = z.infer<typeof contactInputSchema>

const shortText = z.string().trim().min(1).max(200)

/** A domain as people write it: "fs.com", "günstiger-reisen.de"; no scheme, no path. */
export const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?!-)[\p{L}\p{N}-]{1,63}(\.(?!-)[\p{L}\p{N}-]{1,63})+$/u, 'Give a domain such as example.com, without https:// or a path.')

/**
 * A company as the user edits it (add or change): the fields a person can check, without the
 * provenance, which the core keeps for values that did not change and sets to "entered by you"
 * for the rest. No `id`: a new company; with `id`: a change to that company.
 */
export const companyEditSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(100).optional(),
  name: z.string().trim().min(1, 'Give the company’s name.').max(200, 'Keep the name under 200 characters.'),
  legalNames: z.array(shortText).max(20).default([]),
  brands: z.array(shortText).max(500).default([]),
  domains: z.array(domainSchema).max(100).default([]),
  website: z.url({ protocol: /^https?$/, error: 'Give the whole web address, starting with https://.' }).max(2000).nullable().default(null),
  emails: z
    .array(z.strictObject({ address: emailAddressSchema, purpose: z.enum(emailPurposes), status: contactStatus.default('current') }))
    .max(50)
    .default([]),
  postalAddresses: z
    .array(
      z.strictObject({
        recipient: z.string().trim().min(1, 'Give the name letters are addressed to.').max(200),
        lines: z.array(shortText).min(1, 'Give the address lines.').max(8, 'Use at most 8 address lines.'),
        country: z.string().regex(/^[A-Z]{2}$/, 'Choose the country of this address.'),
        region: z.string().regex(/^[A-Z0-9]{1,3}$/).nullable().default(null),
        status: contactStatus.default('current'),
      }),
    )
    .max(20)
    .default([]),
  phones: z
    .array(z.strictObject({ number: z.string().trim().min(3, 'Give the whole number, with its country code.').max(40, 'A phone number has at most 40 characters.'), kind: z.enum(['phone', 'fax']), status: contactStatus.default('current') }))
    .max(20)
    .default([]),
  webForms: z.array(z.strictObject({ url: z.url({ protocol: /^https?$/ }).max(2000), status: contactStatus.default('current') })).max(10).default([]),
  establishment: z.array(countryCodeSchema).max(60).default([]),
  countriesServed: z.array(z.union([countryCodeSchema, z.literal('all')])).max(250).default(['all']),
  categories: z.array(shortText).max(30).default([]),
  requestLanguage: z.string().regex(/^[a-z]{2}$/, 'Give a two-letter language code, e.g. de.').nullable().default(null),
  needsIdDocument: z.boolean().default(false),
  suggestedChannel: z.enum(['email', 'letter', 'fax', 'webform']).nullable().default(null),
  /** Add it even though the catalog has a company with one of its domains or addresses. */
  asNew: z.boolean().optional(),
})
export type CompanyEdit = z.infer<typeof companyEditSchema>

/** A company of the catalog that shares a domain or an e-mail address with one being saved. */
export type CompanyMatch = {
  readonly id: string
  readonly name: string
  readonly by: 'domain' | 'email'
  /** The shared domain or address. */
  readonly value: string
}

/** Where a record comes from: shipped with Rightful, imported by the user, or added by the user. */
export type CompanyOrigin = 'builtin' | 'imported' | 'user'

/** How the privacy address was chosen, so the UI can say why. */
export type PrivacyEmailBasis = 'user' | 'privacy' | 'general'

/** A company as the API returns it: the record plus what follows from it. */
export type CompanyView = Company & {
  readonly privacyEmail: string | null
  readonly privacyEmailBasis: PrivacyEmailBasis | null
  /** The current postal address letters go to, or null. */
  readonly letterAddress: PostalAddress | null
  /** Whose public holidays count for deadlines, e.g. "US-DE"; null when no address is known. */
  readonly holidayJurisdiction: string | null
  readonly origin: CompanyOrigin
  /** The fields the user changed on a built-in or imported record (their values win). */
  readonly editedFields: ReadonlyArray<string>
}

/** The summary the list, the search and `rightful catalog list` show. */
export type CompanySummary = {
  readonly id: string
  readonly name: string
  readonly domains: ReadonlyArray<string>
  readonly privacyEmail: string | null
  readonly emails: ReadonlyArray<{ readonly address: string; readonly purpose: EmailPurpose; readonly status: ContactStatus }>
  readonly postalAddresses: ReadonlyArray<PostalAddress>
  readonly phones: ReadonlyArray<Phone>
  readonly subjectRule: string | null
  readonly sources: ReadonlyArray<SourceDocument>
}
