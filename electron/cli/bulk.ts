/**
 * `rightful bulk`: one request type to many companies. Writes the batch, prints the letters' PDF
 * with --letters, and sends the e-mails through the SMTP server at --rate a minute (default 10);
 * `bulk resume` goes on with an interrupted or paused batch, `bulk list` lists the batches.
 */
import path from 'node:path'
import type { Command } from 'commander'
import { languages, laws, normalizeLanguage, requestTypes } from '../core/requests/model'
import type { BatchView } from '../core/bulk/model'
import { requireSmtp, smtpFlags, smtpOptions } from './mail-flags'
import type { UiLanguage } from '../core/messages/ui-languages'
import { hasMessage, renderMessage } from '../core/messages/render'
import { message } from '../core/shared/message'
import { addOptions, countryFlag, helpKey, jsonOption, leaf, oneOf, optionValues, outWords, readProfileFile, typeWord, unwrap, usage, UsageError, type CliContext, type Finish, type Output } from './shared'

/** A batch's state, an item's status or channel in the --ui-lang language; in English its code, as the CLI has always printed it. */
function bulkWord(ui: UiLanguage, kind: 'state' | 'status' | 'channel', code: string): string {
  return ui === 'en' ? code : renderMessage(message(`cli.out.bulk.${kind}.${code}`), ui)
}

/** What `rightful bulk` prints of a batch. */
function batchOutput(view: BatchView, letters: { path: string | null; count: number } | null, ui: UiLanguage): Output {
  const { batch, counts } = view
  const results = batch.items.map((item) => ({
    company: item.company,
    reference: item.reference,
    status: item.excluded ? 'skipped' : item.status,
    channel: item.channel,
    ...(item.webForm ? { webForm: item.webForm } : {}),
    ...(item.error ? { error: item.error } : {}),
  }))
  const lines = batch.items.map((item) => `${(item.reference ?? '-').padEnd(13)} ${bulkWord(ui, 'status', item.status).padEnd(9)} ${bulkWord(ui, 'channel', item.channel).padEnd(7)} ${item.name}${item.webForm ? `  ${item.webForm}` : ''}${item.error ? `  (${ui === 'en' || !item.error.detail ? item.error.message : renderMessage(item.error.detail, ui)})` : ''}`)
  lines.push(
    outWords(
      ui,
      `${batch.id} (${batch.state}): ${counts.sent} sent, ${counts.queued} waiting, ${counts.failed} failed, ${counts.uncertain} to check in your Sent folder, ${counts.letter} letters, ${counts.webform} web forms to fill in, ${counts.skipped} skipped.`,
      'bulk.summary',
      { batch: batch.id, state: bulkWord(ui, 'state', batch.state), sent: counts.sent, queued: counts.queued, failed: counts.failed, uncertain: counts.uncertain, letters: counts.letter, webforms: counts.webform, skipped: counts.skipped },
    ),
  )
  if (letters) {
    const english = `${letters.count} letter${letters.count === 1 ? '' : 's'} written to ${letters.path ?? '(not saved)'}.`
    lines.push(letters.path ? outWords(ui, english, 'bulk.lettersWritten', { count: letters.count, path: letters.path }) : outWords(ui, english, 'bulk.lettersNotSaved', { count: letters.count }))
  }
  if (counts.uncertain > 0) lines.push(outWords(ui, `Check your Sent folder; send those not there with \`rightful bulk resume ${batch.id} --confirm-resend <RF-…>\`.`, 'bulk.checkSent', { batch: batch.id }))
  if (counts.queued > 0 && batch.state !== 'cancelled') lines.push(outWords(ui, `Send the rest with \`rightful bulk resume ${batch.id}\`.`, 'bulk.sendRest', { batch: batch.id }))
  return {
    json: { batch: batch.id, state: batch.state, rate: batch.rate, counts, results, ...(letters ? { letters } : {}), ...(batch.stoppedBy ? { stoppedBy: batch.stoppedBy } : {}) },
    text: lines.join('\n'),
    exitCode: counts.failed > 0 || counts.uncertain > 0 || batch.stoppedBy ? 1 : 0,
  }
}

function rateFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const rate = Number(value)
  if (!Number.isInteger(rate) || rate < 1 || rate > 600) throw usage('rateRange')
  return rate
}

const rateOption = { rate: { type: 'string', value: 'N', help: 'rate' } } as const

/** The options of `bulk` itself (a new batch). */
const createOptions = {
  ...smtpOptions,
  company: { type: 'string', multiple: true, value: 'id', help: 'company' },
  pack: { type: 'string', value: 'name', help: 'pack' },
  country: { type: 'string', value: 'CC', help: 'country2' },
  type: { type: 'string', value: 'type', help: 'type' },
  law: { type: 'string', value: 'law', help: 'law2' },
  lang: { type: 'string', value: 'lang', help: 'lang' },
  profile: { type: 'string', value: 'file.json', help: 'profile' },
  ...rateOption,
  letters: { type: 'string', value: 'file.pdf', help: 'letters' },
  'no-send': { type: 'boolean', help: 'noSend' },
  ...jsonOption,
} as const

