/**
 * Discovery in the IMAP account configured for replies: of each message of its mailbox (or of
 * every folder that holds mail the user received, see `foldersToScan`) only the From and Date
 * header lines are fetched (BODY.PEEK[HEADER.FIELDS (FROM DATE)], plus the server's arrival date
 * for a message without a Date line), in one streamed FETCH per folder; no body, no subject, no
 * other header is ever downloaded. Each folder is opened read-only and PEEK is used, so nothing
 * is marked as read.
 */
import { cancelledError, type Operation } from '../shared/operation'
import { createImapClient } from '../mail/imap-client'
import { CoreError } from '../shared/result'
import { imapError, type ImapAccount } from '../replies/imap-sync'
import { createHeaderScanner, type MessageHeaders } from './header-scan'
import { coreError } from '../messages/errors'
import { message } from '../shared/message'

/** The header lines asked for: nothing else of a message leaves the server. */
export const imapHeaderFields: ReadonlyArray<string> = ['from', 'date']

/** Which folders discovery reads: the account's own mailbox (INBOX by default), or all received mail. */
export type ImapScope = 'mailbox' | 'all'

/** A folder as the server lists it (imapflow's LIST answer, the parts used here). */
export type ListedFolder = { readonly path: string; readonly flags: ReadonlySet<string>; readonly specialUse?: string | undefined }

/** Special-use folders (RFC 6154) that hold no mail the user received from companies, or only copies. */
const skippedSpecialUse = new Set(['\\Sent', '\\Drafts', '\\Junk', '\\Trash', '\\Flagged', '\\Important'])

/** At most this many folders are read in one scan (a server listing more is told so, in the result). */
export const maxScannedFolders = 500

/**
 * The folders an "all folders" scan reads, in the server's order. A server with an \All folder
 * (Gmail's "All Mail", which holds every message once) is read there alone, so that no message is
 * counted twice; else every selectable folder except sent mail, drafts, junk and trash (and the
 * virtual \Flagged and \Important views, whose messages are in another folder too).
 */
export function foldersToScan(listed: ReadonlyArray<ListedFolder>): { readonly folders: ReadonlyArray<string>; readonly leftOut: number } {
  const selectable = listed.filter((folder) => !folder.flags.has('\\Noselect') && !folder.flags.has('\\NonExistent'))
  const all = selectable.find((folder) => folder.specialUse === '\\All' || folder.flags.has('\\All'))
  const chosen = all
    ? [all.path]
    : selectable.filter((folder) => !skippedSpecialUse.has(folder.specialUse ?? '') && ![...folder.flags].some((flag) => skippedSpecialUse.has(flag))).map((folder) => folder.path)
  return { folders: chosen.slice(0, maxScannedFolders), leftOut: Math.max(0, chosen.length - maxScannedFolders) }
}

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
 * Hands the From and Date of each message of the account's mailbox (`scope` 'all': of every
 * folder `foldersToScan` chooses) to `take`, reporting progress on `operation`; stops with
 * CANCELLED when it is cancelled (the connection is closed at once). Throws IMAP_* errors the user
 * can act on. Resolves to how many messages were read and from which folders.
 */
export async function scanImapSenders(
  account: ImapAccount,
  take: (headers: MessageHeaders) => void,
  operation: Operation,
  scope: ImapScope = 'mailbox',
): Promise<{ readonly messages: number; readonly folders: ReadonlyArray<string>; readonly leftOut: number }> {
  const client = await createImapClient(account, 120_000)
  const stopped = () => operation.signal.aborted
  // Stopping closes the connection: a slow server's answer is not waited for.
  const onStop = () => client.close()
  operation.signal.addEventListener('abort', onStop, { once: true })
  const what = 'Looking through the mailbox'
  try {
    await operation.checkpoint({ stage: 'connecting', done: 0, total: null, message: `Connecting to ${account.host}…`, detail: message('progress.connecting', { host: account.host }), cancellable: true })
    await client.connect()
  } catch (error) {
    operation.signal.removeEventListener('abort', onStop)
    if (stopped()) throw cancelledError(what)
    if (error instanceof CoreError) throw error
    throw imapError(error, account)
  }
  const openFailed = (folder: string, error: unknown) =>
    coreError('IMAP_CONNECTION_FAILED', 'error.imap.folder', { folder, server: account.host, reason: String((error as Error)?.message ?? error).slice(0, 300) })
  try {
    let folders: ReadonlyArray<string> = [account.mailbox]
    let leftOut = 0
    // The size of each folder first, so that the progress bar runs over the whole scan.
    const sizes = new Map<string, number>()
    if (scope === 'all') {
      const listed = await client.list()
      ;({ folders, leftOut } = foldersToScan(listed.map((folder) => ({ path: folder.path, flags: folder.flags, specialUse: folder.specialUse }))))
      for (const folder of folders) {
        if (stopped()) throw cancelledError(what)
        try {
          const status = await client.status(folder, { messages: true })
          sizes.set(folder, status ? (status.messages ?? 0) : 0)
        } catch (error) {
          if (stopped()) throw cancelledError(what)
          throw openFailed(folder, error)
        }
      }
    }
    let total = [...sizes.values()].reduce((sum, n) => sum + n, 0)
    let seen = 0
    for (const folder of folders) {
      let exists: number
      try {
        const mailbox = await client.mailboxOpen(folder, { readOnly: true })
        exists = mailbox.exists
      } catch (error) {
        if (stopped()) throw cancelledError(what)
        throw openFailed(folder, error)
      }
      // A folder that grew since its STATUS is read whole: the bar's total follows.
      if (scope === 'mailbox') total = exists
      else if (exists > (sizes.get(folder) ?? 0)) total += exists - (sizes.get(folder) ?? 0)
      await operation.checkpoint({
        stage: 'reading',
        done: seen,
        total,
        message: `Reading who wrote ${total.toLocaleString('en')} messages${folders.length > 1 ? ` in ${folders.length} folders` : ''}`,
        detail: folders.length > 1 ? message('progress.readingSendersIn', { count: total, folders: folders.length }) : message('progress.readingSenders', { count: total }),
        cancellable: true,
      })
      if (exists > 0) {
        for await (const fetched of client.fetch('1:*', { headers: [...imapHeaderFields], internalDate: true })) {
          take(headersOf(fetched.headers, fetched.internalDate))
          seen += 1
          if (seen % reportEvery === 0) {
            await operation.checkpoint({ stage: 'reading', done: seen, total, message: `Reading message ${seen.toLocaleString('en')} of ${total.toLocaleString('en')}`, detail: message('progress.readingMessage', { done: seen, total }), cancellable: true })
          }
        }
      }
      // A connection closed by Cancel ends the FETCH early, without an error.
      if (stopped()) throw cancelledError(what)
    }
    return { messages: seen, folders, leftOut }
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
