/**
 * An IMAP connection as every part of Rightful opens one (the Sent-folder copy, the reply sync,
 * discovery): TLS verified against the system's roots plus the one certificate the user chose to
 * trust, TLS 1.2 or newer, no logging, no IDLE. imapflow is loaded on the first connection only.
 */
import { rootCertificates } from 'node:tls'
import type { ImapFlow } from 'imapflow'
import type { MailSecurity } from './mail-settings'

/** What a connection needs to log in. */
export type ImapLogin = {
  readonly host: string
  readonly port: number
  readonly security: MailSecurity
  readonly user: string
  readonly password: string
  readonly trustedCertificate: string | null
}

/** A client for `login`, not yet connected; `socketTimeout` in milliseconds. */
export async function createImapClient(login: ImapLogin, socketTimeout: number): Promise<ImapFlow> {
  const { ImapFlow } = await import('imapflow')
  const client = new ImapFlow({
    host: login.host,
    port: login.port,
    secure: login.security === 'tls',
    doSTARTTLS: login.security === 'starttls' ? true : login.security === 'none' ? false : undefined,
    auth: { user: login.user, pass: login.password },
    logger: false,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout,
    disableAutoIdle: true,
    tls: {
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
      ...(login.trustedCertificate ? { ca: [...rootCertificates, login.trustedCertificate] } : {}),
    },
  })
  // A late socket error after logout must not become an unhandled 'error' event.
  client.on('error', () => undefined)
  return client
}
