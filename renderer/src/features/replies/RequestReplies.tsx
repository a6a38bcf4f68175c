import { useEffect, useState } from 'react'
import { useStore } from '../../store/store'
import { EmlDropZone } from './EmlDropZone'
import { ReplyCard } from './ReplyCard'
import './replies.css'

const none: ReadonlyArray<never> = []

/**
 * The company's replies to one request: import an .eml (picker or drop), see each reply with what
 * Rightful suggests it is, and confirm. The reply itself is on the timeline as "Reply received".
 */
export function RequestReplies({ reference }: { reference: string }) {
  const replies = useStore((s) => s.replies.get(reference) ?? none)
  const load = useStore((s) => s.loadReplies)
  const importReplies = useStore((s) => s.importReplies)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void load(reference)
  }, [reference, load])

  const open = replies.filter((r) => r.state !== 'dismissed')
  const waiting = open.filter((r) => r.state !== 'attached' || !r.confirmed).length

  return (
    <section className="card replies-card" aria-label="Replies">
      <div className="card-head">
        <h2>
          Replies {waiting ? <span className="badge" title="Waiting for your confirmation">{waiting}</span> : null}
        </h2>
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => {
            setBusy(true)
            void importReplies({ reference }).finally(() => setBusy(false))
          }}
        >
          Import reply (.eml)…
        </button>
      </div>
      <EmlDropZone reference={reference}>
        {open.length === 0 ? (
          <p className="muted small">
            Save the company&rsquo;s e-mail as an .eml file in your mail program and import it here, or drop it on this box. Rightful puts it on
            the timeline and suggests what it means for the deadline.
          </p>
        ) : (
          <div className="reply-list">
            {open.map((reply) => (
              <ReplyCard key={reply.id} reply={reply} pageReference={reference} />
            ))}
          </div>
        )}
      </EmlDropZone>
    </section>
  )
}
