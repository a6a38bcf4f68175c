import { useMemo, useState } from 'react'
import type { ReplyKind, ReplyView } from '@core/replies/model'
import { useStore } from '../../store/store'
import { formatDate } from '../../ui/format'
import { matchedByLabel, replyKindChoices, replyKindLabel } from './reply-labels'

const percent = (value: number) => `${Math.round(value * 100)}%`

/**
 * One imported reply: who wrote, when, about what, its own words and files; then what Rightful
 * suggests it is, for the user to confirm or correct; or, while no request has it yet, which
 * request it probably answers.
 */
export function ReplyCard({ reply, pageReference }: { reply: ReplyView; pageReference?: string }) {
  const confirm = useStore((s) => s.confirmReply)
  const dismiss = useStore((s) => s.dismissReply)
  const navigate = useStore((s) => s.navigate)
  const reveal = useStore((s) => s.revealAttachment)
  const event = useStore((s) =>
    reply.match.reference && reply.eventId ? s.views.get(reply.match.reference)?.record.events.find((e) => e.id === reply.eventId) : undefined,
  )
  const requests = useStore((s) => s.requests)
  const sentRequests = useMemo(() => (requests ?? []).filter((r) => r.sentOn !== null), [requests])
  const [choosing, setChoosing] = useState(false)
  const [kind, setKind] = useState<ReplyKind>(reply.confirmed?.kind ?? reply.suggestion.kind)
  const [target, setTarget] = useState<string>(reply.match.reference ?? '')
  const [busy, setBusy] = useState(false)

  const run = async (action: () => Promise<boolean>) => {
    setBusy(true)
    try {
      if (await action()) setChoosing(false)
    } finally {
      setBusy(false)
    }
  }

  const suggestion = reply.suggestion
  const attachedHere = reply.state === 'attached'
  const sender = reply.from.name ? `${reply.from.name} <${reply.from.address}>` : reply.from.address
  const files = event?.attachments ?? []

  return (
    <article className={`reply-card reply-${reply.state}`} data-reply={reply.id} data-state={reply.state} aria-label={`Reply from ${reply.from.address}`}>
      <header className="reply-head">
        <span className="reply-from" title={sender}>
          {reply.from.name || reply.from.address}
          {reply.from.name ? <span className="muted small"> &lt;{reply.from.address}&gt;</span> : null}
        </span>
        <span className="muted small">{reply.date ? formatDate(reply.date.slice(0, 10)) : 'no date'}</span>
      </header>
      <p className="reply-subject">{reply.subject || <span className="muted">(no subject)</span>}</p>
      {reply.bounce ? (
        <p className="reply-bounce" role="note">
          Not delivered to {reply.bounce.failedRecipients.join(', ') || 'the recipient'}
          {reply.bounce.diagnostic ? `: ${reply.bounce.diagnostic}` : reply.bounce.status ? ` (status ${reply.bounce.status})` : ''}. The company probably never
          received your request: check the address, then send it again or by post.
        </p>
      ) : null}
      {reply.excerpt ? <p className="reply-excerpt">{reply.excerpt}</p> : null}
      {files.length ? (
        <div className="reply-files">
          {files.map((a) => (
            <button key={a.id} type="button" className="link-button small file-link" title={`SHA-256 ${a.sha256}`} onClick={() => void reveal(reply.match.reference!, a.id)}>
              {a.name}
            </button>
          ))}
        </div>
      ) : reply.attachments.length ? (
        <p className="muted small">Files: {reply.attachments.map((a) => a.name).join(', ')}</p>
      ) : null}

      {!attachedHere ? (
        <div className="reply-match">
          {reply.state === 'needs-confirmation' && reply.match.reference ? (
            <p>
              Probably about <strong>{reply.companyName ?? reply.match.reference}</strong> ({reply.match.reference}): {reply.match.by ? matchedByLabel[reply.match.by] : ''}.
              Nothing is added until you confirm.
            </p>
          ) : reply.state === 'dismissed' ? (
            <p className="muted">You said this is not a reply to any of your requests.</p>
          ) : (
            <p>No request matches this message. Which request does it answer?</p>
          )}
          {reply.state !== 'dismissed' && suggestion.kind !== 'reply-received' ? (
            <p className="muted small">
              It looks like: {replyKindLabel[suggestion.kind]} ({percent(suggestion.confidence)} sure: {suggestion.reason}). You confirm that once it is on a request.
            </p>
          ) : null}
          <div className="reply-actions">
            {reply.state === 'needs-confirmation' && reply.match.reference && !choosing ? (
              <>
                <button type="button" className="button button-small button-primary" disabled={busy} onClick={() => void run(() => confirm(reply.id, { reference: reply.match.reference! }))}>
                  Yes, it answers {reply.match.reference}
                </button>
                <button type="button" className="button button-small" disabled={busy} onClick={() => setChoosing(true)}>
                  Another request…
                </button>
              </>
            ) : (
              <>
                <select aria-label="Request it answers" value={target} onChange={(e) => setTarget(e.target.value)}>
                  <option value="">Choose a request…</option>
                  {sentRequests.map((r) => (
                    <option key={r.reference} value={r.reference}>
                      {r.reference} · {r.companyName}
                    </option>
                  ))}
                </select>
                <button type="button" className="button button-small button-primary" disabled={busy || !target} onClick={() => void run(() => confirm(reply.id, { reference: target }))}>
                  Add to this request
                </button>
              </>
            )}
            {reply.state !== 'dismissed' ? (
              <button type="button" className="link-button small" disabled={busy} onClick={() => void run(() => dismiss(reply.id))}>
                Not a reply to my requests
              </button>
            ) : null}
          </div>
        </div>
      ) : (
        <div className="reply-classification">
          {reply.confirmed ? (
            <p>
              Recorded as <strong>{replyKindLabel[reply.confirmed.kind]}</strong>.{' '}
              {!choosing ? (
                <button type="button" className="link-button small" onClick={() => setChoosing(true)}>
                  Change…
                </button>
              ) : null}
            </p>
          ) : (
            <>
              <p>
                Rightful suggests: <strong>{replyKindLabel[suggestion.kind]}</strong>{' '}
                <span className="muted small" title={suggestion.reason}>
                  ({percent(suggestion.confidence)} sure: {suggestion.reason})
                </span>
              </p>
              {!choosing ? (
                <div className="reply-actions">
                  <button type="button" className="button button-small button-primary" disabled={busy} onClick={() => void run(() => confirm(reply.id, { kind: suggestion.kind }))}>
                    Confirm as {replyKindLabel[suggestion.kind]}
                  </button>
                  <button type="button" className="button button-small" disabled={busy} onClick={() => setChoosing(true)}>
                    Choose another
                  </button>
                </div>
              ) : null}
            </>
          )}
          {choosing ? (
            <div className="reply-actions">
              <select aria-label="What the reply is" value={kind} onChange={(e) => setKind(e.target.value as ReplyKind)}>
                {replyKindChoices.map((k) => (
                  <option key={k} value={k}>
                    {replyKindLabel[k]}
                  </option>
                ))}
              </select>
              <button type="button" className="button button-small button-primary" disabled={busy} onClick={() => void run(() => confirm(reply.id, { kind }))}>
                Confirm
              </button>
              <button type="button" className="link-button small" onClick={() => setChoosing(false)}>
                Cancel
              </button>
            </div>
          ) : null}
          {reply.match.reference && reply.match.reference !== pageReference ? (
            <button type="button" className="link-button small" onClick={() => navigate({ name: 'request', reference: reply.match.reference! })}>
              Open {reply.match.reference}
            </button>
          ) : null}
        </div>
      )}
    </article>
  )
}
