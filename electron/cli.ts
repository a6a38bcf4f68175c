/**
 * `rightful`: the same core as the desktop app, from a terminal. Storage goes to the app's data
 * folder, or to RIGHTFUL_DATA_DIR. Bad arguments: a message on stderr and exit code 2. With --json,
 * stdout holds JSON only.
 *
 * SIGINT (Ctrl-C) and SIGTERM stop a command at once, with exit code 130 or 143: a long operation
 * (reading a policy, an import, a backup, a restore, an IMAP sync) is stopped at its next
 * checkpoint, which it reaches every few milliseconds, with nothing saved (every write is atomic
 * and comes after the last checkpoint); any other command is between two atomic writes whenever
 * a signal can be heard, and exits there.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { z } from 'zod'
import { version } from '../package.json'
import type { Api } from './core/api/create-api'
import type { ApiError, Result } from './core/shared/result'
import { isFollowUpType, languages, laws, normalizeLanguage, requestTypes, type Law, type RequestType } from './core/requests/model'
import { answerStates, type AnswerCheckView, type AnswerState } from './core/requests/answer-check'
import { proposeLaw } from './core/requests/law-proposal'
import { profileSchema, type Profile } from './core/profile/profile'
import { emailPurposes, type CompanySummary, type CompanyView } from './core/catalog/schema'
import { policyFormats } from './core/catalog/policy-import/proposal'
import { describeProposal, guessPolicyFormat, proposalView } from './core/catalog/policy-import/summary'
import { formatPlainDate, joinParts } from './core/messages/params'
import { renderMessage } from './core/messages/render'
import { helpText } from './cli-help'
import { uiLanguageFromEnvironment, uiLanguages, type UiLanguage } from './core/messages/ui-languages'
import type { Message } from './core/shared/message'
import { memoryDocument, smtpSettingsFromUrl, SmtpUrlError, withDocument } from './adapters/node/cli-mail'
import { cliSecrets, promptHidden } from './adapters/node/secrets'
import { smtpPasswordSecret } from './core/mail/mail-settings'
import { CoreError } from './core/shared/result'
import type { ApiInput, ApiOutput } from './core/api/contract'
import type { ReplyImportOutcome } from './core/replies/model'
import type { NoticeBoard } from './core/shared/notices'
import { replyKinds } from './core/replies/rules'
import { eventLabels, userEventKinds } from './core/requests/events'
import type { RequestView } from './core/requests/view'
import { requestsCsv } from './core/requests/export-csv'
import { formatBytes } from './core/backup/format'
import { writeFileAtomicSync } from './core/storage/files'
import { apiChannels, operationChannels } from './core/api/channels'
import type { OperationHold, ProgressSink } from './core/shared/operation'
import type { BatchView } from './core/bulk/model'

/** The signals that stop the CLI, and the exit code each gives (128 + its number, as shells do). */
export const stopSignals = { SIGINT: 130, SIGTERM: 143 } as const
export type StopSignal = keyof typeof stopSignals

export type CliIo = {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly env: NodeJS.ProcessEnv
  readonly cwd: string
  /** Asks for a secret on the terminal without echo; absent or null where there is no terminal. */
  readonly prompt?: ((question: string) => Promise<string>) | null
  /** Subscribes to the signals that stop the command (main() passes the process's); returns the unsubscribe. */
  readonly interrupts?: (listener: (signal: StopSignal) => void) => () => void
  /** Where the progress of long operations goes (a terminal's stderr); absent: nowhere. */
  readonly progress?: ProgressSink
}

/**
 * RIGHTFUL_TEST_HOLD=<stage>: long operations wait at their checkpoint of that stage until a
 * signal stops them, and say so on stderr. Only the tests of signals use it, to stop a command
 * while it is certainly half-way; it changes nothing else.
 */
function testHold(io: CliIo): OperationHold | undefined {
  const stage = io.env.RIGHTFUL_TEST_HOLD?.trim()
  if (!stage) return undefined
  return {
    at: (point) => {
      if (point.stage !== stage) return Promise.resolve()
      io.stderr(`rightful: holding ${point.channel} at ${point.stage} (RIGHTFUL_TEST_HOLD)\n`)
      // A promise alone does not keep Node running: a timer does, until the signal ends the process.
      setInterval(() => {}, 60_000)
      return new Promise<void>(() => {})
    },
  }
}

/** A problem with the command line itself: exit code 2. */
class UsageError extends Error {}

/**
 * `--ui-lang <lang>` (or `--ui-lang=<lang>`) anywhere on the command line: the language of the
 * core's messages, else the environment's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). Taken out of the
 * arguments for every command but `deadline`, which reads it itself.
 */
function takeUiLanguage(argv: ReadonlyArray<string>, env: { readonly [name: string]: string | undefined }): { argv: string[]; ui: UiLanguage } {
  const rest: string[] = []
  let given: string | undefined
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!
    if (arg === '--') {
      rest.push(...argv.slice(i))
      break
    }
    if (arg === '--ui-lang') {
      given = argv[i + 1]
      if (given === undefined || given.startsWith('--')) throw new UsageError('--ui-lang needs a language: en, de, fr, es, zh-Hans, zh-Hant.')
      i += 1
    } else if (arg.startsWith('--ui-lang=')) {
      given = arg.slice('--ui-lang='.length)
    } else {
      rest.push(arg)
    }
  }
  const ui = given === undefined ? uiLanguageFromEnvironment(env) : oneOf(given, 'ui-lang', uiLanguages)
  return { argv: rest[0] === 'deadline' ? [...rest, '--ui-lang', ui] : rest, ui }
}

const requestOptions = {
  company: { type: 'string' },
  type: { type: 'string' },
  law: { type: 'string' },
  lang: { type: 'string' },
  profile: { type: 'string' },
  identifiers: { type: 'string' },
  text: { type: 'string' },
  of: { type: 'string' },
  authority: { type: 'string' },
  'authority-name': { type: 'string' },
  'authority-email': { type: 'string' },
  reasons: { type: 'string' },
  json: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options']

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, positionals = 0) {
  let parsed
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: positionals > 0 })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  if (parsed.positionals.length > positionals) {
    throw new UsageError(`Unexpected argument "${parsed.positionals[positionals]}".`)
  }
  return parsed
}

function required(value: string | undefined, name: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`--${name} is required.`)
  return value
}

function oneOf<T extends string>(value: string | undefined, name: string, allowed: ReadonlyArray<T>, fallback?: T): T {
  if (value === undefined && fallback !== undefined) return fallback
  const given = required(value, name)
  if (!(allowed as ReadonlyArray<string>).includes(given)) {
    throw new UsageError(`--${name} must be one of: ${allowed.join(', ')} (got "${given}").`)
  }
  return given as T
}

function readProfileFile(file: string, cwd: string): Profile {
  const full = path.resolve(cwd, file)
  let text: string
  try {
    text = fs.readFileSync(full, 'utf8')
  } catch (error) {
    throw new UsageError(`--profile: cannot read ${full} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`)
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new UsageError(`--profile: ${full} is not valid JSON (${(error as Error).message}).`)
  }
  const parsed = profileSchema.safeParse(value)
  if (!parsed.success) {
    throw new UsageError(
      `--profile: ${full} needs {"name", "email", "address"}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ')}`,
    )
  }
  return parsed.data
}

/** Where templates/ and assets/ are: beside the built CLI, or the repository in development. */
export function findResourcesRoot(start: string): string {
  const bundled = path.join(start, 'resources')
  if (fs.existsSync(path.join(bundled, 'templates'))) return bundled
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'templates')) && fs.existsSync(path.join(dir, 'assets', 'catalog'))) return dir
    if (path.dirname(dir) === dir) throw new Error(`Rightful's templates and assets were not found above ${start}.`)
  }
}

type Output = { json: unknown; text: string; exitCode?: number }

class DomainFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message)
  }
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new DomainFailure(result.error)
  return result.data
}

/**
 * Who a complaint goes to: a built-in authority (--authority), one the user names
 * (--authority-name, --authority-email), or else the first authority Rightful proposes.
 */
async function complaintAuthority(
  api: Api,
  reference: string,
  string: (name: string) => string | undefined,
): Promise<{ authorityId: string } | { authority: { name: string; email: string | null } }> {
  const id = string('authority')
  const name = string('authority-name')
  if (id !== undefined && (name !== undefined || string('authority-email') !== undefined)) {
    throw new UsageError('Give --authority <id> or --authority-name/--authority-email, not both.')
  }
  if (id !== undefined) {
    const known = unwrap(await api.call('authorities:list', {}))
    if (!known.some((a) => a.id === id)) throw new UsageError(`--authority: there is no authority "${id}" (see \`rightful authorities list\`).`)
    return { authorityId: id }
  }
  if (name !== undefined) return { authority: { name, email: string('authority-email') ?? null } }
  if (string('authority-email') !== undefined) throw new UsageError('--authority-email needs --authority-name.')
  const proposed = unwrap(await api.call('authorities:propose', { reference }))
  const first = proposed.proposals[0]
  if (!first) {
    throw new UsageError(
      `Rightful knows no supervisory authority for ${reference} (${proposed.question.law}, you in ${proposed.question.userCountry ?? 'an unknown country'}): give --authority <id> (see \`rightful authorities list\`) or --authority-name.`,
    )
  }
  if (first.choose) {
    const choices = proposed.proposals.filter((p) => p.choose).map((p) => `  ${p.authority.id.padEnd(16)} ${p.authority.regions.join(', ')}`)
    throw new UsageError(`${first.reason}\nChoose it with --authority <id>:\n${choices.join('\n')}`)
  }
  return { authorityId: first.authority.id }
}

/**
 * Without --law: the law Rightful proposes (the user's country and state, else the company's
 * establishment). When nothing ties a law to the case, the GDPR is used and stderr says so (a
 * script's stdout stays JSON only). Whether that law grants --type is checked when the request is
 * created (RIGHT_NOT_GRANTED).
 */
async function proposedLaw(api: Api, profile: Profile | null, company: CompanyView, note: (text: string) => void): Promise<Law> {
  const available = [...new Set(unwrap(await api.call('templates:list', {})).flatMap((t) => t.laws))] as Law[]
  const proposal = proposeLaw({ available, userCountry: profile?.country ?? null, userRegion: profile?.region ?? null, companyCountries: company.establishment })
  if (proposal.grounded) {
    if (proposal.unsupportedLaw) note(`rightful: ${proposal.reason}\n`)
    return proposal.law
  }
  // A resident of a state with a law of its own that Rightful does not support gets no other law's
  // letter by default: they choose one knowingly.
  if (proposal.unsupportedLaw) throw new UsageError(`${proposal.reason} Give --law to choose one of: ${available.join(', ')}.`)
  const law: Law = 'gdpr'
  note(`rightful: ${proposal.reason.replace(/ Add your state in your details:.*$/, ' Give your state as "region" in the profile (e.g. US-CA).')} Using ${law}; give --law to choose (${available.join(', ')}).\n`)
  return law
}

