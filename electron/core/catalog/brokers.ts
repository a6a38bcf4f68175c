/**
 * Records of the data-broker list (drumandbytes/eraser, data/brokers.yaml, MIT) mapped onto
 * Rightful's record. The list's fields:
 *
 *   id → id                 name → name, legalNames       website → website, domains
 *   email → emails (privacy: the list's address for removal requests)
 *   opt_out_url → webForms  region → countriesServed, establishment (us → US)
 *   category → categories ("data broker" and the kind), and "device-id-only" → a required element
 *   notes → facts (broker-notes.ts): web form only, addresses that bounced or refuse requests,
 *           other addresses and phones, merged into another company, gone, aliases
 *
 * The notes' sentences are not carried over: only the facts, in Rightful's own structure.
 */
import { z } from 'zod'
import { maxNoteLength, readBrokerNote, type BrokerNoteFacts } from './broker-notes'
import { companySchema, type Company, type EmailContact, type Provenance, type SourceDocument } from './schema'
import { emailAddressSchema } from '../shared/schemas'
import { ownValue } from '../shared/own-keys'

export const brokerRecordSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens only').max(100),
  name: z.string().trim().min(1).max(200),
  email: z.string().trim().max(254).optional(),
  website: z.string().trim().max(2000).optional(),
  opt_out_url: z.string().trim().max(2000).optional(),
  region: z.enum(['us', 'eu', 'global']),
  category: z.string().trim().min(1).max(60),
  notes: z.string().max(maxNoteLength * 4).optional(),
})
export type BrokerRecord = z.infer<typeof brokerRecordSchema>

export const brokersSourceId = 'brokers'

/** The kinds of broker the list knows, as Rightful names them among a record's categories. */
const categoryNames: Readonly<Record<string, string>> = {
  'people-search': 'people search',
  'background-check': 'background checks',
  marketing: 'marketing',
  'device-id-only': 'advertising identifiers',
  'financial-b2b': 'finance',
}

export const dataBrokerCategory = 'data broker'

/** What a request to a broker that works from device identifiers must carry. */
export const deviceIdElement = {
  description: "Your device's advertising ID (AAID on Android, IDFA on iOS)",
  kind: 'input',
  optional: false,
} as const

function httpUrl(text: string | undefined): URL | null {
  if (!text) return null
  try {
    const url = new URL(text)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null
  } catch {
    return null
  }
}

export class BrokerRejected extends Error {}

/**
 * Maps one record of the list; `source` is the list as a source document of every record taken
 * from it. Throws BrokerRejected with a reason a person understands when the record cannot be used.
 */
