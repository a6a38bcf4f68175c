/**
 * Records in the datarequests.org format (CC0, https://github.com/datenanfragen/data): the schema of
 * one company file, and its mapping onto Rightful's record, every field carried over:
 *
 *   slug → id                      name → name, legalNames     runs → brands
 *   web → website, domains         email → emails (privacy)    address → postalAddresses (+ establishment)
 *   phone, fax → phones            webform → webForms          pgp-fingerprint, pgp-url → pgp
 *   relevant-countries → countriesServed                       categories → categories
 *   request-language → requirements.language (basis "catalog")
 *   required-elements → requirements.requiredElements          needs-id-document → requirements.idDocument
 *   suggested-transport-medium → requirements.suggestedChannel
 *   custom-*-template → requirements.customTemplates           comments → notes
 *   sources → sources (pages) + the data set itself            quality → every provenance's quality
 *   facet-group → facetGroup                                   nsfw → nsfw
 */
import { z } from 'zod'
import { countryCodeOf, regionOf } from './countries'
import { companySchema, qualityLevels, type Company, type Provenance, type Quality, type SourceDocument } from './schema'

const countryOrAll = z.union([z.literal('all'), z.string().regex(/^[a-z]{2}$/i, 'a two-letter country code or "all"')])

/** One company file of datarequests.org, as its schema.json describes it. */
export const datarequestsRecordSchema = z.looseObject({
  slug: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens only'),
  'relevant-countries': z.array(countryOrAll).min(1),
  categories: z.array(z.string().min(1)).optional(),
  name: z.string().trim().min(1),
  runs: z.array(z.string().trim().min(1)).optional(),
  address: z.string().trim().min(1),
  phone: z.string().trim().min(1).optional(),
  fax: z.string().trim().min(1).optional(),
  email: z.string().trim().min(1).optional(),
  webform: z.string().trim().min(1).optional(),
  'pgp-fingerprint': z.string().trim().optional(),
  'pgp-url': z.string().trim().optional(),
  web: z.string().trim().min(1).optional(),
  sources: z.array(z.string().trim().min(1)),
  'required-elements': z
    .array(
      z.object({
        desc: z.string().trim().min(1),
        type: z.enum(['input', 'textarea', 'email', 'address', 'name', 'birthdate']),
        optional: z.boolean().optional(),
      }),
    )
    .optional(),
  'request-language': z.string().regex(/^[a-z]{2}$/, 'an ISO 639-1 language code').or(z.literal('')).optional(),
  'custom-access-template': z.string().min(1).optional(),
  'custom-erasure-template': z.string().min(1).optional(),
  'custom-rectification-template': z.string().min(1).optional(),
  'custom-objection-template': z.string().min(1).optional(),
  'needs-id-document': z.boolean().optional(),
  'suggested-transport-medium': z.enum(['fax', 'letter', 'email', 'webform']).optional(),
  comments: z.array(z.string().min(1)).optional(),
  quality: z.enum(['tested', 'verified', 'imported', 'scraped']),
  'facet-group': z.enum(['church', 'school']).optional(),
  nsfw: z.boolean().optional(),
})
export type DatarequestsRecord = z.infer<typeof datarequestsRecordSchema>

/** The data set as a source of the records taken from it. */
export const datarequestsSourceId = 'datarequests'

function qualityOf(value: DatarequestsRecord['quality']): Quality {
  // "scraped" there: read from a page by a program, which Rightful calls "extracted".
  const mapped = value === 'scraped' ? 'extracted' : value
  return (qualityLevels as ReadonlyArray<string>).includes(mapped) ? (mapped as Quality) : 'imported'
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '')
  } catch {
    return null
  }
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

/** "BCA8 A5F2 … CF0F" with any spacing, as ten groups of four upper-case hex digits; else null. */
function fingerprintOf(text: string | undefined): string | null {
  if (!text) return null
  const hex = text.replace(/\s+/g, '').toUpperCase()
  if (!/^[0-9A-F]{40}$/.test(hex)) return null
  return hex.match(/.{4}/g)!.join(' ')
}

export class RecordRejected extends Error {}

/**
 * Maps one datarequests.org record onto Rightful's record. Throws RecordRejected with a reason a
 * person understands when the record cannot be used (e.g. no country in its address).
 */
