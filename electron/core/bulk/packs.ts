/**
 * Packs: named groups of the catalog's companies to write to at once, chosen by what the catalog
 * records: the data-broker layer's category and where a broker is established or does business,
 * and the datarequests.org categories (credit agencies, insurers, telecoms …). A pack can be
 * narrowed to a country: the companies established in it or serving it (including those that
 * serve every country). Companies that no longer exist are left out.
 */
import type { CompanyView } from '../catalog/schema'
import { dataBrokerCategory } from '../catalog/brokers'
import { coreError } from '../messages/errors'

/** Where a pack comes from: the data-broker list, or a category of the datarequests.org records. */
export type PackGroup = 'brokers' | 'category'

type PackRule = { readonly title: string; readonly description: string; readonly group: PackGroup; readonly includes: (company: CompanyView) => boolean }

const isBroker = (c: CompanyView) => c.categories.includes(dataBrokerCategory)
/** Established in the US, or serving it (the list's "global" brokers serve everywhere). */
const inUs = (c: CompanyView) => c.establishment.includes('US') || c.countriesServed.includes('US') || c.countriesServed.includes('all')

/** Established in `country` or doing business there (a company that serves every country does). */
export function servesCountry(company: CompanyView, country: string): boolean {
  return company.establishment.includes(country) || company.countriesServed.includes(country) || company.countriesServed.includes('all')
}

/** A pack of every company the catalog files under `category` (a datarequests.org category). */
function categoryPack(category: string, title: string, description: string): PackRule {
  return { title, description, group: 'category', includes: (c) => c.categories.includes(category) }
}

const packs = new Map<string, PackRule>([
  ['us-data-brokers', { title: 'US data brokers', description: 'Data brokers established in or doing business in the United States (the data-broker list).', group: 'brokers', includes: (c) => isBroker(c) && inUs(c) }],
  ['data-brokers', { title: 'All data brokers', description: 'Every data broker of the data-broker list, wherever it is.', group: 'brokers', includes: isBroker }],
  ['people-search', { title: 'People-search sites', description: 'Data brokers that sell profiles of people to anyone who searches for a name.', group: 'brokers', includes: (c) => isBroker(c) && c.categories.includes('people search') }],
  ['credit-agencies', categoryPack('credit agency', 'Credit agencies', 'Credit reference agencies: they score how likely you are to pay, from what lenders, shops and others report.')],
  ['collection-agencies', categoryPack('collection agency', 'Debt collection agencies', 'Agencies that collect debts for others, and keep files on the people they pursued.')],
  ['address-brokers', categoryPack('addresses', 'Address brokers', 'Companies that trade in postal addresses and moves, for advertising mail and address checks.')],
  ['advertising', categoryPack('ads', 'Advertising and tracking companies', 'Ad networks, ad exchanges and tracking companies that build profiles from the sites and apps you use.')],
  ['social-media', categoryPack('social media', 'Social networks', 'Social networks and messaging services.')],
  ['telecoms', categoryPack('telecommunication', 'Telecoms', 'Phone, mobile and internet providers.')],
  ['insurers', categoryPack('insurance', 'Insurers', 'Insurance companies.')],
  ['finance', categoryPack('finance', 'Banks and payment services', 'Banks, payment services and other financial companies.')],
  ['health', categoryPack('health', 'Health', 'Health services, health insurers and health apps.')],
  ['travel', categoryPack('travel', 'Travel and transport', 'Airlines, railways, travel agencies and booking sites.')],
  ['utilities', categoryPack('utility', 'Utilities', 'Energy and water suppliers.')],
  ['shops', categoryPack('commerce', 'Shops', 'Online and high-street shops and marketplaces.')],
  ['entertainment', categoryPack('entertainment', 'Entertainment', 'Streaming, gaming, media and entertainment services.')],
])

/** The packs there are, for the pickers and the CLI's help. */
export function packList(): ReadonlyArray<{ readonly name: string; readonly title: string; readonly description: string; readonly group: PackGroup }> {
  return [...packs.entries()].map(([name, rule]) => ({ name, title: rule.title, description: rule.description, group: rule.group }))
}

/**
 * The companies of a pack, in the catalog's order, narrowed to those established in or serving
 * `country` when one is given; INVALID_INPUT for a name that is no pack.
 */
export function companiesOfPack(name: string, companies: ReadonlyArray<CompanyView>, country?: string | null): CompanyView[] {
  const rule = packs.get(name)
  if (!rule) throw coreError('INVALID_INPUT', 'error.bulk.noPack', { name, packs: [...packs.keys()].join(', ') })
  return companies.filter((c) => c.standing.kind === 'active' && rule.includes(c) && (!country || servesCountry(c, country)))
}

/** Every pack with how many companies it holds (of `companies`, serving `country` when given). */
export function packsWithCounts(companies: ReadonlyArray<CompanyView>, country?: string | null) {
  return packList().map((pack) => ({ ...pack, companies: companiesOfPack(pack.name, companies, country).length }))
}

/** The companies of a pack, by id and name. */
export function packMembers(name: string, companies: ReadonlyArray<CompanyView>, country?: string | null): ReadonlyArray<{ readonly id: string; readonly name: string }> {
  return companiesOfPack(name, companies, country).map((c) => ({ id: c.id, name: c.name }))
}
