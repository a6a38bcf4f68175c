/**
 * Packs: named groups of the catalog's companies to write to at once, chosen by what the catalog
 * records (the data-broker layer's category and where a broker is established or does business).
 * Companies that no longer exist are left out.
 */
import type { CompanyView } from '../catalog/schema'
import { dataBrokerCategory } from '../catalog/brokers'
import { coreError } from '../messages/errors'

type PackRule = { readonly title: string; readonly description: string; readonly includes: (company: CompanyView) => boolean }

const isBroker = (c: CompanyView) => c.categories.includes(dataBrokerCategory)
/** Established in the US, or serving it (the list's "global" brokers serve everywhere). */
const inUs = (c: CompanyView) => c.establishment.includes('US') || c.countriesServed.includes('US') || c.countriesServed.includes('all')

const packs = new Map<string, PackRule>([
  ['us-data-brokers', { title: 'US data brokers', description: 'Data brokers established in or doing business in the United States (the data-broker list).', includes: (c) => isBroker(c) && inUs(c) }],
  ['data-brokers', { title: 'All data brokers', description: 'Every data broker of the data-broker list, wherever it is.', includes: isBroker }],
  ['people-search', { title: 'People-search sites', description: 'Data brokers that sell profiles of people to anyone who searches for a name.', includes: (c) => isBroker(c) && c.categories.includes('people search') }],
])

/** The packs there are, for the pickers and the CLI's help. */
export function packList(): ReadonlyArray<{ readonly name: string; readonly title: string; readonly description: string }> {
  return [...packs.entries()].map(([name, rule]) => ({ name, title: rule.title, description: rule.description }))
}

/** The companies of a pack, in the catalog's order; INVALID_INPUT for a name that is no pack. */
export function companiesOfPack(name: string, companies: ReadonlyArray<CompanyView>): CompanyView[] {
  const rule = packs.get(name)
  if (!rule) throw coreError('INVALID_INPUT', 'error.bulk.noPack', { name, packs: [...packs.keys()].join(', ') })
  return companies.filter((c) => c.standing.kind === 'active' && rule.includes(c))
}
