/**
 * A copy of a sent e-mail in the user's IMAP Sent folder, so that it shows up in their mail
 * program beside everything else they sent. Best effort: it runs only after the server accepted
 * the message and the request was recorded as sent, and its failure never changes that.
 */
import { createImapClient, type ImapLogin } from './imap-client'

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
      if (!mailbox) throw new Error('the server has no Sent folder; name one in Settings → Mail')
    }
    const appended = await client.append(mailbox, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), ['\\Seen'], date)
    if (!appended) throw new Error(`the server did not take the copy into "${mailbox}"`)
    return { mailbox }
  } finally {
    await client.logout().catch(() => client.close())
  }
}

/** A short reason from an imapflow error. */
export function describeImapError(error: unknown): string {
  const e = error as { message?: string; responseText?: string; code?: string; authenticationFailed?: boolean } | null
  if (e?.authenticationFailed) return 'the IMAP server did not accept the user name and password'
  const text = e?.responseText || e?.message || String(error)
  return text.replace(/\s+/g, ' ').trim().slice(0, 500)
}
