/** `rightful replies import|confirm|list|sync`: a company's replies, from files or the IMAP inbox. */
import fs from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import type { ApiInput } from '../core/api/contract'
import type { ReplyImportOutcome } from '../core/replies/model'
import { replyKinds } from '../core/replies/rules'
import { imapAccountFromUrl, imapOptions, imapPassword, savedImapLogin } from './mail-flags'
import type { UiLanguage } from '../core/messages/ui-languages'
import { renderMessage } from '../core/messages/render'
import { statusMessage } from '../core/requests/status'
import { message } from '../core/shared/message'
import { flagProblem, group, jsonOption, leaf, oneOf, outWords, unwrap, usage, type CliContext, type Finish } from './shared'

/** What the CLI prints for one imported reply. */
export function replyOutcomeJson(outcome: ReplyImportOutcome) {
  return {
    replyId: outcome.replyId,
    duplicate: outcome.duplicate,
    matched: outcome.matched,
    matchedBy: outcome.matchedBy,
    needsConfirmation: outcome.needsConfirmation,
    candidates: outcome.candidates,
    classification: { kind: outcome.classification.kind, confidence: outcome.classification.confidence, reason: outcome.classification.reason },
    eventId: outcome.eventId,
    confirmedEventId: outcome.confirmedEventId,
    from: outcome.reply.from.address,
    subject: outcome.reply.subject,
    date: outcome.reply.date,
    ...(outcome.reply.bounce ? { failedRecipients: outcome.reply.bounce.failedRecipients } : {}),
  }
}

