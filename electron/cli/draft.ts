/**
 * `rightful draft`, `letter` and `follow-up`: write a request (or a follow-up of one) as a draft, or
 * as a PDF letter. `draftRequest` is shared with `send`.
 */
import type { Command } from 'commander'
import type { Api } from '../core/api/create-api'
import { isFollowUpType, languages, laws, normalizeLanguage, requestTypes, type Law, type RequestType } from '../core/requests/model'
import { proposeLaw } from '../core/requests/law-proposal'
import type { Profile } from '../core/profile/profile'
import type { CompanyView } from '../core/catalog/schema'
import { joinParts } from '../core/messages/params'
import { renderMessage } from '../core/messages/render'
import type { UiLanguage } from '../core/messages/ui-languages'
import { assertNever } from '../core/shared/assert-never'
import { message } from '../core/shared/message'
import { inPlace } from '../core/messages/places'
import { jsonOption, leaf, oneOf, outFile, outWords, readProfileFile, referenceArgument, required, unwrap, usage, UsageError, type CliContext, type Finish, type OptionSpecs, type ValuesOf } from './shared'

/** The options that say what request to write (draft, letter, send). */
export const requestOptions = {
  company: { type: 'string', value: 'id or domain', help: 'company2' },
  type: { type: 'string', value: 'type', help: 'type3', choices: requestTypes },
  law: { type: 'string', value: 'law', help: 'law4' },
  lang: { type: 'string', value: 'lang', help: 'lang2', choices: languages },
  profile: { type: 'string', value: 'file.json', help: 'profile2' },
  identifiers: { type: 'string', value: 'text', help: 'identifiers' },
  text: { type: 'string', value: 'text', help: 'text' },
  of: { type: 'string', value: 'RF-…', help: 'of' },
  authority: { type: 'string', value: 'id', help: 'authority' },
  'authority-name': { type: 'string', value: 'name', help: 'authorityName' },
  'authority-email': { type: 'string', value: 'address', help: 'authorityEmail' },
  reasons: { type: 'string', value: 'yes|no', help: 'reasons' },
  ...jsonOption,
} as const satisfies OptionSpecs

type RequestValues = ValuesOf<typeof requestOptions>

/**
 * Who a complaint goes to: a built-in authority (--authority), one the user names
 * (--authority-name, --authority-email), or else the first authority Rightful proposes.
 */
async function complaintAuthority(
  api: Api,
  reference: string,
  string: (name: keyof RequestValues) => string | undefined,
  ui: UiLanguage,
): Promise<{ authorityId: string } | { authority: { name: string; email: string | null } }> {
  const id = string('authority')
  const name = string('authority-name')
  if (id !== undefined && (name !== undefined || string('authority-email') !== undefined)) {
    throw usage('authorityBoth')
  }
  if (id !== undefined) {
    const known = unwrap(await api.call('authorities:list', {}))
    if (!known.some((a) => a.id === id)) throw usage('noAuthority', { id })
    return { authorityId: id }
  }
  if (name !== undefined) return { authority: { name, email: string('authority-email') ?? null } }
  if (string('authority-email') !== undefined) throw usage('needsFlag', { flag: 'authority-email', other: 'authority-name' })
  // The core's rule, the same as the window's complaint dialog: the first proposal, unless the user must choose.
  const proposed = unwrap(await api.call('authorities:propose', { reference }))
  const { choice } = proposed
  switch (choice.kind) {
    case 'proposed':
      return { authorityId: choice.authorityId }
    case 'choose': {
      const choices = proposed.proposals.filter((p) => choice.authorityIds.includes(p.authority.id)).map((p) => `  ${p.authority.id.padEnd(16)} ${p.authority.regions.join(', ')}`)
      const reason = ui === 'en' ? choice.reason : renderMessage(choice.detail, ui)
      throw new UsageError(`${reason}\nChoose it with --authority <id>:\n${choices.join('\n')}`, message('cli.usage.chooseAuthority', { reason: choice.detail, choices: choices.join('\n') }))
    }
    case 'none':
      throw new UsageError(
        `Rightful knows no supervisory authority for ${reference} (${proposed.question.law}, you in ${proposed.question.userCountry ?? 'an unknown country'}): give --authority <id> (see \`rightful authorities list\`) or --authority-name.`,
        proposed.question.userCountry
          ? message('cli.usage.noAuthorityKnown', { reference, law: proposed.question.law, place: inPlace(proposed.question.userCountry) })
          : message('cli.usage.noAuthorityKnownNoCountry', { reference, law: proposed.question.law }),
      )
    default:
      return assertNever(choice)
  }
}

