/**
 * Which authority a complaint goes to unless the user picks another, from the proposals (best
 * first): the first one when Rightful can tell; the user's own pick among several when Rightful
 * cannot (a German user whose Land is unknown); none when it knows no authority. The window
 * preselects it in the complaint dialog and the CLI takes it when no --authority is given: one
 * rule for both.
 */
import type { Message } from '../shared/message'

/** The default of a complaint's authority, by authority id. */
export type AuthorityDefault =
  | { readonly kind: 'proposed'; readonly authorityId: string }
  /** The user must pick one of these; `reason` (and `detail`, its message) says why. */
  | { readonly kind: 'choose'; readonly authorityIds: ReadonlyArray<string>; readonly reason: string; readonly detail: Message }
  | { readonly kind: 'none' }

/** What the rule reads of a proposal. */
export type ProposalForDefault = {
  readonly authority: { readonly id: string }
  readonly choose: boolean
  readonly reason: string
  readonly detail: Message
}

/** The authority a complaint goes to by default (see the module's comment). */
export function defaultAuthority(proposals: ReadonlyArray<ProposalForDefault>): AuthorityDefault {
  const first = proposals[0]
  if (!first) return { kind: 'none' }
  // A proposal the user must confirm (which German Land) is never chosen for them.
  if (first.choose) {
    return { kind: 'choose', authorityIds: proposals.filter((p) => p.choose).map((p) => p.authority.id), reason: first.reason, detail: first.detail }
  }
  return { kind: 'proposed', authorityId: first.authority.id }
}
