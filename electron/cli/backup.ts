/** `rightful backup` and `rightful restore`: everything (but passwords) in one file, and back. */
import fs from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { formatBytes } from '../core/backup/format'
import { flagProblem, jsonOption, leaf, outFile, unwrap, usage, DomainFailure, UsageError, type CliContext, type CliIo, type Finish } from './shared'

/** `--passphrase-env VAR`: the passphrase from that environment variable (never from the command line). */
function passphraseFrom(name: string | undefined, io: CliIo): string | null {
  if (name === undefined) return null
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw usage('passphraseEnvName', { name })
  const value = io.env[name]
  if (value === undefined || value === '') throw usage('passphraseEnvUnset', { name })
  return value
}

/** The option that names the passphrase's environment variable. */
const passphraseOption = { 'passphrase-env': { type: 'string', value: 'VAR', help: 'passphraseEnv' } } as const

/** Registers `backup` and `restore`. */
export function registerBackup(program: Command, ctx: CliContext, finish: Finish): void {
  const { io, makeApi } = ctx
  leaf(program, finish, { name: 'backup', summary: 'backup', options: { out: { type: 'string', value: 'file', help: 'out' }, ...passphraseOption, ...jsonOption } }, async (values) => {
    const out = outFile(values.out, io.cwd)
    const passphrase = passphraseFrom(values['passphrase-env'], io)
    const result = await makeApi(out).call('backup:create', { passphrase })
    if (!result.ok && result.error.code === 'INVALID_INPUT') {
      const issue = result.error.issues?.[0]
      throw issue?.path === 'passphrase' ? flagProblem('passphrase-env', issue) : new UsageError(result.error.message, result.error.detail)
    }
    const made = unwrap(result)
    for (const skipped of made.skipped) io.stderr(`rightful: left out ${skipped.path}: ${skipped.reason}\n`)
    return {
      json: { path: made.path, requests: made.requests, replies: made.replies, bytes: made.bytes },
      text: `Backed up ${made.requests} request${made.requests === 1 ? '' : 's'}, ${made.replies} repl${made.replies === 1 ? 'y' : 'ies'} and ${made.attachments} file${made.attachments === 1 ? '' : 's'} kept with them to ${made.path} (${formatBytes(made.bytes)}${made.encrypted ? ', encrypted' : ''}; no passwords).`,
    }
  })

  leaf(
    program,
    finish,
    { name: 'restore', summary: 'restore', args: '[file]', operands: 1, options: { ...passphraseOption, replace: { type: 'boolean', help: 'replace' }, ...jsonOption } },
    async (values, positionals) => {
      if (!positionals[0]) throw usage('restoreNeedsFile')
      const file = path.resolve(io.cwd, positionals[0])
      if (!fs.existsSync(file)) throw usage('noFile', { file })
      const passphrase = passphraseFrom(values['passphrase-env'], io)
      const api = makeApi(undefined, file)
      const chosen = unwrap(await api.call('backup:choose', {}))
      if (!chosen.token) throw usage('couldNotOpen', { file })
      if (chosen.encrypted && passphrase === null) throw usage('backupEncrypted')
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
    },
  )
}