/**
 * Without --law: the law Rightful proposes (the user's country and state, else the company's
 * establishment). When nothing ties a law to the case, the GDPR is used and stderr says so (a
 * script's stdout stays JSON only). Whether that law grants --type is checked when the request is
 * created (RIGHT_NOT_GRANTED).
 */
async function proposedLaw(api: Api, profile: Profile | null, company: CompanyView, note: (text: string) => void, ui: UiLanguage): Promise<Law> {
  const available = [...new Set(unwrap(await api.call('templates:list', {})).flatMap((t) => t.laws))] as Law[]
  const proposal = proposeLaw({ available, userCountry: profile?.country ?? null, userRegion: profile?.region ?? null, companyCountries: company.establishment })
  // Why, in the core's own words (in --ui-lang).
  const why = joinParts(proposal.message.map((part) => renderMessage(part, ui)), ui)
  if (proposal.grounded) {
    if (proposal.unsupportedLaw) note(`rightful: ${why}\n`)
    return proposal.law
  }
  // A resident of a state with a law of its own that Rightful does not support gets no other law's
  // letter by default: they choose one knowingly.
  if (proposal.unsupportedLaw) throw new UsageError(`${why} Give --law to choose one of: ${available.join(', ')}.`, message('cli.usage.chooseLaw', { why, list: available.join(', ') }))
  const law: Law = 'gdpr'
  note(`rightful: ${why} ${outWords(ui, `Using ${law}; give --law to choose (${available.join(', ')}).`, 'draft.usingLaw', { law, list: available.join(', ') })}\n`)
  return law
}

/** Writes the request the options describe (a new one, or a follow-up with --of) as a draft. */
export async function draftRequest(ctx: CliContext, api: Api, values: RequestValues, channel?: 'email' | 'post') {
  const { io } = ctx
  const note = io.stderr
  const type: RequestType = oneOf(values.type, 'type', requestTypes)
  const string = (name: keyof RequestValues) => (typeof values[name] === 'string' ? (values[name] as string) : undefined)

  // A reminder or complaint follows up a request that was sent: it takes that request's law, and a
  // reminder its language; a complaint is written in the authority's language unless --lang says.
  if (string('reasons') !== undefined && type !== 'extension-contest') throw usage('goesWith', { flag: 'reasons', other: 'type extension-contest' })
  if (isFollowUpType(type)) {
    const of = string('of')
    if (!of) throw usage('needsOf', { type })
    for (const flag of ['company', 'law', ...(type !== 'complaint' ? (['lang'] as const) : []), 'identifiers', 'text'] as const) {
      if (string(flag) !== undefined) throw usage('notForFollowUp', { flag, type, of })
    }
    const followUpLang = type === 'complaint' && string('lang') !== undefined ? { lang: oneOf(normalizeLanguage(string('lang')) as string, 'lang', languages) } : {}
    const authority = type === 'complaint' ? await complaintAuthority(api, of, string, ctx.ui) : {}
    if (type !== 'complaint') {
      for (const flag of ['authority', 'authority-name', 'authority-email'] as const) {
        if (string(flag) !== undefined) throw usage('onlyComplaints', { flag })
      }
    }
    const reasons = string('reasons') === undefined ? {} : { reasonsGiven: oneOf(string('reasons'), 'reasons', ['yes', 'no'] as const) === 'yes' }
    const result = await api.call('requests:createFollowUp', { reference: of, type, ...authority, ...followUpLang, ...reasons })
    if (!result.ok && result.error.code === 'INVALID_INPUT') throw new UsageError(result.error.message, result.error.detail)
    return unwrap(result)
  }
  for (const flag of ['of', 'authority', 'authority-name', 'authority-email'] as const) {
    if (string(flag) !== undefined) throw usage('onlyFollowUps', { flag })
  }
  const givenLaw = string('law') === undefined ? null : oneOf(string('law'), 'law', laws)
  // "zh" is still accepted, as simplified Chinese (zh-Hans).
  const lang = oneOf(normalizeLanguage(string('lang')) as string | undefined, 'lang', languages, 'en')
  if (type === 'custom' && !string('text')?.trim()) throw usage('customNeedsText')
  const companyKey = required(string('company'), 'company')
  const profile = values.profile !== undefined ? readProfileFile(values.profile, io.cwd) : undefined

  const found = await api.call('catalog:get', { id: companyKey })
  if (!found.ok && found.error.code === 'NOT_FOUND') {
    throw usage('noCompany', { company: companyKey })
  }
  const company = unwrap(found)
  const who = profile ?? unwrap(await api.call('profile:get', {}))
  // Without a profile there is nothing to propose from; creating the request then says what is missing.
  const law = givenLaw ?? (who ? await proposedLaw(api, who, company, note, ctx.ui) : 'gdpr')

  const created = await api.call('requests:create', {
    companyId: company.id,
    type,
    law,
    lang,
    ...(profile ? { profile } : {}),
    ...(string('identifiers') ? { identifiers: string('identifiers')!.replace(/\\n/g, '\n') } : {}),
    ...(string('text') ? { text: string('text')! } : {}),
    ...(channel ? { channel } : {}),
  })
  // --type and --law that do not go together are a problem of the command line: exit 2.
  if (!created.ok && created.error.code === 'RIGHT_NOT_GRANTED') {
    throw new UsageError(`--type ${type} under --law ${law}: ${created.error.message} Choose another --type, or --law for the law that protects you.`, message('cli.usage.typeNotUnderLaw', { type, law, problem: created.error.detail ?? created.error.message }))
  }
  return unwrap(created)
}

