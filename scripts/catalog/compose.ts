/**
 * Composes the built-in catalog packs from the open data sets, for scripts/build-catalog.ts: maps
 * every record (the core's own mappers, so a built-in record reads exactly like an imported one),
 * decides which records are the same company (the same web domain in an earlier layer, when only
 * one company there has it), and gives every other record an id no earlier layer uses.
 *
 * Pure: the caller reads the files and writes the packs.
 */
import { BrokerRejected, fromBroker } from '../../electron/core/catalog/brokers'
import { loadBuiltinCatalog, type ImportEntry } from '../../electron/core/catalog/catalog'
import { fromDatarequests, RecordRejected } from '../../electron/core/catalog/datarequests'
import { nameKey } from '../../electron/core/catalog/merge'

export { nameKey }
import type { CatalogPack, PackSource } from '../../electron/core/catalog/packs'
import { companySchema, type Company, type SourceDocument } from '../../electron/core/catalog/schema'

export type Rejection = { readonly entry: string; readonly reason: string }

/** What the build says about its choices, for the person running it. */
export type ComposeReport = {
  readonly merged: ReadonlyArray<{ readonly id: string; readonly into: string; readonly domain: string }>
  readonly renamed: ReadonlyArray<{ readonly from: string; readonly to: string; readonly reason: string }>
  readonly ambiguous: ReadonlyArray<{ readonly id: string; readonly domain: string; readonly candidates: ReadonlyArray<string> }>
  readonly successors: ReadonlyArray<{ readonly id: string; readonly name: string; readonly into: string | null }>
}

const hostsOf = (company: Company) => company.domains.map((d) => d.toLowerCase().replace(/^www\./, ''))

/** Every domain of the records, with the ids that hold it (datarequests.org has a few shared ones). */
function domainIndex(companies: Iterable<Company>): Map<string, string[]> {
  const index = new Map<string, string[]>()
  for (const company of companies) {
    for (const host of hostsOf(company)) {
      const ids = index.get(host) ?? []
      if (!ids.includes(company.id)) ids.push(company.id)
      index.set(host, ids)
    }
  }
  return index
}

