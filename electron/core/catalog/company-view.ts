/** A company's view: the record plus what follows from it (where requests go), and its summary. */
import type { Company, CompanyOrigin, CompanySummary, CompanyView } from './schema'

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

