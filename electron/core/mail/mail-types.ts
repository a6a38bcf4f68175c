/**
 * The shapes the mail API returns: pure types, shared with the renderer (which must not pull in
 * nodemailer, the letter renderer or Node's file system through a type import).
 */
import type { ErrorCode } from '../shared/result'
import type { SecretProtection } from '../shared/ports'
import type { RequestView } from '../requests/view'
import type { SentCopySettings, SmtpSettings } from './mail-settings'

export const outboxStates = ['queued', 'sending', 'sent', 'failed', 'uncertain'] as const
export type OutboxState = (typeof outboxStates)[number]

import type { Message } from '../shared/message'

/** What went wrong, as the server (or the network) said it. */
export type SmtpFailure = {
  readonly code: ErrorCode
  readonly message: string
  /** The server's reply code (421, 450, 535, 550 …), when it sent one. */
  readonly responseCode: number | null
  /** The server's reply, word for word, when it sent one. */
  readonly response: string | null
  /** The SMTP step: CONN, EHLO, STARTTLS, AUTH PLAIN, MAIL FROM, RCPT TO, DATA … */
  readonly command: string | null
  /** A 4xx reply or a network problem: the same message may go through later. */
  readonly temporary: boolean
  /** `message` as a key and parameters (core/messages), for the hosts to say in the user's language. */
  readonly detail?: Message
}

/** The copy in the IMAP Sent folder: best effort, with its own state. */
export type SentCopyStatus = {
  readonly state: 'off' | 'pending' | 'copied' | 'failed'
  readonly mailbox: string | null
  readonly at: string | null
  readonly error: string | null
  /** `error` as a key and parameters (core/messages), for the hosts to say in the user's language. */
  readonly detail?: Message | null
}

/** One request's outbox entry as the UI and the CLI see it. */
export type OutboxItem = {
  readonly reference: string
  readonly messageId: string
  readonly state: OutboxState
  readonly subject: string
  readonly to: string
  readonly from: string
  readonly createdAt: string
  readonly updatedAt: string
  readonly attempts: number
  readonly lastAttemptAt: string | null
  readonly server: string | null
  /** Why the last attempt failed or is uncertain. */
  readonly error: SmtpFailure | null
  readonly acceptedAt: string | null
  readonly response: string | null
  readonly archive: { readonly file: string; readonly sha256: string; readonly size: number }
  readonly attachments: ReadonlyArray<{ readonly name: string; readonly size: number }>
  /** The PDF letter is attached. */
  readonly letter: boolean
  readonly sentCopy: SentCopyStatus
  /** Uncertain: another attempt only with `confirmResend: true`. */
  readonly needsConfirmation: boolean
}

/** How a saved password is kept, for the warning in the settings. */
export type PasswordStorage = {
  /** The password is kept between sessions (false: asked for on every run, as in the CLI). */
  readonly persistent: boolean
  /**
   * Encrypted with a key the system protects, or never written; false where it would be kept
   * under Electron's fixed key (Linux without a keyring) or cannot be kept at all.
   */
  readonly strong: boolean
  /** The details behind `strong` (ports.ts, SecretProtection). */
  readonly protection: SecretProtection
}

/** What Settings → Mail shows; the password itself never leaves the core. */
export type SmtpView = {
  readonly smtp: SmtpSettings | null
  readonly hasPassword: boolean
  readonly passwordStorage: PasswordStorage
  readonly sentCopy: SentCopySettings
}

/** The result of a send the server accepted: the outbox entry and the request, now sent. */
export type SendResult = { readonly item: OutboxItem; readonly request: RequestView }

