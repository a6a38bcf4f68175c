/**
 * What every command group of the `rightful` CLI shares: its context (the terminal, the core, the
 * language), the two kinds of failure (a bad command line, exit 2; the core's refusal, exit 1), the
 * checks of flag values, and the bridge from a command's option table to commander.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import type { Api } from '../core/api/create-api'
import type { ApiError, Result } from '../core/shared/result'
import { profileSchema, type Profile } from '../core/profile/profile'
import type { UiLanguage } from '../core/messages/ui-languages'
import { renderMessage } from '../core/messages/render'
import type { ProgressSink } from '../core/shared/operation'
import { message, type Message, type MessageParam } from '../core/shared/message'

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
 * The core of this run, opened on first use: `files` is where a saved file goes (--out), `pick` the
 * file a command reads (an import, a reply, a backup), `mail` this run's SMTP settings (--smtp).
 */
export type MakeApi = (files?: string, pick?: string, mail?: Record<string, unknown>, scope?: ApiScope) => Api

/** What a command's API must answer: every method, one (core/api/narrow-api.ts), or a new request's letter (core/api/letter-api.ts). */
export type ApiScope = 'all' | 'deadlines:compute' | 'requests:list' | 'letter'

/** What a command works with. */
export type CliContext = {
  readonly io: CliIo
  readonly makeApi: MakeApi
  /** The language of Rightful's own messages (--ui-lang, else the environment's). */
  readonly ui: UiLanguage
}

/** What a command prints: `json` with --json, else `text`; exit code 0 unless it says otherwise. */
export type Output = { readonly json: unknown; readonly text: string; readonly exitCode?: number }

/**
 * A problem with the command line itself: exit code 2. `message` is its English; `detail`, where
 * given, the message (under `cli.usage.`) the CLI prints in --ui-lang.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly detail?: Message,
  ) {
    super(message)
  }
}

/** A usage error in the CLI's own words: the message `cli.usage.<key>`, its English rendered from it. */
export function usage(key: string, params?: Readonly<Record<string, MessageParam>>): UsageError {
  const detail = message(`cli.usage.${key}`, params)
  return new UsageError(renderMessage(detail), detail)
}

/**
 * A flag's value the core refused, as a usage error ("--country: No holiday calendar …"): the
 * core's words in --ui-lang where it gave them as a message, else its English.
 */
export function flagProblem(flag: string, problem: { readonly message: string; readonly detail?: Message }): UsageError {
  return new UsageError(`--${flag}: ${problem.message}`, message('cli.usage.flagProblem', { flag, problem: problem.detail ?? problem.message }))
}

/** A usage error's words in a UI language: its message where it has one, else its English. */
export function usageWords(error: UsageError, ui: UiLanguage): string {
  return ui === 'en' || !error.detail ? error.message : renderMessage(error.detail, ui)
}

/**
 * A line of the CLI's own output for people (`cli.out.<key>`) in the --ui-lang language. English
 * prints `english`, exactly as the command has always printed it (ISO dates, codes); the other
 * languages render the message, with dates written the language's way.
 */
export function outWords(ui: UiLanguage, english: string, key: string, params?: Readonly<Record<string, MessageParam>>): string {
  return ui === 'en' ? english : renderMessage(message(`cli.out.${key}`, params), ui)
}

/** A request type's short name in the --ui-lang language; in English its code, as the CLI has always printed it. */
export function typeWord(type: string, ui: UiLanguage): string {
  return ui === 'en' ? type : renderMessage(message(`cli.requestType.${type}`), ui)
}

/** The core refused: its error goes to stderr (and to stdout with --json), exit code 1. */
export class DomainFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message)
  }
}

/** The data of a core's answer, or a DomainFailure. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new DomainFailure(result.error)
  return result.data
}

/** A flag that must be given (and not be blank). */
export function required(value: string | undefined, name: string): string {
  if (value === undefined || value.trim() === '') throw usage('required', { name })
  return value
}

