/** `rightful backup` and `rightful restore`: everything (but passwords) in one file, and back. */
import fs from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { formatBytes } from '../core/backup/format'
import { renderMessage } from '../core/messages/render'
import type { UiLanguage } from '../core/messages/ui-languages'
import { message } from '../core/shared/message'
import { flagProblem, jsonOption, leaf, outFile, outWords, unwrap, usage, DomainFailure, UsageError, type CliContext, type CliIo, type Finish } from './shared'

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

/** "3 requests", "1 reply": a count with its noun in the --ui-lang language (for the messages of other languages only). */
function counted(ui: UiLanguage, noun: 'requests' | 'replies' | 'files', count: number): string {
  return ui === 'en' ? '' : renderMessage(message(`cli.out.count.${noun}`, { count }), ui)
}

/** Registers `backup` and `restore`. */
export function registerBackup(program: Command, ctx: CliContext, finish: Finish): void {
  const { io, makeApi, ui } = ctx
  leaf(program, finish, { name: 'backup', summary: 'backup', options: { out: { type: 'string', value: 'file', help: 'out' }, ...passphraseOption, ...jsonOption } }, async (values) => {
    const out = outFile(values.out, io.cwd)
    const passphrase = passphraseFrom(values['passphrase-env'], io)
    const result = await makeApi(out).call('backup:create', { passphrase })
    if (!result.ok && result.error.code === 'INVALID_INPUT') {
      const issue = result.error.issues?.[0]
      throw issue?.path === 'passphrase' ? flagProblem('passphrase-env', issue) : new UsageError(result.error.message, result.error.detail)
    }
    const made = unwrap(result)
    for (const skipped of made.skipped) io.stderr(`rightful: ${outWords(ui, `left out ${skipped.path}: ${skipped.reason}`, 'backup.leftOut', { path: skipped.path, reason: skipped.reason })}\n`)
    return {
      json: { path: made.path, requests: made.requests, replies: made.replies, bytes: made.bytes },
      text: outWords(
        ui,
        `Backed up ${made.requests} request${made.requests === 1 ? '' : 's'}, ${made.replies} repl${made.replies === 1 ? 'y' : 'ies'} and ${made.attachments} file${made.attachments === 1 ? '' : 's'} kept with them to ${made.path} (${formatBytes(made.bytes)}${made.encrypted ? ', encrypted' : ''}; no passwords).`,
        made.encrypted ? 'backup.doneEncrypted' : 'backup.done',
        { requests: counted(ui, 'requests', made.requests), replies: counted(ui, 'replies', made.replies), files: counted(ui, 'files', made.attachments), path: String(made.path), size: formatBytes(made.bytes) }, 
      ),
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
        const hint = 'Add --replace to replace it; what it holds now is then kept in a before-restore-… folder inside it.'
        throw new DomainFailure({ ...result.error, message: `${result.error.message} ${hint}`, ...(result.error.detail ? { detail: message('cli.out.backup.notEmpty', { problem: result.error.detail }) } : {}) })
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
          outWords(
            ui,
            `Restored ${restored.requests} request${restored.requests === 1 ? '' : 's'}, ${restored.replies} repl${restored.replies === 1 ? 'y' : 'ies'} and ${restored.attachments} file${restored.attachments === 1 ? '' : 's'} from the backup of ${restored.createdAt.slice(0, 10)} into ${restored.dataDir}.`,
            'backup.restored',
            { requests: counted(ui, 'requests', restored.requests), replies: counted(ui, 'replies', restored.replies), files: counted(ui, 'files', restored.attachments), on: restored.createdAt.slice(0, 10), path: restored.dataDir },
          ),
          ...(restored.previousData ? [outWords(ui, `The data it replaced is kept in ${restored.previousData}.`, 'backup.previous', { path: restored.previousData })] : []),
          outWords(ui, 'Passwords are never in a backup: enter the mail server passwords again in the app.', 'backup.noPasswords'),
        ].join('\n'),
      }
    },
  )
}