async function draftRequest(
  api: Api,
  values: Record<string, string | boolean | undefined>,
  cwd: string,
  note: (text: string) => void,
  channel?: 'email' | 'post',
) {
  const type: RequestType = oneOf(values.type as string | undefined, 'type', requestTypes)
  const string = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined)

  // A reminder or complaint follows up a request that was sent: it takes that request's law, and a
  // reminder its language; a complaint is written in the authority's language unless --lang says.
  if (string('reasons') !== undefined && type !== 'extension-contest') throw new UsageError('--reasons goes with --type extension-contest.')
  if (isFollowUpType(type)) {
    const of = string('of')
    if (!of) throw new UsageError(`--type ${type} needs --of <the reference of the request it follows up>.`)
    for (const flag of ['company', 'law', ...(type !== 'complaint' ? (['lang'] as const) : []), 'identifiers', 'text'] as const) {
      if (string(flag) !== undefined) throw new UsageError(`--${flag} does not apply to a ${type}: it follows ${of}.`)
    }
    const followUpLang = type === 'complaint' && string('lang') !== undefined ? { lang: oneOf(normalizeLanguage(string('lang')) as string, 'lang', languages) } : {}
    const authority = type === 'complaint' ? await complaintAuthority(api, of, string) : {}
    if (type !== 'complaint') {
      for (const flag of ['authority', 'authority-name', 'authority-email'] as const) {
        if (string(flag) !== undefined) throw new UsageError(`--${flag} applies only to complaints.`)
      }
    }
    const reasons = string('reasons') === undefined ? {} : { reasonsGiven: oneOf(string('reasons'), 'reasons', ['yes', 'no'] as const) === 'yes' }
    const result = await api.call('requests:createFollowUp', { reference: of, type, ...authority, ...followUpLang, ...reasons })
    if (!result.ok && result.error.code === 'INVALID_INPUT') throw new UsageError(result.error.message)
    return unwrap(result)
  }
  for (const flag of ['of', 'authority', 'authority-name', 'authority-email'] as const) {
    if (string(flag) !== undefined) throw new UsageError(`--${flag} applies only to follow-ups (reminders, incomplete-answer letters, pushbacks, contests, complaints).`)
  }
  const givenLaw = string('law') === undefined ? null : oneOf(string('law'), 'law', laws)
  // "zh" is still accepted, as simplified Chinese (zh-Hans).
  const lang = oneOf(normalizeLanguage(string('lang')) as string | undefined, 'lang', languages, 'en')
  if (type === 'custom' && !string('text')?.trim()) throw new UsageError('--type custom needs --text "what you ask the company for".')
  const companyKey = required(string('company'), 'company')
  const profile = typeof values.profile === 'string' ? readProfileFile(values.profile, cwd) : undefined

  const found = await api.call('catalog:get', { id: companyKey })
  if (!found.ok && found.error.code === 'NOT_FOUND') {
    throw new UsageError(`--company: no company in the catalog has the id or domain "${companyKey}" (see \`rightful catalog list\`).`)
  }
  const company = unwrap(found)
  const who = profile ?? unwrap(await api.call('profile:get', {}))
  // Without a profile there is nothing to propose from; creating the request then says what is missing.
  const law = givenLaw ?? (who ? await proposedLaw(api, who, company, note) : 'gdpr')

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
    throw new UsageError(`--type ${type} under --law ${law}: ${created.error.message} Choose another --type, or --law for the law that protects you.`)
  }
  return unwrap(created)
}

function companyArgument(value: string | undefined, command: string): string {
  if (!value) throw new UsageError(`catalog ${command} needs the company's id or domain, e.g. \`rightful catalog ${command} fs.com\`.`)
  return value
}

function describeCompany(company: CompanyView): string {
  const lines = [`${company.name} (${company.id}, ${company.origin === 'builtin' ? 'built in' : company.origin === 'imported' ? 'imported' : 'added by you'})`]
  if (company.editedFields.length > 0) lines.push(`  changed by you: ${company.editedFields.join(', ')}`)
  lines.push(`  requests go to: ${company.privacyEmail ?? '(no e-mail address known)'}`)
  for (const e of company.emails) lines.push(`  e-mail  ${e.address} (${e.purpose}${e.status === 'historical' ? ', historical' : ''})`)
  for (const a of company.postalAddresses) lines.push(`  address ${[a.recipient, ...a.lines, a.country].join(', ')}`)
  for (const p of company.phones) lines.push(`  ${p.kind.padEnd(7)} ${p.number}`)
  if (company.website) lines.push(`  web     ${company.website}`)
  return lines.join('\n')
}

const importFormats = ['datarequests', 'rightful'] as const

async function catalogImport(rest: string[], io: CliIo, makeApi: (files?: string, pick?: string) => Api): Promise<Output> {
  const { values, positionals } = parse(rest, { format: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } }, 1)
  if (!positionals[0]) throw new UsageError('catalog import needs a file or folder, e.g. `rightful catalog import data/companies --format datarequests`.')
  const source = path.resolve(io.cwd, positionals[0])
  const format = oneOf(values.format, 'format', importFormats)
  let kind: 'file' | 'folder'
  try {
    kind = fs.statSync(source).isDirectory() ? 'folder' : 'file'
  } catch {
    throw new UsageError(`There is no file or folder ${source}.`)
  }
  const report = unwrap(await makeApi(undefined, source).call('catalog:import', { format, kind, dryRun: values['dry-run'] ?? false }))
  const json = { imported: report.imported, rejected: report.rejected, ...(report.dryRun ? { dryRun: true } : {}) }
  const text = [
    `${report.dryRun ? 'Would import' : 'Imported'} ${report.imported} compan${report.imported === 1 ? 'y' : 'ies'} from ${source}.`,
    ...(report.rejected.length > 0 ? [`Not imported (${report.rejected.length}):`, ...report.rejected.map((r) => `  ${r.entry}: ${r.reason}`)] : []),
  ].join('\n')
  return { json, text }
}

async function catalogExport(rest: string[], io: CliIo, makeApi: (files?: string, pick?: string) => Api): Promise<Output> {
  const { values } = parse(rest, { out: { type: 'string' }, all: { type: 'boolean' }, json: { type: 'boolean' } })
  const out = path.resolve(io.cwd, required(values.out, 'out'))
  if (!fs.existsSync(path.dirname(out))) throw new UsageError(`--out: the folder ${path.dirname(out)} does not exist.`)
  const result = unwrap(await makeApi(out).call('catalog:export', { all: values.all ?? false }))
  return { json: result, text: `${result.companies} compan${result.companies === 1 ? 'y' : 'ies'} written to ${result.path}.` }
}

const listOption = { type: 'string', multiple: true } as const

async function catalogSave(sub: 'add' | 'edit', rest: string[], makeApi: (files?: string, pick?: string) => Api): Promise<Output> {
  const { values, positionals } = parse(
    rest,
    {
      name: { type: 'string' },
      website: { type: 'string' },
      domain: listOption,
      'remove-domain': listOption,
      email: listOption,
      'remove-email': listOption,
      purpose: { type: 'string' },
      address: { type: 'string' },
      recipient: { type: 'string' },
      country: { type: 'string' },
      phone: listOption,
      fax: listOption,
      'request-language': { type: 'string' },
      'needs-id-document': { type: 'boolean' },
      new: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    sub === 'edit' ? 1 : 0,
  )
  if (sub === 'edit' && values.new) throw new UsageError('--new is for catalog add: it adds a company even though one with its domain or address exists.')
  const api = makeApi()
  const purpose = oneOf(values.purpose, 'purpose', emailPurposes, 'privacy')
  let base: CompanyView | null = null
  if (sub === 'edit') base = unwrap(await api.call('catalog:get', { id: companyArgument(positionals[0], 'edit') }))
  else required(values.name, 'name')
  const name = values.name ?? base!.name
  const removeEmails = new Set((values['remove-email'] ?? []).map((e) => e.toLowerCase()))
  const removeDomains = new Set((values['remove-domain'] ?? []).map((d) => d.toLowerCase()))
  const emails = [
    ...(base?.emails ?? [])
      .filter((e) => !removeEmails.has(e.address.toLowerCase()))
      .map((e) => ({ address: e.address, purpose: e.purpose, status: e.status })),
    ...(values.email ?? []).map((address) => ({ address, purpose, status: 'current' as const })),
  ]
  const postalAddresses = (base?.postalAddresses ?? []).map((a) => ({
    recipient: a.recipient,
    lines: a.lines,
    country: a.country,
    region: a.region,
    status: a.status,
  }))
  if (values.address !== undefined) {
    const country = required(values.country, 'country').toUpperCase()
    const lines = values.address.split(/\\n|\n|;/).map((l) => l.trim()).filter((l) => l.length > 0)
    // The new address is where letters go now; an earlier one is kept as historical.
    for (const a of postalAddresses) a.status = 'historical'
    postalAddresses.push({ recipient: values.recipient ?? name, lines, country, region: null, status: 'current' })
  }
  const phones = [
    ...(base?.phones ?? []).map((p) => ({ number: p.number, kind: p.kind, status: p.status })),
    ...(values.phone ?? []).map((number) => ({ number, kind: 'phone' as const, status: 'current' as const })),
    ...(values.fax ?? []).map((number) => ({ number, kind: 'fax' as const, status: 'current' as const })),
  ]
  const domains = [...(base?.domains ?? []).filter((d) => !removeDomains.has(d.toLowerCase())), ...(values.domain ?? [])]
  const saved = await api.call('catalog:save', {
      ...(base ? { id: base.id } : {}),
      ...(values.new ? { asNew: true } : {}),
      name,
      legalNames: base?.legalNames ?? [],
      brands: base?.brands ?? [],
      domains,
      website: values.website ?? base?.website ?? null,
      emails,
      postalAddresses,
      phones,
      webForms: (base?.webForms ?? []).map((w) => ({ url: w.url, status: w.status })),
      establishment: base?.establishment.length ? base.establishment : values.country ? [values.country.toUpperCase()] : [],
      countriesServed: base?.countriesServed ?? ['all'],
      categories: base?.categories ?? [],
      requestLanguage: values['request-language'] ?? base?.requirements.language?.code ?? null,
      needsIdDocument: values['needs-id-document'] ?? (base !== null && base.requirements.idDocument !== null),
      suggestedChannel: base?.requirements.suggestedChannel ?? null,
    })
  if (!saved.ok && saved.error.code === 'DUPLICATE_COMPANY') {
    const matches = unwrap(await api.call('catalog:matches', { domains, emails: emails.map((e) => e.address) }))
    const first = matches[0]
    throw new DomainFailure({
      code: 'DUPLICATE_COMPANY',
      message: `${saved.error.message}${first ? ` To change it: \`rightful catalog edit ${first.id} …\`.` : ''} To add a separate company anyway: repeat with --new.`,
    })
  }
  const company = unwrap(saved)
  return { json: company, text: describeCompany(company) }
}

/**
 * `rightful send`: writes the request (or takes --reference) and sends it through the user's SMTP
 * server. Exit code 0 only when the server accepted it.
 */
async function sendCommand(args: string[], io: CliIo, makeApi: (files?: string, pick?: string, mail?: Record<string, unknown>) => Api): Promise<Output> {
  const { values } = parse(args, {
    ...requestOptions,
    ...smtpOptions,
    'attach-letter': { type: 'boolean' },
    reference: { type: 'string' },
    'confirm-resend': { type: 'boolean' },
  })
  const mail = smtpFlags(values, io.cwd)
  const reference = values.reference
  if (reference !== undefined) {
    for (const flag of ['company', 'type', 'law', 'lang', 'profile', 'identifiers', 'text', 'of'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} does not apply with --reference: that request is already written.`)
    }
  }
  const api = makeApi(undefined, undefined, mail)

  // The server and the password before anything is written: no request is left behind for nothing.
  await requireSmtp(api, io)

  const target = reference ?? (await draftRequest(api, values, io.cwd, io.stderr)).record.reference
  const result = await api.call('mail:send', { reference: target, attachLetter: values['attach-letter'] ?? false, confirmResend: values['confirm-resend'] ?? false })
  if (result.ok) {
    const { item } = result.data
    return {
      json: { reference: target, messageId: item.messageId, status: 'sent' },
      text: `${target}: sent to ${item.to} through ${item.server ?? 'the server'} (Message-ID ${item.messageId}).`,
    }
  }
  if (result.error.code === 'NOT_FOUND' && reference !== undefined) throw new DomainFailure(result.error)
  const listed = await api.call('mail:outbox', { reference: target })
  const item = listed.ok ? (listed.data[0] ?? null) : null
  const status = result.error.code === 'SEND_UNCERTAIN' || result.error.code === 'CONFIRM_RESEND' || item?.state === 'uncertain' ? 'uncertain' : 'failed'
  const error = { code: result.error.code, message: result.error.message, responseCode: item?.error?.responseCode ?? null, response: item?.error?.response ?? null }
  const hint = status === 'uncertain' && result.error.code === 'CONFIRM_RESEND' ? ' Add --confirm-resend to send it again.' : ''
  return {
    json: { reference: target, messageId: item?.messageId ?? null, status, error },
    text: `${target}: not sent (${status}). ${result.error.message}${hint}`,
    exitCode: 1,
  }
}

