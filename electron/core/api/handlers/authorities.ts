/**
 * The authorities domain's methods: the built-in list of supervisory authorities, and which of them
 * a complaint should go to (decided in authorities/complaint-proposals.ts).
 */
import type { CoreContext, HandlerMap } from '../context'
import { summaryOfAuthority } from '../../authorities/authorities'
import { complaintProposals } from '../../authorities/complaint-proposals'

export function authorityHandlers(ctx: CoreContext): HandlerMap {
  return {
    'authorities:list': () => ctx.authorities.all().map(summaryOfAuthority),
    'authorities:propose': (input) => complaintProposals(ctx, input),
  }
}
