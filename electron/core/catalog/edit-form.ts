/**
 * A company as its edit form holds it: the record's values without their provenance, which the
 * core keeps for what the user leaves unchanged. Pure: the renderer's form and tests use it.
 */
import type { CompanyEdit, CompanyView } from './schema'

/** The form's values for a company as shown. */
export function editOf(view: CompanyView): CompanyEdit {
  return {
    id: view.id,
    name: view.name,
    legalNames: [...view.legalNames],
    brands: [...view.brands],
    domains: [...view.domains],
    website: view.website,
    emails: view.emails.map((e) => ({ address: e.address, purpose: e.purpose, status: e.status })),
    postalAddresses: view.postalAddresses.map((a) => ({ recipient: a.recipient, lines: [...a.lines], country: a.country, region: a.region, status: a.status })),
    phones: view.phones.map((p) => ({ number: p.number, kind: p.kind, status: p.status })),
    webForms: view.webForms.map((w) => ({ url: w.url, status: w.status })),
    establishment: [...view.establishment],
    countriesServed: [...view.countriesServed],
    categories: [...view.categories],
    requestLanguage: view.requirements.language?.code ?? null,
    needsIdDocument: view.requirements.idDocument !== null,
    suggestedChannel: view.requirements.suggestedChannel,
  }
}
