/**
 * The catalog: the built-in company records (read-only, from assets/catalog) merged with what the
 * user added (kept in the catalog-edits store, never overwritten by a newer built-in catalog).
 */
import { z } from 'zod'
import { CoreError } from '../api/result'
import type { NoticeBoard } from '../notices'
import type { BuiltinCatalogSource, DocumentStore } from '../ports'
import {
  companySchema,
  emailContactSchema,
  postalAddressSchema,
  type Company,
  type CompanySummary,
  type CompanyView,
  type ContactInput,
  type EmailContact,
  type PostalAddress,
} from './schema'
import { createSearchIndex, type SearchIndex } from './search'

const editsSchema = z.object({
  version: z.literal(1),
  /** Contacts the user added, per company id. */
  contacts: z.record(
    z.string(),
    z.object({ emails: z.array(emailContactSchema), postalAddresses: z.array(postalAddressSchema) }),
  ),
})
type Edits = z.infer<typeof editsSchema>

export type Catalog = {
  list(): ReadonlyArray<CompanyView>
  get(id: string): CompanyView
  /** Finds a company by id or by one of its domains (e.g. "fs.com"). */
  resolve(idOrDomain: string): CompanyView
  search(query: string, limit: number): ReadonlyArray<CompanyView>
  addContact(input: ContactInput, enteredOn: string): CompanyView
}

/** Loads and validates the built-in records; a broken built-in file is a bug, reported loudly. */
export function loadBuiltinCompanies(source: BuiltinCatalogSource): Company[] {
  const companies: Company[] = []
  const ids = new Set<string>()
  for (const { file, data } of source.load()) {
    const parsed = companySchema.safeParse(data)
    if (!parsed.success) {
      throw new Error(`Built-in catalog file ${file} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
    }
    if (ids.has(parsed.data.id)) throw new Error(`Built-in catalog file ${file} repeats the id "${parsed.data.id}".`)
    ids.add(parsed.data.id)
    companies.push(parsed.data)
  }
  return companies
}

const privacyPurposes = new Set(['privacy', 'dpo'])

/** The record plus what follows from it: which address requests go to, and why. */
export function viewOf(company: Company): CompanyView {
  const current = company.emails.filter((e) => e.status === 'current')
  const fromUser = [...current].reverse().find((e) => e.provenance.kind === 'user' && privacyPurposes.has(e.purpose))
  const fromPolicy = current.find((e) => e.provenance.kind === 'policy' && privacyPurposes.has(e.purpose))
  const general = current.find((e) => e.purpose === 'general')
  const [privacyEmail, privacyEmailBasis] = fromUser
    ? [fromUser.address, 'user' as const]
    : fromPolicy
      ? [fromPolicy.address, 'privacy' as const]
      : general
        ? [general.address, 'general' as const]
        : [null, null]

  const currentPostal = company.postalAddresses.filter((a) => a.status === 'current')
  const letterAddress =
    [...currentPostal].reverse().find((a) => a.provenance.kind === 'user') ?? currentPostal[0] ?? null
  const holidayJurisdiction = letterAddress
    ? letterAddress.region
      ? `${letterAddress.country}-${letterAddress.region}`
      : letterAddress.country
    : null

  return { ...company, privacyEmail, privacyEmailBasis, letterAddress, holidayJurisdiction }
}

export function summaryOf(view: CompanyView): CompanySummary {
  return {
    id: view.id,
    name: view.name,
    domains: view.domains,
    privacyEmail: view.privacyEmail,
    emails: view.emails.map((e) => ({ address: e.address, purpose: e.purpose, status: e.status })),
    postalAddresses: view.postalAddresses,
    phones: view.phones,
    subjectRule: view.requirements.subjectLine?.provenance.kind === 'policy' ? view.requirements.subjectLine.provenance.quote : null,
    sources: view.sources,
  }
}

export function openCatalog(options: { builtin: BuiltinCatalogSource; edits: DocumentStore; notices: NoticeBoard }): Catalog {
  const builtin = loadBuiltinCompanies(options.builtin)

  const readEdits = (): Edits => {
    const document = options.edits.read()
    if (Object.keys(document).length === 0) return { version: 1, contacts: {} }
    const parsed = editsSchema.safeParse(document)
    if (parsed.success) return parsed.data
    const movedTo = options.edits.moveAside()
    options.notices.add({
      code: 'STORE_FILE_UNREADABLE',
      message: `The contacts you added to the catalog could not be read, so the file was moved to ${movedTo} (nothing was deleted). The built-in catalog is shown without them.`,
      path: options.edits.path,
      movedTo,
    })
    return { version: 1, contacts: {} }
  }

  let edits = readEdits()
  let views: CompanyView[] = []
  let index: SearchIndex<CompanyView> = createSearchIndex([], () => [])

  const rebuild = () => {
    views = builtin
      .map((company) => {
        const added = edits.contacts[company.id]
        return viewOf(
          added
            ? {
                ...company,
                emails: [...company.emails, ...added.emails],
                postalAddresses: [...company.postalAddresses, ...added.postalAddresses],
              }
            : company,
        )
      })
      .sort((a, b) => a.name.localeCompare(b.name))
    index = createSearchIndex(views, (v) => [
      { text: v.name, weight: 'name' },
      ...v.legalNames.map((text) => ({ text, weight: 'name' as const })),
      ...v.brands.map((text) => ({ text, weight: 'name' as const })),
      ...v.domains.map((text) => ({ text, weight: 'domain' as const })),
      ...v.emails.map((e) => ({ text: e.address, weight: 'email' as const })),
      ...v.postalAddresses.flatMap((a) => a.lines.map((text) => ({ text, weight: 'address' as const }))),
    ])
  }
  rebuild()

  const get = (id: string): CompanyView => {
    const view = views.find((v) => v.id === id)
    if (!view) throw new CoreError('NOT_FOUND', `There is no company "${id}" in the catalog.`)
    return view
  }

  return {
    list: () => views,
    get,
    resolve(idOrDomain) {
      const key = idOrDomain.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/.*$/, '')
      const view = views.find((v) => v.id === key || v.domains.some((d) => d.toLowerCase() === key))
      if (!view) throw new CoreError('NOT_FOUND', `No company in the catalog has the id or domain "${idOrDomain}".`)
      return view
    },
    search: (query, limit) => index.search(query, limit),
    addContact(input, enteredOn) {
      get(input.companyId)
      const provenance = { kind: 'user' as const, enteredOn, quality: 'user' as const }
      const existing = edits.contacts[input.companyId] ?? { emails: [], postalAddresses: [] }
      const emails: EmailContact[] = input.email
        ? [...existing.emails, { address: input.email, purpose: input.purpose, status: 'current', provenance }]
        : existing.emails
      const postalAddresses: PostalAddress[] = input.postal
        ? [...existing.postalAddresses, { ...input.postal, region: null, status: 'current', provenance }]
        : existing.postalAddresses
      const next: Edits = { version: 1, contacts: { ...edits.contacts, [input.companyId]: { emails, postalAddresses } } }
      options.edits.write(next)
      edits = next
      rebuild()
      return get(input.companyId)
    },
  }
}
