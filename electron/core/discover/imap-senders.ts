/**
 * Discovery in the IMAP account configured for replies: of each message of its mailbox only the
 * From and Date header lines are fetched (BODY.PEEK[HEADER.FIELDS (FROM DATE)], plus the
 * server's arrival date for a message without a Date line), in one streamed FETCH; no body, no
 * subject, no other header is ever downloaded. The mailbox is opened read-only and PEEK is used,
 * so nothing is marked as read.
 */
import { cancelledError, type Operation } from '../operation'
import { createImapClient } from '../mail/imap-client'
import { CoreError } from '../api/result'
import { imapError, type ImapAccount } from '../replies/imap-sync'
import { createHeaderScanner, type MessageHeaders } from './header-scan'
import { coreError } from '../messages/errors'

/** The header lines asked for: nothing else of a message leaves the server. */
export const imapHeaderFields: ReadonlyArray<string> = ['from', 'date']

/** How many messages are read between two progress reports (and chances to cancel). */
const reportEvery = 200

/** The From and Date of one message from the header block the server returned (bounded by the header scanner's caps). */
function headersOf(block: Buffer | undefined, arrived: Date | string | undefined): MessageHeaders {
  let found: MessageHeaders | null = null
  const scanner = createHeaderScanner('eml', (headers) => (found = headers))
  if (block) scanner.push(block)
  scanner.end()
  const headers = (found ?? { from: null, date: null, envelopeDate: null }) as MessageHeaders
  const when = arrived instanceof Date ? arrived : typeof arrived === 'string' ? new Date(arrived) : null
  const envelopeDate = when && Number.isFinite(when.getTime()) ? when.toUTCString() : null
  return { from: headers.from, date: headers.date, envelopeDate }
}

/**
 * Hands the From and Date of each message of the account's mailbox to `take`, reporting progress
 * on `operation`; stops with CANCELLED when it is cancelled (the connection is closed at once).
 * Throws IMAP_* errors the user can act on. Resolves to how many messages were read.
 */
export async function scanImapSenders(account: ImapAccount, take: (headers: MessageHeaders) => void, operation: Operation): Promise<number> {
  const client = await createImapClient(account, 120_000)
  const stopped = () => operation.signal.aborted
  // Stopping closes the connection: a slow server's answer is not waited for.
  const onStop = () => client.close()
  operation.signal.addEventListener('abort', onStop, { once: true })
  const what = 'Looking through the mailbox'
  try {
    await operation.checkpoint({ stage: 'connecting', done: 0, total: null, message: `Connecting to ${account.host}…`, cancellable: true })
    await client.connect()
  } catch (error) {
    operation.signal.removeEventListener('abort', onStop)
    if (stopped()) throw cancelledError(what)
    if (error instanceof CoreError) throw error
    throw imapError(error, account)
  }
  try {
    let total: number
    try {
      const mailbox = await client.mailboxOpen(account.mailbox, { readOnly: true })
      total = mailbox.exists
    } catch (error) {
      if (stopped()) throw cancelledError(what)
      throw coreError('IMAP_CONNECTION_FAILED', 'error.imap.folder', { folder: account.mailbox, server: account.host, reason: String((error as Error)?.message ?? error).slice(0, 300) })
    }
    let seen = 0
    await operation.checkpoint({ stage: 'reading', done: 0, total, message: `Reading who wrote ${total.toLocaleString('en')} messages`, cancellable: true })
    if (total > 0) {
      for await (const message of client.fetch('1:*', { headers: [...imapHeaderFields], internalDate: true })) {
        take(headersOf(message.headers, message.internalDate))
        seen += 1
        if (seen % reportEvery === 0) {
          await operation.checkpoint({ stage: 'reading', done: seen, total, message: `Reading message ${seen.toLocaleString('en')} of ${total.toLocaleString('en')}`, cancellable: true })
        }
      }
    }
    // A connection closed by Cancel ends the FETCH early, without an error.
    if (stopped()) throw cancelledError(what)
    return seen
  } catch (error) {
    if (stopped()) throw cancelledError(what)
    if (error instanceof CoreError) throw error
    throw imapError(error, account)
  } finally {
    operation.signal.removeEventListener('abort', onStop)
    if (stopped()) client.close()
    else await client.logout().catch(() => client.close())
  }
}
