/**
 * proposalToCompany: turns a reviewed proposal and the user's choices (which contacts to keep, the
 * name, the id) into a catalog record. Every kept fact cites the policy (provenance kind "policy",
 * quality "extracted": a program read it, a person chose to keep it). The result passes
 * companySchema, or a CoreError says what is missing (a country for an address, a source URL).
 */
import { companySchema, type Company, type EmailPurpose, type Provenance } from '../schema'
import { companyDomainOf, parseArchiveUrl } from './identity'
import { slugOf } from '../slug'
import type { PolicyProposal } from './proposal'
import { coreErrorAs, zodIssues } from '../../messages/errors'
import { message } from '../../shared/message'
import { companyChoicesSchema, type CompanyChoices } from './choices'

// The choices' schema lives apart (choices.ts): the API contract needs it, not this module's policy patterns.
export { companyChoicesSchema, type CompanyChoices } from './choices'


export function proposalToCompany(proposal: PolicyProposal, rawChoices: CompanyChoices = {}): Company {
  const parsedChoices = companyChoicesSchema.safeParse(rawChoices)
  if (!parsedChoices.success) {
    throw coreErrorAs('INVALID_INPUT', 'The choices for the new record are not valid.', 'error.policyImport.choices', undefined, zodIssues(parsedChoices.error))
  }
  const choices = parsedChoices.data
  const name = choices.name ?? proposal.companyName?.name
  if (!name) throw coreErrorAs('INVALID_INPUT', 'Give the company a name: the policy does not say it clearly.', 'error.policyImport.name', undefined, [{ path: 'name', message: 'Required.', detail: message('issue.required') }])
  const id = choices.id ?? slugOf(name)

  const url = choices.source?.url ?? proposal.sourceUrl ?? proposal.archive?.url ?? null
  if (!url) {
    throw coreErrorAs('INVALID_INPUT', 'Say where the policy comes from (its web address), so that the record can cite it.', 'error.policyImport.source', undefined, [{ path: 'source.url', message: 'Required.', detail: message('issue.required') }])
  }
  const archivedOn = choices.source?.archivedOn !== undefined ? choices.source.archivedOn : (proposal.archive?.archivedOn ?? parseArchiveUrl(url)?.archivedOn ?? null)
  const sourceId = choices.source?.id ?? `${id}-${archivedOn ? archivedOn.slice(0, 4) : 'policy'}`
  const cite = (quote: string): Provenance => ({ kind: 'policy', sourceId, quote: quote.trim() || name, quality: 'extracted' })

  // E-mails: the kept privacy addresses (best first), then the other kept ones.
  const emails: Company['emails'] = []
  const seen = new Set<string>()
  const keepPrivacy = choices.privacyEmails ? new Set(choices.privacyEmails.map((a) => a.toLowerCase())) : null
  for (const e of proposal.privacyEmails) {
    if (keepPrivacy && !keepPrivacy.has(e.address.toLowerCase())) continue
    if (seen.has(e.address.toLowerCase())) continue
    seen.add(e.address.toLowerCase())
    emails.push({ address: e.address, purpose: e.purpose, status: 'current', provenance: cite(e.quote), problem: null })
  }
  const otherChoice = new Map<string, EmailPurpose | null>()
  for (const o of choices.otherEmails ?? []) {
    if (typeof o === 'string') otherChoice.set(o.toLowerCase(), null)
    else otherChoice.set(o.address.toLowerCase(), o.purpose)
  }
  for (const e of proposal.otherEmails) {
    const key = e.address.toLowerCase()
    if (choices.otherEmails && !otherChoice.has(key)) continue
    if (seen.has(key)) continue
    seen.add(key)
    emails.push({ address: e.address, purpose: otherChoice.get(key) ?? e.purpose, status: 'current', provenance: cite(e.quote), problem: null })
  }

  // Postal addresses: each needs an addressee and a country; the user supplies what the policy lacks.
  type Pick = NonNullable<typeof choices.postalAddresses>[number]
  const picks: Pick[] = choices.postalAddresses ?? proposal.postalAddresses.flatMap((a, index) => (a.role === 'company' ? [{ index }] : []))
  const postalAddresses: Company['postalAddresses'] = []
  const missingCountry: number[] = []
  for (const pick of picks) {
    const address = proposal.postalAddresses[pick.index]
    if (!address) throw coreErrorAs('INVALID_INPUT', `There is no proposed postal address number ${pick.index}.`, 'error.policyImport.noAddress', { index: pick.index }, [{ path: 'postalAddresses', message: 'Unknown index.', detail: message('issue.unknownIndex') }])
    const country = pick.country ?? address.country
    if (!country) {
      missingCountry.push(pick.index)
      continue
    }
    let lines = (pick.lines ?? address.lines).map((l) => l.slice(0, 200))
    if (lines.length > 8) lines = [...lines.slice(0, 7), lines.slice(7).join(', ').slice(0, 200)]
    postalAddresses.push({
      recipient: (pick.recipient ?? address.recipient ?? name).slice(0, 200),
      lines,
      country,
      region: country === 'US' ? address.region : null,
      status: 'current',
      provenance: cite(address.quote),
    })
  }
  if (missingCountry.length > 0) {
    const quoted = missingCountry.map((i) => `“${proposal.postalAddresses[i]!.text}”`).join(', ')
    throw coreErrorAs(
      'INVALID_INPUT',
      `The policy does not make the country of ${missingCountry.length > 1 ? 'these addresses' : 'this address'} clear; choose it: ${quoted}.`,
      missingCountry.length > 1 ? 'error.policyImport.countries' : 'error.policyImport.country',
      { addresses: quoted },
      missingCountry.map((i) => ({ path: `postalAddresses.${i}.country`, message: 'Choose the country.', detail: message('issue.chooseTheCountry') })),
    )
  }

  const keepPhones = choices.phones ? new Set(choices.phones) : null
  const phones: Company['phones'] = proposal.phones
    .filter((p) => !keepPhones || keepPhones.has(p.number))
    .map((p) => ({ number: p.number.slice(0, 40), kind: p.kind, status: 'current' as const, provenance: cite(p.quote) }))

  const domain = companyDomainOf(url, proposal.archive)
  const original = parseArchiveUrl(url)?.original ?? url
  let website: string | null = null
  try {
    const parsed = new URL(original)
    if (/^https?:$/.test(parsed.protocol) && !/web\.archive\.org$/i.test(parsed.hostname)) website = `${parsed.protocol}//${parsed.host}`
  } catch {
    website = null
  }

  const record = {
    id,
    name,
    legalNames: proposal.legalNames,
    brands: [name],
    domains: choices.domains ?? (domain ? [domain] : []),
    website: choices.website !== undefined ? choices.website : website,
    emails,
    postalAddresses,
    phones,
    requirements: {
      subjectLine:
        choices.keepSubjectRule && proposal.subjectRule
          ? { text: proposal.subjectRule.text, phrases: proposal.subjectRule.phrases, provenance: cite(proposal.subjectRule.quote) }
          : null,
      deletion: choices.keepDeletion && proposal.deletionInstruction ? { text: proposal.deletionInstruction.text, provenance: cite(proposal.deletionInstruction.quote) } : null,
      minimumAge: choices.keepMinAge && proposal.minAge ? { age: proposal.minAge.age, provenance: cite(proposal.minAge.quote) } : null,
      language: proposal.language ? { code: proposal.language, basis: 'policy-language' as const } : null,
    },
    establishment: [...new Set(postalAddresses.map((a) => a.country))],
    identityProvenance: proposal.companyName?.quote ? cite(proposal.companyName.quote) : null,
    notes: [],
    sources: [
      {
        id: sourceId,
        title: choices.source?.title ?? `${name} privacy policy`,
        url,
        kind: 'policy' as const,
        archivedOn,
        supersededBy: null,
        retrievedOn: choices.source?.retrievedOn ?? null,
      },
    ],
  }
  const parsed = companySchema.safeParse(record)
  if (!parsed.success) {
    throw coreErrorAs('INVALID_INPUT', 'The record built from the policy is not valid; correct the fields named.', 'error.policyImport.record', undefined, zodIssues(parsed.error))
  }
  return parsed.data
}
