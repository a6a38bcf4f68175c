/**
 * The built-in layer of the catalog as the catalog uses it: records by number in name order,
 * decoded when asked for, and their search index. From the compact form (compact.ts) when the
 * source has one made from the same seed files and packs; else from the packs, read whole
 * (small catalogs, tests, a build without the compact form).
 */
import type { BuiltinCatalogSource } from '../shared/ports'
import { builtinDigest, CompactInvalid, readCompactCatalog, type CompactCatalog } from './compact'
import type { PackInfo } from './packs'
import type { Company } from './schema'
import { buildIndexData, type IndexData, type SearchField } from './search'

/** The order records are listed and ranked in among equals: by name, as people read them. */
export const nameCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true, ignorePunctuation: true })

/** The fields of a record that search looks in. */
export function searchFieldsOf(company: Company): SearchField[] {
  const fields: SearchField[] = [{ text: company.name, weight: 'name' }]
  for (const text of company.legalNames) fields.push({ text, weight: 'name' })
  for (const text of company.brands) fields.push({ text, weight: 'brand' })
  for (const text of company.domains) fields.push({ text, weight: 'domain' })
  for (const email of company.emails) fields.push({ text: email.address, weight: 'email' })
  for (const address of company.postalAddresses) for (const text of address.lines) fields.push({ text, weight: 'address' })
  return fields
}

export type BuiltinLayer = {
  readonly packs: ReadonlyArray<PackInfo>
  readonly seedIds: ReadonlySet<string>
  /** How many records; record numbers run from 0, in name order. */
  readonly count: number
  idAt(doc: number): string
  nameAt(doc: number): string
  /** The record number of an id, or undefined. */
  docOf(id: string): number | undefined
  record(doc: number): Company
  /** The record at this number, not kept once decoded (a page of the list; see compact.ts). */
  recordOnce(doc: number): Company
  get(id: string): Company | undefined
  has(id: string): boolean
  /** Ids the sources use for records merged into another ("epsilon-data-management" → Epsilon). */
  aliasOf(alias: string): string | undefined
  mergedParts(id: string): { readonly base: Company; readonly merges: ReadonlyArray<Company> } | undefined
  /** The search index's arrays over the records by number (read, or built on first use). */
  index(): IndexData
  /** Whether the layer came from the compact form. */
  readonly compact: boolean
}

/** The records a catalog layer is built from, sorted for listing: stable, by name. */
export function sortedByName(companies: ReadonlyArray<Company>): Company[] {
  return companies
    .map((company, at) => ({ company, at }))
    .sort((a, b) => nameCollator.compare(a.company.name, b.company.name) || a.at - b.at)
    .map((entry) => entry.company)
}

/** Builds the layer from the whole records (sorted by name here). */
export function layerOfCompanies(input: {
  readonly companies: ReadonlyArray<Company>
  readonly packs: ReadonlyArray<PackInfo>
  readonly seedIds: ReadonlySet<string>
  readonly mergedParts: ReadonlyMap<string, { readonly base: Company; readonly merges: ReadonlyArray<Company> }>
}): BuiltinLayer {
  const companies = sortedByName(input.companies)
  const docs = new Map(companies.map((c, doc) => [c.id, doc]))
  const aliases = new Map<string, string>()
  for (const company of companies) for (const alias of company.aliases) if (!docs.has(alias)) aliases.set(alias, company.id)
  let index: IndexData | null = null
  return {
    packs: input.packs,
    seedIds: input.seedIds,
    count: companies.length,
    idAt: (doc) => companies[doc]!.id,
    nameAt: (doc) => companies[doc]!.name,
    docOf: (id) => docs.get(id),
    record: (doc) => companies[doc]!,
    recordOnce: (doc) => companies[doc]!,
    get: (id) => {
      const doc = docs.get(id)
      return doc === undefined ? undefined : companies[doc]
    },
    has: (id) => docs.has(id),
    aliasOf: (alias) => aliases.get(alias),
    mergedParts: (id) => input.mergedParts.get(id),
    // Built on the first search, not at start: most commands never search.
    index: () => (index ??= buildIndexData(companies, searchFieldsOf)),
    compact: false,
  }
}

/**
 * The built-in layer: from the source's compact form when it was made from the same inputs,
 * else from `whole()` (the seed files and packs, read and merged).
 */
export function openBuiltinLayer(
  source: BuiltinCatalogSource,
  whole: () => Parameters<typeof layerOfCompanies>[0],
): BuiltinLayer {
  const bytes = source.compact?.() ?? null
  // A compact form that does not read (CompactInvalid) is a bug of the build: the packs beside it
  // are the truth, so the catalog reads them instead of failing to start.
  let compact: CompactCatalog | null = null
  try {
    compact = bytes ? readCompactCatalog(bytes) : null
  } catch (error) {
    if (!(error instanceof CompactInvalid)) throw error
  }
  if (compact) {
    if (compact.inputDigest === builtinDigest(source)) {
      const docs = new Map(compact.ids.map((id, doc) => [id, doc]))
      return {
        packs: compact.packs,
        seedIds: compact.seedIds,
        count: compact.count,
        idAt: (doc) => compact.ids[doc]!,
        nameAt: (doc) => compact.names[doc]!,
        docOf: (id) => docs.get(id),
        record: (doc) => compact.record(doc),
        recordOnce: (doc) => compact.recordOnce(doc),
        get: (id) => {
          const doc = docs.get(id)
          return doc === undefined ? undefined : compact.record(doc)
        },
        has: (id) => docs.has(id),
        aliasOf: (alias) => {
          const id = compact.aliases.get(alias)
          return id !== undefined && !docs.has(alias) ? id : undefined
        },
        mergedParts: compact.mergedParts,
        index: () => compact.index,
        compact: true,
      }
    }
  }
  return layerOfCompanies(whole())
}
