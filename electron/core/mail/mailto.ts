/**
 * The mailto: hand-off (RFC 6068): the user's own mail program opens with recipient, subject and
 * body filled in, and the user sends it from there.
 */
import { coreError } from '../messages/errors'

/** Percent-encodes for a mailto: URL; line breaks become CRLF as RFC 6068 requires. */
function encode(text: string): string {
  return encodeURIComponent(text.replace(/\r\n|\r|\n/g, '\r\n'))
}

export function buildMailtoUrl(message: { to: string; subject: string; body: string }, maxLength: number): string {
  const url = `mailto:${encodeURIComponent(message.to).replace(/%40/g, '@')}?subject=${encode(message.subject)}&body=${encode(message.body)}`
  if (url.length > maxLength) {
    throw coreError('MAILTO_TOO_LONG', 'error.mail.mailtoTooLong', { length: url.length, max: maxLength })
  }
  return url
}
