/**
 * Supervisory authorities: the bodies a complaint about a company's handling of a request goes to.
 * One record per authority, kept read-only in assets/authorities/*.json (each file an array of
 * records, grouped by region). Pure zod schemas and types, shared with the renderer.
 */
import { z } from 'zod'
import { countryCodeSchema, emailAddressSchema, plainDateSchema } from '../shared/schemas'
import { laws } from '../shared/kinds'

/** Which controllers an authority supervises. */
export const sectors = ['private', 'public'] as const
export type Sector = (typeof sectors)[number]

/** A country ("FR") or one of its subdivisions ("DE-BY", "US-CA", "ES-CT"), as ISO 3166 writes them. */
export const regionCodeSchema = z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'Use an ISO 3166 code: "FR", or "DE-BY" for a region.')

const httpsUrl = z.url({ protocol: /^https?$/ })

/**
 * What an authority is competent for: under which laws, for which countries or regions, and for
 * which controllers. An authority may have several entries (the BfDI: federal public bodies, and
 * private companies only for telecommunications and postal services).
 */
export const competenceSchema = z.strictObject({
  laws: z.array(z.enum(laws)).min(1),
  /** Where it is competent: whole countries ("FR") or regions ("DE-BY"). */
  regions: z.array(regionCodeSchema).min(1),
  sectors: z.array(z.enum(sectors)).min(1),
  /**
   * A condition the company must meet, in plain words, when the authority is competent only for
   * some companies ("the company provides telecommunications or postal services"). Proposals with
   * a condition come after those without one.
   */
  onlyIf: z.string().min(1).max(300).nullable().default(null),
  /** What the authority does with a complaint under these laws, in plain words. */
  role: z.string().min(1).max(400),
  /** The order among authorities competent for the same law and place: 1 comes first. */
  rank: z.number().int().min(1).max(9).default(1),
})
export type Competence = z.infer<typeof competenceSchema>

export const authorityContactsSchema = z.strictObject({
  /** Where letters go: the lines above the country, in the order the authority writes them. */
  postal: z
    .strictObject({
      lines: z.array(z.string().min(1).max(200)).min(1).max(8),
      country: countryCodeSchema,
    })
    .nullable(),
  /** An address that accepts complaints or general mail; null where the authority asks for its form. */
  email: emailAddressSchema.nullable(),
  /** International format: "+49 981 180093-0". */
  phone: z
    .string()
    .regex(/^\+\d[\d -]{5,24}$/, 'Write the phone number in international format, e.g. "+49 981 180093-0".')
    .nullable(),
  /** The authority's own online complaint form, when it has one. */
  complaintForm: httpsUrl.nullable(),
  website: httpsUrl,
})
export type AuthorityContacts = z.infer<typeof authorityContactsSchema>

export const authorityProvenanceSchema = z
  .strictObject({
    /** Official pages the record was written from (the authority's own site where possible). */
    sources: z.array(httpsUrl).min(1),
    /** The day the sources were read. */
    checked: plainDateSchema,
    /**
     * Whether the contact facts (postal address, e-mail, phone) were confirmed in an official or
     * otherwise reliable source through the tools we had; the note names anything still unconfirmed.
     */
    verified: z.boolean(),
    /** What could not be confirmed, or where other sources disagree, and which one we believe. */
    note: z.string().min(1).max(1000).nullable().default(null),
  })
  .refine((p) => p.verified || p.note !== null, { message: 'An unverified record must say in a note what is unconfirmed.', path: ['note'] })

export const authoritySchema = z.strictObject({
  /** Stable slug: "de-baylda", "gb-ico", "us-ca-cppa". */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'An id is lower-case words joined by hyphens.'),
  /** The official name, in the authority's own language. */
  name: z.string().min(1).max(300),
  nameEn: z.string().min(1).max(300),
  acronym: z.string().min(1).max(30).nullable(),
  /** The country whose authority it is (ISO 3166-1). */
  country: countryCodeSchema,
  competence: z.array(competenceSchema).min(1),
  contacts: authorityContactsSchema,
  /** Languages a complaint may be written in (ISO 639-1), the authority's own first. */
  languages: z.array(z.string().regex(/^[a-z]{2}$/)).min(1),
  provenance: authorityProvenanceSchema,
})
export type Authority = z.infer<typeof authoritySchema>

/** One file of assets/authorities: a group of records. */
export const authorityFileSchema = z.array(authoritySchema).min(1)

export { eeaCountries, isEeaCountry } from '../shared/eea'

/** An authority as the API lists it. */
export type AuthoritySummary = Pick<Authority, 'id' | 'name' | 'nameEn' | 'acronym' | 'country' | 'languages'> & {
  readonly regions: ReadonlyArray<string>
  /** The same places in plain English: "Bavaria", "France". */
  readonly regionNames: ReadonlyArray<string>
  readonly laws: ReadonlyArray<string>
  readonly contacts: AuthorityContacts
  readonly verified: boolean
}
