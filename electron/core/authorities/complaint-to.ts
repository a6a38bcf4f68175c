/**
 * A follow-up written to a built-in supervisory authority: only a complaint may name one; it is
 * written in the authority's own language (when the user chose none and a template exists in
 * it), else in the request's, and addressed as the authority names itself in that language.
 */
import type { Language } from '../shared/kinds'
import type { RequestService } from '../requests/service'
import type { Templates } from '../templates/templates'
import { coreError } from '../messages/errors'
import { complaintLanguage, complaintRecipient, type AuthorityRegistry } from './authorities'

type FollowUpInput = Parameters<RequestService['createFollowUp']>[0]

/**
 * Creates the follow-up `input` asks for; with `authorityId`, a complaint to that built-in
 * authority. INVALID_INPUT when another type names an authority, or when both an authority id
 * and an authority's own details are given.
 */
export function createFollowUpTo(
  sources: { readonly requests: RequestService; readonly authorities: AuthorityRegistry; readonly templates: Pick<Templates, 'has'> },
  input: FollowUpInput & { readonly authorityId?: string | undefined },
) {
  const { authorityId, ...followUp } = input
  if (authorityId === undefined) return sources.requests.createFollowUp(followUp)
  if (followUp.type !== 'complaint') throw coreError('INVALID_INPUT', 'error.requests.onlyComplaint')
  if (followUp.authority) throw coreError('INVALID_INPUT', 'error.requests.authorityTwice')
  const original = sources.requests.get(followUp.reference).record
  const authority = sources.authorities.get(authorityId)
  const writable = (candidate: Language) => sources.templates.has({ type: 'complaint', law: original.law, lang: candidate })
  const lang = followUp.lang ?? complaintLanguage(authority, writable) ?? original.lang
  return sources.requests.createFollowUp({ ...followUp, lang, authority: complaintRecipient(authority, lang) })
}
