/**
 * The catalog, in layers, later ones winning:
 * 1. built-in records (read-only, from assets/catalog; replaced when Rightful is updated);
 * 2. imported records (datarequests.org files or a Rightful export; the catalog-imports store);
 * 3. the user's own: companies they added, and per-field changes ("overrides"), added contacts and
 *    deletions of built-in or imported records (the catalog-edits store).
 * A newer built-in or imported record never overwrites the user's change: an override replaces
 * only the fields the user changed, whatever the record under it says now.
 */
import type { NoticeBoard } from '../shared/notices'
import type { BuiltinCatalogSource, DocumentStore } from '../shared/ports'
import { mergeCompanies } from './merge'
import { readPack, type PackInfo } from './packs'
import { companySchema, type Company, type CompanyEdit, type CompanyMatch, type CompanyView, type ContactInput, type EmailProblem } from './schema'
import { openBuiltinLayer } from './builtin-layer'
import { slugOf } from './slug'
import type { CatalogExport, ImportEntry, ImportFormat, ImportReport } from './catalog-imports'
import { createCatalogLayers } from './catalog-layers'
import { createCatalogIndex } from './catalog-index'
import { catalogChange, catalogEdits } from './catalog-changes'
import { catalogDeleted } from './catalog-deleted'
import { catalogImports } from './catalog-imports'

export { slugOf }
export { applyEdit, editableFields } from './user-layer'
export { summaryOf, viewOf } from './company-view'
export { catalogExportSchema, type CatalogExport, type ImportEntry, type ImportFormat, type ImportReport } from './catalog-imports'

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

/**
 * The catalog: a thin composition of its parts, each with one job: the layers as the files hold
 * them (catalog-layers.ts), the search index and reading (catalog-index.ts), changes
 * (catalog-changes.ts), deletions (catalog-deleted.ts), imports and exports (catalog-imports.ts).
 */
export function openCatalog(options: {
  builtin: BuiltinCatalogSource
  edits: DocumentStore
  imports?: DocumentStore
  notices: NoticeBoard
}): Catalog {
  // The built-in records: from the compact form when there is one, decoded as they are asked for.
  const builtin = openBuiltinLayer(options.builtin, () => loadBuiltinCatalog(options.builtin))

  const layers = createCatalogLayers(options, builtin)
  const index = createCatalogIndex(layers)
  const change = catalogChange(options, layers, index)
  return {
    ...index.methods,
    ...catalogEdits(layers, index, change),
    ...catalogDeleted(layers, index, change),
    ...catalogImports(layers, index, change),
  }
}