export function composePacks(input: {
  readonly seeds: ReadonlyArray<{ readonly file: string; readonly data: unknown }>
  readonly datarequests: { readonly source: PackSource; readonly entries: ReadonlyArray<ImportEntry> }
  readonly brokers: { readonly source: PackSource; readonly records: ReadonlyArray<unknown> }
}): { packs: [CatalogPack, CatalogPack]; report: ComposeReport } {
  const seeds = loadBuiltinCatalog({ load: () => input.seeds }).companies
  const taken = new Set(seeds.map((c) => c.id))
  const merged: Array<{ id: string; into: string; domain: string }> = []
  const renamed: Array<{ from: string; to: string; reason: string }> = []
  const ambiguous: Array<{ id: string; domain: string; candidates: string[] }> = []
  /** Where a record went: its own id, or the id it was merged into. */
  const home = new Map<string, string>()
  for (const seed of seeds) home.set(seed.id, seed.id)

  const freeId = (id: string, suffix: string, reason: string): string => {
    if (!taken.has(id)) return id
    let candidate = `${id}-${suffix}`
    for (let n = 2; taken.has(candidate); n += 1) candidate = `${id}-${suffix}-${n}`
    renamed.push({ from: id, to: candidate, reason })
    return candidate
  }

  /** The one company of `index` that has one of `company`'s domains, or why there is none. */
  const sameCompany = (company: Company, index: Map<string, string[]>): { into: string; domain: string } | null => {
    for (const host of hostsOf(company)) {
      const ids = [...new Set((index.get(host) ?? []).map((id) => home.get(id) ?? id))]
      if (ids.length === 1) return { into: ids[0]!, domain: host }
      if (ids.length > 1) {
        ambiguous.push({ id: company.id, domain: host, candidates: ids })
        return null
      }
    }
    return null
  }

  // 1. datarequests.org, over the seed companies.
  const seedIndex = domainIndex(seeds)
  const drSource = input.datarequests.source
  const drRejected: Rejection[] = []
  const drCompanies: Company[] = []
  const drMerges: Array<{ into: string; company: Company }> = []
  for (const item of input.datarequests.entries) {
    if ('error' in item) {
      drRejected.push({ entry: item.entry, reason: item.error })
      continue
    }
    let company: Company
    try {
      company = fromDatarequests(item.data, { importedOn: drSource.date, snapshotOn: drSource.date })
    } catch (error) {
      if (error instanceof RecordRejected) {
        drRejected.push({ entry: item.entry, reason: error.message })
        continue
      }
      throw error
    }
    const same = sameCompany(company, seedIndex)
    if (same) {
      drMerges.push({ into: same.into, company })
      merged.push({ id: company.id, into: same.into, domain: same.domain })
      home.set(company.id, same.into)
      continue
    }
    const id = freeId(company.id, 'dr', 'a seed company has this id')
    company = id === company.id ? company : { ...company, id }
    taken.add(id)
    home.set(company.id, id)
    drCompanies.push(company)
  }

  // 2. The broker list, over the seed companies and datarequests.org; brokers of the list that
  // share a domain are one company too (the list keeps some companies twice, once per registry).
  const earlierIndex = domainIndex([...seeds, ...drCompanies])
  const brokerSource = input.brokers.source
  const listDocument: SourceDocument = {
    id: brokerSource.id,
    title: `${brokerSource.name} (${brokerSource.path})`,
    url: `${brokerSource.repository}/blob/${brokerSource.commit}/${brokerSource.path}`,
    kind: 'dataset',
    archivedOn: brokerSource.date,
    supersededBy: null,
    retrievedOn: null,
  }
  const brokerRejected: Rejection[] = []
  const brokerCompanies: Company[] = []
  const brokerMerges: Array<{ into: string; company: Company }> = []
  const brokerIndex = new Map<string, string[]>()
  const seenIds = new Set<string>()
  input.brokers.records.forEach((raw, i) => {
    const label = typeof (raw as { id?: unknown } | null)?.id === 'string' ? String((raw as { id: string }).id) : `record #${i + 1}`
    let company: Company
    try {
      company = fromBroker(raw, listDocument).company
    } catch (error) {
      if (error instanceof BrokerRejected) {
        brokerRejected.push({ entry: label, reason: error.message })
        return
      }
      throw error
    }
    if (seenIds.has(company.id)) {
      brokerRejected.push({ entry: label, reason: `repeats the id "${company.id}" of an earlier record of the list` })
      return
    }
    seenIds.add(company.id)
    const same = sameCompany(company, earlierIndex) ?? sameCompany(company, brokerIndex)
    if (same) {
      brokerMerges.push({ into: same.into, company })
      merged.push({ id: company.id, into: same.into, domain: same.domain })
      home.set(company.id, same.into)
      return
    }
    const originalId = company.id
    const id = freeId(originalId, company.establishment.includes('US') ? 'us' : 'broker', 'an earlier layer has this id for another company')
    company = id === originalId ? company : { ...company, id }
    taken.add(id)
    home.set(originalId, id)
    brokerCompanies.push(company)
    for (const host of hostsOf(company)) brokerIndex.set(host, [id])
  })

  // 3. "Merged into X": point to X where the catalog has exactly one company of that name.
  const byName = new Map<string, Set<string>>()
  const addName = (name: string, id: string) => {
    const key = nameKey(name)
    if (!key) return
    const ids = byName.get(key) ?? new Set<string>()
    ids.add(id)
    byName.set(key, ids)
  }
  for (const company of [...seeds, ...drCompanies, ...brokerCompanies]) for (const name of [company.name, ...company.legalNames, ...company.brands]) addName(name, company.id)
  for (const { into, company } of [...drMerges, ...brokerMerges]) for (const name of [company.name, ...company.legalNames]) addName(name, into)
  const successors: Array<{ id: string; name: string; into: string | null }> = []
  const pointSuccessor = (company: Company): Company => {
    if (company.standing.kind !== 'merged') return company
    const ids = [...(byName.get(nameKey(company.standing.into.name)) ?? [])].filter((id) => id !== company.id && id !== home.get(company.id))
    const into = ids.length === 1 ? ids[0]! : null
    successors.push({ id: company.id, name: company.standing.into.name, into })
    return { ...company, standing: { ...company.standing, into: { ...company.standing.into, id: into } } }
  }
  const finalBrokers = brokerCompanies.map(pointSuccessor)
  const finalBrokerMerges = brokerMerges.map((m) => ({ into: m.into, company: pointSuccessor(m.company) }))

  // Aliases name other records of the list; one that is a record's id here would be ambiguous.
  const allIds = new Set([...taken])
  const dropTakenAliases = (company: Company): Company => ({ ...company, aliases: company.aliases.filter((a) => !allIds.has(a)) })

  const packs: [CatalogPack, CatalogPack] = [
    { order: 1, source: drSource, rejected: drRejected, companies: drCompanies, merges: drMerges },
    {
      order: 2,
      source: brokerSource,
      rejected: brokerRejected,
      companies: finalBrokers.map(dropTakenAliases),
      merges: finalBrokerMerges.map((m) => ({ into: m.into, company: dropTakenAliases(m.company) })),
    },
  ]
  for (const pack of packs) {
    for (const company of [...pack.companies, ...pack.merges.map((m) => m.company)]) {
      const check = companySchema.safeParse(company)
      if (!check.success) throw new Error(`${company.id} does not make a valid record: ${check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
    }
  }
  return { packs, report: { merged, renamed, ambiguous, successors } }
}
