/**
 * Makes the compact form of a built-in catalog (compact.ts) from its seed files and packs: the
 * records merged as the catalog merges them, sorted by name, and their search index built once.
 * Run by `npm run catalog:compact` (scripts/write-catalog-compact.ts) and by the benchmark.
 */
import type { BuiltinCatalogSource } from '../shared/ports'
import { searchFieldsOf, sortedByName } from './builtin-layer'
import { loadBuiltinCatalog } from './catalog'
import { builtinDigest, writeCompactCatalog } from './compact'
import { buildIndexData } from './search'

/** The compact form's bytes for this source (the same bytes for the same seed files and packs). */
export function makeCompactCatalog(source: BuiltinCatalogSource): Uint8Array {
  const builtin = loadBuiltinCatalog(source)
  const companies = sortedByName(builtin.companies)
  return writeCompactCatalog({
    inputDigest: builtinDigest(source),
    companies,
    packs: builtin.packs,
    seedIds: [...builtin.seedIds],
    mergedParts: builtin.mergedParts,
    index: buildIndexData(companies, searchFieldsOf),
  })
}
