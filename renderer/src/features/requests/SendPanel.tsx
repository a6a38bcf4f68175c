import { useEffect, useState } from 'react'
import type { RequestView } from '@core/api/contract'
import type { OutboxItem } from '@core/mail/mail-types'
import { useStore } from '../../store/store'
import { Dialog } from '../../ui/Dialog'

const stateLabels: Record<OutboxItem['state'], string> = {
  queued: 'Waiting to be sent',
  sending: 'Sending…',
  sent: 'Sent',
  failed: 'Not sent',
  uncertain: 'Maybe sent',
}

function time(iso: string | null): string {
  if (!iso) return ''
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}

/** The server's own words, when it said anything. */
function ServerReason({ item }: { item: OutboxItem }) {
  const error = item.error
  if (!error) return null
  return (
    <>
      <p className="small">{error.message}</p>
      {error.response ? (
        <p className="small">
          Server reply: <code data-testid="server-reply">{error.response}</code>
        </p>
      ) : null}
    </>
  )
}

/**
 * On a draft: sending through the user's SMTP server, the outbox state of the last attempt, the
 * server's reason when it failed, Retry, and the question before sending again after an attempt the
 * server may have received. Shown only when a mail server is set up.
 */
export function SendPanel({
  view,
  busy,
  withSaved,
  primary = true,
}: {
  view: RequestView
  busy: boolean
  withSaved: (run: () => Promise<void>) => Promise<void>
  /** The main way to send this draft (else one of the other ways). */
  primary?: boolean
}) {
  const reference = view.record.reference
  const smtp = useStore((s) => s.smtp)
  const item = useStore((s) => s.outbox.get(reference))
  const loadSmtp = useStore((s) => s.loadSmtp)
  const loadOutbox = useStore((s) => s.loadOutbox)
  const sendMail = useStore((s) => s.sendMail)
  const [letter, setLetter] = useState<boolean | null>(null)
  const [sending, setSending] = useState(false)
  const [confirming, setConfirming] = useState(false)

  useEffect(() => {
    void loadSmtp()
    void loadOutbox(reference)
  }, [reference, loadSmtp, loadOutbox])

  if (!smtp?.smtp) return null
  const to = view.record.draft.to
  const canAttach = Boolean(view.record.draft.recipientAddress)
  const attachLetter = canAttach && (letter ?? item?.letter ?? false)
  const state = item?.state ?? null

  const send = (confirmResend: boolean) =>
    withSaved(async () => {
      setSending(true)
      await sendMail(reference, { attachLetter, confirmResend })
      setSending(false)
      setConfirming(false)
    })

  return (
    <div className="send-panel stack" data-testid="send-panel" data-state={state ?? 'none'}>
      {item && state !== 'sent' ? (
        <div className={`callout ${state === 'queued' || state === 'sending' ? 'callout-ok' : 'callout-warn'}`} role="status" data-testid="outbox-state">
          <strong>{stateLabels[item.state]}</strong>
          {item.lastAttemptAt ? <span className="muted small"> · attempt {item.attempts}, {time(item.lastAttemptAt)}</span> : null}
          <ServerReason item={item} />
          {state === 'uncertain' ? (
            <p className="small">Look in your Sent folder first. If it is there, use “Mark as sent…” below; if not, send it again.</p>
          ) : null}
        </div>
      ) : null}
      {canAttach && state !== 'uncertain' ? (
        <label className="check small">
          <input type="checkbox" checked={attachLetter} onChange={(e) => setLetter(e.target.checked)} />
          <span>Attach the request as a PDF letter</span>
        </label>
      ) : null}
      {state === 'uncertain' ? (
        <button type="button" className={`button button-block ${primary ? 'button-primary' : ''}`} disabled={busy || sending || !to} onClick={() => setConfirming(true)}>
          Send again…
        </button>
      ) : (
        <button type="button" className={`button button-block ${primary ? 'button-primary' : ''}`} disabled={busy || sending || !to || state === 'sending'} onClick={() => void send(false)}>
          {sending ? 'Sending…' : state === 'failed' ? 'Retry' : `Send now through ${smtp.smtp.host}`}
        </button>
      )}

      {confirming && item ? (
        <Dialog title={`Send ${reference} again?`} onClose={() => setConfirming(false)}>
          <p>
            The connection to your mail server broke after the e-mail had gone out, before the server confirmed it. The server may have accepted
            it, and the company may already have it.
          </p>
          <p>
            Look in your Sent folder first. Send it again only if it is not there: it goes out exactly as before, with the same Message-ID
            (<code>{item.messageId}</code>), so that mail systems can recognise the two as one message.
          </p>
          <div className="actions">
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
            <button type="button" className="button button-primary" disabled={sending} onClick={() => void send(true)}>
              {sending ? 'Sending…' : 'Send it again'}
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  )
}

/** On a request Rightful sent: when the server accepted it, its reply, and the Sent-folder copy. */
export function SentByEmail({ view }: { view: RequestView }) {
  const reference = view.record.reference
  const email = view.record.sent?.email ?? null
  const item = useStore((s) => s.outbox.get(reference))
  const loadOutbox = useStore((s) => s.loadOutbox)
  const copyToSent = useStore((s) => s.copyToSent)

  useEffect(() => {
    if (email) void loadOutbox(reference)
  }, [reference, email, loadOutbox])

  if (!email) return null
  const copy = item?.sentCopy
  return (
    <div className="card" data-testid="sent-by-email">
      <h2>Sent by Rightful</h2>
      <dl className="recipient">
        <dt>Accepted</dt>
        <dd>
          {time(email.acceptedAt)} by {email.server}
        </dd>
        {email.response ? (
          <>
            <dt>Server</dt>
            <dd className="small">{email.response}</dd>
          </>
        ) : null}
        <dt>Message-ID</dt>
        <dd className="mono small">{email.messageId}</dd>
        {copy && copy.state !== 'off' ? (
          <>
            <dt>Sent folder</dt>
            <dd className="small">
              {copy.state === 'copied' ? `Copied to “${copy.mailbox ?? 'Sent'}”` : copy.state === 'pending' ? 'Copying…' : `Not copied: ${copy.error ?? 'unknown reason'}`}
              {copy.state === 'failed' ? (
                <>
                  {' '}
                  <button type="button" className="link-button small" onClick={() => void copyToSent(reference)}>
                    Try again
                  </button>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
      <p className="muted small">The exact message is kept with the request (SHA-256 {email.archive.sha256.slice(0, 12)}…), shown in the timeline.</p>
    </div>
  )
}
