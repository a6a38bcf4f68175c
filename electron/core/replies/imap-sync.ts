/**
 * Fetching replies from the user's IMAP server (imapflow). The mailbox is opened read-only (no
 * flag changes), only messages that arrived since the oldest open request was sent and that were
 * not seen before (UIDVALIDITY + last UID) are looked at, and of those only the envelope and a few
 * headers are fetched. The whole message is downloaded only for candidates: a reply to one of our
 * Message-IDs, a reference in the subject, a sender at a company's domain, or a bounce; and the
 * messages in which the server finds one of our references in the text (IMAP SEARCH BODY).
 */
import { CoreError } from '../shared/result'
import { cancelledError, type Operation } from '../shared/operation'
import type { MailSecurity } from '../mail/mail-settings'
import { createImapClient } from '../mail/imap-client'
import type { MailboxState } from './imap-settings'
import { messageIdsIn } from './parse'
import { message } from '../shared/message'
import { coreError } from '../messages/errors'

export type ImapAccount = {
  readonly host: string
  readonly port: number
  readonly security: MailSecurity
  readonly user: string
  readonly password: string
  readonly mailbox: string
  readonly trustedCertificate: string | null
}

export type HeaderSummary = {
  readonly uid: number
  readonly messageId: string | null
  readonly inReplyTo: ReadonlyArray<string>
  readonly references: ReadonlyArray<string>
  readonly subject: string
  readonly from: string
  readonly size: number
}

export type ImapScan = {
  readonly uidValidity: string
  /** UIDs looked at (new since the last sync, arrived since `since`). */
  readonly checked: number
  readonly downloaded: number
  readonly lastUid: number
  readonly failed: ReadonlyArray<{ readonly uid: number; readonly code: string; readonly message: string }>
}

/** A short reason from an imapflow error. */
function reasonOf(error: unknown): string {
  const e = error as { message?: string; responseText?: string; code?: string } | null
  const text = e?.responseText || e?.message || String(error)
  return text.replace(/\s+/g, ' ').trim().slice(0, 300)
}

/** A connection or login failure of imapflow as a CoreError the user can act on. */
export function imapError(error: unknown, account: ImapAccount): CoreError {
  const e = error as { authenticationFailed?: boolean; code?: string } | null
  if (e?.authenticationFailed) return coreError('IMAP_AUTH_FAILED', 'error.imap.auth', { server: account.host, user: account.user })
  if (e?.code && /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN)$/.test(e.code)) {
    return coreError('IMAP_CONNECTION_FAILED', 'error.imap.unreachable', { server: `${account.host}:${account.port}`, code: e.code })
  }
  if (e?.code && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(e.code)) {
    return coreError('IMAP_CONNECTION_FAILED', 'error.imap.tls', { server: `${account.host}:${account.port}`, code: e.code })
  }
  return coreError('IMAP_CONNECTION_FAILED', 'error.imap.failed', { server: `${account.host}:${account.port}`, reason: reasonOf(error) })
}

/** "3:7,9,12:13" for sorted UIDs: short commands however many messages there are. */
export function uidRanges(uids: ReadonlyArray<number>): string {
  const parts: string[] = []
  for (let i = 0; i < uids.length; ) {
    let j = i
    while (j + 1 < uids.length && uids[j + 1] === uids[j]! + 1) j += 1
    parts.push(j > i ? `${uids[i]}:${uids[j]}` : String(uids[i]))
    i = j + 1
  }
  return parts.join(',')
}

function headerLines(buffer: Buffer | undefined): Map<string, string> {
  const fields = new Map<string, string>()
  if (!buffer) return fields
  const text = buffer.toString('utf8').replace(/\r?\n[ \t]+/g, ' ')
  for (const line of text.split(/\r?\n/)) {
    // As /^([!-9;-~]+):\s*(.*)$/: the value after the colon and its leading spaces, on one line.
    const match = /^([!-9;-~]+):/.exec(line)
    if (!match) continue
    const value = line.slice(match[0].length).replace(/^\s+/, '')
    if (!/[\r\n\u2028\u2029]/.test(value)) fields.set(match[1]!.toLowerCase(), value)
  }
  return fields
}

/** An IMAP search for any of these texts in a message's body. */
export function bodySearch(terms: ReadonlyArray<string>): { body: string } | { or: Array<{ body: string }> } | null {
  if (terms.length === 0) return null
  if (terms.length === 1) return { body: terms[0]! }
  return { or: terms.map((body) => ({ body })) }
}

/**
 * Scans one mailbox. `skip` leaves out what was imported before; `isCandidate` decides from the
 * headers whether to download a message; the others are downloaded only when the server finds one
 * of `bodyTerms` in their text. `take` imports a message (resolves even when it turns out to match
 * nothing). Throws IMAP_* errors for connection and login failures; a message that cannot be
 * imported is reported in `failed`.
 */
