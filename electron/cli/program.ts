/**
 * The `rightful` program on commander: each command group registers its commands from its own
 * file; this one puts them together and says how a command line that fits none is refused.
 */
import { Command, CommanderError } from 'commander'
import { registerAuthorities } from './authorities'
import { registerBackup } from './backup'
import { registerBulk } from './bulk'
import { registerCatalog } from './catalog'
import { registerDeadline } from './deadline'
import { registerDiscover } from './discover'
import { registerDraft } from './draft'
import { registerNotices } from './notices'
import { registerRedact } from './redact'
import { registerReplies } from './replies'
import { registerRequests } from './requests'
import { registerSend } from './send'
import { message, type Message } from '../core/shared/message'
import { helpKey, usage, UsageError, type CliContext, type Finish } from './shared'

/**
 * The program for one run. Commander parses; each command's action checks its values and hands its
 * output to `finish`. Commander's own refusals become UsageErrors (see `usageErrorOf`).
 */
export function buildProgram(ctx: CliContext, finish: Finish): Command {
  const program = new Command('rightful')
    .description(helpKey('command', 'program'))
    // Each command reads its own options, after its name: `bulk --company …` and `bulk resume --smtp …` differ.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: (text) => ctx.io.stdout(text), writeErr: () => {}, outputError: () => {} })
    .helpCommand(false)
    .usage('<command> [options]')
  registerCatalog(program, ctx, finish)
  registerDraft(program, ctx, finish)
  registerDeadline(program, ctx, finish)
  registerRequests(program, ctx, finish)
  registerRedact(program, ctx, finish)
  registerBackup(program, ctx, finish)
  registerSend(program, ctx, finish)
  registerBulk(program, ctx, finish)
  registerDiscover(program, ctx, finish)
  registerReplies(program, ctx, finish)
  registerAuthorities(program, ctx, finish)
  registerNotices(program, ctx, finish)
  // Anything else: not a command (the first word), or none at all.
  program
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .argument('[command]')
    .action(() => {
      const command = program.args[0]
      throw command ? usage('unknownCommand', { command }) : usage('noCommand')
    })
  return program
}

/** The names of the program's commands (`catalog`, `draft`, …). */
export function commandNames(program: Command): ReadonlySet<string> {
  return new Set(program.commands.map((command) => command.name()))
}

/**
 * Runs the command line through the program: 'help' when commander printed a help text; a refused
 * command line throws a UsageError.
 */
export async function parseCommandLine(program: Command, argv: ReadonlyArray<string>): Promise<'help' | 'ran'> {
  try {
    await program.parseAsync(argv, { from: 'user' })
    return 'ran'
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error
    const refused = usageErrorOf(error)
    if (refused) throw refused
    return 'help'
  }
}

/**
 * Commander's refusal of a command line as a UsageError in the CLI's words (a sentence, capital
 * first, full stop); null for the help it printed, which is no error.
 */
export function usageErrorOf(error: CommanderError): UsageError | null {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help') return null
  // "error: unknown option '--jsn'\n(Did you mean --json?)": each line a sentence of its own.
  const sentences = error.message
    .replace(/^error: /, '')
    .split('\n')
    .map((line) => line.trim().replace(/^\((.*)\)$/, '$1'))
    .filter((line) => line.length > 0)
    .map((line) => `${line.charAt(0).toUpperCase()}${line.slice(1)}${/[.!?]$/.test(line) ? '' : '.'}`)
  return new UsageError(sentences.join(' '), commanderMessage(error))
}

/** Commander's refusals the CLI says in its own words, by commander's code: the pattern of its English and the message's parameters. */
const commanderRefusals: ReadonlyMap<string, { readonly pattern: RegExp; readonly key: string; readonly params: ReadonlyArray<string> }> = new Map([
  ['commander.unknownOption', { pattern: /^error: unknown option '(.*)'/, key: 'unknownOption', params: ['option'] }],
  ['commander.unknownCommand', { pattern: /^error: unknown command '(.*)'/, key: 'unknownCommand', params: ['command'] }],
  ['commander.missingArgument', { pattern: /^error: missing required argument '(.*)'/, key: 'missingArgument', params: ['argument'] }],
  ['commander.optionMissingArgument', { pattern: /^error: option '(.*)' argument missing/, key: 'optionMissingArgument', params: ['option'] }],
  ['commander.missingMandatoryOptionValue', { pattern: /^error: required option '(.*)' not specified/, key: 'requiredOption', params: ['option'] }],
  ['commander.conflictingOption', { pattern: /^error: (?:option|environment variable) '(.*)' cannot be used with (?:option|environment variable) '(.*)'/, key: 'conflictingOption', params: ['option', 'other'] }],
  ['commander.excessArguments', { pattern: /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)/, key: 'excessArguments', params: ['command', 'expected', 'got'] }],
])

/**
 * The message of a commander refusal (its suggestion, "Did you mean --json?", after it), or
 * nothing where commander's words are not one of the known shapes (then its English is shown).
 */
export function commanderMessage(error: CommanderError): Message | undefined {
  const refusal = commanderRefusals.get(error.code)
  const found = refusal?.pattern.exec(error.message)
  if (!refusal || !found) return undefined
  const params = Object.create(null) as Record<string, string | number>
  refusal.params.forEach((name, i) => {
    const value = found[i + 1]
    if (value !== undefined) params[name] = /^\d+$/.test(value) ? Number(value) : value
  })
  // "too many arguments" of the program itself names no command.
  const key = refusal.key === 'excessArguments' && params.command === undefined ? 'excessArgumentsHere' : refusal.key
  const said = message(`cli.usage.${key}`, params)
  const suggestion = /\(Did you mean (.+)\?\)/.exec(error.message)
  return suggestion ? message('cli.usage.withSuggestion', { refusal: said, suggestion: suggestion[1]! }) : said
}