/** What the CLI prints for one imported reply. */
function replyOutcomeJson(outcome: ReplyImportOutcome) {
  return {
    replyId: outcome.replyId,
    duplicate: outcome.duplicate,
    matched: outcome.matched,
    matchedBy: outcome.matchedBy,
    needsConfirmation: outcome.needsConfirmation,
    candidates: outcome.candidates,
    classification: outcome.classification,
    eventId: outcome.eventId,
    confirmedEventId: outcome.confirmedEventId,
    from: outcome.reply.from.address,
    subject: outcome.reply.subject,
    date: outcome.reply.date,
    ...(outcome.reply.bounce ? { failedRecipients: outcome.reply.bounce.failedRecipients } : {}),
  }
}

function describeReplyOutcome(outcome: ReplyImportOutcome): string {
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

/** `--imap imap://user@host:port` (or imaps://): the server of one sync, never saved. */
function imapAccountFromUrl(value: string, flags: { tls?: boolean; starttls?: boolean; plain?: boolean; mailbox?: string }) {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new UsageError(`--imap: "${value}" is not a URL like imaps://user@imap.example.org:993.`)
  }
  if (url.protocol !== 'imap:' && url.protocol !== 'imaps:') throw new UsageError('--imap: use imaps://user@host:port (or imap:// with --starttls or --plain).')
  if (url.password) throw new UsageError('--imap: leave the password out of the URL (it would stay in your shell history); set RIGHTFUL_IMAP_PASSWORD or let rightful ask for it.')
  if (!url.username) throw new UsageError('--imap: the URL needs the user name, e.g. imaps://alex%40example.org@imap.example.org.')
  if ((url.pathname && url.pathname !== '/') || url.search || url.hash) throw new UsageError('--imap: the URL takes only user, host and port; name the folder with --mailbox.')
  const chosen = [flags.tls && 'tls', flags.starttls && 'starttls', flags.plain && 'none'].filter((x): x is 'tls' | 'starttls' | 'none' => Boolean(x))
  if (chosen.length > 1) throw new UsageError('Choose one of --tls, --starttls and --plain.')
  const port = url.port ? Number(url.port) : undefined
  const security = chosen[0] ?? (url.protocol === 'imaps:' || port === 993 ? 'tls' : 'starttls')
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: port ?? (security === 'tls' ? 993 : 143),
    security,
    user: decodeURIComponent(url.username),
    mailbox: flags.mailbox ?? 'INBOX',
  }
}

async function imapPassword(io: CliIo, user: string): Promise<string> {
  const fromEnv = io.env.RIGHTFUL_IMAP_PASSWORD
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv
  if (!io.prompt) throw new UsageError('The IMAP password is needed: set RIGHTFUL_IMAP_PASSWORD, or run rightful in a terminal to be asked for it. It is never stored.')
  const answer = await io.prompt(`IMAP password for ${user} (not shown, not stored): `)
  if (!answer) throw new UsageError('No IMAP password was given.')
  return answer
}

/** `rightful replies import|confirm|list|sync`. */
async function repliesCommand(sub: string | undefined, rest: string[], io: CliIo, makeApi: (files?: string, pick?: string) => Api): Promise<Output> {
  switch (sub) {
    case 'import': {
      const { values, positionals } = parse(rest, { reference: { type: 'string' }, confirm: { type: 'boolean' }, json: { type: 'boolean' } }, 1)
      if (!positionals[0]) throw new UsageError('replies import needs the .eml file, e.g. `rightful replies import reply.eml --json`.')
      const file = path.resolve(io.cwd, positionals[0])
      if (!fs.existsSync(file)) throw new UsageError(`There is no file ${file}.`)
      const result = await makeApi(undefined, file).call('replies:import', { ...(values.reference ? { reference: values.reference } : {}), confirm: values.confirm ?? false })
      if (!result.ok && result.error.code === 'INVALID_INPUT' && result.error.issues?.[0]?.path === 'reference') throw new UsageError(`--reference: ${result.error.issues[0].message}`)
      const outcome = unwrap(result).outcomes[0]
      if (!outcome) throw new UsageError(`${file} was not imported.`)
      return { json: replyOutcomeJson(outcome), text: describeReplyOutcome(outcome) }
    }
    case 'confirm': {
      const { values, positionals } = parse(rest, { reference: { type: 'string' }, kind: { type: 'string' }, json: { type: 'boolean' } }, 1)
      if (!positionals[0]) throw new UsageError('replies confirm needs the reply id that `replies import` printed.')
      const kind = values.kind === undefined ? undefined : oneOf(values.kind, 'kind', replyKinds)
      if (kind === undefined && values.reference === undefined) throw new UsageError('Give --reference, --kind or both.')
      const { reply, request } = unwrap(
        await makeApi().call('replies:confirm', { replyId: positionals[0], ...(values.reference ? { reference: values.reference } : {}), ...(kind ? { kind } : {}) }),
      )
      return {
        json: { replyId: reply.id, reference: request.record.reference, kind: reply.confirmed?.kind ?? null, eventId: reply.eventId, confirmedEventId: reply.confirmed?.eventId ?? null, status: request.status.kind },
        text: `${request.record.reference}: the reply is on the timeline${reply.confirmed ? `, recorded as ${reply.confirmed.kind.replace(/-/g, ' ')}` : ''}. Status: ${request.status.kind}.`,
      }
    }
    case 'list': {
      const { values } = parse(rest, { pending: { type: 'boolean' }, json: { type: 'boolean' } })
      const list = unwrap(await makeApi().call('replies:list', { pending: values.pending ?? false }))
      const text = list.length
        ? list.map((r) => `${r.id}  ${(r.match.reference ?? '-').padEnd(13)} ${r.state.padEnd(18)} ${(r.confirmed?.kind ?? r.suggestion.kind).padEnd(18)} ${r.from.address}  ${r.subject}`).join('\n')
        : 'No replies.'
      return { json: list, text }
    }
    case 'sync': {
      const { values } = parse(rest, { imap: { type: 'string' }, tls: { type: 'boolean' }, starttls: { type: 'boolean' }, plain: { type: 'boolean' }, mailbox: { type: 'string' }, json: { type: 'boolean' } })
      const api = makeApi()
      let input: ApiInput<'replies:sync'> = {}
      if (values.imap !== undefined) {
        const account = imapAccountFromUrl(values.imap, values)
        input = { account, password: await imapPassword(io, account.user) }
      } else {
        if (values.tls || values.starttls || values.plain || values.mailbox !== undefined) throw new UsageError('--tls, --starttls, --plain and --mailbox go with --imap.')
        const saved = unwrap(await api.call('replies:imapSettings', {})).settings
        if (!saved) throw new UsageError('No IMAP server is saved: give one with --imap imaps://user@host:port.')
        // The CLI keeps no passwords: the saved server's own login comes from the environment or a prompt.
        if (!saved.useSmtpLogin && saved.user) {
          input = {
            account: { host: saved.host, port: saved.port, security: saved.security, user: saved.user, mailbox: saved.mailbox, trustedCertificate: saved.trustedCertificate },
            password: await imapPassword(io, saved.user),
          }
        }
      }
      const result = unwrap(await api.call('replies:sync', input))
      const json = { ...result, imported: result.imported.map(replyOutcomeJson) }
      const text = [
        result.since === null
          ? 'No request is waiting for an answer: nothing to look for.'
          : `${result.account} ${result.mailbox}: ${result.checked} new message${result.checked === 1 ? '' : 's'} since ${result.since}, ${result.downloaded} downloaded, ${result.imported.length} imported.`,
        ...result.imported.map((o) => `  ${o.matched ?? '-'}  ${describeReplyOutcome(o)}`),
        ...result.failed.map((f) => `  not imported: ${f.message}`),
      ].join('\n')
      return { json, text }
    }
    default:
      throw new UsageError(`Unknown command "replies ${sub ?? ''}": use replies import, confirm, list or sync.`)
  }
}

/** `rightful notices`: what was set aside or moved aside, kept until dismissed (here or in the app). */
async function noticesCommand(sub: string | undefined, rest: string[], makeApi: () => Api, ui: UiLanguage = 'en'): Promise<Output> {
  if (sub === undefined || sub === 'list' || sub === '--json') {
    parse(sub === '--json' ? [sub, ...rest] : rest, { json: { type: 'boolean' } })
    const { notices } = unwrap(await makeApi().call('app:status', {}))
    const text = notices.length ? notices.map((n) => `${n.id}  ${n.at.slice(0, 10)}  ${ui === 'en' || !n.detail ? n.message : renderMessage(n.detail, ui)}`).join('\n') : 'Nothing to tell.'
    return { json: notices, text }
  }
  if (sub !== 'dismiss') throw new UsageError(`Unknown command "notices ${sub}": use \`notices list\` or \`notices dismiss <id>\`.`)
  const { values, positionals } = parse(rest, { all: { type: 'boolean' }, json: { type: 'boolean' } }, 1)
  if (!values.all && !positionals[0]) throw new UsageError('notices dismiss needs the notice id (from `rightful notices`), or --all.')
  if (values.all && positionals[0]) throw new UsageError('Give a notice id or --all, not both.')
  const api = makeApi()
  const ids = values.all ? unwrap(await api.call('app:status', {})).notices.map((n) => n.id) : [positionals[0]!]
  const dismissed: string[] = []
  for (const id of ids) if (unwrap(await api.call('app:dismissNotice', { id })).dismissed) dismissed.push(id)
  if (!values.all && dismissed.length === 0) throw new DomainFailure({ code: 'NOT_FOUND', message: `There is no notice ${positionals[0]}.` })
  return { json: { dismissed }, text: `${dismissed.length} notice${dismissed.length === 1 ? '' : 's'} dismissed.` }
}

