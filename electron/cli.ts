/**
 * `rightful`: the same core as the desktop app, from a terminal. Storage goes to the app's data
 * folder, or to RIGHTFUL_DATA_DIR. Bad arguments: a message on stderr and exit code 2. With --json,
 * stdout holds JSON only. The commands live in electron/cli/, one file per group, on commander
 * (electron/cli/program.ts puts them together); this file runs one command line.
 *
 * SIGINT (Ctrl-C) and SIGTERM stop a command at once, with exit code 130 or 143: a long operation
 * (reading a policy, an import, a backup, a restore, an IMAP sync) is stopped at its next
 * checkpoint, which it reaches every few milliseconds, with nothing saved (every write is atomic
 * and comes after the last checkpoint); any other command is between two atomic writes whenever
 * a signal can be heard, and exits there.
 */
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { version } from '../package.json'
import type { Api } from './core/api/create-api'
import { renderMessage } from './core/messages/render'
import { uiLanguageFromEnvironment, uiLanguages, type UiLanguage } from './core/messages/ui-languages'
import type { Message } from './core/shared/message'
import { memoryDocument, withDocument } from './adapters/node/cli-mail'
import { cliSecrets, promptHidden } from './adapters/node/secrets'
import type { NoticeBoard } from './core/shared/notices'
import { apiChannels, operationChannels } from './core/api/channels'
import type { OperationHold, ProgressSink } from './core/shared/operation'
import { DomainFailure, localizeHelp, oneOf, stopSignals, usage, UsageError, outWords, usageWords, type CliIo, type MakeApi, type Output, type StopSignal } from './cli/shared'

export { stopSignals, type CliIo, type StopSignal }

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

/**
 * `--ui-lang <lang>` (or `--ui-lang=<lang>`) anywhere on the command line: the language of the
 * core's messages, else the environment's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). Taken out of the
 * arguments, whatever the command.
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
      if (given === undefined || given.startsWith('--')) throw usage('uiLangNeedsValue', { list: uiLanguages.join(', ') })
      i += 1
    } else if (arg.startsWith('--ui-lang=')) {
      given = arg.slice('--ui-lang='.length)
    } else {
      rest.push(arg)
    }
  }
  const ui = given === undefined ? uiLanguageFromEnvironment(env) : oneOf(given, 'ui-lang', uiLanguages)
  return { argv: rest, ui }
}

/** The line after a usage error: where the commands and options are told. */
function seeHelp(ui: UiLanguage): string {
  return renderMessage({ key: 'cli.usage.seeHelp' }, ui)
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

/** An Api whose calls wait for the core that `opening` resolves to (and fail as it fails). */
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
    // No language was chosen: the environment's says what is wrong with the choice.
    const ui = uiLanguageFromEnvironment(io.env)
    io.stderr(`rightful: ${error instanceof UsageError ? usageWords(error, ui) : (error as Error).message}\n${seeHelp(ui)}\n`)
    return 2
  }
  const { argv, ui } = chosen
  /** The core's words in the chosen language: its message's key where it gave one, else its English. */
  const words = (said: { readonly message: string; readonly detail?: Message }) => (ui === 'en' || !said.detail ? said.message : renderMessage(said.detail, ui))
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    io.stdout(json ? `${JSON.stringify({ version })}\n` : `${version}\n`)
    return 0
  }
  let api: Api | null = null
  let notices: NoticeBoard | null = null
  /** Progress in the chosen language, like every other word of the core. */
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
  const makeApi: MakeApi = (out, pick, mail, scope = 'all') => {
    if (!api && scope !== 'all' && scope !== 'letter') {
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
    if (!api && scope === 'letter') {
      // A new request's letter: only what a letter opens (core/api/letter-api.ts), on ports without conf.
      const opening = (async () => {
        const [{ openLetterApi }, { createLetterPorts }, { noFileSink, pathSink }, { resolveDataDir }] = await Promise.all([
          import('./core/api/letter-api'),
          import('./adapters/node/letter-ports'),
          import('./adapters/node/file-sinks'),
          import('./adapters/node/data-dir'),
        ])
        const ports = createLetterPorts({
          dataDir: resolveDataDir(io.env),
          resourcesRoot: options.resourcesRoot,
          files: out ? pathSink(out) : noFileSink,
          ...(io.progress ? { progress: progressIn(io.progress) } : {}),
          ...(hold ? { hold } : {}),
        })
        notices = ports.notices
        return openLetterApi(ports)
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
          secrets: cliSecrets({ env: io.env, prompt: io.prompt ?? null, question: outWords(ui, 'SMTP password (not shown, not stored): ', 'smtpPasswordPrompt') }),
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
    io.stderr(`rightful: ${message ? outWords(ui, `stopped by ${signal}: ${message}`, 'stoppedBecause', { signal, message }) : outWords(ui, `stopped by ${signal}.`, 'stopped', { signal })}\n`)
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
        io.stderr(`rightful: ${outWords(ui, `notice: ${words(notice)}\n  (\`rightful notices dismiss ${notice.id}\` when you have dealt with it)`, 'notice', { notice: words(notice), id: notice.id })}\n`)
      }
    } catch (error) {
      io.stderr(`rightful: ${outWords(ui, `the notices could not be read: ${(error as Error).message}`, 'noticesUnreadable', { reason: (error as Error).message })}\n`)
    }
  }
  try {
    const run = async (): Promise<Output | null> => {
      // Commander and the commands are loaded only now: `--version` never needs them.
      const { buildProgram, commandNames, parseCommandLine } = await import('./cli/program')
      let output: Output | null = null
      const program = buildProgram({ io, makeApi, ui }, (given) => {
        output = given
      })
      // `rightful --help` (or help with no command before it): every command on one page; help
      // after a command: that command's, from commander.
      if (argv.includes('--help') || argv.includes('-h')) {
        localizeHelp(program, ui)
        if (!commandNames(program).has(argv[0] ?? '')) {
          // The page of every command, in --ui-lang (cli-help.ts).
          const { helpText } = await import('./cli-help')
          io.stdout(`${helpText(ui)}\n`)
          return null
        }
      }
      if ((await parseCommandLine(program, argv)) === 'help') return null
      if (output === null) throw new Error('The command printed nothing.')
      return output
    }
    const outcome = await Promise.race([run().then((output) => ({ output })), interrupted.then((signal) => ({ signal }))])
    if ('signal' in outcome) {
      tellNotices()
      return stopped(outcome.signal, null)
    }
    const { output } = outcome
    tellNotices()
    // Help was printed: nothing else to say.
    if (output === null) return 0
    io.stdout(json ? `${JSON.stringify(output.json, null, 2)}\n` : `${output.text}\n`)
    return output.exitCode ?? 0
  } catch (error) {
    tellNotices()
    if (stoppedBy && error instanceof DomainFailure && error.error.code === 'CANCELLED') return stopped(stoppedBy, words(error.error))
    if (error instanceof UsageError || error instanceof z.ZodError) {
      io.stderr(`rightful: ${error instanceof UsageError ? usageWords(error, ui) : error.message}\n${seeHelp(ui)}\n`)
      return 2
    }
    if (error instanceof DomainFailure) {
      if (json) io.stdout(`${JSON.stringify({ error: error.error }, null, 2)}\n`)
      const hint = error.error.code === 'NO_CONTACT' ? `\n${outWords(ui, 'Add it with `rightful catalog add-contact <company> --email <address>`.', 'addContactHint')}` : ''
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
