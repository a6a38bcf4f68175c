/**
 * `rightful deadline`: the legal response deadline of a request received on a day, explained in
 * the user's language. It needs the core's deadline engine only: nothing of PDF, mail or calendar.
 */
import type { Command } from 'commander'
import { laws, requestTypes } from '../core/requests/model'
import { formatPlainDate, joinParts } from '../core/messages/params'
import { renderMessage } from '../core/messages/render'
import { regimeMessage, regimeTextMessage } from '../core/deadlines/explain-messages'
import { jsonOption, leaf, oneOf, required, unwrap, flagProblem, usage, type CliContext, type Finish } from './shared'

/** The flags of the episodes that move the deadline, and the core's fields for them. */
const episodeFlags = { 'id-requested': 'identityRequested', 'id-received': 'identityProvided', 'clarification-asked': 'clarificationAsked', 'clarification-answered': 'clarificationAnswered' } as const

/** Registers `deadline`. */
export function registerDeadline(program: Command, ctx: CliContext, finish: Finish): void {
  const options = {
    law: { type: 'string', value: 'law', help: 'law3', choices: laws },
    country: { type: 'string', value: 'CC or CC-REGION', help: 'country5' },
    received: { type: 'string', value: 'YYYY-MM-DD', help: 'received' },
    type: { type: 'string', value: 'type', help: 'type2' },
    'id-requested': { type: 'string', value: 'YYYY-MM-DD', help: 'idRequested' },
    'id-received': { type: 'string', value: 'YYYY-MM-DD', help: 'idReceived' },
    'clarification-asked': { type: 'string', value: 'YYYY-MM-DD', help: 'clarificationAsked' },
    'clarification-answered': { type: 'string', value: 'YYYY-MM-DD', help: 'clarificationAnswered' },
    ...jsonOption,
  } as const
  leaf(program, finish, { name: 'deadline', summary: 'deadline', options }, async (values) => {
    const { ui } = ctx
    const law = oneOf(values.law, 'law', laws)
    const type = oneOf(values.type, 'type', requestTypes, 'access')
    const country = required(values.country, 'country')
    const received = required(values.received, 'received')
    if (values['id-received'] && !values['id-requested']) throw usage('needsFlag', { flag: 'id-received', other: 'id-requested' })
    if (values['clarification-answered'] && !values['clarification-asked']) throw usage('needsFlag', { flag: 'clarification-answered', other: 'clarification-asked' })
    const episodes: { identityRequested?: string; identityProvided?: string; clarificationAsked?: string; clarificationAnswered?: string } = {}
    for (const [flag, field] of Object.entries(episodeFlags) as [keyof typeof episodeFlags, (typeof episodeFlags)[keyof typeof episodeFlags]][]) {
      const value = values[flag]
      if (value !== undefined) episodes[field] = value
    }
    const result = await ctx.makeApi(undefined, undefined, undefined, 'deadlines:compute').call('deadlines:compute', { law, country, received, type, ...episodes })
    if (!result.ok && (result.error.code === 'INVALID_INPUT' || result.error.code === 'UNKNOWN_COUNTRY')) {
      if (result.error.code === 'UNKNOWN_COUNTRY') throw flagProblem('country', result.error)
      const issue = result.error.issues?.[0]
      const flag = Object.entries(episodeFlags).find(([, field]) => field === issue?.path)?.[0] ?? issue?.path ?? 'received'
      throw flagProblem(flag, issue ?? result.error)
    }
    const deadline = unwrap(result)
    // English as the core wrote it; another language from the same steps' messages.
    const explanation = ui === 'en' ? deadline.explanation : joinParts(deadline.steps.map((s) => joinParts(s.parts.map((p) => renderMessage(p, ui)), ui)), ui)
    const label = (key: string) => renderMessage({ key: `cli.deadline.${key}` }, ui)
    // A benchmark's or milestone's label, and the law counted under, in the --ui-lang language too.
    const labelled = <T extends { readonly label: string }>(entry: T): T => (ui === 'en' ? entry : { ...entry, label: renderMessage(regimeTextMessage(entry.label), ui) })
    const width = Math.max(...['due', 'extendedDue', 'acknowledgeBy', 'extensionNoticeBy', 'benchmark', 'milestone'].map((k) => label(k).length)) + 2
    const line = (key: string, date: string | null) => `${label(key).padEnd(width)} ${date ? formatPlainDate(date, ui, true) : label('none')}`
    return {
      json: {
        due: deadline.due,
        extendedDue: deadline.extendedDue,
        acknowledgeBy: deadline.acknowledgeBy,
        extensionNoticeBy: deadline.extensionNoticeBy,
        dueStrict: deadline.dueStrict,
        benchmark: deadline.benchmark ? labelled(deadline.benchmark) : null,
        milestones: deadline.milestones.map(labelled),
        explanation,
        uiLang: ui,
      },
      text: [
        ui === 'en' ? deadline.regime : renderMessage(regimeMessage(deadline.law), ui),
        line('due', deadline.due),
        line('extendedDue', deadline.extendedDue),
        line('acknowledgeBy', deadline.acknowledgeBy),
        line('extensionNoticeBy', deadline.extensionNoticeBy),
        ...(deadline.benchmark ? [line('benchmark', deadline.benchmark.date)] : []),
        ...deadline.milestones.map((m) => line('milestone', m.date)),
        '',
        explanation,
      ].join('\n'),
    }
  })
}
