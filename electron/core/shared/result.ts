/**
 * Results as data. Every API method resolves to a Result; nothing is thrown across a boundary,
 * because Electron's `invoke` keeps only an error's message.
 */

/** Stable error codes: tests and the UI may rely on them. */
export const errorCodes = [
  'INVALID_INPUT',
  /** A text handed to a parser (a policy, an e-mail) is longer than it reads. */
  'INPUT_TOO_LARGE',
  /** Reading a text took longer than its time budget (text/budget.ts); it was stopped and nothing changed. */
  'INPUT_TOO_COMPLEX',
  /** A policy's web address could not be fetched (network, TLS, status) or was refused (scheme, redirects); nothing changed. */
  'FETCH_FAILED',
  'FETCH_REFUSED',
  /** A long operation was stopped at the user's request (operations:cancel, a signal to the CLI); nothing was saved. */
  'CANCELLED',
  /** The core's own process stopped while the call ran; it was started again. */
  'CORE_UNAVAILABLE',
  'UNKNOWN_METHOD',
  'UNTRUSTED_SENDER',
  'NOT_FOUND',
  'NO_CONTACT',
  'NO_EMAIL',
  'NO_POSTAL_ADDRESS',
  'PROFILE_MISSING',
  'TEMPLATE_NOT_FOUND',
  /** The law chosen gives no right to this kind of request (requests/rights.ts), and no template covers it. */
  'RIGHT_NOT_GRANTED',
  'TEMPLATE_INVALID',
  'INVALID_STATE',
  'UNKNOWN_COUNTRY',
  'UNSUPPORTED_LAW',
  /** A company being added has a domain or e-mail address of one the catalog already has. */
  'DUPLICATE_COMPANY',
  /** assets/authorities is missing or broken (a packaging error). */
  'AUTHORITIES_UNAVAILABLE',
  'MAILTO_TOO_LONG',
  'STORAGE_FAILED',
  'EXTERNAL_FAILED',
  /** Sending by e-mail (mail/smtp.ts, mail/outbox.ts). */
  'SMTP_NOT_CONFIGURED',
  'SMTP_PASSWORD_MISSING',
  'SMTP_CONNECTION_FAILED',
  'SMTP_TLS_FAILED',
  'SMTP_AUTH_FAILED',
  'SMTP_REJECTED',
  'SEND_UNCERTAIN',
  'SEND_IN_PROGRESS',
  'CONFIRM_RESEND',
  'MESSAGE_TOO_LARGE',
  'SECRETS_UNAVAILABLE',
  /** Importing replies (replies/): an .eml that is not one, too large, or with a header that smuggles in lines. */
  'EML_INVALID',
  'EML_TOO_LARGE',
  'EML_HEADER_INJECTION',
  /** A reply whose record cannot be kept even once normalised (replies/normalise.ts); nothing is stored. */
  'REPLY_UNSTORABLE',
  /** Fetching replies over IMAP (replies/imap-sync.ts). */
  'IMAP_NOT_CONFIGURED',
  'IMAP_PASSWORD_MISSING',
  'IMAP_AUTH_FAILED',
  'IMAP_CONNECTION_FAILED',
  /** Backup and restore (backup/): not a backup, damaged, too large, a newer format, the passphrase. */
  'BACKUP_INVALID',
  'BACKUP_DAMAGED',
  'BACKUP_TOO_LARGE',
  'BACKUP_UNSUPPORTED',
  'BACKUP_PASSPHRASE_REQUIRED',
  'BACKUP_WRONG_PASSPHRASE',
  /** A restore would replace data the user has, and they did not say to. */
  'DATA_FOLDER_NOT_EMPTY',
  /** Another process (the app, the CLI) kept the data folder's lock longer than a caller waits (storage/folder-lock.ts); nothing was changed. */
  'DATA_FOLDER_BUSY',
  'INTERNAL',
] as const

export type ErrorCode = (typeof errorCodes)[number]

/** The words of an error as a key and parameters (core/messages), for each host to render in the user's language. */
export type ErrorDetail = { readonly key: string; readonly params?: Readonly<Record<string, ErrorDetailParam>> }
type ErrorDetailParam = string | number | ErrorDetail | ReadonlyArray<ErrorDetail>

export type ApiError = {
  readonly code: ErrorCode
  readonly message: string
  /** Field-level problems for INVALID_INPUT: path joined with dots, and what is wrong (with its key where it has one). */
  readonly issues?: ReadonlyArray<{ readonly path: string; readonly message: string; readonly detail?: ErrorDetail }>
  /** `message` as a key and parameters, where the core has one: the hosts render it in the user's language. */
  readonly detail?: ErrorDetail
}

export type Result<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: ApiError }

export function ok<T>(data: T): Result<T> {
  return { ok: true, data }
}

export function fail(code: ErrorCode, message: string, issues?: ApiError['issues'], detail?: ErrorDetail): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message, ...(issues ? { issues } : {}), ...(detail ? { detail } : {}) } }
}

/**
 * Thrown inside the core where unwinding is simpler than threading results; the API layer turns
 * it into data. It never crosses a process boundary as an exception.
 */
export class CoreError extends Error {
  readonly code: ErrorCode
  readonly issues?: ApiError['issues']
  readonly detail?: ErrorDetail

  constructor(code: ErrorCode, message: string, issues?: ApiError['issues'], detail?: ErrorDetail) {
    super(message)
    this.name = 'CoreError'
    this.code = code
    this.issues = issues
    this.detail = detail
  }
}
