/**
 * The mail API: a thin map onto the mail service (mail/service.ts), which createApi opens once:
 * the mailto: and .eml hand-offs, webmail compose links, and sending through the user's own SMTP server.
 */
import type { CoreContext, HandlerMap } from '../context'

export function mailHandlers(ctx: CoreContext): HandlerMap {
  const { mail } = ctx
  return {
    'mail:openInMailProgram': ({ reference }) => mail.openInMailProgram(reference),
    'mail:openWebmail': ({ reference, provider }) => mail.openWebmail(reference, provider),
    'mail:saveEml': ({ reference }) => mail.saveEml(reference),
    'mail:getSmtp': () => mail.smtpView(),
    'mail:saveSmtp': (input) => mail.saveSmtp(input),
    'mail:testSmtp': () => mail.testSmtp(),
    'mail:send': (input) => mail.send(input),
    'mail:retry': ({ reference, confirmResend }) => mail.retry(reference, confirmResend),
    'mail:outbox': ({ reference }) => mail.outboxItems(reference),
    'mail:copyToSent': ({ reference }) => mail.copyToSent(reference),
  }
}
