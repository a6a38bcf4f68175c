import type { CoreContext, HandlerMap } from '../api/handlers'

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
  }
}
