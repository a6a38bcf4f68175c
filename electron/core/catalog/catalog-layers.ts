/**
 * The catalog's layers as the files hold them: the imported records and the user's layer, read
 * (entry by entry, a bad entry set aside with a notice), read again when another process changed
 * a file, and written; the record under the user's layer and the record with it on top.
 */
import type { NoticeBoard } from '../shared/notices'
import { describeIssues, dictionaryOf, isJsonObject, readKeyedEntries, type BadEntry, type KeyedSchemas } from '../shared/own-keys'
import { fileStamp } from '../storage/files'
import { reportSetAside } from '../storage/set-aside'
import type { DocumentStore } from '../shared/ports'
import { mergeCompanies } from './merge'
import { companyIdSchema, companySchema, type Company, type CompanyOrigin } from './schema'
import { plainDateSchema } from '../shared/schemas'
import type { BuiltinLayer } from './builtin-layer'
import { coreError } from '../messages/errors'
import { addedContactsSchema, digestOf, documentOf, emptyEdits, overrideSchema, recordSchemaVersion, type Edits, type Override } from './user-layer'

/** What was read of the files, shared by the catalog's parts; changed only by the layers' own steps and `writeEdits`. */
export type CatalogState = {
  imports: Map<string, Company>
  edits: Edits
  userCompanies: ReadonlyMap<string, Company>
  stamps: { edits: string; imports: string }
  /** Whether the views show `imports` and `edits` as they are. */
  built: boolean
}

/** The files the catalog keeps the user's data in. */
export type CatalogFiles = {
  edits: DocumentStore
  imports?: DocumentStore
  notices: NoticeBoard
}

/** The layers part of the catalog (see createCatalogLayers). */
export type CatalogLayers = ReturnType<typeof createCatalogLayers>

export function createCatalogLayers(options: CatalogFiles, builtin: BuiltinLayer) {
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
    state.stamps = { ...state.stamps, imports: fileStamp(options.imports.path) }
  }

  /**
   * What was read, and the files' stamps then. Another process (the CLI beside the app) may change
   * either file at any time: every use checks the stamps first and reads again what changed.
   */
  const state: CatalogState = { imports: new Map(), edits: emptyEdits(), userCompanies: new Map(), stamps: { edits: '', imports: '' }, built: false }
  state.userCompanies = state.edits.companies
  const stampsNow = () => ({ edits: fileStamp(options.edits.path), imports: options.imports ? fileStamp(options.imports.path) : '' })

  /** True when an imported record replaces a pack's record of the same id (a newer snapshot of the same data set). */
  const shadowed = (id: string) => state.imports.has(id) && builtin.has(id) && !builtin.seedIds.has(id)

  /**
   * The record under the user's layer: an imported one where the user imported a newer version of
   * a pack's record (with the later packs' facts merged in again), else the built-in, else the
   * imported one.
   */
  function baseOf(id: string): Company | null {
    const imported = state.imports.get(id)
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
    const own = state.userCompanies.get(id)
    const base = baseOf(id)
    const origin: CompanyOrigin = own ? 'user' : builtin.has(id) && !shadowed(id) ? 'builtin' : 'imported'
    let company = own ?? base
    if (!company) return null
    const override = own ? undefined : state.edits.overrides.get(id)
    let editedFields: string[] = []
    if (override) {
      const candidate = withOverride(company, override, id)
      if (candidate.success) {
        company = candidate.data
        editedFields = Object.keys(override.fields)
      }
    }
    const added = state.edits.contacts.get(id)
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
    if (failingOverrides(state.edits).bad.length === 0) return
    options.edits.locked(() => {
      const fresh = readEdits()
      const { bad, overrides } = failingOverrides(fresh)
      state.edits = { ...fresh, overrides }
      state.userCompanies = state.edits.companies
      if (bad.length > 0) setAside(options.edits, 'your changes to catalog records', bad, state.edits)
    })
  }

  /** Reads both files (again). */
  const load = () => {
    // Taken before reading: a change made while reading is read again next time.
    const before = stampsNow()
    state.imports = readImports()
    state.edits = readEdits()
    state.userCompanies = state.edits.companies
    checkOverrides()
    state.stamps = before
    state.built = false
  }
  /** Reads again what another process changed. */
  const refresh = () => {
    const now = stampsNow()
    if (now.edits !== state.stamps.edits || now.imports !== state.stamps.imports) load()
  }
  load()

  /** Writes the user's layer; called only inside `change`, under the lock. The views are built again when next used. */
  const writeEdits = (next: Edits) => {
    options.edits.write(documentOf(next))
    state.edits = next
    state.userCompanies = next.companies
    state.stamps = { ...state.stamps, edits: fileStamp(options.edits.path) }
    state.built = false
  }

  return { state, builtin, baseOf, shadowed, effective, refresh, writeEdits, writeImports }
}
