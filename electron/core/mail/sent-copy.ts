/**
 * A copy of a sent e-mail in the user's IMAP Sent folder, so that it shows up in their mail
 * program beside everything else they sent. Best effort: it runs only after the server accepted
 * the message and the request was recorded as sent, and its failure never changes that.
 */
import { message, type Message } from '../shared/message'
import { createImapClient, type ImapLogin } from './imap-client'

/** Why a copy failed: English words for logs, and the same as a message for the user's language. */
export type SentCopyFailure = { readonly text: string; readonly detail: Message }

/** A failure the copy itself found (no Sent folder, the server did not take it), with its words. */
class SentCopyError extends Error {
  constructor(text: string, readonly detail: Message) {
    super(text)
  }
}

export type ImapConfig = ImapLogin & {
  /** null: the folder the server marks \Sent, else one named "Sent". */
  readonly mailbox: string | null
}

/** Appends `bytes` to the Sent folder, marked as read; resolves to the folder's name. */
export async function appendToSentFolder(config: ImapConfig, bytes: Uint8Array, date: Date): Promise<{ mailbox: string }> {
  // imapflow is loaded only when the user turned the copy on.
  const client = await createImapClient(config, 60_000)
  await client.connect()
  try {
    let mailbox = config.mailbox
    if (!mailbox) {
      const folders = await client.list()
      mailbox =
        folders.find((f) => f.specialUse === '\\Sent' && f.specialUseSource !== 'name')?.path ??
        folders.find((f) => f.specialUse === '\\Sent')?.path ??
        folders.find((f) => f.name.toLowerCase() === 'sent')?.path ??
        null
      if (!mailbox) throw new SentCopyError('the server has no Sent folder; name one in Settings → Mail', message('sentCopy.noSentFolder'))
    }
    const appended = await client.append(mailbox, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), ['\\Seen'], date)
    if (!appended) throw new SentCopyError(`the server did not take the copy into "${mailbox}"`, message('sentCopy.notTaken', { mailbox }))
    return { mailbox }
  } finally {
    await client.logout().catch(() => client.close())
  }
}

/**
 * A short reason from an imapflow error (or the copy's own): the server's or the system's words
 * are quoted as they came, inside a sentence in the user's language.
 */
export function describeImapError(error: unknown): SentCopyFailure {
  if (error instanceof SentCopyError) return { text: error.message, detail: error.detail }
  const e = error as { message?: string; responseText?: string; code?: string; authenticationFailed?: boolean } | null
  if (e?.authenticationFailed) return { text: 'the IMAP server did not accept the user name and password', detail: message('sentCopy.loginRefused') }
  const text = (e?.responseText || e?.message || String(error)).replace(/\s+/g, ' ').trim().slice(0, 500)
  return { text, detail: message('sentCopy.serverSaid', { reason: text }) }
}
