/**
 * A request as an RFC 5322 message (UTF-8): the exact bytes Rightful sends through the user's SMTP
 * server and archives with the request, or an .eml draft (X-Unsent: 1) that desktop mail programs
 * open ready to send from the user's own account. Header fields are checked before anything is
 * built: no line breaks or control characters, real addresses, attachments within the limit.
 */
import { createHash, randomBytes } from 'node:crypto'
import { domainToASCII } from 'node:url'
import type MailComposerType from 'nodemailer/lib/mail-composer'
import { emailAddressSchema } from '../catalog/schema'
import { CoreError } from '../api/result'
import { hasControlCharacter } from './mail-settings'

/** The most attachment data one e-mail carries (before encoding); many servers refuse more than 25 MB encoded. */
export const maxAttachmentBytesPerMessage = 20 * 1024 * 1024

export type EmlAttachment = {
  readonly filename: string
  readonly contentType: string
  readonly content: Uint8Array
}

export type EmlInput = {
  readonly from: { readonly name: string; readonly address: string }
  readonly to: string
  readonly subject: string
  readonly body: string
  readonly date: Date
  readonly reference: string
  /** Generated once per request and kept for every attempt; a fresh one when not given. */
  readonly messageId?: string
  readonly attachments?: ReadonlyArray<EmlAttachment>
  /** true (the default): marked X-Unsent: 1, for a mail program to open as a draft. */
  readonly draft?: boolean
}

/** Throws INVALID_INPUT unless `value` is one line without control characters. */
function singleLine(value: string, what: string): void {
  if (/[\r\n]/.test(value)) {
    throw new CoreError('INVALID_INPUT', `The ${what} must be a single line: it contains a line break, which could change the e-mail's headers.`)
  }
  if (hasControlCharacter(value)) throw new CoreError('INVALID_INPUT', `The ${what} contains a control character.`)
}

function address(value: string, what: string): string {
  singleLine(value, what)
  const parsed = emailAddressSchema.safeParse(value)
  if (!parsed.success) throw new CoreError('INVALID_INPUT', `The ${what} "${value}" is not an e-mail address.`)
  return parsed.data
}

/**
 * Checks every header field before a message is built: one line each, real addresses, the
 * attachments' names and total size. Throws a CoreError; changes nothing.
 */
export function checkMessageFields(input: Pick<EmlInput, 'from' | 'to' | 'subject' | 'attachments'>): void {
  singleLine(input.subject, 'subject')
  if (!input.subject.trim()) throw new CoreError('INVALID_INPUT', 'The subject line cannot be empty.')
  singleLine(input.from.name, "sender's name")
  address(input.from.address, "sender's address")
  address(input.to, 'recipient')
  let total = 0
  for (const attachment of input.attachments ?? []) {
    singleLine(attachment.filename, `attachment name "${attachment.filename.replace(/[\r\n]+/g, ' ')}"`)
    total += attachment.content.byteLength
  }
  if (total > maxAttachmentBytesPerMessage) {
    const mb = (bytes: number) => (bytes / 1048576).toFixed(1)
    throw new CoreError(
      'MESSAGE_TOO_LARGE',
      `The attachments come to ${mb(total)} MB; one e-mail carries at most ${mb(maxAttachmentBytesPerMessage)} MB. Leave some out, or send them in a second e-mail.`,
    )
  }
}

/** The domain of an address for a Message-ID: ASCII (punycode), else "rightful.invalid". */
function messageIdDomain(fromAddress: string): string {
  const domain = domainToASCII(fromAddress.split('@').pop()?.toLowerCase() ?? '')
  return /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/.test(domain) ? domain : 'rightful.invalid'
}

/**
 * A Message-ID in the sender's domain that carries the request reference, so that replies can be
 * matched by In-Reply-To and by eye: `<RF-2026-0001.3f2a9c01b7de@example.org>`.
 */
export function messageIdFor(reference: string, fromAddress: string): string {
  return `<${reference}.${randomBytes(6).toString('hex')}@${messageIdDomain(fromAddress)}>`
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export async function buildEml(input: EmlInput): Promise<Uint8Array> {
  checkMessageFields(input)
  const draft = input.draft ?? true
  // nodemailer is loaded on the first message built, not when the core starts.
  const MailComposer = (await import('nodemailer/lib/mail-composer')).default as typeof MailComposerType
  const composer = new MailComposer({
    from: { name: input.from.name, address: input.from.address },
    to: input.to,
    subject: input.subject,
    text: input.body.replace(/\r?\n/g, '\r\n'),
    date: input.date,
    messageId: input.messageId ?? messageIdFor(input.reference, input.from.address),
    ...(draft ? { headers: { 'X-Unsent': '1' } } : {}),
    textEncoding: 'quoted-printable',
    attachments: (input.attachments ?? []).map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
    })),
  })
  return new Promise((resolve, reject) => {
    composer.compile().build((error, message) => {
      if (error) reject(new CoreError('INTERNAL', `The e-mail could not be composed: ${error.message}`))
      else resolve(new Uint8Array(message))
    })
  })
}
