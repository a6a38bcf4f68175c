/**
 * Which supervisory authorities a complaint may go to, best first, with the default the window
 * and the command line both preselect: for a request (its law, the sender's country and Land, the
 * company's place and EU/EEA establishment) or for facts given directly.
 */
import type { Message } from '../shared/message'
import type { Law } from '../shared/kinds'
import type { Catalog } from '../catalog/catalog'
import type { ProfileStore } from '../profile/profile'
import type { RequestService } from '../requests/service'
import { summaryOfAuthority, type AuthorityRegistry } from './authorities'
import { proposeAuthorities, type CompetenceQuestion, type ProposalBasis } from './competence'
import { defaultAuthority, type AuthorityDefault } from './default-choice'
import { parseJurisdiction } from './jurisdiction'
import { isEeaCountry, type AuthoritySummary, type Sector } from './schema'

/** The authorities a complaint may go to, best first, and the facts they were chosen from. */
export type AuthorityProposalsView = {
  readonly question: {
    readonly law: string
    readonly userCountry: string | null
    readonly userRegion: string | null
    readonly companyCountry: string | null
    readonly companyRegion: string | null
    readonly sector: Sector
  }
  readonly proposals: ReadonlyArray<{
    readonly authority: AuthoritySummary
    readonly basis: ProposalBasis
    readonly reason: string
    /** `reason` as a message of the core's resources, in the user's language in each host. */
    readonly detail: Message
    /** Rightful cannot tell which of these is right (a German user's Land): the user picks. */
    readonly choose: boolean
    /** The condition under which this authority is competent, or null. */
    readonly onlyIf: string | null
  }>
  /** The authority the complaint goes to unless the user picks another (default-choice.ts). */
  readonly choice: AuthorityDefault
}

/** What the proposals are read from. */
export type ComplaintSources = {
  readonly authorities: AuthorityRegistry
  readonly requests: Pick<RequestService, 'get'>
  readonly catalog: Pick<Catalog, 'get'>
  readonly profiles: Pick<ProfileStore, 'get'>
}

/** A complaint about a request (a Land may be given for a user whose profile has none), or about facts given directly. */
export type ComplaintFacts =
  | { readonly reference: string; readonly userRegion?: string }
  | {
      readonly law: Law
      readonly userCountry?: string | null
      readonly userRegion?: string | null
      readonly companyCountry?: string | null
      readonly companyRegion?: string | null
      readonly sector: Sector
    }

/** The country of an ISO 3166-2 region code ("DE-BY" → "DE"). */
const countryOfRegion = (region: string | null | undefined): string | null => (region ? region.slice(0, 2) : null)

/** The proposals for a complaint, and the default among them. */
export function complaintProposals(sources: ComplaintSources, facts: ComplaintFacts): AuthorityProposalsView {
  if ('reference' in facts) {
    const question = questionForRequest(sources, facts.reference)
    return proposalsView(sources.authorities, {
      ...question,
      userRegion: facts.userRegion ?? question.userRegion,
      userCountry: question.userCountry ?? countryOfRegion(facts.userRegion),
    })
  }
  return proposalsView(sources.authorities, {
    law: facts.law,
    userCountry: facts.userCountry ?? countryOfRegion(facts.userRegion),
    userRegion: facts.userRegion ?? null,
    companyCountry: facts.companyCountry ?? countryOfRegion(facts.companyRegion),
    companyRegion: facts.companyRegion ?? null,
    sector: facts.sector,
  })
}

/** The competence question a sent (or drafted) request answers. */
export function questionForRequest(sources: Omit<ComplaintSources, 'authorities'>, reference: string): CompetenceQuestion {
  const { record } = sources.requests.get(reference)
  const sender = (record.sent ?? record.draft).sender
  const place = parseJurisdiction(record.company.jurisdiction)
  let companyCountry = place.country
  let companyRegion = place.region
  // Under the GDPR the company's EU/EEA establishment counts: a US company with an Irish
  // subsidiary goes to the Irish authority. The catalog knows where the company is established.
  if (record.law === 'gdpr' && !isEeaCountry(companyCountry)) {
    const establishment = establishmentOf(sources.catalog, record.company.id)
    const inEea = establishment.find((country) => isEeaCountry(country))
    if (inEea) {
      companyCountry = inEea
      companyRegion = null
    } else if (!companyCountry) {
      companyCountry = establishment[0] ?? null
    }
  }
  // Art. 77 GDPR looks at where the user lives when complaining: a Land added to the profile
  // since (same country) counts for a request written without one.
  const profile = sources.profiles.get()
  const userRegion = sender.region ?? (profile && profile.country === sender.country ? profile.region : null)
  return { law: record.law, userCountry: sender.country, userRegion, companyCountry, companyRegion, sector: 'private' }
}

/** Where the catalog says a company is established; nothing when the company is no longer in it. */
function establishmentOf(catalog: Pick<Catalog, 'get'>, companyId: string): ReadonlyArray<string> {
  try {
    return catalog.get(companyId).establishment
  } catch {
    return []
  }
}

/** The proposals for a competence question, as the window and the CLI show them. */
export function proposalsView(authorities: AuthorityRegistry, question: CompetenceQuestion): AuthorityProposalsView {
  const proposals = proposeAuthorities(authorities.all(), question)
  const views = proposals.map((p) => ({ authority: summaryOfAuthority(p.authority), basis: p.basis, reason: p.reason, detail: p.detail, choose: p.choose, onlyIf: p.onlyIf }))
  return {
    question: {
      law: question.law,
      userCountry: question.userCountry,
      userRegion: question.userRegion ?? null,
      companyCountry: question.companyCountry,
      companyRegion: question.companyRegion ?? null,
      sector: question.sector ?? 'private',
    },
    proposals: views,
    choice: defaultAuthority(views),
  }
}