export async function scanMailbox(options: {
  account: ImapAccount
  since: Date
  seen: MailboxState | null
  maxBytes: number
  skip(headers: HeaderSummary): boolean
  isCandidate(headers: HeaderSummary): boolean
  bodyTerms: ReadonlyArray<string>
  take(bytes: Uint8Array, headers: HeaderSummary): Promise<void>
  /**
   * Reports progress and may stop the sync before each message is downloaded (CANCELLED; the
   * connection is closed at once, and the messages imported so far stay imported).
   */
  operation?: Operation
}): Promise<ImapScan> {
  const { account } = options
  const operation = options.operation ?? null
  const stopped = () => operation?.signal.aborted === true
  const client = await createImapClient(account, 120_000)
  // Stopping closes the connection: a slow server's answer is not waited for.
  const onStop = () => client.close()
  operation?.signal.addEventListener('abort', onStop, { once: true })
  try {
    await operation?.checkpoint({ stage: 'connecting', done: 0, total: null, message: `Connecting to ${account.host}…`, detail: message('progress.connecting', { host: account.host }), cancellable: true })
    await client.connect()
  } catch (error) {
    operation?.signal.removeEventListener('abort', onStop)
    if (stopped()) throw cancelledError('The IMAP sync')
    throw imapError(error, account)
  }
  try {
    let mailbox
    try {
      mailbox = await client.mailboxOpen(account.mailbox, { readOnly: true })
    } catch (error) {
      throw coreError('IMAP_CONNECTION_FAILED', 'error.imap.folder', { folder: account.mailbox, server: account.host, reason: reasonOf(error) })
    }
    const uidValidity = String(mailbox.uidValidity)
    // A new UIDVALIDITY means the UIDs were renumbered: look at the whole period again.
    const after = options.seen && options.seen.uidValidity === uidValidity ? options.seen.lastUid : 0
    const found = (await client.search({ since: options.since, uid: `${after + 1}:*` }, { uid: true })) || []
    // "n:*" also names the highest UID when it is below n: keep only what is really new.
    const uids = found.filter((uid) => uid > after).sort((a, b) => a - b)

    const summaries: HeaderSummary[] = []
    if (uids.length > 0) {
      for await (const message of client.fetch(
        uidRanges(uids),
        { uid: true, envelope: true, size: true, headers: ['references', 'in-reply-to', 'message-id'] },
        { uid: true },
      )) {
        const fields = headerLines(message.headers)
        const envelope = message.envelope
        summaries.push({
          uid: message.uid,
          messageId: messageIdsIn(envelope?.messageId ?? fields.get('message-id') ?? '')[0] ?? null,
          inReplyTo: messageIdsIn(envelope?.inReplyTo ?? fields.get('in-reply-to') ?? ''),
          references: messageIdsIn(fields.get('references') ?? ''),
          subject: envelope?.subject ?? '',
          from: envelope?.from?.[0]?.address ?? '',
          size: message.size ?? 0,
        })
      }
    }

    const fresh = summaries.filter((summary) => !options.skip(summary))
    const candidates = new Set(fresh.filter((summary) => options.isCandidate(summary)).map((summary) => summary.uid))
    const others = fresh.filter((summary) => !candidates.has(summary.uid)).map((summary) => summary.uid).sort((a, b) => a - b)
    const inBody = bodySearch(options.bodyTerms)
    if (inBody && others.length > 0) {
      const hits = (await client.search({ uid: uidRanges(others), ...inBody }, { uid: true })) || []
      const asked = new Set(others)
      for (const uid of hits) if (asked.has(uid)) candidates.add(uid)
    }

    let downloaded = 0
    const failed: Array<{ uid: number; code: string; message: string }> = []
    const wanted = fresh.filter((summary) => candidates.has(summary.uid)).length
    let reached = 0
    for (const summary of fresh.sort((a, b) => a.uid - b.uid)) {
      if (!candidates.has(summary.uid)) continue
      await operation?.checkpoint({
        stage: 'downloading',
        done: reached,
        total: wanted,
        message: `Looking at message ${(reached + 1).toLocaleString('en')} of ${wanted.toLocaleString('en')}…`,
        detail: message('progress.lookingAt', { done: reached + 1, total: wanted }),
        cancellable: true,
      })
      reached += 1
      if (summary.size > options.maxBytes) {
        failed.push({ uid: summary.uid, code: 'EML_TOO_LARGE', message: `Message ${summary.uid} (“${summary.subject}”) is ${(summary.size / 1048576).toFixed(1)} MB: too large to import. Save it from your mail program and import the file.` })
        continue
      }
      const full = await client.fetchOne(String(summary.uid), { uid: true, source: true }, { uid: true })
      if (!full || !full.source) continue
      downloaded += 1
      try {
        await options.take(new Uint8Array(full.source.buffer, full.source.byteOffset, full.source.byteLength), summary)
      } catch (error) {
        // One message that cannot be imported never stops the others; it is reported.
        const code = error instanceof CoreError ? error.code : 'INTERNAL'
        failed.push({ uid: summary.uid, code, message: `Message ${summary.uid} (“${summary.subject}”): ${(error as Error).message}` })
      }
    }
    return { uidValidity, checked: uids.length, downloaded, lastUid: Math.max(after, ...uids), failed }
  } catch (error) {
    if (stopped()) throw cancelledError('The IMAP sync')
    if (error instanceof CoreError) throw error
    throw imapError(error, account)
  } finally {
    operation?.signal.removeEventListener('abort', onStop)
    if (stopped()) client.close()
    else await client.logout().catch(() => client.close())
  }
}
