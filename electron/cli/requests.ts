/**
 * `rightful requests …` (list, show, mark-sent, event, identity, extension, bounce, discard, export)
 * and `rightful check`: the user's requests, what happened to them, and whether an answer is complete.
 */
import type { Command } from 'commander'
import { answerStates, type AnswerCheckView, type AnswerState } from '../core/requests/answer-check'
import { eventLabels, userEventKinds } from '../core/requests/events'
import type { RequestView } from '../core/requests/view'
import type { Result } from '../core/shared/result'
import { requestsCsv } from '../core/requests/export-csv'
import { writeFileAtomicSync } from '../core/storage/files'
import { renderMessage } from '../core/messages/render'
import { daysLeftMessage, statusMessage } from '../core/requests/status'
import type { UiLanguage } from '../core/messages/ui-languages'
import { message } from '../core/shared/message'
import { group, jsonOption, leaf, oneOf, outFile, outWords, referenceArgument, required, typeWord, unwrap, flagProblem, usage, type CliContext, type Finish } from './shared'

/**
 * `--at`: a day (2026-02-03), or a moment with its offset (2026-02-03T09:15:00+01:00, or Z);
 * without an offset, this computer's time. `on` is the day as written.
 */
function parseWhen(value: string, flag: string): { on: string; at: string | null } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { on: value, at: null }
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value)
  if (!match) throw usage('whenFormat', { flag, value })
  const [, day, hours, minutes, seconds = '00', fraction = '', offset] = match
  const local = `${day}T${hours}:${minutes}:${seconds}${fraction}`
  const at = offset ? `${local}${offset === 'Z' ? 'Z' : `${offset.slice(0, 3)}:${offset.slice(-2)}`}` : new Date(local).toISOString()
  if (Number.isNaN(Date.parse(at))) throw usage('whenNotReal', { flag, value })
  return { on: day!, at }
}

/** The core's answer to a bad date: a usage error naming the flag. */
function flagError(result: Result<unknown>, flags: ReadonlyMap<string, string>): void {
  if (result.ok || result.error.code !== 'INVALID_INPUT') return
  const issue = result.error.issues?.[0]
  const flag = issue ? [...flags].find(([, field]) => field === issue.path)?.[0] : undefined
  if (flag) throw flagProblem(flag, issue!)
}

/** A request and its timeline, for people: in English as it has always read, else in the --ui-lang language. */
function describeRequest(view: RequestView, ui: UiLanguage): string {
  return ui === 'en' ? describeRequestInEnglish(view) : describeRequestIn(view, ui)
}

/** The request in another UI language: its status, days left, events and next steps as the request page says them. */
function describeRequestIn(view: RequestView, ui: UiLanguage): string {
  const { record, status } = view
  const say = (key: string, params?: Record<string, string>) => renderMessage(params ? { key: `cli.show.${key}`, params } : { key: `cli.show.${key}` }, ui)
  const shown = record.sent ?? record.draft
  // Chinese labels end in a full-width colon, which needs no space after it.
  const gap = ui.startsWith('zh') ? '' : ' '
  const lines = [
    `${record.reference}  ${record.company.name}  ${typeWord(record.type, ui)} (${record.law})`,
    `${say('status')}${gap}${renderMessage(statusMessage(status), ui)} · ${renderMessage(daysLeftMessage(status), ui)}`,
    `${say('to')}${gap}${shown.to ?? shown.recipientAddress?.lines.join(', ') ?? say('noAddress')}`,
    `${say('subject')}${gap}${shown.subject}`,
    say('events'),
    ...record.events.map((e) => {
      const extra = [e.channel && say(`channel.${e.channel}`), e.trackingNumber && say('tracking', { number: e.trackingNumber }), e.until && say('until', { date: e.until }), e.note].filter(Boolean).join('; ')
      return `  ${e.on}  ${say(`event.${e.kind}`)}${extra ? `${ui.startsWith('zh') ? '：' : ': '}${extra}` : ''}${e.removedAt ? ` ${say('removed')}` : ''}  [${e.id}]`
    }),
    ...(view.nextSteps.length ? [say('next'), ...view.nextSteps.map((step) => `  - ${renderMessage(step.message, ui)}`)] : []),
  ]
  return lines.join('\n')
}