export function fromBroker(raw: unknown, source: SourceDocument): { company: Company; facts: BrokerNoteFacts | null } {
  const parsed = brokerRecordSchema.safeParse(raw)
  if (!parsed.success) throw new BrokerRejected(parsed.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; '))
  const record = parsed.data
  const provenance: Provenance = { kind: 'import', sourceId: brokersSourceId, quality: 'imported' }
  const facts = record.notes ? readBrokerNote(record.notes, { email: record.email ?? '' }) : null
  const on = facts?.on ?? null

  const email = record.email ? emailAddressSchema.safeParse(record.email) : null
  if (email && !email.success) throw new BrokerRejected(`email "${record.email}" is not an e-mail address`)
  const own = email?.success ? email.data : null
  const problemOf = (address: string) => facts?.problems.find((p) => p.address === address.toLowerCase()) ?? null

  const emails: EmailContact[] = []
  const listed = new Set<string>()
  const add = (address: string, contact: Omit<EmailContact, 'address'>) => {
    const parsedAddress = emailAddressSchema.safeParse(address)
    if (!parsedAddress.success || listed.has(parsedAddress.data.toLowerCase())) return
    listed.add(parsedAddress.data.toLowerCase())
    emails.push({ address: parsedAddress.data, ...contact })
  }
  const gone = facts?.defunct || facts?.successor
  if (own) {
    const problem = problemOf(own)
    const dead = gone || problem?.kind === 'bounced' || problem?.kind === 'retired'
    add(own, { purpose: 'privacy', status: dead ? 'historical' : 'current', provenance, problem: problem ? { kind: problem.kind, on } : null })
  }
  for (const problem of facts?.problems ?? []) {
    add(problem.address, { purpose: 'privacy', status: problem.kind === 'refuses-requests' || problem.kind === 'not-monitored' ? 'current' : 'historical', provenance, problem: { kind: problem.kind, on } })
  }
  for (const address of facts?.alternatives ?? []) add(address, { purpose: 'other', status: 'current', provenance, problem: null })

  const website = httpUrl(record.website)
  const optOut = httpUrl(record.opt_out_url)
  const webForms = [optOut, ...(facts?.webForms ?? []).map((u) => httpUrl(u))]
    .filter((u): u is URL => u !== null)
    .filter((u, i, all) => all.findIndex((v) => v.href === u.href) === i)
    .map((u) => ({ url: u.href, status: gone ? ('historical' as const) : ('current' as const), provenance }))

  const usableEmail = emails.some((e) => e.status === 'current' && e.problem === null && e.purpose === 'privacy')
  // "Use the form" after a bounce means no address works; after a refusal, the company wants the form.
  const noWorkingEmail =
    !usableEmail && (/no working e-?mail/i.test(record.notes ?? '') || (facts?.problems.some((p) => p.kind === 'bounced') ?? false)) && !facts?.problems.some((p) => p.kind === 'refuses-requests')
  const webFormOnly =
    webForms.length === 0 || gone
      ? null
      : noWorkingEmail && (facts?.webFormOnly || !usableEmail)
        ? { since: on, reason: 'no-working-email' as const, provenance }
        : facts?.webFormOnly
          ? { since: on, reason: 'email-refused' as const, provenance }
          : null

  const deviceId = record.category === 'device-id-only' || (facts?.deviceId ?? false)
  const standing: Company['standing'] = facts?.successor
    ? { kind: 'merged', into: { id: null, name: facts.successor }, on, provenance }
    : facts?.defunct
      ? { kind: 'defunct', on, doNotContact: facts.doNotContact, provenance }
      : { kind: 'active' }

  const company = {
    id: record.id,
    name: record.name,
    legalNames: [record.name],
    brands: facts?.renamedTo && facts.renamedTo !== record.name ? [facts.renamedTo] : [],
    domains: website ? [website.hostname.toLowerCase().replace(/^www\./, '')] : [],
    website: website?.href ?? null,
    emails,
    postalAddresses: [],
    phones: (facts?.phones ?? []).map((number) => ({ number, kind: 'phone' as const, status: 'current' as const, provenance })),
    requirements: {
      subjectLine: null,
      deletion: null,
      minimumAge: null,
      language: null,
      idDocument: null,
      requiredElements: deviceId ? [deviceIdElement] : [],
      suggestedChannel: webFormOnly || (!usableEmail && webForms.length > 0) ? 'webform' : usableEmail ? 'email' : null,
      webFormOnly,
      customTemplates: {},
    },
    establishment: record.region === 'us' ? ['US'] : [],
    countriesServed: record.region === 'us' ? ['US'] : ['all'],
    categories: [dataBrokerCategory, ownValue(categoryNames, record.category) ?? record.category.replace(/-/g, ' ')],
    webForms,
    pgp: null,
    identityProvenance: provenance,
    facetGroup: null,
    nsfw: false,
    history: [],
    standing,
    aliases: (facts?.aliases ?? []).filter((a) => a !== record.id),
    notes: [],
    sources: [source],
  }
  const result = companySchema.safeParse(company)
  if (!result.success) throw new BrokerRejected(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
  return { company: result.data, facts }
}