/** One imported reply, for people: where it went, what it looks like, how to confirm it. */
export function describeReplyOutcome(outcome: ReplyImportOutcome, ui: UiLanguage = 'en'): string {
  if (ui !== 'en') return describeReplyOutcomeIn(outcome, ui)
  const c = outcome.classification
  const what = `${c.kind.replace(/-/g, ' ')} (${Math.round(c.confidence * 100)}%: ${c.reason})`
  if (outcome.duplicate) return `Already imported (${outcome.replyId}${outcome.matched ? `, on ${outcome.matched}` : ''}); nothing was added.`
  if (!outcome.matched) return `No request matches this reply (${outcome.replyId}). It is kept; assign it with \`rightful replies confirm ${outcome.replyId} --reference RF-…\`.`
  if (outcome.needsConfirmation) {
    return `Probably ${outcome.matched} (by ${outcome.matchedBy}); nothing was added yet. Looks like: ${what}.\nConfirm with \`rightful replies confirm ${outcome.replyId} --reference ${outcome.matched} --kind ${c.kind}\`.`
  }
  const confirmed = outcome.confirmedEventId || (outcome.reply.confirmed && outcome.reply.confirmed.kind === c.kind)
  return `Added to ${outcome.matched} (matched by ${outcome.matchedBy}). ${confirmed ? `Recorded as ${c.kind.replace(/-/g, ' ')}.` : `Looks like: ${what}.\nConfirm with \`rightful replies confirm ${outcome.replyId} --kind ${c.kind}\`.`}`
}

/** One imported reply in another UI language: the same sentences; the kind's code stays as the command takes it. */
function describeReplyOutcomeIn(outcome: ReplyImportOutcome, ui: UiLanguage): string {
  const say = (key: string, params?: Parameters<typeof message>[1]) => renderMessage(message(`cli.out.replies.${key}`, params), ui)
  const c = outcome.classification
  const kind = message(`cli.out.replies.kind.${c.kind}`)
  const what = say('looksLike', { kind, percent: Math.round(c.confidence * 100), reason: c.reasonMessage ?? c.reason })
  if (outcome.duplicate) return outcome.matched ? say('duplicateOn', { id: outcome.replyId, reference: outcome.matched }) : say('duplicate', { id: outcome.replyId })
  if (!outcome.matched) return say('unmatched', { id: outcome.replyId })
  const by = outcome.matchedBy ? message(`cli.out.replies.matchedBy.${outcome.matchedBy}`) : ''
  const gap = ui.startsWith('zh') ? '' : ' '
  if (outcome.needsConfirmation) return `${say('probably', { reference: outcome.matched, by })}${gap}${what}\n${say('confirmWith', { command: `rightful replies confirm ${outcome.replyId} --reference ${outcome.matched} --kind ${c.kind}` })}`
  const confirmed = outcome.confirmedEventId || (outcome.reply.confirmed && outcome.reply.confirmed.kind === c.kind)
  return `${say('added', { reference: outcome.matched, by })}${gap}${confirmed ? say('recorded', { kind }) : `${what}\n${say('confirmWith', { command: `rightful replies confirm ${outcome.replyId} --kind ${c.kind}` })}`}`
}

/** A reply's state or kind in the --ui-lang language; in English its code, as the list has always shown it. */
function replyWord(ui: UiLanguage, what: 'state' | 'kind', code: string): string {
  return ui === 'en' ? code : renderMessage(message(`cli.out.replies.${what}.${code}`), ui)
}

/** Registers `replies` and its commands. */
export function registerReplies(program: Command, ctx: CliContext, finish: Finish): void {
  const { io, makeApi, ui } = ctx
  const replies = group(program, 'replies', 'replies', (sub) => `Unknown command "replies ${sub ?? ''}": use replies import, confirm, list or sync.`)

  leaf(
    replies,
    finish,
    {
      name: 'import',
      summary: 'repliesImport',
      args: '[file.eml]',
      operands: 1,
      options: { reference: { type: 'string', value: 'RF-…', help: 'reference2' }, confirm: { type: 'boolean', help: 'confirm' }, ...jsonOption },
    },
    async (values, positionals) => {
      if (!positionals[0]) throw usage('repliesImportNeedsFile')
      const file = path.resolve(io.cwd, positionals[0])
      if (!fs.existsSync(file)) throw usage('noFile', { file })
      const result = await makeApi(undefined, file).call('replies:import', { ...(values.reference ? { reference: values.reference } : {}), confirm: values.confirm ?? false })
      if (!result.ok && result.error.code === 'INVALID_INPUT' && result.error.issues?.[0]?.path === 'reference') throw flagProblem('reference', result.error.issues[0])
      const outcome = unwrap(result).outcomes[0]
      if (!outcome) throw usage('notImported', { file })
      return { json: replyOutcomeJson(outcome), text: describeReplyOutcome(outcome, ui) }
    },
  )

  leaf(
    replies,
    finish,
    {
      name: 'confirm',
      summary: 'repliesConfirm',
      args: '[reply-id]',
      operands: 1,
      options: { reference: { type: 'string', value: 'RF-…', help: 'reference2' }, kind: { type: 'string', value: 'kind', help: 'kind', choices: replyKinds }, ...jsonOption },
    },
    async (values, positionals) => {
      if (!positionals[0]) throw usage('confirmNeedsId')
      const kind = values.kind === undefined ? undefined : oneOf(values.kind, 'kind', replyKinds)
      if (kind === undefined && values.reference === undefined) throw usage('referenceOrKind')
      const { reply, request } = unwrap(
        await makeApi().call('replies:confirm', { replyId: positionals[0], ...(values.reference ? { reference: values.reference } : {}), ...(kind ? { kind } : {}) }),
      )
      return {
        json: { replyId: reply.id, reference: request.record.reference, kind: reply.confirmed?.kind ?? null, eventId: reply.eventId, confirmedEventId: reply.confirmed?.eventId ?? null, status: request.status.kind },
        text: outWords(
          ui,
          `${request.record.reference}: the reply is on the timeline${reply.confirmed ? `, recorded as ${reply.confirmed.kind.replace(/-/g, ' ')}` : ''}. Status: ${request.status.kind}.`,
          reply.confirmed ? 'replies.confirmedAs' : 'replies.confirmed',
          { reference: request.record.reference, kind: reply.confirmed ? message(`cli.out.replies.kind.${reply.confirmed.kind}`) : '', status: statusMessage(request.status) },
        ),
      }
    },
  )

  leaf(replies, finish, { name: 'list', summary: 'repliesList', options: { pending: { type: 'boolean', help: 'pending' }, ...jsonOption } }, async (values) => {
    const list = unwrap(await makeApi().call('replies:list', { pending: values.pending ?? false }))
    const text = list.length
      ? list.map((r) => `${r.id}  ${(r.match.reference ?? '-').padEnd(13)} ${replyWord(ui, 'state', r.state).padEnd(18)} ${replyWord(ui, 'kind', r.confirmed?.kind ?? r.suggestion.kind).padEnd(18)} ${r.from.address}  ${r.subject}`).join('\n')
      : outWords(ui, 'No replies.', 'replies.none')
    return { json: list, text }
  })

  leaf(replies, finish, { name: 'sync', summary: 'repliesSync', options: { ...imapOptions, ...jsonOption } }, async (values) => {
    const api = makeApi()
    let input: ApiInput<'replies:sync'>
    if (values.imap !== undefined) {
      const account = imapAccountFromUrl(values.imap, values)
      input = { account, password: await imapPassword(io, account.user, ui) }
    } else {
      if (values.tls || values.starttls || values.plain || values.mailbox !== undefined) throw usage('goWithImap')
      input = (await savedImapLogin(api, io, ui)) ?? {}
    }
    const result = unwrap(await api.call('replies:sync', input))
    const json = { ...result, imported: result.imported.map(replyOutcomeJson) }
    const text = [
      result.since === null
        ? outWords(ui, 'No request is waiting for an answer: nothing to look for.', 'replies.nothingToLookFor')
        : outWords(
            ui,
            `${result.account} ${result.mailbox}: ${result.checked} new message${result.checked === 1 ? '' : 's'} since ${result.since}, ${result.downloaded} downloaded, ${result.imported.length} imported.`,
            'replies.synced',
            { account: result.account, mailbox: result.mailbox, count: result.checked, since: result.since, downloaded: result.downloaded, imported: result.imported.length },
          ),
      ...result.imported.map((o) => `  ${o.matched ?? '-'}  ${describeReplyOutcome(o, ui)}`),
      ...result.failed.map((f) => `  ${outWords(ui, `not imported: ${f.message}`, 'replies.notImported', { reason: f.message })}`),
    ].join('\n')
    return { json, text }
  })
}
