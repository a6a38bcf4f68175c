/**
 * The catalog, in layers, later ones winning:
 * 1. built-in records (read-only, from assets/catalog; replaced when Rightful is updated);
 * 2. imported records (datarequests.org files or a Rightful export; the catalog-imports store);
 * 3. the user's own: companies they added, and per-field changes ("overrides"), added contacts and
 *    deletions of built-in or imported records (the catalog-edits store).
 * A newer built-in or imported record never overwrites the user's change: an override replaces
 * only the fields the user changed, whatever the record under it says now.
 */
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { CoreError } from '../shared/result'
import type { NoticeBoard } from '../shared/notices'
import { describeIssues, dictionaryOf, isJsonObject, readKeyedEntries, type BadEntry, type KeyedSchemas } from '../shared/own-keys'
import { fileStamp } from '../storage/files'
import { reportSetAside } from '../storage/set-aside'
import type { BuiltinCatalogSource, DocumentStore } from '../shared/ports'
import { fromDatarequests, RecordRejected } from './datarequests'
import { mergeCompanies } from './merge'
import { readPack, type PackInfo } from './packs'
import { companyIdSchema, companySchema, emailContactSchema, postalAddressSchema, type Company, type CompanyEdit, type CompanyMatch, type CompanyOrigin, type CompanySummary, type CompanyView, type ContactInput, type EmailContact, type EmailProblem, type PostalAddress, type Provenance } from './schema'
import { plainDateSchema } from '../shared/schemas'
import { nameCollator, openBuiltinLayer } from './builtin-layer'
import { createOverlay } from './overlay'
import { coreError, coreErrorAs, zodProblems } from '../messages/errors'
import { message } from '../shared/message'
import { slugOf } from './slug'

export { slugOf }

/** Contacts the user added to a record. */
const addedContactsSchema = z.object({ emails: z.array(emailContactSchema), postalAddresses: z.array(postalAddressSchema) })
type AddedContacts = { readonly emails: ReadonlyArray<EmailContact>; readonly postalAddresses: ReadonlyArray<PostalAddress> }

/** A change to a built-in or imported record: the changed fields' whole new values. */
type Override = {
  readonly editedOn: string
  /** Field name → value; only names of `overrideFields`, in an object without a prototype. */
  readonly fields: Readonly<Record<string, unknown>>
}

/**
 * The user's layer, in Maps: company ids come from names people type ("Constructor"), and a Map
 * has no inherited keys. Stored as one JSON object per kind, keyed by company id (version 2).
 */