export function fromDatarequests(
  raw: unknown,
  options: {
    /** The day the user imported it. */
    readonly importedOn: string
    /** For the built-in pack: the date of the snapshot's commit, which the source then carries. */
    readonly snapshotOn?: string
  },
): Company {
  const parsed = datarequestsRecordSchema.safeParse(raw)
  if (!parsed.success) {
    throw new RecordRejected(parsed.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; '))
  }
  const record = parsed.data
  const quality = qualityOf(record.quality)
  const provenance: Provenance = { kind: 'import', sourceId: datarequestsSourceId, quality }

  const addressLines = record.address.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0)
  const countryLine = addressLines.at(-1) ?? ''
  let country = countryCodeOf(countryLine)
  let lines = country ? addressLines.slice(0, -1) : addressLines
  if (!country) {
    const relevant = record['relevant-countries'].filter((c) => c !== 'all')
    if (relevant.length === 1) {
      country = relevant[0]!.toUpperCase()
      lines = addressLines
    }
  }
  if (!country) {
    throw new RecordRejected(`the address does not end with a country Rightful knows ("${countryLine}")`)
  }
  if (lines.length === 0) throw new RecordRejected('the address has no lines besides the country')

  const issues: string[] = []
  // Stored as the URL parser writes it (an internationalized host in its xn-- form), with the
  // host as written among the domains too, so "günstiger-reisen.de" is found.
  const website = record.web && isHttpUrl(record.web) ? new URL(record.web).href : null
  if (record.web && !website) issues.push(`web "${record.web}" is not a web address`)
  const writtenHost = record.web ? /^https?:\/\/([^/:?#]+)/i.exec(record.web)?.[1]?.toLowerCase().replace(/^www\./, '') : undefined
  const domains = [...new Set([writtenHost, website ? hostOf(website) : null].filter((d): d is string => !!d))]

  const pageSources: SourceDocument[] = []
  const notes: Company['notes'] = []
  record.sources.forEach((source, i) => {
    if (isHttpUrl(source)) {
      pageSources.push({
        id: `source-${i + 1}`,
        title: hostOf(source) ?? source,
        url: new URL(source).href,
        kind: 'page',
        archivedOn: null,
        supersededBy: null,
        retrievedOn: null,
      })
    } else {
      notes.push({ text: `Source: ${source}`, provenance })
    }
  })
  for (const comment of record.comments ?? []) notes.push({ text: comment, provenance })

  const customTemplates: Company['requirements']['customTemplates'] = {}
  if (record['custom-access-template']) customTemplates.access = record['custom-access-template']
  if (record['custom-erasure-template']) customTemplates.erasure = record['custom-erasure-template']
  if (record['custom-rectification-template']) customTemplates.rectification = record['custom-rectification-template']
  if (record['custom-objection-template']) customTemplates.objection = record['custom-objection-template']

  const fingerprint = fingerprintOf(record['pgp-fingerprint'])
  if (record['pgp-fingerprint'] && !fingerprint) issues.push('the PGP fingerprint is not 40 hex digits')
  const pgpUrl = record['pgp-url'] && isHttpUrl(record['pgp-url']) ? record['pgp-url'] : null

  const company = {
    id: record.slug,
    name: record.name,
    legalNames: [record.name],
    brands: record.runs ?? [],
    domains: website ? domains : [],
    website,
    emails: record.email ? [{ address: record.email, purpose: 'privacy', status: 'current', provenance }] : [],
    postalAddresses: [
      { recipient: record.name, lines, country, region: regionOf(country, lines), status: 'current', provenance },
    ],
    phones: [
      ...(record.phone ? [{ number: record.phone, kind: 'phone', status: 'current', provenance }] : []),
      ...(record.fax ? [{ number: record.fax, kind: 'fax', status: 'current', provenance }] : []),
    ],
    requirements: {
      subjectLine: null,
      deletion: null,
      minimumAge: null,
      language: record['request-language'] ? { code: record['request-language'], basis: 'catalog' } : null,
      idDocument: record['needs-id-document']
        ? { text: 'The catalog says this company needs a copy of an identity document for every request.', provenance }
        : null,
      requiredElements: (record['required-elements'] ?? []).map((e) => ({
        description: e.desc,
        kind: e.type,
        optional: e.optional ?? false,
      })),
      suggestedChannel: record['suggested-transport-medium'] ?? null,
      customTemplates,
    },
    establishment: [country],
    countriesServed: record['relevant-countries'].map((c) => (c === 'all' ? 'all' : c.toUpperCase())),
    categories: record.categories ?? [],
    webForms: record.webform && isHttpUrl(record.webform) ? [{ url: new URL(record.webform).href, status: 'current', provenance }] : [],
    pgp: fingerprint || pgpUrl ? { fingerprint, url: pgpUrl ? new URL(pgpUrl).href : null, provenance } : null,
    identityProvenance: provenance,
    facetGroup: record['facet-group'] ?? null,
    nsfw: record.nsfw ?? false,
    history: [],
    notes,
    sources: [
      {
        id: datarequestsSourceId,
        title: 'datarequests.org company database',
        url: `https://www.datarequests.org/company/${record.slug}`,
        kind: 'dataset',
        archivedOn: options.snapshotOn ?? null,
        supersededBy: null,
        retrievedOn: options.snapshotOn ? null : options.importedOn,
      },
      ...pageSources,
    ],
  }
  if (record.webform && !isHttpUrl(record.webform)) issues.push(`webform "${record.webform}" is not a web address`)
  if (issues.length > 0) throw new RecordRejected(issues.join('; '))

  const result = companySchema.safeParse(company)
  if (!result.success) {
    throw new RecordRejected(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
  }
  return result.data
}