/** Registers `bulk` and its commands. */
export function registerBulk(program: Command, ctx: CliContext, finish: Finish): void {
  const { io, makeApi, ui } = ctx
  const bulk = program.command('bulk').description(helpKey('command', 'bulk')).allowUnknownOption(false).allowExcessArguments(true).argument('[command]').usage('[options] | <command> [options]')
  addOptions(bulk, createOptions)
  bulk.action(async () => {
    if (bulk.args.length > 0) throw usage('unexpectedArgument', { argument: bulk.args[0]! })
    const values = optionValues(bulk, createOptions)
    const companies = values.company ?? []
    if ((companies.length > 0) === (values.pack !== undefined)) throw usage('companyOrPack')
    if (values.country !== undefined && values.pack === undefined) throw usage('countryWithPack')
    const country = countryFlag(values.country)
    const type = oneOf(values.type, 'type', requestTypes)
    const law = values.law === undefined ? undefined : oneOf(values.law, 'law', laws)
    const lang = values.lang === undefined ? undefined : oneOf(normalizeLanguage(values.lang) as string, 'lang', languages)
    const rate = rateFlag(values.rate)
    const profile = values.profile !== undefined ? readProfileFile(values.profile, io.cwd) : undefined
    const api = makeApi(values.letters !== undefined ? path.resolve(io.cwd, values.letters) : undefined, undefined, smtpFlags(values, io.cwd))
    // The server and the password before anything is written, unless nothing is to be sent now.
    if (!values['no-send']) await requireSmtp(api, io)
    const created = await api.call('bulk:create', {
      ...(values.pack !== undefined ? { pack: values.pack, ...(country ? { country } : {}) } : { companies }),
      type,
      ...(law ? { law } : {}),
      ...(lang ? { lang } : {}),
      ...(rate ? { rate } : {}),
      ...(profile ? { profile } : {}),
    })
    if (!created.ok && created.error.code === 'INVALID_INPUT') throw new UsageError(created.error.message, created.error.detail)
    let batch = unwrap(created)
    let letters: { path: string | null; count: number } | null = null
    if (values.letters !== undefined && batch.counts.letter > 0) {
      letters = unwrap(await api.call('bulk:letters', { batch: batch.batch.id }))
    } else if (values.letters === undefined && batch.counts.letter > 0) {
      const english = `${batch.counts.letter} compan${batch.counts.letter === 1 ? 'y has' : 'ies have'} no e-mail address: add --letters <file.pdf> (or run \`rightful bulk resume ${batch.batch.id} --letters …\` later) to print their letters.`
      io.stderr(`rightful: ${outWords(ui, english, 'bulk.needLetters', { count: batch.counts.letter, batch: batch.batch.id })}\n`)
    }
    if (!values['no-send']) batch = unwrap(await api.call('bulk:send', { batch: batch.batch.id }))
    finish(batchOutput(batch, letters, ui))
  })

  leaf(bulk, finish, { name: 'list', summary: 'bulkList', options: jsonOption }, async () => {
    const batches = unwrap(await makeApi().call('bulk:list', {}))
    const text = batches
      .map((b) => `${b.id}  ${b.createdAt.slice(0, 10)}  ${typeWord(b.type, ui).padEnd(10)} ${bulkWord(ui, 'state', b.state).padEnd(9)} ${outWords(ui, `${b.counts.sent}/${b.counts.total} sent`, 'bulk.sentOf', { sent: b.counts.sent, total: b.counts.total })}${b.pack ? `  (${b.pack}${b.packCountry ? `, ${b.packCountry}` : ''})` : ''}`)
      .join('\n')
    return { json: batches, text: text || outWords(ui, 'No batches yet.', 'bulk.none') }
  })

  leaf(bulk, finish, { name: 'packs', summary: 'bulkPacks', options: { country: { type: 'string', value: 'CC', help: 'country3' }, ...jsonOption } }, async (values) => {
    const country = countryFlag(values.country)
    const packs = unwrap(await makeApi().call('bulk:packs', country ? { country } : {}))
    // A pack's description in --ui-lang where the resources have it (every built-in pack), else as the core gives it.
    const describe = (p: (typeof packs)[number]) => (ui === 'en' || !hasMessage(`cli.out.bulk.pack.${p.name}`) ? p.description : renderMessage(message(`cli.out.bulk.pack.${p.name}`), ui))
    return { json: packs, text: packs.map((p) => `${p.name.padEnd(20)} ${String(p.companies).padStart(5)}  ${describe(p)}`).join('\n') }
  })

  leaf(bulk, finish, { name: 'show', summary: 'bulkShow', args: '[batch]', operands: 1, options: jsonOption }, async (_values, positionals) => {
    if (!positionals[0]) throw usage('showNeedsBatch')
    return batchOutput(unwrap(await makeApi().call('bulk:get', { batch: positionals[0] })), null, ui)
  })

  leaf(
    bulk,
    finish,
    {
      name: 'resume',
      summary: 'bulkResume',
      args: '[batch]',
      operands: 1,
      options: {
        ...smtpOptions,
        'confirm-resend': { type: 'string', multiple: true, value: 'RF-…', help: 'confirmResend' },
        'retry-failed': { type: 'boolean', help: 'retryFailed' },
        ...rateOption,
        ...jsonOption,
      },
    },
    async (values, positionals) => {
      const api = makeApi(undefined, undefined, smtpFlags(values, io.cwd))
      let id = positionals[0]
      if (!id) {
        const open = unwrap(await api.call('bulk:list', {})).find((b) => b.state === 'sending' || b.state === 'paused' || b.state === 'review')
        if (!open) throw usage('noOpenBatch')
        id = open.id
      }
      await requireSmtp(api, io)
      const rate = rateFlag(values.rate)
      const sent = unwrap(await api.call('bulk:send', { batch: id, confirmResend: values['confirm-resend'] ?? [], retryFailed: values['retry-failed'] ?? false, ...(rate ? { rate } : {}) }))
      return batchOutput(sent, null, ui)
    },
  )
}
