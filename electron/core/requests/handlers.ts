import type { CoreContext, HandlerMap } from '../api/handlers'
import { CoreError } from '../api/result'

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
    'requests:createFollowUp': (input) => ctx.requests.createFollowUp(input),
    'requests:addEvent': (input) => ctx.requests.addEvent(input),
    'requests:correctEvent': (input) => ctx.requests.correctEvent(input),
    'requests:removeEvent': (input) => ctx.requests.removeEvent(input),
    'attachments:pick': async () => ctx.attachments.stage(await ctx.ports.picker.pickFiles()),
    'attachments:reveal': async ({ reference, attachmentId }) => {
      const attachment = ctx.requests
        .get(reference)
        .record.events.flatMap((e) => e.attachments)
        .find((a) => a.id === attachmentId)
      if (!attachment) throw new CoreError('NOT_FOUND', `${reference} keeps no file ${attachmentId}.`)
      const path = ctx.attachments.resolve(attachment)
      await ctx.ports.external.reveal(path)
      return { path }
    },
  }
}