/** --smtp and its flags as this run's mail settings (in memory), or undefined when not given. */
function smtpFlags(values: { smtp?: string; tls?: boolean; starttls?: boolean; plain?: boolean; from?: string; ca?: string }, cwd: string): Record<string, unknown> | undefined {
  if (values.smtp === undefined) {
    if (values.tls || values.starttls || values.plain || values.from !== undefined || values.ca !== undefined) throw new UsageError('--tls, --starttls, --plain, --from and --ca go with --smtp.')
    return undefined
  }
  let certificate: string | null = null
  if (values.ca !== undefined) {
    const file = path.resolve(cwd, values.ca)
    try {
      certificate = fs.readFileSync(file, 'utf8').trim()
    } catch (error) {
      throw new UsageError(`--ca: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`)
    }
  }
  try {
    return { version: 1, smtp: smtpSettingsFromUrl(values.smtp, { tls: values.tls, starttls: values.starttls, plain: values.plain, from: values.from, certificate }) }
  } catch (error) {
    if (error instanceof SmtpUrlError) throw new UsageError(error.message)
    throw error
  }
}

/** The server and its password are known, or a usage error says what is missing (before anything is written). */
async function requireSmtp(api: Api, io: CliIo): Promise<void> {
  const settings = unwrap(await api.call('mail:getSmtp', {}))
  if (!settings.smtp) throw new UsageError('No SMTP server is saved: give one with --smtp smtp://user@host:port.')
  if (settings.smtp.user && !settings.hasPassword) {
    try {
      await cliSecrets({ env: io.env, prompt: null }).get(smtpPasswordSecret)
    } catch (error) {
      if (error instanceof CoreError) throw new UsageError(error.message)
      throw error
    }
    throw new UsageError('No SMTP password was given.')
  }
}

const smtpOptions = {
  smtp: { type: 'string' },
  tls: { type: 'boolean' },
  starttls: { type: 'boolean' },
  plain: { type: 'boolean' },
  from: { type: 'string' },
  ca: { type: 'string' },
} as const

/** A --country flag: a two-letter ISO 3166-1 code, any case (undefined when not given). */
function countryFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const code = value.trim().toUpperCase()
  if (!/^[A-Z]{2}$/.test(code)) throw new UsageError(`--country takes a two-letter country code such as DE or US, not "${value}".`)
  return code
}

/** What `rightful bulk` prints of a batch. */
function batchOutput(view: BatchView, letters: { path: string | null; count: number } | null): Output {
  const { batch, counts } = view
  const results = batch.items.map((item) => ({
    company: item.company,
    reference: item.reference,
    status: item.excluded ? 'skipped' : item.status,
    channel: item.channel,
    ...(item.webForm ? { webForm: item.webForm } : {}),
    ...(item.error ? { error: item.error } : {}),
  }))
  const lines = batch.items.map((item) => `${(item.reference ?? '-').padEnd(13)} ${item.status.padEnd(9)} ${item.channel.padEnd(7)} ${item.name}${item.webForm ? `  ${item.webForm}` : ''}${item.error ? `  (${item.error.message})` : ''}`)
  lines.push(
    `${batch.id} (${batch.state}): ${counts.sent} sent, ${counts.queued} waiting, ${counts.failed} failed, ${counts.uncertain} to check in your Sent folder, ${counts.letter} letters, ${counts.webform} web forms to fill in, ${counts.skipped} skipped.`,
  )
  if (letters) lines.push(`${letters.count} letter${letters.count === 1 ? '' : 's'} written to ${letters.path ?? '(not saved)'}.`)
  if (counts.uncertain > 0) lines.push(`Check your Sent folder; send those not there with \`rightful bulk resume ${batch.id} --confirm-resend <RF-…>\`.`)
  if (counts.queued > 0 && batch.state !== 'cancelled') lines.push(`Send the rest with \`rightful bulk resume ${batch.id}\`.`)
  return {
    json: { batch: batch.id, state: batch.state, rate: batch.rate, counts, results, ...(letters ? { letters } : {}), ...(batch.stoppedBy ? { stoppedBy: batch.stoppedBy } : {}) },
    text: lines.join('\n'),
    exitCode: counts.failed > 0 || counts.uncertain > 0 || batch.stoppedBy ? 1 : 0,
  }
}

function rateFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const rate = Number(value)
  if (!Number.isInteger(rate) || rate < 1 || rate > 600) throw new UsageError('--rate: give the e-mails per minute, a whole number from 1 to 600.')
  return rate
}

/**
 * `rightful bulk`: one request type to many companies. Writes the batch, prints the letters' PDF
 * with --letters, and sends the e-mails through the SMTP server at --rate a minute (default 10);
 * `bulk resume` goes on with an interrupted or paused batch, `bulk list` lists the batches.
 */
async function bulkCommand(args: string[], io: CliIo, makeApi: (files?: string, pick?: string, mail?: Record<string, unknown>) => Api): Promise<Output> {
  const sub = args[0]
  if (sub === 'list') {
    parse(args.slice(1), { json: { type: 'boolean' } })
    const batches = unwrap(await makeApi().call('bulk:list', {}))
    const text = batches
      .map((b) => `${b.id}  ${b.createdAt.slice(0, 10)}  ${b.type.padEnd(10)} ${b.state.padEnd(9)} ${b.counts.sent}/${b.counts.total} sent${b.pack ? `  (${b.pack}${b.packCountry ? `, ${b.packCountry}` : ''})` : ''}`)
      .join('\n')
    return { json: batches, text: text || 'No batches yet.' }
  }
  if (sub === 'packs') {
    const { values } = parse(args.slice(1), { country: { type: 'string' }, json: { type: 'boolean' } })
    const country = countryFlag(values.country)
    const packs = unwrap(await makeApi().call('bulk:packs', country ? { country } : {}))
    return { json: packs, text: packs.map((p) => `${p.name.padEnd(20)} ${String(p.companies).padStart(5)}  ${p.description}`).join('\n') }
  }
  if (sub === 'show') {
    const { positionals } = parse(args.slice(1), { json: { type: 'boolean' } }, 1)
    if (!positionals[0]) throw new UsageError('bulk show needs a batch id (BA-…), see `rightful bulk list`.')
    return batchOutput(unwrap(await makeApi().call('bulk:get', { batch: positionals[0] })), null)
  }
  if (sub === 'resume') {
    const { values, positionals } = parse(args.slice(1), { ...smtpOptions, 'confirm-resend': { type: 'string', multiple: true }, 'retry-failed': { type: 'boolean' }, rate: { type: 'string' }, json: { type: 'boolean' } }, 1)
    const api = makeApi(undefined, undefined, smtpFlags(values, io.cwd))
    let id = positionals[0]
    if (!id) {
      const open = unwrap(await api.call('bulk:list', {})).find((b) => b.state === 'sending' || b.state === 'paused' || b.state === 'review')
      if (!open) throw new UsageError('No batch waits to be sent (see `rightful bulk list`).')
      id = open.id
    }
    await requireSmtp(api, io)
    const rate = rateFlag(values.rate)
    const sent = unwrap(await api.call('bulk:send', { batch: id, confirmResend: values['confirm-resend'] ?? [], retryFailed: values['retry-failed'] ?? false, ...(rate ? { rate } : {}) }))
    return batchOutput(sent, null)
  }
  const { values } = parse(args, {
    ...smtpOptions,
    company: { type: 'string', multiple: true },
    pack: { type: 'string' },
    country: { type: 'string' },
    type: { type: 'string' },
    law: { type: 'string' },
    lang: { type: 'string' },
    profile: { type: 'string' },
    rate: { type: 'string' },
    letters: { type: 'string' },
    'no-send': { type: 'boolean' },
    json: { type: 'boolean' },
  })
  const companies = values.company ?? []
  if ((companies.length > 0) === (values.pack !== undefined)) throw new UsageError('bulk needs --company <id> (one or more times) or --pack <name> (see `rightful bulk packs`), not both.')
  if (values.country !== undefined && values.pack === undefined) throw new UsageError('--country narrows a pack: give it with --pack.')
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
  if (!created.ok && created.error.code === 'INVALID_INPUT') throw new UsageError(created.error.message)
  let batch = unwrap(created)
  let letters: { path: string | null; count: number } | null = null
  if (values.letters !== undefined && batch.counts.letter > 0) {
    letters = unwrap(await api.call('bulk:letters', { batch: batch.batch.id }))
  } else if (values.letters === undefined && batch.counts.letter > 0) {
    io.stderr(`rightful: ${batch.counts.letter} compan${batch.counts.letter === 1 ? 'y has' : 'ies have'} no e-mail address: add --letters <file.pdf> (or run \`rightful bulk resume ${batch.batch.id} --letters …\` later) to print their letters.\n`)
  }
  if (!values['no-send']) batch = unwrap(await api.call('bulk:send', { batch: batch.batch.id }))
  return batchOutput(batch, letters)
}

/** `rightful discover <mbox, .eml or folder>`: the catalog's companies that wrote, read from the headers only. */
async function discoverCommand(args: string[], io: CliIo, makeApi: (files?: string, pick?: string) => Api): Promise<Output> {
  const { values, positionals } = parse(
    args,
    {
      imap: { type: 'string' },
      'saved-imap': { type: 'boolean' },
      'all-folders': { type: 'boolean' },
      tls: { type: 'boolean' },
      starttls: { type: 'boolean' },
      plain: { type: 'boolean' },
      mailbox: { type: 'string' },
      json: { type: 'boolean' },
    },
    1,
  )
  let result: ApiOutput<'discover:scan'>
  if (values.imap !== undefined || values['saved-imap']) {
    if (positionals[0]) throw new UsageError('Give either a mailbox file or folder, or --imap / --saved-imap, not both.')
    if (values.imap !== undefined && values['saved-imap']) throw new UsageError('Give either --imap or --saved-imap.')
    if (values['all-folders'] && values.mailbox !== undefined) throw new UsageError('Give either --mailbox or --all-folders.')
    const api = makeApi()
    const folders = values['all-folders'] ? ({ folders: 'all' } as const) : {}
    let input: ApiInput<'discover:scan'> = { kind: 'imap', ...folders }
    if (values.imap !== undefined) {
      const account = imapAccountFromUrl(values.imap, values)
      input = { kind: 'imap', account, password: await imapPassword(io, account.user), ...folders }
    } else {
      if (values.tls || values.starttls || values.plain || values.mailbox !== undefined) throw new UsageError('--tls, --starttls, --plain and --mailbox go with --imap.')
      const saved = unwrap(await api.call('replies:imapSettings', {})).settings
      if (!saved) throw new UsageError('No IMAP server is saved: give one with --imap imaps://user@host:port.')
      // The CLI keeps no passwords: the saved server's own login comes from the environment or a prompt.
      if (!saved.useSmtpLogin && saved.user) {
        input = {
          kind: 'imap',
          account: { host: saved.host, port: saved.port, security: saved.security, user: saved.user, mailbox: saved.mailbox, trustedCertificate: saved.trustedCertificate },
          password: await imapPassword(io, saved.user),
          ...folders,
        }
      }
    }
    result = unwrap(await api.call('discover:scan', input))
  } else {
    if (values.tls || values.starttls || values.plain || values.mailbox !== undefined) throw new UsageError('--tls, --starttls, --plain and --mailbox go with --imap.')
    if (values['all-folders']) throw new UsageError('--all-folders goes with --imap or --saved-imap.')
    if (!positionals[0]) throw new UsageError('discover needs an mbox file, an .eml file or a folder of .eml files, e.g. `rightful discover ~/mail/inbox.mbox --json`, or --imap imaps://user@host.')
    const source = path.resolve(io.cwd, positionals[0])
    let kind: 'file' | 'folder'
    try {
      kind = fs.statSync(source).isDirectory() ? 'folder' : 'file'
    } catch {
      throw new UsageError(`There is no file or folder ${source}.`)
    }
    result = unwrap(await makeApi(undefined, source).call('discover:scan', { kind }))
    if (!result) throw new UsageError(`Nothing was read from ${source}.`)
  }
  if (!result) throw new UsageError('Nothing was read.')
  const json = result.companies.map(({ company, name, domain, messages, first, last }) => ({ company, name, domain, messages, first, last }))
  const summary = `${result.messages.toLocaleString('en')} messages read: ${result.matched.toLocaleString('en')} from ${result.companies.length} compan${result.companies.length === 1 ? 'y' : 'ies'} Rightful knows, ${result.unknown.toLocaleString('en')} from senders it does not know (not listed), ${result.freemail.toLocaleString('en')} from personal addresses (skipped)${result.unreadable > 0 ? `, ${result.unreadable.toLocaleString('en')} without a readable sender` : ''}.`
  const folderLine =
    result.folders.length > 1 || result.foldersLeftOut > 0
      ? [`Folders read: ${result.folders.join(', ')}${result.foldersLeftOut > 0 ? ` (${result.foldersLeftOut} more not read: one scan reads at most ${result.folders.length})` : ''}.`]
      : []
  const text = [
    ...result.companies.map((c) => `${c.company.padEnd(24)} ${c.name.padEnd(28)} ${String(c.messages).padStart(6)}  ${c.first ?? '?'} … ${c.last ?? '?'}`),
    summary,
    ...folderLine,
  ].join('\n')
  return { json, text }
}

