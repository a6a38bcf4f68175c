/**
 * A real SMTP server on 127.0.0.1 for tests (the smtp-server package), with faults the test
 * injects: a refusing greeting, replies at RCPT TO or after the data, a wrong password, a line
 * that breaks during the message, a server that never answers. Records every message it accepted,
 * byte for byte. TLS certificates are made with openssl into a temp folder.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { SMTPServer, type SMTPServerOptions } from 'smtp-server'
import { tempDir } from './ports'

export type SmtpFault =
  /** Answers the connection with this code instead of 220 (e.g. 421 "try later"). */
  | { readonly at: 'greeting'; readonly code: number; readonly text?: string }
  /** Refuses the recipient with this code (450 mailbox busy, 550 no such user). */
  | { readonly at: 'rcpt'; readonly code: number; readonly text?: string }
  /** Takes the whole message, then refuses it with this code. */
  | { readonly at: 'data'; readonly code: number; readonly text?: string }
  /** Breaks the connection as soon as the message data starts to arrive. */
  | { readonly at: 'drop-during-data' }
  /** Reads the whole message and never answers. */
  | { readonly at: 'hang-after-data' }

export type ReceivedMessage = { readonly from: string; readonly to: ReadonlyArray<string>; readonly raw: Buffer; readonly user: string | null }

export type TestSmtpServer = {
  readonly host: '127.0.0.1'
  port: number
  readonly received: ReceivedMessage[]
  /** Messages whose data began to arrive (also those a fault then dropped). */
  dataStarted: number
  /** The next sessions' fault; null: behave. */
  fault: SmtpFault | null
  /** A fault for messages to one recipient only (checked before `fault`); null: none. */
  faultFor: ((recipient: string) => SmtpFault | null) | null
  /** Called when data starts to arrive under 'hang-after-data' (the test decides what happens next). */
  onHang: (() => void) | null
  /** Breaks every open connection. */
  dropAll(): void
  close(): Promise<void>
}

export type Certificate = { readonly key: string; readonly cert: string; readonly dir: string }

/** Why TLS tests cannot run here, or null when openssl is there. */
export function opensslMissing(): string | null {
  const probe = spawnSync('openssl', ['version'], { encoding: 'utf8' })
  return probe.status === 0 ? null : 'openssl is not installed (apt-get install openssl), so no test certificate can be made'
}

/** A self-signed certificate for 127.0.0.1 and localhost, valid for two days. */
export function makeCertificate(commonName = 'localhost'): Certificate {
  const dir = tempDir('rightful-cert-')
  const key = path.join(dir, 'key.pem')
  const cert = path.join(dir, 'cert.pem')
  execFileSync(
    'openssl',
    [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', key, '-out', cert, '-days', '2', '-subj', `/CN=${commonName}`,
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'pipe' },
  )
  return { key: fs.readFileSync(key, 'utf8'), cert: fs.readFileSync(cert, 'utf8'), dir }
}

/** A port nobody listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

function smtpError(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code })
}

export async function startSmtpServer(
  options: {
    /** Required login; none: the server takes mail without one. */
    auth?: { user: string; pass: string }
    /** 'tls': TLS from the first byte; 'starttls': offers STARTTLS; none: plain text only. */
    tls?: { mode: 'tls' | 'starttls'; certificate: Certificate }
    fault?: SmtpFault | null
  } = {},
): Promise<TestSmtpServer> {
  const received: ReceivedMessage[] = []
  const state: TestSmtpServer = {
    host: '127.0.0.1',
    port: 0,
    received,
    dataStarted: 0,
    fault: options.fault ?? null,
    faultFor: null,
    onHang: null,
    dropAll: () => {
      for (const connection of server.connections) (connection as unknown as { _socket: net.Socket })._socket.destroy()
    },
    close: () =>
      new Promise<void>((resolve) => {
        state.dropAll()
        server.close(() => resolve())
      }),
  }
  const serverOptions: SMTPServerOptions = {
    logger: false,
    banner: 'Rightful test server',
    closeTimeout: 100,
    secure: options.tls?.mode === 'tls',
    ...(options.tls ? { key: options.tls.certificate.key, cert: options.tls.certificate.cert } : { hideSTARTTLS: true }),
    authMethods: ['PLAIN', 'LOGIN'],
    allowInsecureAuth: true,
    authOptional: !options.auth,
    // Without a certificate of its own the server offers no STARTTLS at all (its built-in one has expired).
    disabledCommands: [...(options.auth ? [] : ['AUTH']), ...(options.tls ? [] : ['STARTTLS'])],
    onConnect(_session, callback) {
      const fault = state.fault
      if (fault?.at === 'greeting') return callback(smtpError(fault.code, fault.text ?? 'Too busy, try again later'))
      callback()
    },
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) return callback(null, { user: auth.username })
      return callback(smtpError(535, '5.7.8 Authentication credentials invalid'))
    },
    onRcptTo(address, _session, callback) {
      const fault = state.faultFor?.(address.address) ?? state.fault
      if (fault?.at === 'rcpt') return callback(smtpError(fault.code, fault.text ?? (fault.code >= 500 ? '5.1.1 No such user here' : '4.2.1 Mailbox busy, try later')))
      callback()
    },
    onData(stream, session, callback) {
      const fault = state.faultFor?.(session.envelope.rcptTo[0]?.address ?? '') ?? state.fault
      const chunks: Buffer[] = []
      let first = true
      stream.on('data', (chunk: Buffer) => {
        if (first) {
          first = false
          state.dataStarted += 1
          if (fault?.at === 'drop-during-data') {
            state.dropAll()
            return
          }
          if (fault?.at === 'hang-after-data') state.onHang?.()
        }
        chunks.push(chunk)
      })
      stream.on('end', () => {
        if (fault?.at === 'drop-during-data' || fault?.at === 'hang-after-data') return
        if (fault?.at === 'data') return callback(smtpError(fault.code, fault.text ?? (fault.code >= 500 ? '5.7.1 Message refused as spam' : '4.3.0 Try again later')))
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
          user: typeof session.user === 'string' ? session.user : null,
        })
        callback(null, `2.0.0 Ok: queued as TEST${received.length}`)
      })
    },
  }
  const server = new SMTPServer(serverOptions)
  server.on('error', () => undefined)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  state.port = (server.server.address() as net.AddressInfo).port
  return state
}
