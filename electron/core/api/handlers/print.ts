import type { CoreContext, HandlerMap } from '../context'
import { letterFor, outputFileName } from '../../letters/letter-for-request'
import { renderLetterPdf } from '../../letters/render'

/** Printing: the same letter as letters:savePdf, handed to the host's printer. */
export function printHandlers(ctx: CoreContext): HandlerMap {
  return {
    'letters:print': async ({ reference }) => {
      const { record } = ctx.requests.get(reference)
      const bytes = await renderLetterPdf(letterFor(record, { date: ctx.today(), createdAt: ctx.ports.clock.now() }), ctx.ports.fonts)
      const result = await ctx.ports.printer.print({ title: `${record.reference} ${record.company.name}`, suggestedName: outputFileName(record, 'pdf'), bytes })
      return result.outcome === 'saved' ? { outcome: 'saved', path: result.path } : { outcome: result.outcome, path: null }
    },
  }
}