async function runCommand(
  argv: string[],
  io: CliIo,
  makeApi: (files?: string, pick?: string, mail?: Record<string, unknown>, scope?: ApiScope) => Api,
  ui: UiLanguage = 'en',
): Promise<Output> {
  const [command, sub, ...rest] = argv
  switch (command) {
    case 'catalog': {
      if (sub === 'list') {
        parse(rest, { json: { type: 'boolean' } })
        // A page at a time: the core reads only the records of each page and keeps none of them.
        const api = makeApi()
        const listPage = 5000
        const companies: CompanySummary[] = []
        for (;;) {
          const page = unwrap(await api.call('catalog:list', { offset: companies.length, limit: listPage }))
          companies.push(...page)
          if (page.length < listPage) break
        }
        const text = companies
          .map((c) => `${c.id.padEnd(10)} ${c.name.padEnd(12)} ${c.privacyEmail ?? '(no contact known)'}`)
          .join('\n')
        return { json: companies, text }
      }
      if (sub === 'search') {
        const { values, positionals } = parse(rest, { limit: { type: 'string' }, json: { type: 'boolean' } }, Number.POSITIVE_INFINITY)
        const query = positionals.join(' ').trim()
        if (!query) throw new UsageError('catalog search needs what to look for, e.g. `rightful catalog search spotify`.')
        const limit = values.limit === undefined ? 10 : Number(values.limit)
        if (!Number.isInteger(limit) || limit < 1 || limit > 5000) throw new UsageError('--limit: give a whole number from 1 to 5000.')
        const api = makeApi()
        const hits = unwrap(await api.call('catalog:search', { query, limit }))
        // The same fields as `catalog list`, in the order of the search.
        const companies = unwrap(await api.call('catalog:list', { ids: hits.map((hit) => hit.id) }))
        const text =
          companies.length === 0
            ? `No company in the catalog matches "${query}". Add it with \`rightful catalog add --name …\`, or read its privacy policy with \`rightful catalog import-policy <file>\`.`
            : companies.map((c) => `${c.id.padEnd(24)} ${c.name.slice(0, 40).padEnd(40)} ${c.privacyEmail ?? '(no e-mail address known)'}`).join('\n')
        return { json: companies, text }
      }
      if (sub === 'import') return catalogImport(rest, io, makeApi)
      if (sub === 'export') return catalogExport(rest, io, makeApi)
      if (sub === 'show') {
        const { positionals } = parse(rest, { json: { type: 'boolean' } }, 1)
        const company = unwrap(await makeApi().call('catalog:get', { id: companyArgument(positionals[0], 'show') }))
        return { json: company, text: describeCompany(company) }
      }
      if (sub === 'add' || sub === 'edit') return catalogSave(sub, rest, makeApi)
      if (sub === 'delete' || sub === 'restore' || sub === 'reset') {
        const { positionals } = parse(rest, { json: { type: 'boolean' } }, 1)
        const id = companyArgument(positionals[0], sub)
        if (sub === 'delete') {
          const result = unwrap(await makeApi().call('catalog:remove', { id }))
          return {
            json: result,
            text: result.restorable ? `${id} deleted; \`rightful catalog restore ${id}\` brings it back.` : `${id} deleted.`,
          }
        }
        const company = unwrap(await makeApi().call(sub === 'restore' ? 'catalog:restore' : 'catalog:reset', { id }))
        return { json: company, text: sub === 'restore' ? `${company.name} is back in the catalog.` : `${company.name}: your changes were dropped.` }
      }
      if (sub === 'import-policy') {
        const { values, positionals } = parse(rest, { url: { type: 'string' }, format: { type: 'string' }, fetch: { type: 'boolean' }, json: { type: 'boolean' } }, 1)
        if (values.fetch) {
          if (values.url === undefined) throw new UsageError('catalog import-policy --fetch needs --url, e.g. `rightful catalog import-policy --url https://example.com/privacy --fetch`.')
          if (positionals[0]) throw new UsageError('catalog import-policy: give either a file or --url … --fetch, not both.')
          const fetched = await makeApi().call('catalog:fetchPolicy', { url: values.url })
          if (!fetched.ok && (fetched.error.code === 'FETCH_REFUSED' || fetched.error.code === 'INVALID_INPUT')) throw new UsageError(`catalog import-policy: --url: ${fetched.error.message}`)
          const page = unwrap(fetched)
          const proposal = unwrap(await makeApi().call('catalog:extractPolicy', { text: page.text, format: page.format, sourceUrl: page.url }))
          const via = page.redirects.length > 0 ? ` (redirected from ${page.requestedUrl})` : ''
          return {
            json: { fetched: { url: page.url, requestedUrl: page.requestedUrl, redirects: page.redirects, fetchedAt: page.fetchedAt, format: page.format, contentType: page.contentType, bytes: page.bytes }, ...proposalView(proposal) },
            text: `Fetched ${page.url}${via} on ${page.fetchedOn}: ${page.bytes.toLocaleString('en')} bytes of ${page.format}.\n\n${describeProposal(proposal)}`,
          }
        }
        if (!positionals[0]) throw new UsageError('catalog import-policy needs a file, e.g. `rightful catalog import-policy privacy.html --url https://example.com/privacy`, or `--url <address> --fetch` to fetch it.')
        const file = path.resolve(io.cwd, positionals[0])
        const format = oneOf(values.format, 'format', policyFormats, guessPolicyFormat(file))
        let text: string
        try {
          text = fs.readFileSync(file, 'utf8')
        } catch (error) {
          throw new UsageError(`catalog import-policy: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`)
        }
        if (text.length > 2_000_000) throw new UsageError(`catalog import-policy: ${file} is longer than 2,000,000 characters; give the privacy policy alone.`)
        const result = await makeApi().call('catalog:extractPolicy', { text, format, ...(values.url !== undefined ? { sourceUrl: values.url } : {}) })
        if (!result.ok && result.error.code === 'INVALID_INPUT') {
          const issue = result.error.issues?.[0]
          throw new UsageError(`catalog import-policy: ${issue?.path === 'sourceUrl' ? `--url: ${issue.message}` : (issue?.message ?? result.error.message)}`)
        }
        const proposal = unwrap(result)
        return { json: proposalView(proposal), text: describeProposal(proposal) }
      }
      if (sub === 'add-contact') {
        const { values, positionals } = parse(rest, { email: { type: 'string' }, purpose: { type: 'string' }, json: { type: 'boolean' } }, 1)
        const companyId = positionals[0]
        if (!companyId) throw new UsageError('catalog add-contact needs the company id, e.g. `rightful catalog add-contact faasoft --email privacy@faasoft.com`.')
        const email = required(values.email, 'email')
        const purpose = oneOf(values.purpose, 'purpose', emailPurposes, 'privacy')
        const company = unwrap(await makeApi().call('catalog:addContact', { companyId, email, purpose }))
        return { json: company, text: `${company.name}: requests now go to ${company.privacyEmail ?? '(no privacy address)'}.` }
      }
      throw new UsageError(
        `Unknown command "catalog ${sub ?? ''}": use catalog list, search, show, add, edit, delete, restore, reset, add-contact, import, export or import-policy.`,
      )
    }
    case 'draft': {
      const { values } = parse([sub, ...rest].filter((a): a is string => a !== undefined), requestOptions)
      const view = await draftRequest(makeApi(), values, io.cwd, io.stderr)
      const { draft, reference } = view.record
      return {
        json: { to: draft.to, subject: draft.subject, body: draft.body, reference, law: view.record.law },
        text: `Reference: ${reference}\nLaw: ${view.record.law}\nTo: ${draft.to ?? '(no e-mail address known)'}\nSubject: ${draft.subject}\n\n${draft.body}`,
      }
    }
    case 'letter': {
      const { values } = parse([sub, ...rest].filter((a): a is string => a !== undefined), { ...requestOptions, out: { type: 'string' } })
      const out = path.resolve(io.cwd, required(values.out, 'out'))
      if (!fs.existsSync(path.dirname(out))) throw new UsageError(`--out: the folder ${path.dirname(out)} does not exist.`)
      const api = makeApi(out)
      const view = await draftRequest(api, values, io.cwd, io.stderr, 'post')
      const saved = unwrap(await api.call('letters:savePdf', { reference: view.record.reference }))
      return { json: { reference: view.record.reference, path: saved.path }, text: `${view.record.reference}: letter written to ${saved.path}` }
    }
    case 'deadline': {
      const { values } = parse([sub, ...rest].filter((a): a is string => a !== undefined), {
        law: { type: 'string' },
        country: { type: 'string' },
        received: { type: 'string' },
        type: { type: 'string' },
        'id-requested': { type: 'string' },
        'id-received': { type: 'string' },
        'clarification-asked': { type: 'string' },
        'clarification-answered': { type: 'string' },
        'ui-lang': { type: 'string' },
        json: { type: 'boolean' },
      })
      const ui = values['ui-lang'] === undefined ? uiLanguageFromEnvironment(io.env) : oneOf(values['ui-lang'], 'ui-lang', uiLanguages)
      const law = oneOf(values.law, 'law', laws)
      const type = oneOf(values.type, 'type', requestTypes, 'access')
      const country = required(values.country, 'country')
      const received = required(values.received, 'received')
      if (values['id-received'] && !values['id-requested']) throw new UsageError('--id-received needs --id-requested.')
      if (values['clarification-answered'] && !values['clarification-asked']) throw new UsageError('--clarification-answered needs --clarification-asked.')
      const options: Record<string, string> = {}
      const flags = { 'id-requested': 'identityRequested', 'id-received': 'identityProvided', 'clarification-asked': 'clarificationAsked', 'clarification-answered': 'clarificationAnswered' } as const
      for (const [flag, field] of Object.entries(flags)) {
        const value = values[flag as keyof typeof flags]
        if (value !== undefined) options[field] = value
      }
      const result = await makeApi(undefined, undefined, undefined, 'deadlines:compute').call('deadlines:compute', { law, country, received, type, ...options })
      if (!result.ok && (result.error.code === 'INVALID_INPUT' || result.error.code === 'UNKNOWN_COUNTRY')) {
        if (result.error.code === 'UNKNOWN_COUNTRY') throw new UsageError(`--country: ${result.error.message}`)
        const issue = result.error.issues?.[0]
        const flag = Object.entries(flags).find(([, field]) => field === issue?.path)?.[0] ?? issue?.path ?? 'received'
        throw new UsageError(`--${flag}: ${issue?.message ?? result.error.message}`)
      }
      const deadline = unwrap(result)
      // English as the core wrote it; another language from the same steps' messages.
      const explanation = ui === 'en' ? deadline.explanation : joinParts(deadline.steps.map((s) => joinParts(s.parts.map((p) => renderMessage(p, ui)), ui)), ui)
      const label = (key: string) => renderMessage({ key: `cli.deadline.${key}` }, ui)
      const width = Math.max(...['due', 'extendedDue', 'acknowledgeBy', 'extensionNoticeBy', 'benchmark', 'milestone'].map((k) => label(k).length)) + 2
      const line = (key: string, date: string | null) => `${label(key).padEnd(width)} ${date ? formatPlainDate(date, ui, true) : label('none')}`
      return {
        json: {
          due: deadline.due,
          extendedDue: deadline.extendedDue,
          acknowledgeBy: deadline.acknowledgeBy,
          extensionNoticeBy: deadline.extensionNoticeBy,
          dueStrict: deadline.dueStrict,
          benchmark: deadline.benchmark,
          milestones: deadline.milestones,
          explanation,
          uiLang: ui,
        },
        text: [
          `${deadline.regime}`,
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
    }
    case 'authorities': {
      if (sub !== 'list') throw new UsageError(`Unknown command "authorities ${sub ?? ''}": use \`authorities list\`.`)
      const { values } = parse(rest, { law: { type: 'string' }, country: { type: 'string' }, json: { type: 'boolean' } })
      const law = values.law === undefined ? undefined : oneOf(values.law, 'law', laws)
      const place = values.country?.toUpperCase()
      if (place !== undefined && !/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(place)) throw new UsageError(`--country: use a code like DE or DE-BY (got "${values.country}").`)
      const covers = (regions: ReadonlyArray<string>) =>
        place === undefined || regions.some((r) => r === place || (place.includes('-') ? r === place.slice(0, 2) : r.startsWith(`${place}-`)))
      const all = unwrap(await makeApi().call('authorities:list', {}))
      const authorities = all.filter((a) => (law === undefined || a.laws.includes(law)) && covers(a.regions))
      const text = authorities.length
        ? authorities
            .map((a) => `${a.id.padEnd(16)} ${(a.acronym ?? '').padEnd(14)} ${a.regions.join(',').padEnd(8)} ${a.laws.join(',').padEnd(8)} ${a.nameEn}${a.verified ? '' : '  (unverified)'}`)
            .join('\n')
        : 'No authority matches.'
      return { json: authorities, text }
    }
    case 'replies':
      return repliesCommand(sub, rest, io, makeApi)
    case 'notices':
      return noticesCommand(sub, rest, makeApi, ui)
    case 'bulk':
      return bulkCommand([sub, ...rest].filter((a): a is string => a !== undefined), io, makeApi)
    case 'discover':
      return discoverCommand([sub, ...rest].filter((a): a is string => a !== undefined), io, makeApi)
    case 'send':
      return sendCommand([sub, ...rest].filter((a): a is string => a !== undefined), io, makeApi)
    case 'requests':
      return requestsCommand(sub, rest, io, makeApi, ui)
    case 'redact':
      return redactCommand([sub, ...rest].filter((a): a is string => a !== undefined), io, makeApi)
    case 'check':
      return checkCommand([sub, ...rest].filter((a): a is string => a !== undefined), makeApi)
    case 'follow-up': {
      const { positionals } = parse([sub, ...rest].filter((a): a is string => a !== undefined), { json: { type: 'boolean' } }, 1)
      if (!positionals[0]) throw new UsageError('follow-up needs the reference of the access request, e.g. `rightful follow-up RF-2026-0001`.')
      const reference = referenceArgument(positionals[0], 'follow-up')
      const view = unwrap(await makeApi().call('requests:createFollowUp', { reference, type: 'incomplete-answer' }))
      const { draft } = view.record
      return {
        json: { reference: view.record.reference, of: reference, missing: view.record.missingItems, to: draft.to, subject: draft.subject, body: draft.body },
        text: `Reference: ${view.record.reference} (follows up ${reference})\nTo: ${draft.to ?? '(no e-mail address known)'}\nSubject: ${draft.subject}\n\n${draft.body}`,
      }
    }
    case 'backup':
      return backupCommand([sub, ...rest].filter((a): a is string => a !== undefined), io, makeApi)
    case 'restore':
      return restoreCommand([sub, ...rest].filter((a): a is string => a !== undefined), io, makeApi)
    default:
      throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.')
  }
}

/**
 * `--at`: a day (2026-02-03), or a moment with its offset (2026-02-03T09:15:00+01:00, or Z);
 * without an offset, this computer's time. `on` is the day as written.
 */
function parseWhen(value: string, flag: string): { on: string; at: string | null } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { on: value, at: null }
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value)
  if (!match) throw new UsageError(`--${flag}: give a day (2026-02-03) or a time with its offset (2026-02-03T09:15:00+01:00); got "${value}".`)
  const [, day, hours, minutes, seconds = '00', fraction = '', offset] = match
  const local = `${day}T${hours}:${minutes}:${seconds}${fraction}`
  const at = offset ? `${local}${offset === 'Z' ? 'Z' : `${offset.slice(0, 3)}:${offset.slice(-2)}`}` : new Date(local).toISOString()
  if (Number.isNaN(Date.parse(at))) throw new UsageError(`--${flag}: "${value}" is not a time that exists.`)
  return { on: day!, at }
}

