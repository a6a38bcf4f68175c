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
import { helpKey, UsageError, type CliContext, type Finish } from './shared'

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
      throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.')
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
  return new UsageError(sentences.join(' '))
}
