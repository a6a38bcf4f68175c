import type { CoreContext, HandlerMap } from '../context'
import { saveLetterPdf } from '../../letters/save-pdf'

export function letterHandlers(ctx: CoreContext): HandlerMap {
  return {
    'letters:savePdf': ({ reference }) => saveLetterPdf(ctx.requests.get(reference).record, { date: ctx.today(), createdAt: ctx.ports.clock.now() }, ctx.ports),
  }
}
