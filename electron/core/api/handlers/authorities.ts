/**
 * The authorities domain: the built-in list of supervisory authorities, and which of them a
 * complaint should go to, for a request (its law, the sender's country, the company's place) or for
 * facts given directly.
 */
import type { CoreContext, HandlerMap } from '../context'
import type { AuthorityProposalsView } from '../contract'
import { parseJurisdiction } from '../../authorities/jurisdiction'
import { proposeAuthorities, type CompetenceQuestion } from '../../authorities/competence'
import { summaryOfAuthority } from '../../authorities/authorities'
import { isEeaCountry } from '../../authorities/schema'

/** The competence question a sent (or drafted) request answers. */
export function questionForRequest(ctx: CoreContext, reference: string): CompetenceQuestion {
  const { record } = ctx.requests.get(reference)
  const sender = (record.sent ?? record.draft).sender
  const place = parseJurisdiction(record.company.jurisdiction)
  let companyCountry = place.country
  let companyRegion = place.region
  // Under the GDPR the company's EU/EEA establishment counts: a US company with an Irish
  // subsidiary goes to the Irish authority. The catalog knows where the company is established.
  if (record.law === 'gdpr' && !isEeaCountry(companyCountry)) {
    const establishment = safeEstablishment(ctx, record.company.id)
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
  const profile = ctx.profiles.get()
  const userRegion = sender.region ?? (profile && profile.country === sender.country ? profile.region : null)
  return { law: record.law, userCountry: sender.country, userRegion, companyCountry, companyRegion, sector: 'private' }
}

function safeEstablishment(ctx: CoreContext, companyId: string): ReadonlyArray<string> {
  try {
    return ctx.catalog.get(companyId).establishment
  } catch {
    return []
  }
}

export function proposalsView(ctx: CoreContext, question: CompetenceQuestion): AuthorityProposalsView {
  const proposals = proposeAuthorities(ctx.authorities.all(), question)
  return {
    question: {
      law: question.law,
      userCountry: question.userCountry,
      userRegion: question.userRegion ?? null,
      companyCountry: question.companyCountry,
      companyRegion: question.companyRegion ?? null,
      sector: question.sector ?? 'private',
    },
    proposals: proposals.map((p) => ({ authority: summaryOfAuthority(p.authority), basis: p.basis, reason: p.reason, detail: p.detail, choose: p.choose, onlyIf: p.onlyIf })),
  }
}

export function authorityHandlers(ctx: CoreContext): HandlerMap {
  return {
    'authorities:list': () => ctx.authorities.all().map(summaryOfAuthority),
    'authorities:propose': (input) => {
      if ('reference' in input) {
        const question = questionForRequest(ctx, input.reference)
        return proposalsView(ctx, {
          ...question,
          userRegion: input.userRegion ?? question.userRegion,
          userCountry: question.userCountry ?? (input.userRegion ? input.userRegion.slice(0, 2) : null),
        })
      }
      return proposalsView(ctx, {
        law: input.law,
        userCountry: input.userCountry ?? (input.userRegion ? input.userRegion.slice(0, 2) : null),
        userRegion: input.userRegion ?? null,
        companyCountry: input.companyCountry ?? (input.companyRegion ? input.companyRegion.slice(0, 2) : null),
        companyRegion: input.companyRegion ?? null,
        sector: input.sector,
      })
    },
  }
}
