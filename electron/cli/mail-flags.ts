/**
 * The mail servers of one run, from the command line: --smtp and its flags (send, bulk), --imap and
 * its flags (replies sync, discover), and the passwords asked for on the terminal (never stored).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Api } from '../core/api/create-api'
import { smtpSettingsFromUrl, SmtpUrlError } from '../adapters/node/cli-mail'
import { cliSecrets } from '../adapters/node/secrets'
import { smtpPasswordSecret } from '../core/mail/mail-settings'
import { CoreError } from '../core/shared/result'
import type { UiLanguage } from '../core/messages/ui-languages'
import { outWords, unwrap, usage, UsageError, type CliIo, type OptionSpecs } from './shared'

/** --smtp and the flags that go with it. */
export const smtpOptions = {
  smtp: { type: 'string', value: 'smtp://user@host:port', help: 'smtp' },
  tls: { type: 'boolean', help: 'tls' },
  starttls: { type: 'boolean', help: 'starttls' },
  plain: { type: 'boolean', help: 'plain' },
  from: { type: 'string', value: 'address', help: 'from' },
  ca: { type: 'string', value: 'cert.pem', help: 'ca' },
} as const satisfies OptionSpecs

/** --imap and the flags that go with it. */
export const imapOptions = {
  imap: { type: 'string', value: 'imaps://user@host:port', help: 'imap' },
  tls: { type: 'boolean', help: 'tls' },
  starttls: { type: 'boolean', help: 'starttls' },
  plain: { type: 'boolean', help: 'plain' },
  mailbox: { type: 'string', value: 'INBOX', help: 'mailbox' },
} as const satisfies OptionSpecs

/** --smtp and its flags as this run's mail settings (in memory), or undefined when not given. */
export function smtpFlags(values: { smtp?: string; tls?: boolean; starttls?: boolean; plain?: boolean; from?: string; ca?: string }, cwd: string): Record<string, unknown> | undefined {
  if (values.smtp === undefined) {
    if (values.tls || values.starttls || values.plain || values.from !== undefined || values.ca !== undefined) throw usage('goWithSmtp')
    return undefined
  }
  let certificate: string | null = null
  if (values.ca !== undefined) {
    const file = path.resolve(cwd, values.ca)
    try {
      certificate = fs.readFileSync(file, 'utf8').trim()
    } catch (error) {
      throw usage('caUnreadable', { file, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message })
    }
  }
  try {
    return { version: 1, smtp: smtpSettingsFromUrl(values.smtp, { tls: values.tls, starttls: values.starttls, plain: values.plain, from: values.from, certificate }) }
  } catch (error) {
    if (error instanceof SmtpUrlError) throw new UsageError(error.message, error.detail)
    throw error
  }
}

/** The server and its password are known, or a usage error says what is missing (before anything is written). */
export async function requireSmtp(api: Api, io: CliIo): Promise<void> {
  const settings = unwrap(await api.call('mail:getSmtp', {}))
  if (!settings.smtp) throw usage('noSmtpSaved')
  if (settings.smtp.user && !settings.hasPassword) {
    try {
      await cliSecrets({ env: io.env, prompt: null }).get(smtpPasswordSecret)
    } catch (error) {
      if (error instanceof CoreError) throw new UsageError(error.message, error.detail)
      throw error
    }
    throw usage('noSmtpPassword')
  }
}

/** `--imap imap://user@host:port` (or imaps://): the server of one sync, never saved. */
export function imapAccountFromUrl(value: string, flags: { tls?: boolean; starttls?: boolean; plain?: boolean; mailbox?: string }) {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw usage('imapNotUrl', { value })
  }
  if (url.protocol !== 'imap:' && url.protocol !== 'imaps:') throw usage('imapScheme')
  if (url.password) throw usage('imapPasswordInUrl')
  if (!url.username) throw usage('imapNeedsUser')
  if ((url.pathname && url.pathname !== '/') || url.search || url.hash) throw usage('imapOnlyHost')
  const chosen = [flags.tls && 'tls', flags.starttls && 'starttls', flags.plain && 'none'].filter((x): x is 'tls' | 'starttls' | 'none' => Boolean(x))
  if (chosen.length > 1) throw usage('oneSecurity')
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

/** The IMAP password: RIGHTFUL_IMAP_PASSWORD, else asked for on the terminal (never stored). */
export async function imapPassword(io: CliIo, user: string, ui: UiLanguage = 'en'): Promise<string> {
  const fromEnv = io.env.RIGHTFUL_IMAP_PASSWORD
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv
  if (!io.prompt) throw usage('imapPasswordNeeded')
  const answer = await io.prompt(outWords(ui, `IMAP password for ${user} (not shown, not stored): `, 'imapPasswordPrompt', { user }))
  if (!answer) throw usage('noImapPassword')
  return answer
}

/** The IMAP server saved for replies, as this run's account (its password from the environment or a prompt). */
export async function savedImapLogin(api: Api, io: CliIo, ui: UiLanguage = 'en') {
  const saved = unwrap(await api.call('replies:imapSettings', {})).settings
  if (!saved) throw usage('noImapSaved')
  // The CLI keeps no passwords: the saved server's own login comes from the environment or a prompt.
  if (saved.useSmtpLogin || !saved.user) return null
  return {
    account: { host: saved.host, port: saved.port, security: saved.security, user: saved.user, mailbox: saved.mailbox, trustedCertificate: saved.trustedCertificate },
    password: await imapPassword(io, saved.user, ui),
  }
}
