/**
 * The mail server of one `rightful send`: `--smtp smtp://user@host:port` with `--tls`,
 * `--starttls` or `--plain`, held in memory for that run (the app's saved mail settings stay as
 * they are). The password never comes from the URL: RIGHTFUL_SMTP_PASSWORD or a prompt.
 */
import { smtpSettingsSchema, type MailSecurity, type SmtpSettings } from '../../core/mail/mail-settings'
import type { DocumentStore, DocumentStoreName, DocumentStores } from '../../core/api/ports'
import { zodIssueMessage } from '../../core/messages/errors'
import { renderMessage } from '../../core/messages/render'
import { message, type Message, type MessageParam } from '../../core/shared/message'

/**
 * Thrown for a bad --smtp value; the CLI reports it as a usage error in --ui-lang: `detail` is the
 * core message (`cli.usage.*` and its parameters), `message` its English.
 */
export class SmtpUrlError extends Error {
  constructor(readonly detail: Message) {
    super(renderMessage(detail))
  }
}

const refuse = (key: string, params?: Readonly<Record<string, MessageParam>>) => new SmtpUrlError(message(`cli.usage.${key}`, params))

export function smtpSettingsFromUrl(
  value: string,
  flags: { tls?: boolean; starttls?: boolean; plain?: boolean; from?: string; certificate?: string | null },
): SmtpSettings {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw refuse('smtpNotUrl', { value: value.slice(0, 500) })
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw refuse('smtpScheme')
  if (url.password) {
    throw refuse('smtpPasswordInUrl')
  }
  if ((url.pathname && url.pathname !== '/') || url.search || url.hash) throw refuse('smtpOnlyHost')
  const chosen = [flags.tls && 'tls', flags.starttls && 'starttls', flags.plain && 'none'].filter((x): x is MailSecurity => Boolean(x))
  if (chosen.length > 1) throw refuse('oneSecurity')
  const port = url.port ? Number(url.port) : undefined
  const security: MailSecurity = chosen[0] ?? (url.protocol === 'smtps:' || port === 465 ? 'tls' : 'starttls')
  const parsed = smtpSettingsSchema.safeParse({
    host: url.hostname,
    port: port ?? (security === 'tls' ? 465 : security === 'starttls' ? 587 : 25),
    security,
    user: url.username ? decodeURIComponent(url.username) : null,
    fromAddress: flags.from ?? null,
    trustedCertificate: flags.certificate ?? null,
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const flag = issue?.path[0] === 'fromAddress' ? 'from' : issue?.path[0] === 'trustedCertificate' ? 'ca' : 'smtp'
    throw refuse('flagProblem', { flag, problem: issue ? zodIssueMessage(issue) : message('issue.zod.invalid') })
  }
  return parsed.data
}

/** A document kept in memory only. */
export function memoryDocument(label: string, initial: Record<string, unknown>): DocumentStore {
  let document = structuredClone(initial)
  return {
    path: `(${label})`,
    read: () => structuredClone(document),
    write: (next) => {
      document = structuredClone(next)
    },
    update: (change) => {
      const { document: next, result } = change(structuredClone(document))
      if (next) document = structuredClone(next)
      return result
    },
    // One process only: nothing to share.
    locked: (step) => step(),
    moveAside: () => {
      document = {}
      return `(${label}, discarded)`
    },
    // This run's own settings, from the command line: nothing of them is written anywhere.
    setAside: () => `(${label}, not kept)`,
  }
}

/** The host's stores, with one document replaced by an in-memory one. */
export function withDocument(stores: DocumentStores, name: DocumentStoreName, document: DocumentStore): DocumentStores {
  return { open: (which) => (which === name ? document : stores.open(which)) }
}
