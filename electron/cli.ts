/**
 * `rightful`: the same core as the desktop app, from a terminal. Storage goes to the app's data
 * folder, or to RIGHTFUL_DATA_DIR. Bad arguments: a message on stderr and exit code 2. With --json,
 * stdout holds JSON only.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { z } from 'zod'
import { version } from '../package.json'
import { createApi, type Api } from './core/api/create-api'
import type { ApiError, Result } from './core/api/result'
import { languages, laws, requestTypes, type RequestType } from './core/requests/model'
import { profileSchema, type Profile } from './core/profile/profile'
import { emailPurposes } from './core/catalog/schema'
import { describeDate } from './core/deadlines/calendar'
import { createNodePorts, pathSink, resolveDataDir } from './adapters/node/node-ports'

export type CliIo = {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly env: NodeJS.ProcessEnv
  readonly cwd: string
}

const usage = `Usage: rightful <command> [options]

Commands:
  catalog list [--json]                       the companies Rightful knows
  catalog add-contact <company> --email <address> [--purpose privacy] [--json]
                                              add a contact the catalog lacks
  draft --company <id or domain> --type <type> --law <law> --lang <lang>
        [--profile <file.json>] [--identifiers "Customer no. 12"] [--text "…"] [--json]
                                              write a request (stored as a draft)
        types: access, erasure, rectification, restriction, portability, objection,
               withdraw-consent, opt-out, limit, custom (needs --text), and
               reminder or complaint with --of <reference> (complaint: --authority-name,
               --authority-email); languages: en, de, fr, es, zh
  letter <same options as draft> --out <file.pdf> [--json]
                                              write a request as a PDF letter
  deadline --law <law> --country <CC or CC-REGION> --received <YYYY-MM-DD>
        [--type <type>] [--id-requested D --id-received D]
        [--clarification-asked D --clarification-answered D] [--json]
                                              the legal response deadline
        laws: gdpr, uk-gdpr, ccpa, vcdpa, cpa-co, ctdpa, lgpd, pipeda, ch-fadp,
              hk-pdpo, cn-pipl, jp-appi, au-privacy
  requests list [--json]                      your requests with status and due date

Options:
  --json       machine-readable output on stdout
  --help       this text
  --version    the version

Data folder: ${'$'}RIGHTFUL_DATA_DIR, else the desktop app's own data folder.`

/** A problem with the command line itself: exit code 2. */
class UsageError extends Error {}

const requestOptions = {
  company: { type: 'string' },
  type: { type: 'string' },
  law: { type: 'string' },
  lang: { type: 'string' },
  profile: { type: 'string' },
  identifiers: { type: 'string' },
  text: { type: 'string' },
  of: { type: 'string' },
  'authority-name': { type: 'string' },
  'authority-email': { type: 'string' },
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

type Output = { json: unknown; text: string }

class DomainFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message)
  }
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new DomainFailure(result.error)
  return result.data
}

async function draftRequest(api: Api, values: Record<string, string | boolean | undefined>, cwd: string) {
  const type: RequestType = oneOf(values.type as string | undefined, 'type', requestTypes)
  const string = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined)

  // A reminder or complaint follows up a request that was sent: it takes that request's law and language.
  if (type === 'reminder' || type === 'complaint') {
    const of = string('of')
    if (!of) throw new UsageError(`--type ${type} needs --of <the reference of the request it follows up>.`)
    for (const flag of ['company', 'law', 'lang', 'identifiers', 'text'] as const) {
      if (string(flag) !== undefined) throw new UsageError(`--${flag} does not apply to a ${type}: it follows ${of}.`)
    }
    if (type === 'complaint' && !string('authority-name')) {
      throw new UsageError('--type complaint needs --authority-name (and --authority-email when you send it by e-mail).')
    }
    const result = await api.call('requests:createFollowUp', {
      reference: of,
      type,
      ...(type === 'complaint' ? { authority: { name: string('authority-name')!, email: string('authority-email') ?? null } } : {}),
    })
    if (!result.ok && result.error.code === 'INVALID_INPUT') throw new UsageError(result.error.message)
    return unwrap(result)
  }
  for (const flag of ['of', 'authority-name', 'authority-email'] as const) {
    if (string(flag) !== undefined) throw new UsageError(`--${flag} applies only to reminders and complaints.`)
  }
  const law = oneOf(string('law'), 'law', laws, 'gdpr')
  const lang = oneOf(string('lang'), 'lang', languages, 'en')
  if (type === 'custom' && !string('text')?.trim()) throw new UsageError('--type custom needs --text "what you ask the company for".')
  const companyKey = required(string('company'), 'company')
  const profile = typeof values.profile === 'string' ? readProfileFile(values.profile, cwd) : undefined

  const found = await api.call('catalog:get', { id: companyKey })
  if (!found.ok && found.error.code === 'NOT_FOUND') {
    throw new UsageError(`--company: no company in the catalog has the id or domain "${companyKey}" (see \`rightful catalog list\`).`)
  }
  const company = unwrap(found)

  return unwrap(
    await api.call('requests:create', {
      companyId: company.id,
      type,
      law,
      lang,
      ...(profile ? { profile } : {}),
      ...(string('identifiers') ? { identifiers: string('identifiers')!.replace(/\\n/g, '\n') } : {}),
      ...(string('text') ? { text: string('text')! } : {}),
    }),
  )
}

