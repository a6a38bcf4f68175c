/** A new company as the catalog's edit form gives it: a name, one domain and its privacy address. */
import type { CompanyEdit } from '../../electron/core/catalog/schema'

export const newCompany = (name: string, domain: string): CompanyEdit => ({
  name,
  legalNames: [],
  brands: [],
  domains: [domain],
  website: null,
  emails: [{ address: `privacy@${domain}`, purpose: 'privacy', status: 'current' }],
  postalAddresses: [],
  phones: [],
  webForms: [],
  establishment: [],
  countriesServed: [],
  categories: [],
  requestLanguage: null,
  needsIdDocument: false,
  suggestedChannel: null,
  asNew: true,
})
