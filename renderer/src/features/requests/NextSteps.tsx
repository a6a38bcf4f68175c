import { useState, type FormEvent } from 'react'
import type { RequestView } from '@core/api/contract'
import { useStore } from '../../store/store'
import { CountrySelect } from '../../ui/CountrySelect'
import { Dialog } from '../../ui/Dialog'

/** What the user can do now: the reminder, then the complaint, written from this request. */
export function NextSteps({ view }: { view: RequestView }) {
  const createFollowUp = useStore((s) => s.createFollowUp)
  const navigate = useStore((s) => s.navigate)
  const [complaining, setComplaining] = useState(false)
  const [busy, setBusy] = useState(false)
  const steps = view.nextSteps
  if (steps.length === 0 || view.record.type === 'reminder' || view.record.type === 'complaint') return null

  const remind = async () => {
    setBusy(true)
    const reference = await createFollowUp(view.record.reference, 'reminder')
    setBusy(false)
    if (reference) navigate({ name: 'request', reference })
  }

  return (
    <div className={`card next-steps ${steps.some((s) => s.urgent) ? 'urgent' : ''}`} data-testid="next-steps">
      <h2>Next step</h2>
      <ul>
        {steps.map((step) => (
          <li key={step.kind + step.text}>
            <p>{step.text}</p>
            {step.kind === 'reminder' ? (
              <button type="button" className={`button ${step.urgent ? 'button-primary' : ''}`} disabled={busy} onClick={() => void remind()}>
                Write the reminder
              </button>
            ) : step.kind === 'complaint' ? (
              <button type="button" className={`button ${step.urgent ? 'button-primary' : ''}`} disabled={busy} onClick={() => setComplaining(true)}>
                Write the complaint…
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {complaining ? <ComplaintDialog reference={view.record.reference} onClose={() => setComplaining(false)} /> : null}
    </div>
  )
}

function ComplaintDialog({ reference, onClose }: { reference: string; onClose: () => void }) {
  const createFollowUp = useStore((s) => s.createFollowUp)
  const navigate = useStore((s) => s.navigate)
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [address, setAddress] = useState('')
  const [country, setCountry] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const lines = address.split('\n').map((l) => l.trim()).filter(Boolean)
    if (!email.trim() && lines.length === 0) return setError('Give the authority’s e-mail address or postal address.')
    if (lines.length && !country) return setError('Choose the country of the postal address.')
    setBusy(true)
    const created = await createFollowUp(reference, 'complaint', {
      name: name.trim(),
      email: email.trim() || null,
      postal: lines.length ? { recipient: name.trim(), lines, country } : null,
    })
    setBusy(false)
    if (created) {
      onClose()
      navigate({ name: 'request', reference: created })
    }
  }

  return (
    <Dialog title="Complaint to a supervisory authority" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <p className="muted">
          Complain to the data protection authority of the country where you live or work, or where the company is established. Its website
          gives the address for complaints.
        </p>
        <label className="field">
          <span className="field-label">Authority</span>
          <input required value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Information Commissioner’s Office" />
        </label>
        <label className="field">
          <span className="field-label">Its e-mail address for complaints</span>
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">Or its postal address (one line per row)</span>
          <textarea rows={3} value={address} onChange={(e) => setAddress(e.target.value)} />
        </label>
        <CountrySelect label="Country of the postal address" value={country} onChange={setCountry} />
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            Write the complaint
          </button>
        </div>
      </form>
    </Dialog>
  )
}
