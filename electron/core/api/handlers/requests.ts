import type { CoreContext, HandlerMap } from '../context'
import { createFollowUpTo } from '../../authorities/complaint-to'
import { attachmentOf } from '../../requests/attachments'

export function requestHandlers(ctx: CoreContext): HandlerMap {
  return {
    'requests:list': () => ctx.requests.list(),
    'requests:get': ({ reference }) => ctx.requests.get(reference),
    'requests:create': (input) => ctx.requests.create(input),
    'requests:updateDraft': (input) => ctx.requests.updateDraft(input),
    'requests:markSent': (input) => ctx.requests.markSent(input),
    'requests:discard': ({ reference }) => {
      ctx.requests.discard(reference)
      return { reference }
    },
    'requests:createFollowUp': (input) => createFollowUpTo(ctx, input),
    'requests:addEvent': (input) => ctx.requests.addEvent(input),
    'requests:correctEvent': (input) => ctx.requests.correctEvent(input),
    'requests:removeEvent': (input) => ctx.requests.removeEvent(input),
    'requests:checkAnswer': ({ reference }) => ctx.requests.checkAnswer(reference),
    'requests:tickAnswer': (input) => ctx.requests.tickAnswer(input),
    'requests:identityAdvice': ({ reference }) => ctx.requests.identityAdvice(reference),
    'requests:checkExtension': ({ reference, reasonsGiven }) => ctx.requests.extensionCheck(reference, reasonsGiven ?? null),
    'requests:bounceAdvice': ({ reference }) => ctx.requests.bounceAdvice(reference),
    'requests:markBounced': ({ reference }) => ctx.requests.markBounced(reference),
    'attachments:pick': async () => ctx.attachments.stage(await ctx.ports.picker.pickFiles('attachments')),
    'attachments:reveal': async ({ reference, attachmentId }) => {
      const path = ctx.attachments.resolve(attachmentOf(ctx.requests.get(reference).record, reference, attachmentId))
      await ctx.ports.external.reveal(path)
      return { path }
    },
  }
}
