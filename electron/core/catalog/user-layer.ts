/**
 * The user's layer of the catalog: the companies they added, their changes to built-in or
 * imported records, the contacts they added and the records they deleted; how it is stored, and
 * how an edit becomes a record or a change.
 */
import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { CoreError } from '../shared/result'
import { dictionaryOf, isJsonObject } from '../shared/own-keys'
import { companySchema, emailContactSchema, postalAddressSchema, type Company, type CompanyEdit, type CompanyMatch, type EmailContact, type PostalAddress, type Provenance } from './schema'
import { plainDateSchema } from '../shared/schemas'
import { coreErrorAs, zodProblems } from '../messages/errors'
import { message } from '../shared/message'

/** Contacts the user added to a record. */
export const addedContactsSchema = z.object({ emails: z.array(emailContactSchema), postalAddresses: z.array(postalAddressSchema) })
export type AddedContacts = { readonly emails: ReadonlyArray<EmailContact>; readonly postalAddresses: ReadonlyArray<PostalAddress> }

/** A change to a built-in or imported record: the changed fields' whole new values. */
export type Override = {
  readonly editedOn: string
  /** Field name → value; only names of `overrideFields`, in an object without a prototype. */
  readonly fields: Readonly<Record<string, unknown>>
}

/**
 * The user's layer, in Maps: company ids come from names people type ("Constructor"), and a Map
 * has no inherited keys. Stored as one JSON object per kind, keyed by company id (version 2).
 */
export type Edits = {
  /** Contacts the user added to a record, per company id. */
  readonly contacts: ReadonlyMap<string, AddedContacts>
  /** Companies the user added, whole. */
  readonly companies: ReadonlyMap<string, Company>
  /** Fields the user changed on built-in or imported records. */
  readonly overrides: ReadonlyMap<string, Override>
  /** Built-in or imported records the user deleted, with the date (restorable). */
  readonly deleted: ReadonlyMap<string, string>
}

/** Raise when companySchema changes, so that stored imports are validated (and defaulted) again. */
export const recordSchemaVersion = 3

export const digestOf = (companies: Readonly<Record<string, unknown>>) => createHash('sha256').update(JSON.stringify(companies)).digest('hex')

export const emptyEdits = (): Edits => ({ contacts: new Map(), companies: new Map(), overrides: new Map(), deleted: new Map() })

/** The fields of a record a user may change; everything but `id` and `sources`. */
export const editableFields = [
  'name',
  'legalNames',
  'brands',
  'domains',
  'website',
  'emails',
  'postalAddresses',
  'phones',
  'webForms',
  'requirements',
  'establishment',
  'countriesServed',
  'categories',
  'identityProvenance',
  'history',
] as const satisfies ReadonlyArray<keyof Company>

/** The fields an override may hold: the editable ones, and `sources` (a policy folded in). */
export const overrideFields: ReadonlySet<string> = new Set<string>([...editableFields, 'sources'])

export const overrideSchema = z
  .object({
    editedOn: plainDateSchema,
    fields: z.custom<Record<string, unknown>>(isJsonObject, 'the changed fields are not a JSON object'),
  })
  .superRefine((value, context) => {
    const unknown = Object.keys(value.fields).filter((name) => !overrideFields.has(name))
    if (unknown.length > 0) context.addIssue({ code: 'custom', path: ['fields'], message: `"${unknown[0]!.slice(0, 40)}" is not a field a change can hold` })
  })
  .transform((value): Override => ({ editedOn: value.editedOn, fields: dictionaryOf(Object.entries(value.fields)) }))

/** The stored form of the user's layer (catalog-edits.json). */
export function documentOf(edits: Edits): Record<string, unknown> {
  return {
    version: 2,
    contacts: dictionaryOf(edits.contacts),
    companies: dictionaryOf(edits.companies),
    overrides: dictionaryOf(edits.overrides),
    deleted: dictionaryOf(edits.deleted),
  }
}

export const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)


/**
 * The record a user's edit describes, on top of `base` (null for a new company): values that did
 * not change keep their provenance; new or changed ones are "entered by you" on `today`.
 */
