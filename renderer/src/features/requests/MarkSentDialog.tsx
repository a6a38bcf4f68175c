import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useStore } from '../../store/store'

/** Records when and how the request went out; from then on, the deadline runs. */
export function MarkSentDialog({
  reference,
  today,
  hasEmail,
  hasPostal,
  onClose,
}: {
  reference: string
  today: string
  hasEmail: boolean
  hasPostal: boolean
  onClose: () => void
}) {
  const markSent = useStore((s) => s.markSent)
  const [on, setOn] = useState(today)
  const [channel, setChannel] = useState<'email' | 'post'>(hasEmail ? 'email' : 'post')
  const [busy, setBusy] = useState(false)
  const dialog = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
    return () => element?.close()
  }, [])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    const ok = await markSent(reference, on, channel)
    setBusy(false)
    if (ok) onClose()
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="mark-sent-title" onCancel={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="mark-sent-title">Mark {reference} as sent</h2>
        <p className="muted">What you sent is then kept exactly as it is, and cannot be edited any more.</p>
        <label className="field">
          <span className="field-label">Sent on</span>
          <input type="date" required value={on} max={today} onChange={(e) => setOn(e.target.value)} />
        </label>
        <fieldset className="choices inline">
          <legend className="field-label">Sent by</legend>
          <label className={`choice ${channel === 'email' ? 'selected' : ''}`}>
            <input type="radio" name="channel" value="email" disabled={!hasEmail} checked={channel === 'email'} onChange={() => setChannel('email')} />
            <span>E-mail</span>
          </label>
          <label className={`choice ${channel === 'post' ? 'selected' : ''}`}>
            <input type="radio" name="channel" value="post" disabled={!hasPostal} checked={channel === 'post'} onChange={() => setChannel('post')} />
            <span>Post</span>
          </label>
        </fieldset>
        {channel === 'post' ? (
          <p className="hint">
            The legal clock starts when the company receives the letter. Until delivery can be recorded, Rightful counts from the day you
            posted it, which makes the deadline look earlier than it is.
          </p>
        ) : null}
        <div className="actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            Mark as sent
          </button>
        </div>
      </form>
    </dialog>
  )
}
