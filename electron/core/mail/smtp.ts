/**
 * The SMTP client: one message to one recipient through the user's own server, with an honest
 * outcome. `accepted` only after the server's 2xx reply to the message data; `failed` when the
 * server refused, or the connection failed before any message data left; `uncertain` when the
 * connection broke after the data had started to go out, so the server may have taken it.
 */
import { Readable } from 'node:stream'
import { rootCertificates } from 'node:tls'
import type SMTPConnectionType from 'nodemailer/lib/smtp-connection'
import type { MailSecurity } from './mail-settings'
import type { SmtpFailure } from './mail-types'
import { message, type MessageParam } from '../shared/message'
import { renderMessage } from '../messages/render'

export type { SmtpFailure } from './mail-types'

export type SmtpConfig = {
  readonly host: string
  readonly port: number
  readonly security: MailSecurity
  /** null: no login. */
  readonly user: string | null
  readonly password: string | null
  /** A PEM certificate trusted besides the system's authorities (a self-hosted server). */
  readonly trustedCertificate: string | null
  /** Milliseconds; the defaults suit a slow line. */
  readonly timeouts?: { readonly connection?: number; readonly greeting?: number; readonly socket?: number }
}

export type SmtpOutcome =
  | { readonly kind: 'accepted'; readonly response: string; readonly serverMessageId: string | null }
  | { readonly kind: 'failed'; readonly failure: SmtpFailure }
  | { readonly kind: 'uncertain'; readonly failure: SmtpFailure }

type NodemailerError = Error & {
  code?: string
  originalCode?: string
  command?: string
  response?: string
  responseCode?: number
  timeoutType?: string
}

/** Where the server is, for messages: "smtp.example.org:587". */
export function serverLabel(config: Pick<SmtpConfig, 'host' | 'port'>): string {
  return `${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`
}

export function connectionOptions(config: SmtpConfig) {
  return {
    host: config.host,
    port: config.port,
    secure: config.security === 'tls',
    requireTLS: config.security === 'starttls',
    ignoreTLS: config.security === 'none',
    connectionTimeout: config.timeouts?.connection ?? 30_000,
    greetingTimeout: config.timeouts?.greeting ?? 30_000,
    socketTimeout: config.timeouts?.socket ?? 120_000,
    socketCloseTimeout: 2_000,
    logger: false,
    debug: false,
    tls: {
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2' as const,
      ...(config.trustedCertificate ? { ca: [...rootCertificates, config.trustedCertificate] } : {}),
    },
  }
}

/** The server's reply without the protocol's line noise. */
function cleanResponse(response: string | undefined): string | null {
  const text = response?.replace(/\r?\n/g, ' ').replace(/\s+/g, ' ').trim()
  return text ? text.slice(0, 1000) : null
}

/** Turns nodemailer's error into a failure the user can act on. */
export function describeFailure(error: unknown, config: Pick<SmtpConfig, 'host' | 'port' | 'user'>): SmtpFailure {
  const e = (error ?? {}) as NodemailerError
  const server = serverLabel(config)
  const response = cleanResponse(e.response)
  const responseCode = typeof e.responseCode === 'number' && e.responseCode >= 200 && e.responseCode < 600 ? e.responseCode : null
  const command = e.command ?? null
  const base = { responseCode, response, command }
  const said: MessageParam = response ? message('smtp.said', { response }) : ''
  /** The failure's words: English as `message` (as Rightful has always said it), and as a key and parameters. */
  const words = (key: string, params: Readonly<Record<string, MessageParam>>) => {
    const detail = message(`smtp.${key}`, params)
    return { message: renderMessage(detail, 'en'), detail }
  }

  if (e.code === 'EAUTH') {
    if (!response && /credentials/i.test(e.message)) {
      return { ...base, code: 'SMTP_PASSWORD_MISSING', ...words('passwordUnknown', { user: config.user ?? message('smtp.theUser'), server }), temporary: false }
    }
    return {
      ...base,
      code: 'SMTP_AUTH_FAILED',
      ...words('authFailed', { server, said }),
      temporary: responseCode !== null && responseCode < 500,
    }
  }
  if (e.code === 'ETLS') {
    return {
      ...base,
      code: 'SMTP_TLS_FAILED',
      ...words('tls', { server, why: `${e.message.replace(/: .*$/, '')}${response ? `; ${response}` : ''}` }),
      temporary: false,
    }
  }
  if (e.code === 'EMESSAGE' && !responseCode && /size/i.test(e.message)) {
    return { ...base, code: 'MESSAGE_TOO_LARGE', ...words('tooLarge', { server, why: e.message }), temporary: false }
  }
  if (responseCode !== null && responseCode >= 400) {
    const step: MessageParam = command && command !== 'CONN' ? message('smtp.at', { command }) : ''
    const temporary = responseCode < 500
    return {
      ...base,
      code: 'SMTP_REJECTED',
      ...words(temporary ? 'rejectedTemporary' : 'rejected', { server, step, said }),
      temporary,
    }
  }
  // Certificate problems can surface as socket errors during the TLS handshake.
  const original = e.originalCode ?? ''
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL/i.test(original) || /certificate|ssl|tls/i.test(e.message)) {
    return { ...base, code: 'SMTP_TLS_FAILED', ...words('tlsRaw', { server, why: e.message }), temporary: false }
  }
  const reason: MessageParam =
    e.code === 'ETIMEDOUT'
      ? message('smtp.reason.timeout')
      : original === 'ECONNREFUSED' || /ECONNREFUSED/.test(e.message)
        ? message('smtp.reason.refused')
        : e.code === 'EDNS' || original === 'ENOTFOUND'
          ? message('smtp.reason.notFound')
          : e.message || message('smtp.reason.failed')
  return { ...base, code: 'SMTP_CONNECTION_FAILED', ...words('connection', { server, reason, said }), temporary: true }
}

