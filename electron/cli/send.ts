/**
 * `rightful send`: writes the request (or takes --reference) and sends it through the user's SMTP
 * server. Exit code 0 only when the server accepted it.
 */
import type { Command } from 'commander'
import { renderMessage } from '../core/messages/render'
import { draftRequest, requestOptions } from './draft'
import { requireSmtp, smtpFlags, smtpOptions } from './mail-flags'
import { leaf, outWords, DomainFailure, usage, type CliContext, type Finish } from './shared'

/** Registers `send`. */
export function registerSend(program: Command, ctx: CliContext, finish: Finish): void {
  const options = {
    ...requestOptions,
    ...smtpOptions,
    'attach-letter': { type: 'boolean', help: 'attachLetter' },
    reference: { type: 'string', value: 'RF-…', help: 'reference3' },
    'confirm-resend': { type: 'boolean', help: 'confirmResend2' },
  } as const
  leaf(program, finish, { name: 'send', summary: 'send', options }, async (values) => {
    const { io } = ctx
    const mail = smtpFlags(values, io.cwd)
    const reference = values.reference
    if (reference !== undefined) {
      for (const flag of ['company', 'type', 'law', 'lang', 'profile', 'identifiers', 'text', 'of'] as const) {
        if (values[flag] !== undefined) throw usage('notWithReference', { flag })
      }
    }
    const api = ctx.makeApi(undefined, undefined, mail)

    // The server and the password before anything is written: no request is left behind for nothing.
    await requireSmtp(api, io)

    const target = reference ?? (await draftRequest(ctx, api, values)).record.reference
    const result = await api.call('mail:send', { reference: target, attachLetter: values['attach-letter'] ?? false, confirmResend: values['confirm-resend'] ?? false })
    if (result.ok) {
      const { item } = result.data
      return {
        json: { reference: target, messageId: item.messageId, status: 'sent' },
        text: item.server
          ? outWords(ctx.ui, `${target}: sent to ${item.to} through ${item.server} (Message-ID ${item.messageId}).`, 'send.sent', { reference: target, to: item.to, server: item.server, messageId: String(item.messageId) })
          : outWords(ctx.ui, `${target}: sent to ${item.to} through the server (Message-ID ${item.messageId}).`, 'send.sentNoServer', { reference: target, to: item.to, messageId: String(item.messageId) }),
      }
    }
    if (result.error.code === 'NOT_FOUND' && reference !== undefined) throw new DomainFailure(result.error)
    const listed = await api.call('mail:outbox', { reference: target })
    const item = listed.ok ? (listed.data[0] ?? null) : null
    const status = result.error.code === 'SEND_UNCERTAIN' || result.error.code === 'CONFIRM_RESEND' || item?.state === 'uncertain' ? 'uncertain' : 'failed'
    const error = { code: result.error.code, message: result.error.message, responseCode: item?.error?.responseCode ?? null, response: item?.error?.response ?? null }
    const hint = status === 'uncertain' && result.error.code === 'CONFIRM_RESEND' ? ` ${outWords(ctx.ui, 'Add --confirm-resend to send it again.', 'send.confirmResend')}` : ''
    const reason = ctx.ui === 'en' || !result.error.detail ? result.error.message : renderMessage(result.error.detail, ctx.ui)
    return {
      json: { reference: target, messageId: item?.messageId ?? null, status, error },
      text: `${outWords(ctx.ui, `${target}: not sent (${status}).`, `send.${status}`, { reference: target })} ${reason}${hint}`,
      exitCode: 1,
    }
  })
}
