/** The bulk API: a batch of one request type to many companies, reviewed, then sent at a capped rate. */
import type { CoreContext, HandlerMap } from '../context'
import { packMembers, packsWithCounts } from '../../bulk/packs'
import { exportRequestsCsv, markPosted, remindOverdue } from '../../bulk/request-actions'
import type { BulkService } from '../../bulk/service'

/** `service`: the bulk service createApi opened (kept off the context, whose type the renderer reads). */
export function bulkHandlers(ctx: CoreContext, service: BulkService): HandlerMap {
  return {
    'bulk:packs': ({ country }) => packsWithCounts(ctx.catalog.list(), country),
    'bulk:packCompanies': ({ pack, country }) => packMembers(pack, ctx.catalog.list(), country),
    'bulk:create': (input, operation) => service.create(input, operation),
    'bulk:list': () => service.list(),
    'bulk:get': ({ batch }) => service.get(batch),
    'bulk:exclude': ({ batch, company, excluded }) => service.exclude(batch, company, excluded),
    'bulk:send': ({ batch, confirmResend, retryFailed, rate }, operation) => service.send({ batch, confirmResend, retryFailed, ...(rate ? { rate } : {}) }, operation),
    'bulk:pause': ({ batch }) => service.pause(batch),
    'bulk:cancel': ({ batch }) => service.cancel(batch),
    'bulk:letters': ({ batch }) => service.letters(batch),
    'bulk:markLettersSent': ({ batch, on }) => service.markLettersSent(batch, on),
    'bulk:webformDone': ({ batch, company, on, evidence }) => service.webformDone(batch, company, on, evidence ?? null),
    'bulk:remind': ({ references }, operation) => remindOverdue(ctx.requests, references, operation),
    'bulk:exportCsv': ({ references }) => exportRequestsCsv(ctx.requests, ctx.ports.files, references),
    'bulk:markPosted': ({ references, on }) => markPosted(ctx.requests, references, on, ctx.today()),
  }
}