/** A flag whose value is one of a list (`fallback` when it is not given). */
export function oneOf<T extends string>(value: string | undefined, name: string, allowed: ReadonlyArray<T>, fallback?: T): T {
  if (value === undefined && fallback !== undefined) return fallback
  const given = required(value, name)
  if (!(allowed as ReadonlyArray<string>).includes(given)) {
    throw usage('oneOf', { name, list: allowed.join(', '), given })
  }
  return given as T
}

/** --profile <file.json>: the user's details for this request, checked by the core's schema. */
export function readProfileFile(file: string, cwd: string): Profile {
  const full = path.resolve(cwd, file)
  let text: string
  try {
    text = fs.readFileSync(full, 'utf8')
  } catch (error) {
    throw usage('profileUnreadable', { file: full, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message })
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw usage('profileNotJson', { file: full, reason: (error as Error).message })
  }
  const parsed = profileSchema.safeParse(value)
  if (!parsed.success) {
    throw usage('profileInvalid', { file: full, issues: parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ') })
  }
  return parsed.data
}

/** A --country flag: a two-letter ISO 3166-1 code, any case (undefined when not given). */
export function countryFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const code = value.trim().toUpperCase()
  if (!/^[A-Z]{2}$/.test(code)) throw usage('countryCode', { value })
  return code
}

/** A request's reference as the first argument of `requests <command>` (or a flag). */
export function referenceArgument(value: string | undefined, command: string): string {
  if (!value) throw usage('needsReference', { command })
  if (!/^RF-\d{4}-\d{4,}$/.test(value)) throw usage('notReference', { value })
  return value
}

/** --out: the file's full path, in a folder that exists. */
export function outFile(value: string | undefined, cwd: string): string {
  const out = path.resolve(cwd, required(value, 'out'))
  if (!fs.existsSync(path.dirname(out))) throw usage('outFolderMissing', { folder: path.dirname(out) })
  return out
}

/** A file or a folder given as an argument, and which of the two it is. */
export function fileOrFolder(given: string, cwd: string): { source: string; kind: 'file' | 'folder' } {
  const source = path.resolve(cwd, given)
  try {
    return { source, kind: fs.statSync(source).isDirectory() ? 'folder' : 'file' }
  } catch {
    throw usage('noFileOrFolder', { path: source })
  }
}

// ---- commander: one table of options per command, its values typed from the table ----

/**
 * One option of a command: a string (repeatable with `multiple`) or a flag. `help` is its message
 * under `cli.commandHelp.option.` (with `choices` as its {{list}}), shown in --ui-lang by `--help`.
 */
export type OptionSpec =
  | { readonly type: 'string'; readonly multiple?: boolean; readonly value?: string; readonly help: string; readonly choices?: ReadonlyArray<string> }
  | { readonly type: 'boolean'; readonly help: string }

export type OptionSpecs = { readonly [flag: string]: OptionSpec }

/** The values of a command's options, by flag name as typed (`dry-run`, not dryRun). */
export type ValuesOf<S extends OptionSpecs> = {
  -readonly [K in keyof S]?: S[K] extends { readonly type: 'boolean' } ? boolean : S[K] extends { readonly multiple: true } ? string[] : string
}

/** The option every command takes: machine-readable output on stdout. */
export const jsonOption = { json: { type: 'boolean', help: 'json' } } as const satisfies OptionSpecs

/** Where a command's output goes once its action has run. */
export type Finish = (output: Output) => void

/**
 * A leaf command: its options from `options`, at most `operands` arguments (beyond them: "Unexpected
 * argument"), and `run` with the values read back under their flag names. `summary` is its message
 * under `cli.commandHelp.command.`.
 */
export function leaf<S extends OptionSpecs>(
  parent: Command,
  finish: Finish,
  spec: { readonly name: string; readonly summary: string; readonly args?: string; readonly operands?: number; readonly options: S },
  run: (values: ValuesOf<S>, positionals: string[]) => Promise<Output>,
): Command {
  const command = parent.command(spec.name).description(helpKey('command', spec.summary)).allowUnknownOption(false).allowExcessArguments(true)
  if (spec.args) for (const arg of spec.args.split(' ')) command.argument(arg)
  addOptions(command, spec.options)
  const limit = spec.operands ?? 0
  command.action(async () => {
    const positionals = command.args.slice()
    if (positionals.length > limit) throw usage('unexpectedArgument', { argument: positionals[limit]! })
    finish(await run(optionValues(command, spec.options), positionals))
  })
  return command
}

/**
 * A command group (`catalog`, `requests`, …): its subcommands, and for anything else the group's
 * own message (`Unknown command "catalog frob": use …`).
 */
export function group(parent: Command, name: string, summary: string, unknown: (sub: string | undefined) => string): Command {
  const command = parent.command(name).description(helpKey('command', summary)).allowUnknownOption(true).allowExcessArguments(true).argument('[command]').usage('<command> [options]')
  command.action(() => {
    const sub = command.args[0]
    throw new UsageError(unknown(sub), message('cli.usage.unknownSubcommand', { command: `${name} ${sub ?? ''}`.trim(), list: command.commands.map((c) => `${name} ${c.name()}`).join(', ') }))
  })
  return command
}

/**
 * A help text's message key, as commands and options keep it until `--help` asks for the words
 * (rendering them for every run would slow each command down for nothing). A list of choices rides
 * along after a newline.
 */
export function helpKey(kind: 'command' | 'option', name: string, choices?: ReadonlyArray<string>): string {
  return `cli.commandHelp.${kind}.${name}${choices ? `\n${choices.join(', ')}` : ''}`
}

/** Declares a table's options on a command. */
export function addOptions(command: Command, options: OptionSpecs): void {
  for (const [flag, option] of Object.entries(options)) {
    if (option.type === 'boolean') {
      command.option(`--${flag}`, helpKey('option', option.help))
    } else if (option.multiple) {
      command.option(`--${flag} <${option.value ?? 'value'}>`, helpKey('option', option.help, option.choices), (value: string, before: string[] | undefined) => [...(before ?? []), value])
    } else {
      command.option(`--${flag} <${option.value ?? 'value'}>`, helpKey('option', option.help, option.choices))
    }
  }
}

/** The words of a help key (see helpKey) in a language. */
export function helpWords(key: string, ui: UiLanguage): string {
  const [name = '', list] = key.split('\n', 2)
  return renderMessage(list === undefined ? { key: name } : { key: name, params: { list } }, ui)
}

/** Puts the words of every command's and option's help in place, in a language: before `--help` only. */
export function localizeHelp(command: Command, ui: UiLanguage): void {
  if (command.description().startsWith('cli.commandHelp.')) command.description(helpWords(command.description(), ui))
  for (const option of command.options) {
    if (option.description.startsWith('cli.commandHelp.')) option.description = helpWords(option.description, ui)
  }
  command.helpOption('-h, --help', renderMessage({ key: 'cli.commandHelp.option.help' }, ui))
  const titles = new Map(['usage', 'arguments', 'options', 'commands'].map((heading) => [`${heading.charAt(0).toUpperCase()}${heading.slice(1)}:`, renderMessage({ key: `cli.commandHelp.heading.${heading}` }, ui)]))
  command.configureHelp({ styleTitle: (title) => titles.get(title) ?? title })
  for (const sub of command.commands) localizeHelp(sub, ui)
}

/** A command's option values read back under their flag names. */
export function optionValues<S extends OptionSpecs>(command: Command, options: S): ValuesOf<S> {
  const given = command.opts<{ readonly [attribute: string]: unknown }>()
  const values = Object.create(null) as Record<string, unknown>
  for (const option of command.options) {
    const flag = option.long?.slice(2)
    if (flag === undefined || !Object.hasOwn(options, flag)) continue
    const value = given[option.attributeName()]
    // `--no-send` is commander's negation of `send` (true unless given): here it is a flag of its own.
    if (option.negate) {
      if (value === false) values[flag] = true
    } else if (value !== undefined) {
      values[flag] = value
    }
  }
  return values as ValuesOf<S>
}