/** The network's own words for a broken line: "Connection closed unexpectedly", "Timeout". */
function rawReason(error: unknown): string {
  const e = (error ?? {}) as NodemailerError
  if (e.code === 'ETIMEDOUT') return 'no answer in time'
  return (e.message || 'connection lost').replace(/:.*$/, '').replace(/\.$/, '')
}

/** A readable that reports when the connection first asks for the message data (after DATA's 354). */
function watchedStream(bytes: Uint8Array, onFirstRead: () => void): Readable {
  let started = false
  let offset = 0
  const chunk = 64 * 1024
  return new Readable({
    read() {
      if (!started) {
        started = true
        onFirstRead()
      }
      if (offset >= bytes.byteLength) {
        this.push(null)
        return
      }
      const end = Math.min(offset + chunk, bytes.byteLength)
      this.push(Buffer.from(bytes.buffer, bytes.byteOffset + offset, end - offset))
      offset = end
    },
  })
}

/**
 * Sends `bytes` exactly as they are (the .eml Rightful archived) to `to`, with `from` as the
 * envelope sender. Never throws: every outcome is one of the three kinds.
 */
export async function sendSmtp(config: SmtpConfig, envelope: { from: string; to: string }, bytes: Uint8Array): Promise<SmtpOutcome> {
  // nodemailer is loaded on the first send, not when the core starts.
  const SMTPConnection = (await import('nodemailer/lib/smtp-connection')).default as typeof SMTPConnectionType
  return new Promise((resolve) => {
    let settled = false
    /** True once the message data began to flow: from then on a broken line leaves it uncertain. */
    let dataStarted = false
    const connection = new SMTPConnection(connectionOptions(config))
    const finish = (outcome: SmtpOutcome) => {
      if (settled) return
      settled = true
      if (outcome.kind === 'accepted') {
        try {
          connection.quit()
        } catch {
          connection.close()
        }
      } else {
        connection.close()
      }
      resolve(outcome)
    }
    const fail = (error: unknown) => {
      const failure = describeFailure(error, config)
      // A reply from the server after the data is definite: it refused. Anything else after the
      // data started (a drop, a timeout) leaves the server's decision unknown.
      const definite = failure.responseCode !== null && failure.responseCode >= 400
      if (dataStarted && !definite) {
        finish({
          kind: 'uncertain',
          failure: {
            ...failure,
            code: 'SEND_UNCERTAIN',
            message: `The connection to ${serverLabel(config)} broke (${rawReason(error)}) after the e-mail had gone out, before the server confirmed it. The server may have accepted it: check your Sent folder before sending it again.`,
          },
        })
      } else {
        finish({ kind: 'failed', failure })
      }
    }
    connection.on('error', fail)
    connection.connect((connectError) => {
      if (connectError) return fail(connectError)
      const afterLogin = () => {
        const stream = watchedStream(bytes, () => (dataStarted = true))
        connection.send({ from: envelope.from, to: [envelope.to], size: bytes.byteLength }, stream, (sendError, info) => {
          if (sendError) return fail(sendError)
          if (!info || (info.rejected?.length ?? 0) > 0 || (info.accepted?.length ?? 0) === 0) {
            return fail(Object.assign(new Error('The recipient was refused'), { code: 'EENVELOPE', response: info?.rejectedErrors?.[0]?.response, responseCode: info?.rejectedErrors?.[0]?.responseCode, command: 'RCPT TO' }))
          }
          finish({ kind: 'accepted', response: cleanResponse(info.response) ?? '250', serverMessageId: info.serverMessageId ?? null })
        })
      }
      if (!config.user) return afterLogin()
      connection.login({ user: config.user, pass: config.password ?? '' }, (loginError) => {
        if (loginError) return fail(loginError)
        afterLogin()
      })
    })
  })
}

/** Connects and logs in as a send would, then says goodbye: null when all is well. */
export async function verifySmtp(config: SmtpConfig): Promise<SmtpFailure | null> {
  const nodemailer = (await import('nodemailer')).default
  const transporter = nodemailer.createTransport({
    ...connectionOptions(config),
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
  })
  try {
    await transporter.verify()
    return null
  } catch (error) {
    return describeFailure(error, config)
  } finally {
    transporter.close()
  }
}
