import type { CoreContext, HandlerMap } from '../api/handlers'
import { CoreError } from '../api/result'
import { outputFileName } from '../letters/letter-for-request'
import type { RequestRecord } from '../requests/model'
import { buildEml } from './eml'
import { buildMailtoUrl } from './mailto'

/** The e-mail as it was sent, or as drafted; fails when no address is known. */
function emailOf(record: RequestRecord) {
  const content = record.sent ?? record.draft
  const to = record.sent?.to ?? record.draft.to
  if (!to) {
    throw new CoreError('NO_EMAIL', `No e-mail address is known for ${record.company.name}. Add one on the company's page, or print the letter.`)
  }
  return { to, subject: content.subject, body: content.body, sender: content.sender }
}

export function mailHandlers(ctx: CoreContext): HandlerMap {
  return {
    'mail:openInMailProgram': async ({ reference }) => {
      const mail = emailOf(ctx.requests.get(reference).record)
      const url = buildMailtoUrl(mail, ctx.ports.external.maxUrlLength)
      try {
        await ctx.ports.external.open(url)
      } catch (error) {
        throw new CoreError('EXTERNAL_FAILED', `Your mail program could not be opened (${(error as Error).message}). Save the e-mail as an .eml file instead.`)
      }
      return { url }
    },
    'mail:saveEml': async ({ reference }) => {
      const { record } = ctx.requests.get(reference)
      const mail = emailOf(record)
      const bytes = await buildEml({
        from: { name: mail.sender.name, address: mail.sender.email },
        to: mail.to,
        subject: mail.subject,
        body: mail.body,
        date: ctx.ports.clock.now(),
        reference: record.reference,
      })
      const path = await ctx.ports.files.save({ suggestedName: outputFileName(record, 'eml'), kind: 'eml', bytes })
      return { path }
    },
  }
}