/** The core's answer to a bad date: a usage error naming the flag. */
function flagError(result: Result<unknown>, flags: Record<string, string>): void {
  if (result.ok || result.error.code !== 'INVALID_INPUT') return
  const issue = result.error.issues?.[0]
  const flag = issue ? Object.entries(flags).find(([, field]) => field === issue.path)?.[0] : undefined
  if (flag) throw new UsageError(`--${flag}: ${issue!.message}`)
}

function referenceArgument(value: string | undefined, command: string): string {
  if (!value) throw new UsageError(`requests ${command} needs the reference, e.g. \`rightful requests ${command} RF-2026-0001\`.`)
  if (!/^RF-\d{4}-\d{4,}$/.test(value)) throw new UsageError(`"${value}" is not a reference: they look like RF-2026-0001.`)
  return value
}

/** A request and its timeline, for people. */
function describeRequest(view: RequestView): string {
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
function describeCheckRow(row: AnswerCheckView['rows'][number]): string {
  const tick = row.state ? `${row.state} (${row.by === 'suggestion-confirmed' ? 'suggestion accepted' : 'ticked'} ${row.at?.slice(0, 10)})` : 'not ticked'
  const hint = row.suggestion ? `  suggestion: ${row.suggestion.state}${row.suggestion.evidence ? ` (“${row.suggestion.evidence}”)` : ''}` : ''
  return `  ${row.id.padEnd(13)} ${row.cite.padEnd(28)} ${tick}${hint}`
}

/** `rightful check <RF-…> [--tick item[=state] …] [--accept item|all …]`: the completeness check of an answer to access. */
async function checkCommand(args: string[], makeApi: () => Api): Promise<Output> {
  const { values, positionals } = parse(args, { tick: { type: 'string', multiple: true }, accept: { type: 'string', multiple: true }, json: { type: 'boolean' } }, 1)
  if (!positionals[0]) throw new UsageError('check needs the reference of an access request, e.g. `rightful check RF-2026-0001`.')
  const reference = referenceArgument(positionals[0], 'check')
  const api = makeApi()
  let view = unwrap(await api.call('requests:checkAnswer', { reference }))
  const ticks = new Map<string, { id: string; state: AnswerState | null; confirmsSuggestion: boolean }>()
  for (const given of values.tick ?? []) {
    const [id = '', word = 'arrived'] = given.split('=', 2)
    const state = oneOf(word, 'tick', tickWords)
    if (!view.rows.some((r) => r.id === id)) throw new UsageError(`--tick ${given}: the items under ${view.law} are ${view.rows.map((r) => r.id).join(', ')}.`)
    ticks.set(id, { id, state: state === 'none' ? null : state, confirmsSuggestion: false })
  }
  for (const given of values.accept ?? []) {
    const rows = given === 'all' ? view.rows.filter((r) => r.suggestion && !ticks.has(r.id)) : view.rows.filter((r) => r.id === given)
    if (rows.length === 0 && given !== 'all') throw new UsageError(`--accept ${given}: the items under ${view.law} are ${view.rows.map((r) => r.id).join(', ')}.`)
    for (const row of rows) {
      if (!row.suggestion) throw new UsageError(`--accept ${row.id}: Rightful has no suggestion for it; use --tick.`)
      ticks.set(row.id, { id: row.id, state: row.suggestion.state, confirmsSuggestion: true })
    }
  }
  if (ticks.size > 0) view = unwrap(await api.call('requests:tickAnswer', { reference, ticks: [...ticks.values()] }))
  const missing = view.missing.length ? `Missing: ${view.missing.join(', ')}. \`rightful follow-up ${reference}\` writes the letter.` : 'Nothing ticked missing.'
  return { json: view, text: [`${reference}: the answer under ${view.law}${view.answeredOn ? ` (data received ${view.answeredOn})` : ''}`, ...view.rows.map(describeCheckRow), missing].join('\n') }
}

/** `rightful requests list|show|mark-sent|event|discard|export`. */
async function requestsCommand(sub: string | undefined, rest: string[], io: CliIo, makeApi: (files?: string, pick?: string, mail?: Record<string, unknown>, scope?: ApiScope) => Api, ui: UiLanguage = 'en'): Promise<Output> {
  switch (sub) {
    case 'list': {
      const { values } = parse(rest, { json: { type: 'boolean' } })
      const items = unwrap(await makeApi(undefined, undefined, undefined, 'requests:list').call('requests:list', {}))
      // The table only when it is printed (--json prints the items alone; thousands of lines otherwise).
      const text = values.json
        ? ''
        : items.length
          ? items.map((r) => `${r.reference}  ${r.companyName.padEnd(12)} ${r.type.padEnd(8)} ${r.status.kind.padEnd(15)} ${r.due ?? ''}`).join('\n')
          : 'No requests yet.'
      return { json: items, text }
    }
    case 'show': {
      const { positionals } = parse(rest, { json: { type: 'boolean' } }, 1)
      const view = unwrap(await makeApi().call('requests:get', { reference: referenceArgument(positionals[0], 'show') }))
      return { json: view, text: describeRequest(view) }
    }
    case 'mark-sent': {
      const { values, positionals } = parse(rest, { at: { type: 'string' }, channel: { type: 'string' }, tracking: { type: 'string' }, json: { type: 'boolean' } }, 1)
      const reference = referenceArgument(positionals[0], 'mark-sent')
      const when = parseWhen(required(values.at, 'at'), 'at')
      const channel = oneOf(values.channel, 'channel', ['email', 'letter'] as const)
      if (values.tracking !== undefined && channel !== 'letter') throw new UsageError('--tracking goes with --channel letter.')
      const result = await makeApi().call('requests:markSent', {
        reference,
        on: when.on,
        at: when.at,
        channel: channel === 'letter' ? 'post' : 'email',
        trackingNumber: values.tracking ?? null,
      })
      flagError(result, { at: 'on', tracking: 'trackingNumber' })
      if (!result.ok && result.error.code === 'INVALID_INPUT' && /sending (date|time)/.test(result.error.message)) throw new UsageError(`--at: ${result.error.message}`)
      const view = unwrap(result)
      return { json: view, text: `${reference}: sent on ${when.on} by ${channel}. ${view.deadline?.effectiveDue ? `Due ${view.deadline.effectiveDue}.` : ''}`.trim() }
    }
    case 'event': {
      const { values, positionals } = parse(rest, { kind: { type: 'string' }, at: { type: 'string' }, text: { type: 'string' }, until: { type: 'string' }, json: { type: 'boolean' } }, 1)
      const reference = referenceArgument(positionals[0], 'event')
      const kind = oneOf(values.kind, 'kind', userEventKinds)
      if (values.until !== undefined && kind !== 'extension-claimed') throw new UsageError('--until goes with --kind extension-claimed.')
      const api = makeApi()
      const on = values.at === undefined ? unwrap(await api.call('app:status', {})).today : parseWhen(values.at, 'at').on
      const result = await api.call('requests:addEvent', { reference, kind, on, note: values.text ?? null, until: values.until ?? null })
      flagError(result, { at: 'on', until: 'until', text: 'note' })
      if (!result.ok && result.error.code === 'INVALID_INPUT' && /cannot be (before|in the future)/.test(result.error.message)) throw new UsageError(`--at: ${result.error.message}`)
      const view = unwrap(result)
      return { json: view, text: `${reference}: ${eventLabels[kind]} on ${on}. Status: ${view.status.kind}.` }
    }
    case 'identity': {
      const { positionals } = parse(rest, { json: { type: 'boolean' } }, 1)
      const advice = unwrap(await makeApi().call('requests:identityAdvice', { reference: referenceArgument(positionals[0], 'identity') }))
      const rule = ui === 'en' ? advice.rule.text : renderMessage(advice.rule.message, ui)
      const lines = [
        `${advice.reference} (${advice.law}): ${rule}${advice.rule.unverified ? ' [unverified]' : ''}`,
        advice.demand ? `The company asked on ${advice.demand.on}${advice.demand.note ? `: ${advice.demand.note}` : '.'}` : 'No demand for identity is recorded (requests event --kind identity-requested).',
        ...(advice.company.idDocument ? [`The catalog says: ${advice.company.idDocument}`] : []),
        ...advice.company.requiredElements.map((e) => `The company requires: ${e.description}${e.optional ? ' (optional)' : ''}`),
        ...(advice.pushback.possible ? [`Write the pushback: rightful draft --type identity-pushback --of ${advice.reference}`] : []),
      ]
      return { json: advice, text: lines.join('\n') }
    }
    case 'extension': {
      const { values, positionals } = parse(rest, { reasons: { type: 'string' }, json: { type: 'boolean' } }, 1)
      const reasonsGiven = values.reasons === undefined ? null : oneOf(values.reasons, 'reasons', ['yes', 'no'] as const) === 'yes'
      const check = unwrap(await makeApi().call('requests:checkExtension', { reference: referenceArgument(positionals[0], 'extension'), reasonsGiven }))
      const words = renderMessage(check.message, ui)
      const next = check.contestable ? `\nContest it: rightful draft --type extension-contest --of ${positionals[0]}${reasonsGiven === null ? '' : ` --reasons ${values.reasons}`}` : ''
      return { json: check, text: `${positionals[0]}: ${words}${next}` }
    }
    case 'bounce': {
      const { values, positionals } = parse(rest, { mark: { type: 'boolean' }, json: { type: 'boolean' } }, 1)
      const reference = referenceArgument(positionals[0], 'bounce')
      const api = makeApi()
      const advice = unwrap(await api.call(values.mark ? 'requests:markBounced' : 'requests:bounceAdvice', { reference }))
      const channel = (c: (typeof advice.alternatives)[number]) =>
        c.kind === 'email' ? `e-mail ${c.address} (${c.purpose})` : c.kind === 'webform' ? `web form ${c.url}` : c.kind === 'post' ? `letter to ${[c.recipient, ...c.lines, c.country].join(', ')}` : `fax ${c.number}`
      const lines = [
        advice.bouncedOn ? `${reference}: ${advice.address ?? 'the letter'} bounced on ${advice.bouncedOn}.` : `${reference}: no bounce is recorded (requests event --kind undeliverable).`,
        ...(advice.marked ? [`${advice.address} is marked as bounced in your catalog (since ${advice.markedOn ?? 'an unknown date'}).`] : []),
        ...(advice.alternatives.length ? ['Other channels of the company:', ...advice.alternatives.map((c) => `  ${channel(c)}`)] : [`No other channel of ${advice.company.name} is known: add one to the catalog.`]),
      ]
      return { json: advice, text: lines.join('\n') }
    }
    case 'discard': {
      const { positionals } = parse(rest, { json: { type: 'boolean' } }, 1)
      const reference = referenceArgument(positionals[0], 'discard')
      unwrap(await makeApi().call('requests:discard', { reference }))
      return { json: { reference, discarded: true }, text: `${reference} was discarded (kept under requests/discarded/; its number is not used again).` }
    }
    case 'export': {
      const { values } = parse(rest, { format: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } })
      oneOf(values.format, 'format', ['csv'] as const)
      const out = path.resolve(io.cwd, required(values.out, 'out'))
      if (!fs.existsSync(path.dirname(out))) throw new UsageError(`--out: the folder ${path.dirname(out)} does not exist.`)
      const items = unwrap(await makeApi().call('requests:list', {}))
      writeFileAtomicSync(out, requestsCsv(items))
      return { json: { path: out, requests: items.length }, text: `${items.length} request${items.length === 1 ? '' : 's'} written to ${out}.` }
    }
    default:
      throw new UsageError(`Unknown command "requests ${sub ?? ''}": use requests list, show, mark-sent, event, identity, extension, bounce, discard or export.`)
  }
}