/** A draft's heading ("Subject: ") in the --ui-lang language; Chinese ones end in a full-width colon and need no space. */
function heading(ui: UiLanguage, name: 'reference' | 'law' | 'to' | 'subject'): string {
  const english = { reference: 'Reference: ', law: 'Law: ', to: 'To: ', subject: 'Subject: ' }[name]
  return ui === 'en' ? english : `${outWords(ui, english, `draft.${name}`)}${ui.startsWith('zh') ? '' : ' '}`
}

/** Registers `draft`, `letter` and `follow-up`. */
export function registerDraft(program: Command, ctx: CliContext, finish: Finish): void {
  leaf(program, finish, { name: 'draft', summary: 'draft', options: requestOptions }, async (values) => {
    const view = await draftRequest(ctx, ctx.makeApi(), values)
    const { draft, reference } = view.record
    return {
      json: { to: draft.to, subject: draft.subject, body: draft.body, reference, law: view.record.law },
      text: `${heading(ctx.ui, 'reference')}${reference}\n${heading(ctx.ui, 'law')}${view.record.law}\n${heading(ctx.ui, 'to')}${draft.to ?? outWords(ctx.ui, '(no e-mail address known)', 'noEmail')}\n${heading(ctx.ui, 'subject')}${draft.subject}\n\n${draft.body}`,
    }
  })

  leaf(
    program,
    finish,
    { name: 'letter', summary: 'letter', options: { ...requestOptions, out: { type: 'string', value: 'file.pdf', help: 'out3' } } },
    async (values) => {
      const out = outFile(values.out, ctx.io.cwd)
      // A new request's letter opens only what it needs; a follow-up (a complaint's authorities) the whole core.
      const api = ctx.makeApi(out, undefined, undefined, typeof values.type === 'string' && isFollowUpType(values.type) ? 'all' : 'letter')
      const view = await draftRequest(ctx, api, values, 'post')
      const saved = unwrap(await api.call('letters:savePdf', { reference: view.record.reference }))
      return { json: { reference: view.record.reference, path: saved.path }, text: outWords(ctx.ui, `${view.record.reference}: letter written to ${saved.path}`, 'draft.letterWritten', { reference: view.record.reference, path: String(saved.path) }) }
    },
  )

  leaf(
    program,
    finish,
    { name: 'follow-up', summary: 'followUp', args: '[reference]', operands: 1, options: jsonOption },
    async (_values, positionals) => {
      if (!positionals[0]) throw usage('followUpNeedsReference')
      const reference = referenceArgument(positionals[0], 'follow-up')
      const view = unwrap(await ctx.makeApi().call('requests:createFollowUp', { reference, type: 'incomplete-answer' }))
      const { draft } = view.record
      return {
        json: { reference: view.record.reference, of: reference, missing: view.record.missingItems, to: draft.to, subject: draft.subject, body: draft.body },
        text: `${heading(ctx.ui, 'reference')}${view.record.reference} ${outWords(ctx.ui, `(follows up ${reference})`, 'draft.followsUp', { reference })}\n${heading(ctx.ui, 'to')}${draft.to ?? outWords(ctx.ui, '(no e-mail address known)', 'noEmail')}\n${heading(ctx.ui, 'subject')}${draft.subject}\n\n${draft.body}`,
      }
    },
  )
}
