import type { CoreContext, HandlerMap } from '../context'
import { letterFor, outputFileName } from '../../letters/letter-for-request'
import { renderLetterPdf } from '../../letters/render'

export function letterHandlers(ctx: CoreContext): HandlerMap {
  return {
    'letters:savePdf': async ({ reference }) => {
      const { record } = ctx.requests.get(reference)
      const letter = letterFor(record, {
        date: ctx.today(),
        createdAt: ctx.ports.clock.now(),
      })
      const bytes = await renderLetterPdf(letter, ctx.ports.fonts)
      const path = await ctx.ports.files.save({ suggestedName: outputFileName(record, 'pdf'), kind: 'pdf', bytes })
      return { path }
    },
  }
}
