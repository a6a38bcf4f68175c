/**
 * The replies API: a thin map onto the reply service and the IMAP service (replies/), which
 * createApi opens once: importing .eml files (chosen with the host's picker, or dropped on the
 * window), confirming what a reply is and which request it answers, and the opt-in IMAP sync.
 */
import type { CoreContext, HandlerMap } from '../context'
import { importReplyFiles, importReplyPaths } from '../../replies/import-many'

export type { ImapView, SyncResult } from '../../replies/imap-service'

export function replyHandlers(ctx: CoreContext): HandlerMap {
  const { replies, imapSync } = ctx
  return {
    'replies:import': async ({ reference, files, confirm }) => {
      const options = { hint: reference ?? null, confirm }
      if (files) return importReplyFiles(replies, files, options)
      return importReplyPaths(replies, await ctx.ports.picker.pickFiles('replies'), options)
    },
    'replies:list': ({ reference, pending }) => replies.list({ ...(reference ? { reference } : {}), pending }),
    'replies:confirm': (input) => replies.confirm(input),
    'replies:dismiss': ({ replyId }) => replies.dismiss(replyId),
    'replies:imapSettings': () => imapSync.view(),
    'replies:saveImap': (input) => imapSync.save(input),
    'replies:sync': (input, operation) => imapSync.sync(input, operation),
  }
}