export function applyEdit(base: Company | null, edit: CompanyEdit, id: string, today: string): Company {
  const user: Provenance = { kind: 'user', enteredOn: today, quality: 'user' }
  const keep = <T extends { provenance: Provenance }>(entries: ReadonlyArray<T>, match: (entry: T) => boolean) =>
    entries.find(match)?.provenance ?? user

  const identityChanged =
    !base ||
    base.name !== edit.name ||
    !same(base.legalNames, edit.legalNames) ||
    !same(base.brands, edit.brands) ||
    !same(base.domains, edit.domains) ||
    base.website !== edit.website

  const history = [...(base?.history ?? [])]
  if (base && base.name !== edit.name) {
    history.push({ field: 'name', value: base.name, until: today, provenance: base.identityProvenance ?? user })
  }
  if (base && base.website !== edit.website && base.website) {
    history.push({ field: 'website', value: base.website, until: today, provenance: base.identityProvenance ?? user })
  }

  const baseRequirements = base?.requirements
  const language =
    edit.requestLanguage === null
      ? null
      : baseRequirements?.language?.code === edit.requestLanguage
        ? baseRequirements.language
        : { code: edit.requestLanguage, basis: 'catalog' as const }
  const idDocument = edit.needsIdDocument
    ? (baseRequirements?.idDocument ?? { text: 'You noted that this company needs a copy of an identity document.', provenance: user })
    : null

  const record = {
    id,
    name: edit.name,
    legalNames: edit.legalNames,
    brands: edit.brands,
    domains: [...new Set(edit.domains)],
    website: edit.website,
    emails: edit.emails.map((e) => {
      const same = (b: EmailContact) => b.address.toLowerCase() === e.address.toLowerCase() && b.purpose === e.purpose
      // A problem a source reported stays with the address while the user keeps it as it was.
      const before = base?.emails.find(same)
      return { ...e, provenance: before?.provenance ?? user, problem: before && before.status === e.status ? before.problem : null }
    }),
    postalAddresses: edit.postalAddresses.map((a) => ({
      ...a,
      provenance: keep(base?.postalAddresses ?? [], (b) => same(b.lines, a.lines) && b.country === a.country && b.recipient === a.recipient),
    })),
    phones: edit.phones.map((p) => ({ ...p, provenance: keep(base?.phones ?? [], (b) => b.number === p.number && b.kind === p.kind) })),
    webForms: edit.webForms.map((w) => ({ ...w, provenance: keep(base?.webForms ?? [], (b) => b.url === w.url) })),
    requirements: {
      subjectLine: baseRequirements?.subjectLine ?? null,
      deletion: baseRequirements?.deletion ?? null,
      minimumAge: baseRequirements?.minimumAge ?? null,
      language,
      idDocument,
      requiredElements: baseRequirements?.requiredElements ?? [],
      suggestedChannel: edit.suggestedChannel,
      webFormOnly: baseRequirements?.webFormOnly ?? null,
      customTemplates: baseRequirements?.customTemplates ?? {},
    },
    establishment: edit.establishment,
    countriesServed: edit.countriesServed,
    categories: edit.categories,
    pgp: base?.pgp ?? null,
    identityProvenance: identityChanged ? user : (base?.identityProvenance ?? user),
    facetGroup: base?.facetGroup ?? null,
    nsfw: base?.nsfw ?? false,
    history,
    standing: base?.standing ?? { kind: 'active' as const },
    aliases: base?.aliases ?? [],
    notes: base?.notes ?? [],
    sources: base?.sources ?? [],
  }
  const parsed = companySchema.safeParse(record)
  if (!parsed.success) {
    throw coreErrorAs('INVALID_INPUT', `This company cannot be saved: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, 'error.catalog.cannotSave', { problems: zodProblems(parsed.error) })
  }
  return parsed.data
}

/** The fields of `edited` that differ from `base`, as an override. */
export function overrideOf(base: Company, edited: Company, fieldList: ReadonlyArray<keyof Company> = editableFields): Record<string, unknown> {
  const fields: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  for (const field of fieldList) {
    if (!same(base[field], edited[field])) fields[field] = edited[field]
  }
  return fields
}

/** "FS.COM (fs-com) has the domain fs.com": why a new company looks like one the catalog has. */
export function duplicateError(matches: ReadonlyArray<CompanyMatch>): CoreError {
  const shown = matches.slice(0, 3).map((m) => `${m.name} (${m.id}) has the ${m.by === 'domain' ? 'domain' : 'address'} ${m.value}`)
  const more = matches.length > 3 ? ` and ${matches.length - 3} more` : ''
  const found = matches.slice(0, 3).map((m) => message(m.by === 'domain' ? 'error.catalog.duplicate.domain' : 'error.catalog.duplicate.address', { company: m.name, id: m.id, value: m.value }))
  return coreErrorAs(
    'DUPLICATE_COMPANY',
    `The catalog already has this company: ${shown.join('; ')}${more}. Change that record instead, or add this one as a separate company.`,
    matches.length > 3 ? 'error.catalog.duplicate.more' : 'error.catalog.duplicate.some',
    { found, count: matches.length - 3 },
  )
}

