/**
 * A request as an .eml file (RFC 5322, UTF-8) that desktop mail programs open as a draft
 * (X-Unsent: 1), ready to send from the user's own account.
 */
import { randomBytes } from 'node:crypto'
import MailComposer from 'nodemailer/lib/mail-composer'
import { CoreError } from '../api/result'

export type EmlInput = {
  readonly from: { readonly name: string; readonly address: string }
  readonly to: string
  readonly subject: string
  readonly body: string
  readonly date: Date
  readonly reference: string
}

/** A Message-ID in the sender's domain that carries the request reference, for matching replies. */
export function messageIdFor(reference: string, fromAddress: string): string {
  const domain = fromAddress.split('@')[1] ?? 'rightful.invalid'
  return `<${reference.toLowerCase()}.${randomBytes(6).toString('hex')}@${domain}>`
}

export async function buildEml(input: EmlInput): Promise<Uint8Array> {
  for (const [field, value] of [['subject', input.subject], ['recipient', input.to]] as const) {
    if (/[\r\n]/.test(value)) throw new CoreError('INVALID_INPUT', `The ${field} must be a single line.`)
  }
  const composer = new MailComposer({
    from: { name: input.from.name, address: input.from.address },
    to: input.to,
    subject: input.subject,
    text: input.body.replace(/\r?\n/g, '\r\n'),
    date: input.date,
    messageId: messageIdFor(input.reference, input.from.address),
    headers: { 'X-Unsent': '1' },
    textEncoding: 'quoted-printable',
  })
  return new Promise((resolve, reject) => {
    composer.compile().build((error, message) => {
      if (error) reject(new CoreError('INTERNAL', `The e-mail could not be composed: ${error.message}`))
      else resolve(new Uint8Array(message))
    })
  })
}