/** The request in English, as `requests show` has always printed it. */
function describeRequestInEnglish(view: RequestView): string {
  const { record, status } = view
  const due = 'due' in status && status.due ? `, due ${status.due}` : ''
  const lines = [
    `${record.reference}  ${record.company.name}  ${record.type} (${record.law})  ${status.kind}${due}`,
    `To:      ${(record.sent ?? record.draft).to ?? (record.sent ?? record.draft).recipientAddress?.lines.join(', ') ?? '(no address known)'}`,
    `Subject: ${(record.sent ?? record.draft).subject}`,
    'Events:',
    ...record.events.map((e) => {
      const extra = [e.channel, e.trackingNumber && `tracking ${e.trackingNumber}`, e.until && `until ${e.until}`, e.note].filter(Boolean).join('; ')
      return `  ${e.on}  ${eventLabels[e.kind]}${extra ? `: ${extra}` : ''}${e.removedAt ? ' (removed)' : ''}  [${e.id}]`
    }),
  ]
  return lines.join('\n')
}

/** The states `check --tick` takes: the three of the checklist, and `none` to clear a tick. */
const tickWords = [...answerStates, 'none'] as const

/** One checklist row, for people: the item, its provision, the tick and Rightful's suggestion. */
function describeCheckRow(row: AnswerCheckView['rows'][number], ui: UiLanguage): string {
  const state = (value: AnswerState) => message(`cli.out.check.state.${value}`)
  const tick = row.state
    ? outWords(ui, `${row.state} (${row.by === 'suggestion-confirmed' ? 'suggestion accepted' : 'ticked'} ${row.at?.slice(0, 10)})`, row.by === 'suggestion-confirmed' ? 'check.accepted' : 'check.ticked', { state: state(row.state), on: row.at?.slice(0, 10) ?? '' })
    : outWords(ui, 'not ticked', 'check.notTicked')
  const hint = row.suggestion
    ? `  ${outWords(ui, `suggestion: ${row.suggestion.state}`, 'check.suggestion', { state: state(row.suggestion.state) })}${row.suggestion.evidence ? ` (“${row.suggestion.evidence}”)` : ''}`
    : ''
  if (ui === 'en') return `  ${row.id.padEnd(13)} ${row.cite.padEnd(28)} ${tick}${hint}`
  // Another language: the item's id (what --tick takes), what it is, and the provision as that language cites it where the law is written in it.
  const cites = row.cites as Readonly<Record<string, string | undefined>>
  const cite = (Object.hasOwn(cites, ui) ? cites[ui] : undefined) ?? row.cite
  return `  ${row.id.padEnd(13)} ${renderMessage(message(`cli.out.check.item.${row.concept}`), ui)} (${cite}): ${tick}${hint}`
}