async function runCommand(argv: string[], io: CliIo, makeApi: (files?: string) => Api): Promise<Output> {
  const [command, sub, ...rest] = argv
  switch (command) {
    case 'catalog': {
      if (sub === 'list') {
        parse(rest, { json: { type: 'boolean' } })
        const companies = unwrap(await makeApi().call('catalog:list', {}))
        const text = companies
          .map((c) => `${c.id.padEnd(10)} ${c.name.padEnd(12)} ${c.privacyEmail ?? '(no contact known)'}`)
          .join('\n')
        return { json: companies, text }
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
      throw new UsageError(`Unknown command "catalog ${sub ?? ''}": use \`catalog list\` or \`catalog add-contact\`.`)
    }
    case 'draft': {
      const { values } = parse([sub, ...rest].filter((a): a is string => a !== undefined), requestOptions)
      const view = await draftRequest(makeApi(), values, io.cwd)
      const { draft, reference } = view.record
      return {
        json: { to: draft.to, subject: draft.subject, body: draft.body, reference },
        text: `Reference: ${reference}\nTo: ${draft.to ?? '(no e-mail address known)'}\nSubject: ${draft.subject}\n\n${draft.body}`,
      }
    }
    case 'letter': {
      const { values } = parse([sub, ...rest].filter((a): a is string => a !== undefined), { ...requestOptions, out: { type: 'string' } })
      const out = path.resolve(io.cwd, required(values.out, 'out'))
      if (!fs.existsSync(path.dirname(out))) throw new UsageError(`--out: the folder ${path.dirname(out)} does not exist.`)
      const api = makeApi(out)
      const view = await draftRequest(api, values, io.cwd)
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
        json: { type: 'boolean' },
      })
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
      const result = await makeApi().call('deadlines:compute', { law, country, received, type, ...options })
      if (!result.ok && (result.error.code === 'INVALID_INPUT' || result.error.code === 'UNKNOWN_COUNTRY')) {
        if (result.error.code === 'UNKNOWN_COUNTRY') throw new UsageError(`--country: ${result.error.message}`)
        const issue = result.error.issues?.[0]
        const flag = Object.entries(flags).find(([, field]) => field === issue?.path)?.[0] ?? issue?.path ?? 'received'
        throw new UsageError(`--${flag}: ${issue?.message ?? result.error.message}`)
      }
      const deadline = unwrap(result)
      const line = (label: string, date: string | null) => `${label.padEnd(22)} ${date ? describeDate(date, true) : 'none'}`
      return {
        json: {
          due: deadline.due,
          extendedDue: deadline.extendedDue,
          acknowledgeBy: deadline.acknowledgeBy,
          extensionNoticeBy: deadline.extensionNoticeBy,
          dueStrict: deadline.dueStrict,
          benchmark: deadline.benchmark,
          milestones: deadline.milestones,
          explanation: deadline.explanation,
        },
        text: [
          `${deadline.regime}`,
          line('Due', deadline.due),
          line('Extended due', deadline.extendedDue),
          line('Acknowledge by', deadline.acknowledgeBy),
          line('Extension notice by', deadline.extensionNoticeBy),
          ...(deadline.benchmark ? [line('Benchmark', deadline.benchmark.date)] : []),
          ...deadline.milestones.map((m) => line('Milestone', m.date)),
          '',
          deadline.explanation,
        ].join('\n'),
      }
    }
    case 'requests': {
      if (sub !== 'list') throw new UsageError(`Unknown command "requests ${sub ?? ''}": use \`requests list\`.`)
      parse(rest, { json: { type: 'boolean' } })
      const items = unwrap(await makeApi().call('requests:list', {}))
      const text = items.length
        ? items.map((r) => `${r.reference}  ${r.companyName.padEnd(12)} ${r.type.padEnd(8)} ${r.status.kind.padEnd(15)} ${r.due ?? ''}`).join('\n')
        : 'No requests yet.'
      return { json: items, text }
    }
    default:
      throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.')
  }
}

/** Runs one command line; resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo, options: { resourcesRoot: string }): Promise<number> {
  const json = argv.includes('--json')
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${usage}\n`)
    return 0
  }
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    io.stdout(json ? `${JSON.stringify({ version })}\n` : `${version}\n`)
    return 0
  }
  let api: Api | null = null
  const makeApi = (out?: string): Api => {
    if (!api) {
      const ports = createNodePorts({
        dataDir: resolveDataDir(io.env),
        resourcesRoot: options.resourcesRoot,
        appVersion: version,
        files: out ? pathSink(out) : { save: async () => null },
      })
      api = createApi(ports)
    }
    return api
  }
  try {
    const output = await runCommand(argv, io, makeApi)
    io.stdout(json ? `${JSON.stringify(output.json, null, 2)}\n` : `${output.text}\n`)
    return 0
  } catch (error) {
    if (error instanceof UsageError || error instanceof z.ZodError) {
      io.stderr(`rightful: ${error.message}\nRun \`rightful --help\` for the commands and options.\n`)
      return 2
    }
    if (error instanceof DomainFailure) {
      if (json) io.stdout(`${JSON.stringify({ error: error.error }, null, 2)}\n`)
      const hint = error.error.code === 'NO_CONTACT' ? '\nAdd it with `rightful catalog add-contact <company> --email <address>`.' : ''
      io.stderr(`rightful: ${error.error.message}${hint}\n`)
      return 1
    }
    io.stderr(`rightful: unexpected failure: ${(error as Error).stack ?? String(error)}\n`)
    return 1
  }
}

/** Entry point of the built CLI (bin/rightful.js). */
export async function main(): Promise<void> {
  const code = await runCli(
    process.argv.slice(2),
    {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      env: process.env,
      cwd: process.cwd(),
    },
    { resourcesRoot: findResourcesRoot(__dirname) },
  )
  process.exitCode = code
}
