import type { CoreContext, HandlerMap } from '../context'
import { complaintLanguage, complaintRecipient } from '../../authorities/authorities'
import { coreError } from '../../messages/errors'

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
    'requests:createFollowUp': ({ authorityId, ...input }) => {
      if (authorityId === undefined) return ctx.requests.createFollowUp(input)
      if (input.type !== 'complaint') throw coreError('INVALID_INPUT', 'error.requests.onlyComplaint')
      if (input.authority) throw coreError('INVALID_INPUT', 'error.requests.authorityTwice')
      const original = ctx.requests.get(input.reference).record
      const authority = ctx.authorities.get(authorityId)
      const lang =
        input.lang ?? complaintLanguage(authority, (candidate) => ctx.templates.has({ type: 'complaint', law: original.law, lang: candidate })) ?? original.lang
      return ctx.requests.createFollowUp({ ...input, lang, authority: complaintRecipient(authority, lang) })
    },
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
      const attachment = ctx.requests
        .get(reference)
        .record.events.flatMap((e) => e.attachments)
        .find((a) => a.id === attachmentId)
      if (!attachment) throw coreError('NOT_FOUND', 'error.requests.noFile', { reference, id: attachmentId })
      const path = ctx.attachments.resolve(attachment)
      await ctx.ports.external.reveal(path)
      return { path }
    },
  }
}
