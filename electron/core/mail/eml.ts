/**
 * A request as an RFC 5322 message (UTF-8): the exact bytes Rightful sends through the user's SMTP
 * server and archives with the request, or an .eml draft (X-Unsent: 1) that desktop mail programs
 * open ready to send from the user's own account. Header fields are checked before anything is
 * built: no line breaks or control characters, real addresses, attachments within the limit.
 */
import { createHash, randomBytes } from 'node:crypto'
import { domainToASCII } from 'node:url'
import type MailComposerType from 'nodemailer/lib/mail-composer'
import { emailAddressSchema } from '../shared/schemas'
import { hasControlCharacter } from './mail-settings'
import { coreError, coreErrorAs } from '../messages/errors'
import { message, type Message } from '../shared/message'

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
/** A header field's name, in English and as a message. */
type Field = { readonly english: string; readonly said: Message }
const field = (english: string, key: string, params?: Readonly<Record<string, string>>): Field => ({ english, said: message(`error.mail.field.${key}`, params) })

function singleLine(value: string, what: Field): void {
  if (/[\r\n]/.test(value)) {
    throw coreErrorAs('INVALID_INPUT', `The ${what.english} must be a single line: it contains a line break, which could change the e-mail's headers.`, 'error.mail.lineBreak', { field: what.said })
  }
  if (hasControlCharacter(value)) throw coreErrorAs('INVALID_INPUT', `The ${what.english} contains a control character.`, 'error.mail.controlCharacter', { field: what.said })
}

function address(value: string, what: Field): string {
  singleLine(value, what)
  const parsed = emailAddressSchema.safeParse(value)
  if (!parsed.success) throw coreErrorAs('INVALID_INPUT', `The ${what.english} "${value}" is not an e-mail address.`, 'error.mail.notAddress', { field: what.said, value })
  return parsed.data
}

/**
 * Checks every header field before a message is built: one line each, real addresses, the
 * attachments' names and total size. Throws a CoreError; changes nothing.
 */
export function checkMessageFields(input: Pick<EmlInput, 'from' | 'to' | 'subject' | 'attachments'>): void {
  singleLine(input.subject, field('subject', 'subject'))
  if (!input.subject.trim()) throw coreError('INVALID_INPUT', 'error.mail.emptySubject')
  singleLine(input.from.name, field("sender's name", 'senderName'))
  address(input.from.address, field("sender's address", 'senderAddress'))
  address(input.to, field('recipient', 'recipient'))
  let total = 0
  for (const attachment of input.attachments ?? []) {
    const shown = attachment.filename.replace(/[\r\n]+/g, ' ')
    singleLine(attachment.filename, field(`attachment name "${shown}"`, 'attachmentName', { name: shown }))
    total += attachment.content.byteLength
  }
  if (total > maxAttachmentBytesPerMessage) {
    const mb = (bytes: number) => (bytes / 1048576).toFixed(1)
    throw coreError('MESSAGE_TOO_LARGE', 'error.mail.attachmentsTooLarge', { size: mb(total), max: mb(maxAttachmentBytesPerMessage) })
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
      if (error) reject(coreError('INTERNAL', 'error.mail.compose', { reason: String(error.message) }))
      else resolve(new Uint8Array(message))
    })
  })
}