/** `--box x,y,w,h`: fractions of the image (0-1), or pixels when each ends in "px". */
function boxFlag(value: string, size: { width: number; height: number }) {
  const parts = value.split(',').map((p) => p.trim())
  const pixels = parts.every((p) => /^\d+(\.\d+)?px$/.test(p))
  const numbers = parts.map((p) => Number(p.replace(/px$/, '')))
  if (parts.length !== 4 || numbers.some((n) => !Number.isFinite(n) || n < 0) || (!pixels && parts.some((p) => p.endsWith('px')))) {
    throw new UsageError(`--box takes x,y,width,height as fractions (0.1,0.2,0.3,0.1) or pixels (10px,20px,300px,80px) (got "${value}").`)
  }
  const [x, y, w, h] = pixels ? [numbers[0]! / size.width, numbers[1]! / size.height, numbers[2]! / size.width, numbers[3]! / size.height] : numbers
  return { x: x!, y: y!, width: w!, height: h! }
}

async function redactCommand(args: string[], io: CliIo, makeApi: (files?: string, pick?: string) => Api): Promise<Output> {
  const { values, positionals } = parse(args, { reference: { type: 'string' }, box: { type: 'string', multiple: true }, out: { type: 'string' }, lang: { type: 'string' }, attach: { type: 'boolean' }, json: { type: 'boolean' } }, 1)
  const image = path.resolve(io.cwd, required(positionals[0], 'image (the first argument)'))
  if (!fs.existsSync(image)) throw new UsageError(`${image} does not exist.`)
  const reference = referenceArgument(values.reference, 'redact --reference')
  const out = path.resolve(io.cwd, required(values.out, 'out'))
  const format = oneOf(path.extname(out).slice(1).toLowerCase(), 'out (its extension)', ['png', 'pdf'] as const)
  if (!fs.existsSync(path.dirname(out))) throw new UsageError(`--out: the folder ${path.dirname(out)} does not exist.`)
  const lang = values.lang === undefined ? {} : { lang: oneOf(normalizeLanguage(values.lang) as string, 'lang', languages) }
  const api = makeApi(out, image)
  const [staged] = unwrap(await api.call('attachments:pick', {}))
  const opened = unwrap(await api.call('evidence:open', { token: staged!.token }))
  const boxes = (values.box ?? []).map((b) => boxFlag(b, opened))
  const result = await api.call('evidence:redact', { reference, token: staged!.token, boxes, format, save: true, ...lang })
  if (!result.ok && result.error.code === 'INVALID_INPUT' && /box/i.test(result.error.message)) throw new UsageError(`--box: ${result.error.message}`)
  const copy = unwrap(result)
  let attached: string | null = null
  if (values.attach) {
    const today = unwrap(await api.call('app:status', {})).today
    const view = unwrap(await api.call('requests:addEvent', { reference, kind: 'identity-provided', on: today, note: `Redacted copy: ${copy.name}`, attachments: [copy.token] }))
    attached = view.record.events.at(-1)!.id
  }
  const warning = copy.plainEmail ? ' Warning: your saved mail server sends without encryption (no TLS): send this copy another way, or set up TLS first.' : ''
  return {
    json: { path: copy.savedTo, format: copy.format, width: copy.width, height: copy.height, boxes: copy.boxes, sha256: copy.sha256, watermark: copy.watermark, plainEmail: copy.plainEmail, attachedEvent: attached },
    text: `Redacted copy (${copy.boxes} box${copy.boxes === 1 ? '' : 'es'}, watermark "${copy.watermark}") written to ${copy.savedTo}.${attached ? ` Kept with ${reference} as "identity provided".` : ''}${warning}`,
  }
}

/** `--passphrase-env VAR`: the passphrase from that environment variable (never from the command line). */
function passphraseFrom(name: string | undefined, io: CliIo): string | null {
  if (name === undefined) return null
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UsageError(`--passphrase-env takes the name of an environment variable (got "${name}").`)
  const value = io.env[name]
  if (value === undefined || value === '') throw new UsageError(`--passphrase-env: the environment variable ${name} is not set.`)
  return value
}

/** `rightful backup --out <file> [--passphrase-env VAR]`. */
async function backupCommand(args: string[], io: CliIo, makeApi: (files?: string) => Api): Promise<Output> {
  const { values } = parse(args, { out: { type: 'string' }, 'passphrase-env': { type: 'string' }, json: { type: 'boolean' } })
  const out = path.resolve(io.cwd, required(values.out, 'out'))
  if (!fs.existsSync(path.dirname(out))) throw new UsageError(`--out: the folder ${path.dirname(out)} does not exist.`)
  const passphrase = passphraseFrom(values['passphrase-env'], io)
  const result = await makeApi(out).call('backup:create', { passphrase })
  if (!result.ok && result.error.code === 'INVALID_INPUT') {
    const issue = result.error.issues?.[0]
    throw new UsageError(issue?.path === 'passphrase' ? `--passphrase-env: ${issue.message}` : result.error.message)
  }
  const made = unwrap(result)
  for (const skipped of made.skipped) io.stderr(`rightful: left out ${skipped.path}: ${skipped.reason}\n`)
  return {
    json: { path: made.path, requests: made.requests, replies: made.replies, bytes: made.bytes },
    text: `Backed up ${made.requests} request${made.requests === 1 ? '' : 's'}, ${made.replies} repl${made.replies === 1 ? 'y' : 'ies'} and ${made.attachments} file${made.attachments === 1 ? '' : 's'} kept with them to ${made.path} (${formatBytes(made.bytes)}${made.encrypted ? ', encrypted' : ''}; no passwords).`,
  }
}