/** Registers `requests` and its commands, and `check`. */
export function registerRequests(program: Command, ctx: CliContext, finish: Finish): void {
  const { io, makeApi, ui } = ctx
  const requests = group(
    program,
    'requests',
    'requests',
    (sub) => `Unknown command "requests ${sub ?? ''}": use requests list, show, mark-sent, event, identity, extension, bounce, discard or export.`,
  )
  const one = { args: '[reference]', operands: 1 } as const

  leaf(requests, finish, { name: 'list', summary: 'requestsList', options: jsonOption }, async (values) => {
    const items = unwrap(await makeApi(undefined, undefined, undefined, 'requests:list').call('requests:list', {}))
    // The table only when it is printed (--json prints the items alone; thousands of lines otherwise).
    const text = values.json
      ? ''
      : items.length
        ? items.map((r) => `${r.reference}  ${r.companyName.padEnd(12)} ${typeWord(r.type, ui).padEnd(8)} ${(ui === 'en' ? r.status.kind : renderMessage(statusMessage(r.status), ui)).padEnd(15)} ${r.due ?? ''}`).join('\n')
        : outWords(ui, 'No requests yet.', 'requests.none')
    return { json: items, text }
  })

  leaf(requests, finish, { name: 'show', summary: 'requestsShow', ...one, options: jsonOption }, async (_values, positionals) => {
    const view = unwrap(await makeApi().call('requests:get', { reference: referenceArgument(positionals[0], 'show') }))
    return { json: view, text: describeRequest(view, ui) }
  })

  leaf(
    requests,
    finish,
    {
      name: 'mark-sent',
      summary: 'requestsMarkSent',
      ...one,
      options: {
        at: { type: 'string', value: 'YYYY-MM-DD or time', help: 'at' },
        channel: { type: 'string', value: 'email|letter', help: 'channel' },
        tracking: { type: 'string', value: 'number', help: 'tracking' },
        ...jsonOption,
      },
    },
    async (values, positionals) => {
      const reference = referenceArgument(positionals[0], 'mark-sent')
      const when = parseWhen(required(values.at, 'at'), 'at')
      const channel = oneOf(values.channel, 'channel', ['email', 'letter'] as const)
      if (values.tracking !== undefined && channel !== 'letter') throw usage('goesWith', { flag: 'tracking', other: 'channel letter' })
      const result = await makeApi().call('requests:markSent', {
        reference,
        on: when.on,
        at: when.at,
        channel: channel === 'letter' ? 'post' : 'email',
        trackingNumber: values.tracking ?? null,
      })
      flagError(
        result,
        new Map([
          ['at', 'on'],
          ['tracking', 'trackingNumber'],
        ]),
      )
      if (!result.ok && result.error.code === 'INVALID_INPUT' && /sending (date|time)/.test(result.error.message)) throw flagProblem('at', result.error)
      const view = unwrap(result)
      const due = view.deadline?.effectiveDue
      const english = `${reference}: sent on ${when.on} by ${channel}. ${due ? `Due ${due}.` : ''}`.trim()
      const by = message(`cli.out.channel.${channel === 'letter' ? 'post' : 'email'}`)
      return { json: view, text: outWords(ui, english, due ? 'requests.markedSentDue' : 'requests.markedSent', { reference, on: when.on, channel: by, ...(due ? { due } : {}) }) }
    },
  )

  leaf(
    requests,
    finish,
    {
      name: 'event',
      summary: 'requestsEvent',
      ...one,
      options: {
        kind: { type: 'string', value: 'kind', help: 'kind2', choices: userEventKinds },
        at: { type: 'string', value: 'YYYY-MM-DD', help: 'at2' },
        text: { type: 'string', value: 'text', help: 'text2' },
        until: { type: 'string', value: 'YYYY-MM-DD', help: 'until' },
        ...jsonOption,
      },
    },
    async (values, positionals) => {
      const reference = referenceArgument(positionals[0], 'event')
      const kind = oneOf(values.kind, 'kind', userEventKinds)
      if (values.until !== undefined && kind !== 'extension-claimed') throw usage('goesWith', { flag: 'until', other: 'kind extension-claimed' })
      const api = makeApi()
      const on = values.at === undefined ? unwrap(await api.call('app:status', {})).today : parseWhen(values.at, 'at').on
      const result = await api.call('requests:addEvent', { reference, kind, on, note: values.text ?? null, until: values.until ?? null })
      flagError(
        result,
        new Map([
          ['at', 'on'],
          ['until', 'until'],
          ['text', 'note'],
        ]),
      )
      if (!result.ok && result.error.code === 'INVALID_INPUT' && /cannot be (before|in the future)/.test(result.error.message)) throw flagProblem('at', result.error)
      const view = unwrap(result)
      const english = `${reference}: ${eventLabels[kind]} on ${on}. Status: ${view.status.kind}.`
      return { json: view, text: outWords(ui, english, 'requests.event', { reference, event: message(`cli.show.event.${kind}`), on, status: statusMessage(view.status) }) }
    },
  )

  leaf(requests, finish, { name: 'identity', summary: 'requestsIdentity', ...one, options: jsonOption }, async (_values, positionals) => {
    const advice = unwrap(await makeApi().call('requests:identityAdvice', { reference: referenceArgument(positionals[0], 'identity') }))
    const rule = ui === 'en' ? advice.rule.text : renderMessage(advice.rule.message, ui)
    const lines = [
      `${advice.reference} (${advice.law}): ${rule}${advice.rule.unverified ? ` ${outWords(ui, '[unverified]', 'identity.unverified')}` : ''}`,
      advice.demand
        ? advice.demand.note
          ? outWords(ui, `The company asked on ${advice.demand.on}: ${advice.demand.note}`, 'identity.askedNote', { on: advice.demand.on, note: advice.demand.note })
          : outWords(ui, `The company asked on ${advice.demand.on}.`, 'identity.asked', { on: advice.demand.on })
        : outWords(ui, 'No demand for identity is recorded (requests event --kind identity-requested).', 'identity.noDemand'),
      ...(advice.company.idDocument ? [outWords(ui, `The catalog says: ${advice.company.idDocument}`, 'identity.catalogSays', { text: advice.company.idDocument })] : []),
      ...advice.company.requiredElements.map((e) =>
        outWords(ui, `The company requires: ${e.description}${e.optional ? ' (optional)' : ''}`, e.optional ? 'identity.requiresOptional' : 'identity.requires', { text: e.description }),
      ),
      ...(advice.pushback.possible ? [outWords(ui, `Write the pushback: rightful draft --type identity-pushback --of ${advice.reference}`, 'identity.pushback', { reference: advice.reference })] : []),
    ]
    return { json: advice, text: lines.join('\n') }
  })

  leaf(
    requests,
    finish,
    { name: 'extension', summary: 'requestsExtension', ...one, options: { reasons: { type: 'string', value: 'yes|no', help: 'reasons2' }, ...jsonOption } },
    async (values, positionals) => {
      const reasonsGiven = values.reasons === undefined ? null : oneOf(values.reasons, 'reasons', ['yes', 'no'] as const) === 'yes'
      const check = unwrap(await makeApi().call('requests:checkExtension', { reference: referenceArgument(positionals[0], 'extension'), reasonsGiven }))
      const words = renderMessage(check.message, ui)
      const contest = `rightful draft --type extension-contest --of ${positionals[0]}${reasonsGiven === null ? '' : ` --reasons ${values.reasons}`}`
      const next = check.contestable ? `\n${outWords(ui, `Contest it: ${contest}`, 'extension.contest', { command: contest })}` : ''
      return { json: check, text: `${positionals[0]}: ${words}${next}` }
    },
  )

  leaf(
    requests,
    finish,
    { name: 'bounce', summary: 'requestsBounce', ...one, options: { mark: { type: 'boolean', help: 'mark' }, ...jsonOption } },
    async (values, positionals) => {
      const reference = referenceArgument(positionals[0], 'bounce')
      const api = makeApi()
      const advice = unwrap(await api.call(values.mark ? 'requests:markBounced' : 'requests:bounceAdvice', { reference }))
      const channel = (c: (typeof advice.alternatives)[number]) => {
        if (c.kind === 'email') return outWords(ui, `e-mail ${c.address} (${c.purpose})`, 'bounce.email', { address: c.address, purpose: message(`cli.out.purpose.${c.purpose}`) })
        if (c.kind === 'webform') return outWords(ui, `web form ${c.url}`, 'bounce.webform', { url: c.url })
        if (c.kind === 'post') {
          const to = [c.recipient, ...c.lines, c.country].join(', ')
          return outWords(ui, `letter to ${to}`, 'bounce.post', { to })
        }
        return outWords(ui, `fax ${c.number}`, 'bounce.fax', { number: c.number })
      }
      const lines = [
        advice.bouncedOn
          ? advice.address
            ? outWords(ui, `${reference}: ${advice.address} bounced on ${advice.bouncedOn}.`, 'bounce.bounced', { reference, address: advice.address, on: advice.bouncedOn })
            : outWords(ui, `${reference}: the letter bounced on ${advice.bouncedOn}.`, 'bounce.letterBounced', { reference, on: advice.bouncedOn })
          : outWords(ui, `${reference}: no bounce is recorded (requests event --kind undeliverable).`, 'bounce.none', { reference }),
        ...(advice.marked
          ? [
              advice.markedOn
                ? outWords(ui, `${advice.address} is marked as bounced in your catalog (since ${advice.markedOn}).`, 'bounce.marked', { address: advice.address ?? '', since: advice.markedOn })
                : outWords(ui, `${advice.address} is marked as bounced in your catalog (since an unknown date).`, 'bounce.markedUndated', { address: advice.address ?? '' }),
            ]
          : []),
        ...(advice.alternatives.length
          ? [outWords(ui, 'Other channels of the company:', 'bounce.others'), ...advice.alternatives.map((c) => `  ${channel(c)}`)]
          : [outWords(ui, `No other channel of ${advice.company.name} is known: add one to the catalog.`, 'bounce.noOther', { company: advice.company.name })]),
      ]
      return { json: advice, text: lines.join('\n') }
    },
  )

  leaf(requests, finish, { name: 'discard', summary: 'requestsDiscard', ...one, options: jsonOption }, async (_values, positionals) => {
    const reference = referenceArgument(positionals[0], 'discard')
    unwrap(await makeApi().call('requests:discard', { reference }))
    return { json: { reference, discarded: true }, text: outWords(ui, `${reference} was discarded (kept under requests/discarded/; its number is not used again).`, 'requests.discarded', { reference }) }
  })

  leaf(
    requests,
    finish,
    { name: 'export', summary: 'requestsExport', options: { format: { type: 'string', value: 'csv', help: 'format3' }, out: { type: 'string', value: 'file.csv', help: 'out2' }, ...jsonOption } },
    async (values) => {
      oneOf(values.format, 'format', ['csv'] as const)
      const out = outFile(values.out, io.cwd)
      const items = unwrap(await makeApi(undefined, undefined, undefined, 'requests:list').call('requests:list', {}))
      writeFileAtomicSync(out, requestsCsv(items))
      return { json: { path: out, requests: items.length }, text: outWords(ui, `${items.length} request${items.length === 1 ? '' : 's'} written to ${out}.`, 'requests.exported', { count: items.length, path: out }) }
    },
  )

  leaf(
    program,
    finish,
    {
      name: 'check',
      summary: 'check',
      ...one,
      options: {
        tick: { type: 'string', multiple: true, value: 'item[=state]', help: 'tick', choices: tickWords },
        accept: { type: 'string', multiple: true, value: 'item|all', help: 'accept' },
        ...jsonOption,
      },
    },
    async (values, positionals) => {
      if (!positionals[0]) throw usage('checkNeedsReference')
      const reference = referenceArgument(positionals[0], 'check')
      const api = makeApi()
      let view = unwrap(await api.call('requests:checkAnswer', { reference }))
      const ticks = new Map<string, { id: string; state: AnswerState | null; confirmsSuggestion: boolean }>()
      for (const given of values.tick ?? []) {
        const [id = '', word = 'arrived'] = given.split('=', 2)
        const state = oneOf(word, 'tick', tickWords)
        if (!view.rows.some((r) => r.id === id)) throw usage('itemsUnder', { flag: 'tick', given, law: view.law, list: view.rows.map((r) => r.id).join(', ') })
        ticks.set(id, { id, state: state === 'none' ? null : state, confirmsSuggestion: false })
      }
      for (const given of values.accept ?? []) {
        const rows = given === 'all' ? view.rows.filter((r) => r.suggestion && !ticks.has(r.id)) : view.rows.filter((r) => r.id === given)
        if (rows.length === 0 && given !== 'all') throw usage('itemsUnder', { flag: 'accept', given, law: view.law, list: view.rows.map((r) => r.id).join(', ') })
        for (const row of rows) {
          if (!row.suggestion) throw usage('noSuggestion', { item: row.id })
          ticks.set(row.id, { id: row.id, state: row.suggestion.state, confirmsSuggestion: true })
        }
      }
      if (ticks.size > 0) view = unwrap(await api.call('requests:tickAnswer', { reference, ticks: [...ticks.values()] }))
      const missing = view.missing.length
        ? outWords(ui, `Missing: ${view.missing.join(', ')}. \`rightful follow-up ${reference}\` writes the letter.`, 'check.missing', { items: view.missing.join(', '), reference })
        : outWords(ui, 'Nothing ticked missing.', 'check.noneMissing')
      const heading = view.answeredOn
        ? outWords(ui, `${reference}: the answer under ${view.law} (data received ${view.answeredOn})`, 'check.headingReceived', { reference, law: view.law, on: view.answeredOn })
        : outWords(ui, `${reference}: the answer under ${view.law}`, 'check.heading', { reference, law: view.law })
      return { json: view, text: [heading, ...view.rows.map((row) => describeCheckRow(row, ui)), missing].join('\n') }
    },
  )
}