type Edits = {
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
const recordSchemaVersion = 3

const digestOf = (companies: Readonly<Record<string, unknown>>) => createHash('sha256').update(JSON.stringify(companies)).digest('hex')

const emptyEdits = (): Edits => ({ contacts: new Map(), companies: new Map(), overrides: new Map(), deleted: new Map() })

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
const overrideFields: ReadonlySet<string> = new Set<string>([...editableFields, 'sources'])

const overrideSchema = z
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
function documentOf(edits: Edits): Record<string, unknown> {
  return {
    version: 2,
    contacts: dictionaryOf(edits.contacts),
    companies: dictionaryOf(edits.companies),
    overrides: dictionaryOf(edits.overrides),
    deleted: dictionaryOf(edits.deleted),
  }
}

/**
 * The native export. `companies` holds the records as the user sees them (for people and other
 * tools); `layers` holds what Rightful needs to rebuild the user's catalog exactly: imported
 * records as imported, companies the user added, their per-field changes, added contacts and
 * deletions. A file with `companies` only (e.g. written by hand) imports too.
 */
export const catalogExportSchema = z.object({
  format: z.literal('rightful-catalog'),
  version: z.literal(1),
  exportedOn: plainDateSchema,
  companies: z.array(z.unknown()),
  /** Read entry by entry on import (each bad entry rejected with its reason, the others kept). */
  layers: z
    .object({
      imported: z.array(z.unknown()),
      added: z.array(z.unknown()),
      overrides: z.unknown(),
      contacts: z.unknown(),
      deleted: z.unknown(),
    })
    .optional(),
})
export type CatalogExport = {
  readonly format: 'rightful-catalog'
  readonly version: 1
  readonly exportedOn: string
  readonly companies: ReadonlyArray<Company>
  readonly layers: {
    readonly imported: ReadonlyArray<Company>
    readonly added: ReadonlyArray<Company>
    /** Company id → the changed fields; objects without a prototype, keyed by id. */
    readonly overrides: Readonly<Record<string, Override>>
    readonly contacts: Readonly<Record<string, AddedContacts>>
    readonly deleted: Readonly<Record<string, string>>
  }
}

export type ImportFormat = 'datarequests' | 'rightful'
/** One file (or one record of a file) offered for import, named as the user will recognize it. */
export type ImportEntry = { readonly entry: string; readonly data: unknown } | { readonly entry: string; readonly error: string }
export type ImportReport = {
  readonly imported: number
  readonly rejected: ReadonlyArray<{ readonly entry: string; readonly reason: string }>
  /** True when nothing was stored (a dry run). */
  readonly dryRun: boolean
}

export type Catalog = {
  list(): ReadonlyArray<CompanyView>
  /** The records of `list()` from `offset`, at most `limit`, reading only those. */
  page(offset: number, limit: number): ReadonlyArray<CompanyView>
  /** The records with these ids, in this order; an id the catalog does not have is left out. */
  some(ids: ReadonlyArray<string>): ReadonlyArray<CompanyView>
  get(id: string): CompanyView
  /** Finds a company by id or by one of its domains (e.g. "fs.com"). */
  resolve(idOrDomain: string): CompanyView
  search(query: string, limit: number): ReadonlyArray<CompanyView>
  addContact(input: ContactInput, enteredOn: string): CompanyView
  /**
   * Adds a company (no id) or changes one; returns the record as it now reads. A new company with
   * a domain or address of one the catalog has is refused (DUPLICATE_COMPANY) unless `asNew`.
   */
  save(input: CompanyEdit, today: string): CompanyView
  /** The companies that have one of these domains or e-mail addresses (not `excludeId`). */
  matches(candidate: { readonly domains: ReadonlyArray<string>; readonly emails: ReadonlyArray<string>; readonly excludeId?: string }): ReadonlyArray<CompanyMatch>
  /**
   * Folds a record the user accepted (e.g. read from a privacy policy) into a company the catalog
   * has: its contacts and sources join the record, as the user's change.
   */
  updateFrom(id: string, record: Company, today: string): CompanyView
  /**
   * Adds a whole record the user accepted (e.g. read from a privacy policy) to their own
   * companies, under its id or, when that is taken, the next free one.
   */
  addRecord(company: Company, options?: { readonly asNew?: boolean }): CompanyView
  /** Deletes a company: the user's own for good, a built-in or imported one restorably. */
  remove(id: string, today: string): { id: string; restorable: boolean }
  /** Brings back a deleted built-in or imported record, with the user's changes to it. */
  restore(id: string): CompanyView
  /** Drops the user's changes and added contacts: the record as the catalog has it. */
  reset(id: string): CompanyView
  /**
   * Marks an e-mail address of a company with a problem (a confirmed bounce, with its date), or
   * clears it (null), as the user's change: the built-in layer stays as it is, and the address is
   * no longer proposed for requests. NOT_FOUND when the company has no such address.
   */
  markEmailProblem(id: string, address: string, problem: EmailProblem | null, today: string): CompanyView
  deleted(): ReadonlyArray<{ id: string; name: string; deletedOn: string }>
  /** Imports every entry that is valid, in one write; the report accounts for every entry. */
  importEntries(entries: ReadonlyArray<ImportEntry>, format: ImportFormat, today: string, options?: { dryRun?: boolean }): ImportReport
  /** The user's catalog (imported, added and changed records, deletions), or every record with `all`. */
  exportCatalog(today: string, options?: { all?: boolean }): CatalogExport
  /** The open data sets the built-in catalog comes from, with their licences (the About view). */
  packs(): ReadonlyArray<PackInfo>
}

/** The built-in catalog: the seed companies with the packs applied, and what the About view credits. */
export type BuiltinCatalog = {
  readonly companies: ReadonlyArray<Company>
  /** Each pack's source, licence and counts, in the order applied. */
  readonly packs: ReadonlyArray<PackInfo>
  /** Ids of the hand-made seed records (with policy quotes): an import never replaces them. */
  readonly seedIds: ReadonlySet<string>
  /**
   * For each record a pack's merge touched: the record before the merges and the merged records,
   * so that an imported newer version of the base can have them applied again.
   */
  readonly mergedParts: ReadonlyMap<string, { readonly base: Company; readonly merges: ReadonlyArray<Company> }>
}

/**
 * Loads and validates the seed records, then applies the packs in their order; a broken built-in
 * file or pack is a bug, reported loudly.
 */
export function loadBuiltinCatalog(source: BuiltinCatalogSource): BuiltinCatalog {
  const byId = new Map<string, Company>()
  for (const { file, data } of source.load()) {
    const parsed = companySchema.safeParse(data)
    if (!parsed.success) {
      throw new Error(`Built-in catalog file ${file} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
    }
    if (byId.has(parsed.data.id)) throw new Error(`Built-in catalog file ${file} repeats the id "${parsed.data.id}".`)
    byId.set(parsed.data.id, parsed.data)
  }
  const seedIds = new Set(byId.keys())
  const packs = (source.packs?.() ?? []).map(({ file, bytes }) => ({ file, pack: readPack(file, bytes) })).sort((a, b) => a.pack.order - b.pack.order)
  const mergedParts = new Map<string, { base: Company; merges: Company[] }>()
  const infos: PackInfo[] = []
  for (const { file, pack } of packs) {
    for (const company of pack.companies) {
      if (byId.has(company.id)) throw new Error(`Built-in catalog pack ${file} repeats the id "${company.id}".`)
      byId.set(company.id, company)
    }
    for (const { into, company } of pack.merges) {
      const base = byId.get(into)
      if (!base) throw new Error(`Built-in catalog pack ${file} merges "${company.id}" into "${into}", which no earlier layer has.`)
      const parts = mergedParts.get(into) ?? { base, merges: [] }
      parts.merges.push(company)
      mergedParts.set(into, parts)
      byId.set(into, mergeCompanies(base, company))
    }
    infos.push({ ...pack.source, companies: pack.companies.length, merged: pack.merges.length })
  }
  return { companies: [...byId.values()], packs: infos, seedIds, mergedParts }
}

/** The built-in records (seed companies and packs), validated. */
export function loadBuiltinCompanies(source: BuiltinCatalogSource): Company[] {
  return [...loadBuiltinCatalog(source).companies]
}

const privacyPurposes = new Set(['privacy', 'dpo'])

/** The record plus what follows from it: which address requests go to, and why. */
export function viewOf(company: Company, origin: CompanyOrigin = 'builtin', editedFields: ReadonlyArray<string> = []): CompanyView {
  // An address a source found a problem with (bounced, refuses requests) is never proposed.
  const current = company.emails.filter((e) => e.status === 'current' && e.problem === null)
  const fromUser = [...current].reverse().find((e) => e.provenance.kind === 'user' && privacyPurposes.has(e.purpose))
  const fromSource = current.find((e) => e.provenance.kind !== 'user' && privacyPurposes.has(e.purpose))
  const general = current.find((e) => e.purpose === 'general')
  const [privacyEmail, privacyEmailBasis] = fromUser
    ? [fromUser.address, 'user' as const]
    : fromSource
      ? [fromSource.address, 'privacy' as const]
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

  return { ...company, privacyEmail, privacyEmailBasis, letterAddress, holidayJurisdiction, origin, editedFields }
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

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)


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
function overrideOf(base: Company, edited: Company, fieldList: ReadonlyArray<keyof Company> = editableFields): Record<string, unknown> {
  const fields: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  for (const field of fieldList) {
    if (!same(base[field], edited[field])) fields[field] = edited[field]
  }
  return fields
}

/** "FS.COM (fs-com) has the domain fs.com": why a new company looks like one the catalog has. */
function duplicateError(matches: ReadonlyArray<CompanyMatch>): CoreError {
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

export function openCatalog(options: {
  builtin: BuiltinCatalogSource
  edits: DocumentStore
  imports?: DocumentStore
  notices: NoticeBoard
}): Catalog {
  // The built-in records: from the compact form when there is one, decoded as they are asked for.
  const builtin = openBuiltinLayer(options.builtin, () => loadBuiltinCatalog(options.builtin))

  const unreadable = (store: DocumentStore, what: string) => {
    const movedTo = store.moveAside()
    // Null: another process moved it aside (and told the user) or wrote it anew meanwhile.
    if (movedTo === null) return
    options.notices.add({
      code: 'STORE_FILE_UNREADABLE',
      message: `${what} could not be read, so the file was moved to ${movedTo} (nothing was deleted). The catalog is shown without it.`,
      path: store.path,
      movedTo,
    })
  }

  const userCompanySchemas = {
    key: companyIdSchema,
    value: companySchema,
    fits: (id: string, company: Company) => (company.id === id ? null : `the record's id "${company.id.slice(0, 80)}" is not its key`),
  }

  /** The user's layer in a document, entry by entry, with the entries that do not read. */
  const editsOf = (document: Record<string, unknown>): { edits: Edits; bad: BadEntry[] } | { unknownVersion: unknown } => {
    if (Object.keys(document).length === 0) return { edits: emptyEdits(), bad: [] }
    if (document.version !== 1 && document.version !== 2) return { unknownVersion: document.version }
    const bad: BadEntry[] = []
    const section = <T,>(name: string, schemas: KeyedSchemas<T>): Map<string, T> => {
      const read = readKeyedEntries(document[name], schemas, name)
      for (const entry of read.bad) bad.push({ ...entry, key: entry.key === name ? name : `${name}: ${entry.key}` })
      return read.entries
    }
    const contacts = section('contacts', { key: companyIdSchema, value: addedContactsSchema })
    const edits: Edits =
      document.version === 1
        ? { ...emptyEdits(), contacts }
        : {
            contacts,
            companies: section('companies', userCompanySchemas),
            overrides: section('overrides', { key: companyIdSchema, value: overrideSchema }),
            deleted: section('deleted', { key: companyIdSchema, value: plainDateSchema }),
          }
    return { edits, bad }
  }

  /**
   * The user's layer, entry by entry: an entry that does not read (one bad field) is set aside
   * with a notice and the file written again without it; every other company and change stays.
   * The setting aside runs under the data folder's lock, on the file as it is then.
   */
  const readEdits = (): Edits => {
    const found = editsOf(options.edits.read())
    if ('edits' in found && found.bad.length === 0) return found.edits
    return options.edits.locked(() => {
      const fresh = editsOf(options.edits.read())
      if (!('edits' in fresh)) {
        unreadable(options.edits, `The companies you added or changed in the catalog (a file of version ${JSON.stringify(fresh.unknownVersion)?.slice(0, 20)}, which this Rightful does not know)`)
        return emptyEdits()
      }
      if (fresh.bad.length > 0) setAside(options.edits, 'your catalog changes', fresh.bad, fresh.edits)
      return fresh.edits
    })
  }

  /** Writes `bad` beside the store with a notice, then the store without them. */
  const setAside = (store: DocumentStore, what: string, bad: ReadonlyArray<BadEntry>, kept: Edits) => {
    reportSetAside({ store, notices: options.notices, what, bad })
    store.write(documentOf(kept))
  }

  /** Imported records in a document, validated one by one; null when the file is unusable as a whole. */
  const importsOf = (document: Record<string, unknown>): { entries: Map<string, Company>; bad: BadEntry[] } | null => {
    if (Object.keys(document).length === 0) return { entries: new Map(), bad: [] }
    if (document.version !== 1 || !isJsonObject(document.companies)) return null
    const companies = document.companies
    // Validated when they were imported, and unchanged since: no need to check each again.
    if (document.recordSchema === recordSchemaVersion && document.digest === digestOf(companies)) {
      return { entries: new Map(Object.keys(companies).map((id) => [id, companies[id] as Company])), bad: [] }
    }
    const { entries, bad } = readKeyedEntries(companies, userCompanySchemas)
    return { entries, bad }
  }

  /** Imported records: a record that no longer reads is set aside with a notice (under the lock, on the file as it is then). */
  const readImports = (): Map<string, Company> => {
    const store = options.imports
    if (!store) return new Map()
    const found = importsOf(store.read())
    if (found && found.bad.length === 0) return found.entries
    return store.locked(() => {
      const fresh = importsOf(store.read())
      if (!fresh) {
        unreadable(store, 'The companies you imported')
        return new Map<string, Company>()
      }
      if (fresh.bad.length > 0) {
        reportSetAside({ store, notices: options.notices, what: 'your imported companies', bad: fresh.bad })
        writeImports(fresh.entries)
      }
      return fresh.entries
    })
  }

  const writeImports = (companies: ReadonlyMap<string, Company>) => {
    if (!options.imports) throw coreError('STORAGE_FAILED', 'error.catalog.noImports')
    const stored = dictionaryOf(companies)
    options.imports.write({ version: 1, recordSchema: recordSchemaVersion, digest: digestOf(stored), companies: stored })
    stamps = { ...stamps, imports: fileStamp(options.imports.path) }
  }

  /**
   * What was read, and the files' stamps then. Another process (the CLI beside the app) may change
   * either file at any time: every use checks the stamps first and reads again what changed.
   */
  let imports = new Map<string, Company>()
  let edits = emptyEdits()
  let userCompanies: ReadonlyMap<string, Company> = edits.companies
  let stamps = { edits: '', imports: '' }
  /** Whether the views below show `imports` and `edits` as they are. */
  let built = false
  const stampsNow = () => ({ edits: fileStamp(options.edits.path), imports: options.imports ? fileStamp(options.imports.path) : '' })

  const collator = nameCollator

  /** True when an imported record replaces a pack's record of the same id (a newer snapshot of the same data set). */
  const shadowed = (id: string) => imports.has(id) && builtin.has(id) && !builtin.seedIds.has(id)

  /**
   * The record under the user's layer: an imported one where the user imported a newer version of
   * a pack's record (with the later packs' facts merged in again), else the built-in, else the
   * imported one.
   */
  function baseOf(id: string): Company | null {
    const imported = imports.get(id)
    if (imported && shadowed(id)) {
      const parts = builtin.mergedParts(id)
      return parts ? parts.merges.reduce(mergeCompanies, imported) : imported
    }
    return builtin.get(id) ?? imported ?? null
  }

  /**
   * A record with a change on top, validated; remembered per change and record, since reading the
   * files checks every change once and showing the record would check it again.
   */
  const overridden = new WeakMap<Override, { base: Company; result: ReturnType<typeof companySchema.safeParse> }>()
  const withOverride = (base: Company, override: Override, id: string) => {
    const known = overridden.get(override)
    if (known && known.base === base) return known.result
    const result = companySchema.safeParse({ ...base, ...override.fields, id })
    overridden.set(override, { base, result })
    return result
  }

  /** A base record (built-in, else imported) with the user's override and contacts on top. */
  const effective = (id: string): { company: Company; origin: CompanyOrigin; editedFields: string[] } | null => {
    const own = userCompanies.get(id)
    const base = baseOf(id)
    const origin: CompanyOrigin = own ? 'user' : builtin.has(id) && !shadowed(id) ? 'builtin' : 'imported'
    let company = own ?? base
    if (!company) return null
    const override = own ? undefined : edits.overrides.get(id)
    let editedFields: string[] = []
    if (override) {
      const candidate = withOverride(company, override, id)
      if (candidate.success) {
        company = candidate.data
        editedFields = Object.keys(override.fields)
      }
    }
    const added = edits.contacts.get(id)
    if (added) {
      company = {
        ...company,
        emails: [...company.emails, ...added.emails],
        postalAddresses: [...company.postalAddresses, ...added.postalAddresses],
      }
      if (added.emails.length + added.postalAddresses.length > 0 && !editedFields.includes('contacts')) editedFields.push('contacts')
    }
    return { company, origin, editedFields }
  }

  /** The user's changes that no longer make a valid record with the record under them (a newer catalog changed that record). */
  const failingOverrides = (layer: Edits): { bad: BadEntry[]; overrides: Map<string, Override> } => {
    const bad: BadEntry[] = []
    const overrides = new Map(layer.overrides)
    for (const [id, override] of layer.overrides) {
      const base = layer.companies.has(id) ? null : baseOf(id)
      if (!base) continue
      const candidate = withOverride(base, override, id)
      if (candidate.success) continue
      bad.push({ key: `overrides: ${id}`, reason: `your changes no longer make a valid record with the catalog's (${describeIssues(candidate.error)})`, data: override })
      overrides.delete(id)
    }
    return { bad, overrides }
  }

  /**
   * A change that no longer makes a valid record with the record under it is set aside with a
   * notice, never dropped without a word (under the lock, on the file as it is then).
   */
  const checkOverrides = () => {
    if (failingOverrides(edits).bad.length === 0) return
    options.edits.locked(() => {
      const fresh = readEdits()
      const { bad, overrides } = failingOverrides(fresh)
      edits = { ...fresh, overrides }
      userCompanies = edits.companies
      if (bad.length > 0) setAside(options.edits, 'your changes to catalog records', bad, edits)
    })
  }

  /** Reads both files (again). */
  const load = () => {
    // Taken before reading: a change made while reading is read again next time.
    const before = stampsNow()
    imports = readImports()
    edits = readEdits()
    userCompanies = edits.companies
    checkOverrides()
    stamps = before
    built = false
  }
  /** Reads again what another process changed. */
  const refresh = () => {
    const now = stampsNow()
    if (now.edits !== stamps.edits || now.imports !== stamps.imports) load()
  }
  load()

  /**
   * The user's layer on top of the built-in one. Every id the user's layer or the imports name is
   * an overlay entry: its view is computed here, and the built-in record under it (if any) is
   * hidden in the built-in index. An edit changes the overlay entries it touches, found by
   * comparing what each entry is made of (the stored objects, which an edit keeps for every entry
   * it does not touch): the built-in index is patched in place (hidden bits), and the changed
   * views go into a small new search segment; segments are merged when there are many.
   */
  const overlay = createOverlay({ builtin, collator, viewOf: (company) => viewOf(company) })
  /** What each overlay entry is made of, as last synced. */
  let overlayInputs = new Map<string, ReadonlyArray<unknown>>()

  const sync = () => {
    const ids = new Set([...imports.keys(), ...userCompanies.keys(), ...edits.overrides.keys(), ...edits.contacts.keys(), ...edits.deleted.keys()])
    const next = new Map<string, ReadonlyArray<unknown>>()
    const changed: string[] = []
    for (const id of ids) {
      const inputs = [imports.get(id), userCompanies.get(id), edits.overrides.get(id), edits.contacts.get(id), edits.deleted.get(id)]
      next.set(id, inputs)
      const before = overlayInputs.get(id)
      if (!before || before.some((value, i) => value !== inputs[i])) changed.push(id)
    }
    for (const id of overlayInputs.keys()) if (!ids.has(id)) changed.push(id)
    overlayInputs = next
    const updates = new Map<string, CompanyView | null | undefined>()
    for (const id of changed) {
      if (!ids.has(id)) {
        updates.set(id, undefined)
        continue
      }
      const found = edits.deleted.has(id) && !userCompanies.has(id) ? null : effective(id)
      updates.set(id, found ? viewOf(found.company, found.origin, found.editedFields) : null)
    }
    overlay.apply(updates)
    built = true
  }
  /** The catalog as the files hold it now: read again when another process changed them, the overlay synced. */
  const current = () => {
    refresh()
    if (!built) sync()
  }

  const get = (id: string): CompanyView => {
    current()
    const view = overlay.view(id)
    if (!view) throw coreError('NOT_FOUND', 'error.catalog.notFound', { id })
    return view
  }

  /** Writes the user's layer; called only inside `change`, under the lock. The views are built again when next used. */
  const writeEdits = (next: Edits) => {
    options.edits.write(documentOf(next))
    edits = next
    userCompanies = next.companies
    stamps = { ...stamps, edits: fileStamp(options.edits.path) }
    built = false
  }

  /**
   * Runs a change of the catalog under the data folder's lock, on the files as they are then (what
   * another process changed is read first, and kept). Returns what `step` returns.
   *
   * Building the views of thousands of companies takes a while, and a change needs them (a new
   * company is checked against the others' domains): they are built before the lock is taken. When
   * another process changed the catalog in between, the lock is let go, the views are built again
   * and the change tried again (a few times; then it builds them under the lock).
   */
  const change = <T,>(step: () => T): T => {
    for (let tries = 0; ; tries += 1) {
      current()
      const outcome = options.edits.locked((): { value: T } | null => {
        const seen = stamps
        refresh()
        if (stamps !== seen && tries < 3) return null
        return { value: step() }
      })
      if (outcome) return outcome.value
    }
  }

  /** Every record is validated before it is written. */
  const validCompany = (company: Company): Company => {
    const parsed = companySchema.safeParse(company)
    if (!parsed.success) throw coreErrorAs('INVALID_INPUT', `This company cannot be saved: ${describeIssues(parsed.error)}`, 'error.catalog.cannotSave', { problems: zodProblems(parsed.error) })
    return parsed.data
  }
  /** A change is kept only when it makes a valid record with the record under it. */
  const validOverride = (base: Company, id: string, override: Override): Override => {
    const candidate = companySchema.safeParse({ ...base, ...override.fields, id })
    if (!candidate.success) throw coreErrorAs('INVALID_INPUT', `These changes cannot be saved: ${describeIssues(candidate.error)}`, 'error.catalog.changesCannotSave', { problems: zodProblems(candidate.error) })
    return override
  }

  /** A copy of `map` with `key` set to `value` (or removed, for undefined). */
  const withEntry = <T,>(map: ReadonlyMap<string, T>, key: string, value: T | undefined): Map<string, T> => {
    const next = new Map(map)
    if (value === undefined) next.delete(key)
    else next.set(key, value)
    return next
  }


  const uniqueId = (name: string): string => {
    const stem = slugOf(name)
    const taken = (id: string) => builtin.has(id) || imports.has(id) || userCompanies.has(id)
    if (!taken(stem)) return stem
    for (let n = 2; ; n++) if (!taken(`${stem}-${n}`)) return `${stem}-${n}`
  }

  /** Imports every entry that is valid, in one write (catalog.importEntries); runs under the lock unless a dry run. */
  const importInto = (entries: ReadonlyArray<ImportEntry>, format: ImportFormat, today: string, dryRun: boolean): ImportReport => {
    const rejected: Array<{ entry: string; reason: string }> = []
    const seen = new Map<string, string>()
    const next = {
      imports: new Map(imports),
      companies: new Map(edits.companies),
      overrides: new Map(edits.overrides),
      contacts: new Map(edits.contacts),
      deleted: new Map(edits.deleted),
    }
    let imported = 0
    const problems = (error: z.ZodError) => error.issues.map((x) => `${x.path.join('.') || 'record'}: ${x.message}`).join('; ')

    /** Claims an id for one entry; a second entry with the same id is rejected. */
    const claim = (entry: string, id: string): boolean => {
      const earlier = seen.get(id)
      if (earlier) {
        rejected.push({ entry, reason: `repeats the id "${id}" of ${earlier}` })
        return false
      }
      seen.set(id, entry)
      return true
    }

    /** A record from another catalog: it joins the imported layer, below the user's own. */
    const takeImported = (entry: string, company: Company) => {
      if (builtin.seedIds.has(company.id)) {
        rejected.push({ entry, reason: `Rightful's own catalog already has "${company.id}"; change that record instead` })
        return
      }
      if (next.companies.has(company.id)) {
        rejected.push({ entry, reason: `you added a company with the id "${company.id}" yourself; it is kept as you entered it` })
        return
      }
      if (!claim(entry, company.id)) return
      next.imports.set(company.id, company)
      imported++
    }

    /** A record as a Rightful export shows it: its changes over a built-in record become an override. */
    const takeShown = (entry: string, company: Company) => {
      if (!claim(entry, company.id)) return
      const builtinBase = builtin.get(company.id)
      if (builtinBase) {
        const fields = overrideOf(builtinBase, company)
        if (Object.keys(fields).length > 0) next.overrides.set(company.id, { editedOn: today, fields })
      } else if (next.companies.has(company.id) || company.identityProvenance?.kind === 'user') {
        next.companies.set(company.id, company)
      } else {
        next.imports.set(company.id, company)
      }
      imported++
    }

    for (const item of entries) {
      if ('error' in item) {
        rejected.push({ entry: item.entry, reason: item.error })
        continue
      }
      if (format === 'datarequests') {
        try {
          takeImported(item.entry, fromDatarequests(item.data, { importedOn: today }))
        } catch (error) {
          if (error instanceof RecordRejected) rejected.push({ entry: item.entry, reason: error.message })
          else throw error
        }
        continue
      }
      const document = catalogExportSchema.safeParse(item.data)
      if (!document.success) {
        rejected.push({ entry: item.entry, reason: `not a Rightful catalog export (${problems(document.error)})` })
        continue
      }
      const records = (list: ReadonlyArray<unknown>, label: string, take: (entry: string, company: Company) => void) =>
        list.forEach((data, i) => {
          const id = (data as { id?: unknown } | null)?.id
          const entry = `${item.entry} ${label} #${i + 1}${typeof id === 'string' ? ` (${id.slice(0, 100)})` : ''}`
          const parsed = companySchema.safeParse(data)
          if (parsed.success) take(entry, parsed.data)
          else rejected.push({ entry, reason: problems(parsed.error) })
        })
      const layers = document.data.layers
      if (!layers) {
        records(document.data.companies, 'company', takeShown)
        continue
      }
      // Layers: rebuild the exporting catalog exactly.
      records(layers.imported, 'imported', (entry, company) => {
        if (builtin.seedIds.has(company.id)) rejected.push({ entry, reason: `Rightful's own catalog already has "${company.id}"` })
        else if (claim(entry, company.id)) {
          next.imports.set(company.id, company)
          imported++
        }
      })
      records(layers.added, 'added', (entry, company) => {
        if (builtin.has(company.id)) rejected.push({ entry, reason: `Rightful's own catalog already has "${company.id}"` })
        else if (claim(entry, company.id)) {
          next.companies.set(company.id, company)
          next.imports.delete(company.id)
          imported++
        }
      })
      /** The keyed layers, entry by entry: every entry that cannot be used is reported, none dropped. */
      const keyed = <T,>(raw: unknown, name: string, schemas: KeyedSchemas<T>) => {
        const read = readKeyedEntries(raw, schemas, name)
        for (const bad of read.bad) {
          rejected.push({ entry: bad.key === name ? `${item.entry} ${name}` : `${item.entry} ${name} "${bad.key.slice(0, 100)}"`, reason: bad.reason })
        }
        return read.entries
      }
      for (const [id, override] of keyed(layers.overrides, 'changes', { key: companyIdSchema, value: overrideSchema })) {
        const base = builtin.get(id) ?? next.imports.get(id)
        if (!base) rejected.push({ entry: `${item.entry} changes to "${id}"`, reason: `the catalog has no company "${id}" to change` })
        else if (!companySchema.safeParse({ ...base, ...override.fields, id }).success) {
          rejected.push({ entry: `${item.entry} changes to "${id}"`, reason: 'the changed fields do not make a valid record' })
        } else {
          next.overrides.set(id, override)
          if (!seen.has(id)) {
            seen.set(id, item.entry)
            imported++
          }
        }
      }
      for (const [id, contacts] of keyed(layers.contacts, 'contacts', { key: companyIdSchema, value: addedContactsSchema })) {
        next.contacts.set(id, contacts)
        if (!seen.has(id)) {
          seen.set(id, item.entry)
          imported++
        }
      }
      for (const [id, deletedOn] of keyed(layers.deleted, 'deletions', { key: companyIdSchema, value: plainDateSchema })) {
        if (builtin.has(id) || next.imports.has(id)) next.deleted.set(id, deletedOn)
        else rejected.push({ entry: `${item.entry} deletion of "${id}"`, reason: `the catalog has no company "${id}" to delete` })
      }
    }

    if (dryRun) return { imported, rejected, dryRun: true }
    const sameDeleted = next.deleted.size === edits.deleted.size && [...next.deleted].every(([id, on]) => edits.deleted.get(id) === on)
    if (imported === 0 && sameDeleted) return { imported, rejected, dryRun: false }

    // The imported layer is written first, whole; then the user's layer. Either write failing
    // leaves the stores as they were before it (each store writes atomically).
    if (next.imports.size > 0 || imports.size > 0) {
      if (![...next.imports].every(([id, c]) => imports.get(id) === c) || next.imports.size !== imports.size) {
        writeImports(next.imports)
        imports = next.imports
      }
    }
    writeEdits({ companies: next.companies, overrides: next.overrides, contacts: next.contacts, deleted: next.deleted })
    return { imported, rejected, dryRun: false }
  }

  const catalog: Catalog = {
    packs: () => builtin.packs,
    list: () => {
      current()
      return overlay.list()
    },
    page: (offset, limit) => {
      current()
      return overlay.page(offset, limit)
    },
    some: (ids) => {
      current()
      return ids.flatMap((id) => overlay.view(id) ?? [])
    },
    get,
    resolve(idOrDomain) {
      current()
      const key = idOrDomain.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/.*$/, '')
      const alias = builtin.aliasOf(key)
      const view = overlay.view(key) ?? overlay.withDomain(key, (domain) => domain.toLowerCase() === key)[0] ?? (alias !== undefined ? overlay.view(alias) : null)
      if (!view) throw coreError('NOT_FOUND', 'error.catalog.noIdOrDomain', { id: idOrDomain })
      return view
    },
    search: (query, limit) => {
      current()
      return overlay.search(query, limit)
    },
    // Each change runs under the data folder's lock on the files as they are (`change`); the
    // record is shown (the views built again) after the lock is let go.
    addContact(input, enteredOn) {
      change(() => {
        get(input.companyId)
        const provenance = { kind: 'user' as const, enteredOn, quality: 'user' as const }
        const existing = edits.contacts.get(input.companyId) ?? { emails: [], postalAddresses: [] }
        const emails: EmailContact[] = input.email
          ? [...existing.emails, { address: input.email, purpose: input.purpose, status: 'current', provenance, problem: null }]
          : [...existing.emails]
        const postalAddresses: PostalAddress[] = input.postal
          ? [...existing.postalAddresses, { ...input.postal, region: null, status: 'current', provenance }]
          : [...existing.postalAddresses]
        writeEdits({ ...edits, contacts: withEntry(edits.contacts, input.companyId, addedContactsSchema.parse({ emails, postalAddresses })) })
      })
      return get(input.companyId)
    },
    matches(candidate) {
      current()
      const found: CompanyMatch[] = []
      const seen = new Set<string>()
      const add = (view: CompanyView, by: CompanyMatch['by'], value: string) => {
        if (view.id === candidate.excludeId || seen.has(view.id)) return
        seen.add(view.id)
        found.push({ id: view.id, name: view.name, by, value })
      }
      for (const domain of candidate.domains) {
        const key = domain.trim().toLowerCase().replace(/^www\./, '')
        for (const view of overlay.withDomain(key, (domain) => domain.toLowerCase().replace(/^www\./, '') === key)) add(view, 'domain', key)
      }
      for (const email of candidate.emails) {
        const key = email.trim().toLowerCase()
        for (const view of overlay.withEmail(key)) add(view, 'email', key)
      }
      return found
    },
    updateFrom(id, record, today) {
      const parsed = companySchema.safeParse({ ...record, id })
      if (!parsed.success) {
        throw coreErrorAs('INVALID_INPUT', `This company cannot be saved: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, 'error.catalog.cannotSave', { problems: zodProblems(parsed.error) })
      }
      change(() => {
        const own = userCompanies.get(id)
        if (own) {
          writeEdits({ ...edits, companies: withEntry(edits.companies, id, validCompany(mergeCompanies(own, parsed.data))) })
          return
        }
        const base = baseOf(id)
        if (!base || edits.deleted.has(id)) throw coreError('NOT_FOUND', 'error.catalog.notFound', { id })
        const merged = mergeCompanies(effective(id)!.company, parsed.data)
        const fields = overrideOf(base, merged, [...editableFields, 'sources'])
        const override = validOverride(base, id, { editedOn: today, fields })
        writeEdits({ ...edits, contacts: withEntry(edits.contacts, id, undefined), overrides: withEntry(edits.overrides, id, override) })
      })
      return get(id)
    },
    save(input, today) {
      const id = change((): string => {
        if (input.id === undefined) {
          const same = input.asNew ? [] : catalog.matches({ domains: input.domains, emails: input.emails.map((e) => e.address) })
          if (same.length > 0) throw duplicateError(same)
          const id = uniqueId(input.name)
          const company = applyEdit(null, input, id, today)
          writeEdits({ ...edits, companies: withEntry(edits.companies, id, company) })
          return id
        }
        const id = input.id
        const own = userCompanies.get(id)
        if (own) {
          const company = applyEdit(own, input, id, today)
          writeEdits({ ...edits, companies: withEntry(edits.companies, id, company) })
          return id
        }
        const base = baseOf(id)
        if (!base || edits.deleted.has(id)) throw coreError('NOT_FOUND', 'error.catalog.notFound', { id })
        // The user edits what they see: the record with their earlier changes and added contacts.
        const shown = effective(id)!.company
        const edited = applyEdit(shown, input, id, today)
        // Added contacts now live in the edited lists; keep them out of the contacts layer.
        const fields = overrideOf(base, edited)
        const override = Object.keys(fields).length > 0 ? validOverride(base, id, { editedOn: today, fields }) : undefined
        writeEdits({ ...edits, contacts: withEntry(edits.contacts, id, undefined), overrides: withEntry(edits.overrides, id, override) })
        return id
      })
      return get(id)
    },
    addRecord(record, addOptions = {}) {
      const parsed = companySchema.safeParse(record)
      if (!parsed.success) {
        throw coreErrorAs('INVALID_INPUT', `This company cannot be saved: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, 'error.catalog.cannotSave', { problems: zodProblems(parsed.error) })
      }
      const id = change(() => {
        if (!addOptions.asNew) {
          const same = catalog.matches({ domains: parsed.data.domains, emails: parsed.data.emails.map((e) => e.address) })
          if (same.length > 0) throw duplicateError(same)
        }
        const id = uniqueId(parsed.data.id)
        const company = validCompany({ ...parsed.data, id })
        writeEdits({ ...edits, companies: withEntry(edits.companies, id, company) })
        return id
      })
      return get(id)
    },
    remove(id, today) {
      return change(() => {
        if (userCompanies.has(id)) {
          writeEdits({ ...edits, companies: withEntry(edits.companies, id, undefined), contacts: withEntry(edits.contacts, id, undefined) })
          return { id, restorable: false }
        }
        if (!baseOf(id) || edits.deleted.has(id)) throw coreError('NOT_FOUND', 'error.catalog.notFound', { id })
        writeEdits({ ...edits, deleted: withEntry(edits.deleted, id, plainDateSchema.parse(today)) })
        return { id, restorable: true }
      })
    },
    restore(id) {
      change(() => {
        if (!edits.deleted.has(id)) throw coreError('NOT_FOUND', 'error.catalog.notDeleted', { id })
        writeEdits({ ...edits, deleted: withEntry(edits.deleted, id, undefined) })
      })
      return get(id)
    },
    markEmailProblem(id, address, problem, today) {
      const wanted = address.trim().toLowerCase()
      const mark = (company: Company): Company => {
        if (!company.emails.some((e) => e.address.toLowerCase() === wanted)) {
          throw coreError('NOT_FOUND', 'error.catalog.noSuchEmail', { company: company.name, address: address.slice(0, 254) })
        }
        return { ...company, emails: company.emails.map((e) => (e.address.toLowerCase() === wanted ? { ...e, problem } : e)) }
      }
      change(() => {
        const own = userCompanies.get(id)
        if (own) {
          writeEdits({ ...edits, companies: withEntry(edits.companies, id, validCompany(mark(own))) })
          return
        }
        const base = baseOf(id)
        if (!base || edits.deleted.has(id)) throw coreError('NOT_FOUND', 'error.catalog.notFound', { id })
        // As in save: the user's added contacts move into the changed list of addresses.
        const edited = mark(effective(id)!.company)
        const fields = overrideOf(base, edited)
        const override = Object.keys(fields).length > 0 ? validOverride(base, id, { editedOn: plainDateSchema.parse(today), fields }) : undefined
        writeEdits({ ...edits, contacts: withEntry(edits.contacts, id, undefined), overrides: withEntry(edits.overrides, id, override) })
      })
      return get(id)
    },
    reset(id) {
      change(() => {
        if (!baseOf(id)) throw coreError('NOT_FOUND', 'error.catalog.noBase', { id })
        writeEdits({ ...edits, overrides: withEntry(edits.overrides, id, undefined), contacts: withEntry(edits.contacts, id, undefined) })
      })
      return get(id)
    },
    deleted: () => {
      refresh()
      return [...edits.deleted]
        .map(([id, deletedOn]) => ({ id, name: baseOf(id)?.name ?? id, deletedOn }))
        .sort((a, b) => collator.compare(a.name, b.name))
    },

    importEntries(entries, format, today, importOptions = {}) {
      // A dry run changes nothing: it needs no lock. A real import runs whole under the lock, on the files as they are.
      return importOptions.dryRun ? (refresh(), importInto(entries, format, today, true)) : change(() => importInto(entries, format, today, false))
    },

    exportCatalog(today, exportOptions = {}) {
      current()
      const touched = (id: string) => imports.has(id) || userCompanies.has(id) || edits.overrides.has(id) || edits.contacts.has(id)
      const companies: Company[] = []
      for (const view of exportOptions.all ? overlay.list() : overlay.touched()) {
        if (!exportOptions.all && !touched(view.id)) continue
        const {
          privacyEmail: _p,
          privacyEmailBasis: _b,
          letterAddress: _l,
          holidayJurisdiction: _h,
          origin: _o,
          editedFields: _e,
          ...company
        } = view
        companies.push(company)
      }
      return {
        format: 'rightful-catalog',
        version: 1,
        exportedOn: today,
        companies,
        layers: {
          imported: [...imports.values()],
          added: [...userCompanies.values()],
          overrides: dictionaryOf(edits.overrides),
          contacts: dictionaryOf(edits.contacts),
          deleted: dictionaryOf(edits.deleted),
        },
      }
    },
  }
  return catalog
}