/** `rightful restore <file> [--passphrase-env VAR] [--replace]`. */
async function restoreCommand(args: string[], io: CliIo, makeApi: (files?: string, pick?: string) => Api): Promise<Output> {
  const { values, positionals } = parse(args, { 'passphrase-env': { type: 'string' }, replace: { type: 'boolean' }, json: { type: 'boolean' } }, 1)
  if (!positionals[0]) throw new UsageError('restore needs the backup file, e.g. `rightful restore rightful-backup-2026-02-03.rightful-backup`.')
  const file = path.resolve(io.cwd, positionals[0])
  if (!fs.existsSync(file)) throw new UsageError(`There is no file ${file}.`)
  const passphrase = passphraseFrom(values['passphrase-env'], io)
  const api = makeApi(undefined, file)
  const chosen = unwrap(await api.call('backup:choose', {}))
  if (!chosen.token) throw new UsageError(`${file} could not be opened.`)
  if (chosen.encrypted && passphrase === null) throw new UsageError('This backup is encrypted: give the passphrase with --passphrase-env VAR (the name of an environment variable that holds it).')
  const result = await api.call('backup:restore', { token: chosen.token, passphrase, replace: values.replace ?? false })
  if (!result.ok && result.error.code === 'DATA_FOLDER_NOT_EMPTY') {
    throw new DomainFailure({ ...result.error, message: `${result.error.message} Add --replace to replace it; what it holds now is then kept in a before-restore-… folder inside it.` })
  }
  const restored = unwrap(result)
  return {
    json: {
      file,
      dataDir: restored.dataDir,
      createdAt: restored.createdAt,
      requests: restored.requests,
      replies: restored.replies,
      attachments: restored.attachments,
      previousData: restored.previousData,
    },
    text: [
      `Restored ${restored.requests} request${restored.requests === 1 ? '' : 's'}, ${restored.replies} repl${restored.replies === 1 ? 'y' : 'ies'} and ${restored.attachments} file${restored.attachments === 1 ? '' : 's'} from the backup of ${restored.createdAt.slice(0, 10)} into ${restored.dataDir}.`,
      ...(restored.previousData ? [`The data it replaced is kept in ${restored.previousData}.`] : []),
      'Passwords are never in a backup: enter the mail server passwords again in the app.',
    ].join('\n'),
  }
}

/** An Api whose calls wait for the core that `opening` resolves to (and fail as it fails). */
/** What a command's API must answer: every method, or one (core/api/narrow-api.ts). */
type ApiScope = 'all' | 'deadlines:compute' | 'requests:list'

function openedLater(opening: Promise<Api>): Api {
  const invoke: Api['invoke'] = async (channel, input) => (await opening).invoke(channel, input)
  return { channels: apiChannels, invoke, call: (channel, input) => invoke(channel, input) as never }
}

/** Runs one command line; resolves to the exit code. */
export async function runCli(givenArgv: string[], io: CliIo, options: { resourcesRoot: string }): Promise<number> {
  const json = givenArgv.includes('--json')
  let chosen: ReturnType<typeof takeUiLanguage>
  try {
    chosen = takeUiLanguage(givenArgv, io.env)
  } catch (error) {
    io.stderr(`rightful: ${(error as Error).message}\nRun \`rightful --help\` for the commands and options.\n`)
    return 2
  }
  const { argv, ui } = chosen
  /** The core's words in the chosen language: its message's key where it gave one, else its English. */
  const words = (said: { readonly message: string; readonly detail?: Message }) => (ui === 'en' || !said.detail ? said.message : renderMessage(said.detail, ui))
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${helpText(ui)}\n`)
    return 0
  }
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    io.stdout(json ? `${JSON.stringify({ version })}\n` : `${version}\n`)
    return 0
  }
  let api: Api | null = null
  let notices: NoticeBoard | null = null
  const progressIn = (sink: ProgressSink): ProgressSink => (progress) => sink({ ...progress, message: words(progress) })
  /** Long operations in flight, by the id this run gave them, so that a signal can stop them. */
  const running = new Set<string>()
  let operations = 0
  let stoppedBy: StopSignal | null = null
  const hold = testHold(io)
  /** Gives each long operation an id and keeps track of it; after a signal, starts none. */
  const tracked = (core: Api): Api => {
    const invoke: Api['invoke'] = async (channel, input) => {
      if (!(operationChannels as ReadonlyArray<unknown>).includes(channel) || typeof input !== 'object' || input === null) return core.invoke(channel, input)
      if (stoppedBy) return { ok: false, error: { code: 'CANCELLED', message: `Stopped by ${stoppedBy} before it began.` } }
      operations += 1
      const operation = `op-cli-${process.pid}-${operations}`
      running.add(operation)
      try {
        return await core.invoke(channel, { ...input, operation })
      } finally {
        running.delete(operation)
      }
    }
    return { channels: core.channels, invoke, call: (channel, input) => invoke(channel, input) as never }
  }
  const makeApi = (out?: string, pick?: string, mail?: Record<string, unknown>, scope: ApiScope = 'all'): Api => {
    if (!api && scope !== 'all') {
      // A deadline or the list of requests: the narrow API, without the rest of the core behind it.
      const opening = (async () => {
        const [{ openNarrowApi }, { createNarrowPorts }, { resolveDataDir }] = await Promise.all([
          import('./core/api/narrow-api'),
          import('./adapters/node/narrow-ports'),
          import('./adapters/node/data-dir'),
        ])
        const ports = createNarrowPorts({ dataDir: resolveDataDir(io.env) })
        notices = ports.notices
        return openNarrowApi(ports, scope)
      })()
      opening.catch(() => {})
      api = tracked(openedLater(opening))
    }
    if (!api) {
      // The core (and the libraries behind it) is loaded only by a command that uses it, so that
      // `--version`, `--help` and bad arguments start at once (see bench/cli-start.ts).
      const opening = (async () => {
        const [{ createApi }, { createNodePorts, listPicker, noFileSink, pathSink, resolveDataDir }] = await Promise.all([
          import('./core/api/create-api'),
          import('./adapters/node/node-ports'),
        ])
        const ports = createNodePorts({
          dataDir: resolveDataDir(io.env),
          resourcesRoot: options.resourcesRoot,
          appVersion: version,
          files: out ? pathSink(out) : noFileSink,
          picker: listPicker(() => (pick ? [pick] : [])),
          secrets: cliSecrets({ env: io.env, prompt: io.prompt ?? null }),
          // Progress in the chosen language, like every other word of the core.
          ...(io.progress ? { progress: progressIn(io.progress) } : {}),
          ...(hold ? { hold } : {}),
        })
        notices = ports.notices
        // `send --smtp`: this run's server, in memory; the saved mail settings stay as they are.
        return createApi(mail ? { ...ports, stores: withDocument(ports.stores, 'mail', memoryDocument('--smtp', mail)) } : ports)
      })()
      // A failure to open reaches the caller through its first call; none goes unhandled.
      opening.catch(() => {})
      api = tracked(openedLater(opening))
    }
    return api
  }
  /** Resolves when a signal came while no long operation was running: the command stops there. */
  let unsubscribe = () => {}
  const interrupted = new Promise<StopSignal>((resolve) => {
    unsubscribe =
      io.interrupts?.((signal) => {
        // The first signal stops the command; a repeat (or a library re-raising it) changes nothing.
        if (stoppedBy) return
        stoppedBy = signal
        if (running.size === 0 || !api) return resolve(signal)
        for (const operation of running) void api.invoke('operations:cancel', { operation })
      }) ?? (() => {})
  })
  const stopped = (signal: StopSignal, message: string | null): number => {
    io.stderr(`rightful: stopped by ${signal}${message ? `: ${message}` : '.'}\n`)
    return stopSignals[signal]
  }
  /** Damage found (now or by the app) is told on stderr once; `rightful notices` lists it until dismissed. */
  const tellNotices = () => {
    if (!notices) return
    try {
      const fresh = notices.takeUnprinted()
      // `rightful notices` has just shown them on stdout.
      if (argv[0] === 'notices') return
      for (const notice of fresh) {
        io.stderr(`rightful: notice: ${words(notice)}\n  (\`rightful notices dismiss ${notice.id}\` when you have dealt with it)\n`)
      }
    } catch (error) {
      io.stderr(`rightful: the notices could not be read: ${(error as Error).message}\n`)
    }
  }
  try {
    const outcome = await Promise.race([runCommand(argv, io, makeApi, ui).then((output) => ({ output })), interrupted.then((signal) => ({ signal }))])
    if ('signal' in outcome) {
      tellNotices()
      return stopped(outcome.signal, null)
    }
    const { output } = outcome
    tellNotices()
    io.stdout(json ? `${JSON.stringify(output.json, null, 2)}\n` : `${output.text}\n`)
    return output.exitCode ?? 0
  } catch (error) {
    tellNotices()
    if (stoppedBy && error instanceof DomainFailure && error.error.code === 'CANCELLED') return stopped(stoppedBy, words(error.error))
    if (error instanceof UsageError || error instanceof z.ZodError) {
      io.stderr(`rightful: ${error.message}\nRun \`rightful --help\` for the commands and options.\n`)
      return 2
    }
    if (error instanceof DomainFailure) {
      if (json) io.stdout(`${JSON.stringify({ error: error.error }, null, 2)}\n`)
      const hint = error.error.code === 'NO_CONTACT' ? '\nAdd it with `rightful catalog add-contact <company> --email <address>`.' : ''
      io.stderr(`rightful: ${words(error.error)}${hint}\n`)
      return 1
    }
    io.stderr(`rightful: unexpected failure: ${(error as Error).stack ?? String(error)}\n`)
    return 1
  } finally {
    unsubscribe()
  }
}

/** Progress on a terminal: one line, rewritten in place, cleared when the command ends. */
function terminalProgress(stream: NodeJS.WriteStream): { sink: ProgressSink; clear(): void } {
  let shown = false
  return {
    sink: (progress) => {
      const fraction = progress.total ? ` ${Math.floor((Math.min(progress.done, progress.total) / progress.total) * 100)}%` : ''
      stream.write(`\r\x1b[K${progress.message}${fraction}`.slice(0, (stream.columns || 80) + 4))
      shown = true
    },
    clear: () => {
      if (shown) stream.write('\r\x1b[K')
    },
  }
}

/** Entry point of the built CLI (bin/rightful.js). */
export async function main(): Promise<void> {
  const listeners = new Set<(signal: StopSignal) => void>()
  let received = false
  const onSignal = (signal: StopSignal) => {
    received = true
    for (const listener of listeners) listener(signal)
  }
  // Heard even while a long operation runs: it pauses for the event loop at every checkpoint.
  for (const signal of Object.keys(stopSignals) as StopSignal[]) process.on(signal, onSignal)
  const progress = process.stderr.isTTY ? terminalProgress(process.stderr) : null
  const code = await runCli(
    process.argv.slice(2),
    {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => {
        progress?.clear()
        process.stderr.write(text)
      },
      env: process.env,
      cwd: process.cwd(),
      prompt: process.stdin.isTTY ? (question) => promptHidden(question) : null,
      interrupts: (listener) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
      ...(progress ? { progress: progress.sink } : {}),
    },
    { resourcesRoot: findResourcesRoot(__dirname) },
  )
  progress?.clear()
  for (const signal of Object.keys(stopSignals) as StopSignal[]) process.off(signal, onSignal)
  // Stopped by a signal: whatever else is pending (a connection, a held operation) is not waited for.
  if (received && (code === stopSignals.SIGINT || code === stopSignals.SIGTERM)) process.exit(code)
  process.exitCode = code
}
