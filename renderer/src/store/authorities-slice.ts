/**
 * Who a complaint goes to: the core's proposal of supervisory authorities for a request (its law
 * and places) and every built-in authority, for the complaint dialog.
 */
import type { AuthorityProposalsView } from '@core/api/contract'
import type { AuthoritySummary } from '@core/authorities/schema'
import { api, messageOf, unwrap } from '../api'
import type { Slice } from './types'

export type AuthoritiesSlice = {
  /** The authorities proposed for a request's complaint and all built-in ones, or why they could not be read (in words). */
  authorityChoices(reference: string): Promise<{ readonly proposed: AuthorityProposalsView; readonly all: ReadonlyArray<AuthoritySummary> } | { readonly error: string }>
}

export const createAuthoritiesSlice: Slice<AuthoritiesSlice> = () => ({
  async authorityChoices(reference) {
    try {
      const [proposed, all] = await Promise.all([api().authorities.propose({ reference }), api().authorities.list({})])
      return { proposed: unwrap(proposed), all: unwrap(all) }
    } catch (error) {
      return { error: messageOf(error) }
    }
  },
})
