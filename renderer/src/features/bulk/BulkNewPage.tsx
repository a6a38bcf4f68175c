import { useState } from 'react'
import { requestTypes, type RequestType } from '@core/requests/kinds'
import { useStore } from '../../store/store'
import { requestTypeLabel } from '../../ui/format'
import { OperationHere } from '../../ui/OperationStatus'

/** The types a batch can carry: one request each, never a follow-up or a custom text. */
const batchTypes = requestTypes.filter((t): t is RequestType => t !== 'reminder' && t !== 'complaint' && t !== 'custom')

/**
 * One request type to many companies: Rightful writes one request per company, each with that
 * company's law, language, contact and subject rule, and shows them for review before anything
 * is sent.
 */
export function BulkNewPage({ companies }: { companies: ReadonlyArray<string> }) {
  const createBatch = useStore((s) => s.createBatch)
  const navigate = useStore((s) => s.navigate)
  const profile = useStore((s) => s.profile)
  const [type, setType] = useState<RequestType>('access')
  const [rate, setRate] = useState(10)
  const [busy, setBusy] = useState(false)

  const write = async () => {
    setBusy(true)
    try {
      const id = await createBatch({ companies, type, rate })
      if (id) navigate({ name: 'batch', id })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="page">
      <header className="page-header">
        <div>
          <h1>
            Ask {companies.length} {companies.length === 1 ? 'company' : 'companies'} at once
          </h1>
          <p className="lede">Rightful writes one request per company, in its language and under the law that applies to it, to the contact the catalog knows. You review the list before anything is sent.</p>
        </div>
      </header>
      {!profile ? (
        <div className="callout callout-warn">
          Enter your details first: every request says who is asking.{' '}
          <button type="button" className="link-button" onClick={() => navigate({ name: 'profile', returnTo: { name: 'bulk-new', companies } })}>
            Your details
          </button>
        </div>
      ) : null}
      <div className="card">
        <label className="field">
          <span className="field-label">What you ask for</span>
          <select value={type} onChange={(e) => setType(e.target.value as RequestType)}>
            {batchTypes.map((t) => (
              <option key={t} value={t}>
                {requestTypeLabel(t)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">E-mails per minute at most</span>
          <input type="number" min={1} max={600} value={rate} onChange={(e) => setRate(Math.max(1, Math.min(600, Number(e.target.value) || 1)))} />
          <span className="field-hint">Mail providers limit how fast one account may send; 10 a minute stays well inside what they allow.</span>
        </label>
        <p className="muted small">
          Companies without an e-mail address get a letter (all in one PDF to print); data brokers that take requests only through their web form go on a checklist with the form’s address.
        </p>
        <OperationHere channel="bulk:create" />
        <div className="actions">
          <button type="button" className="button" disabled={busy} onClick={() => navigate({ name: 'discover' })}>
            Back
          </button>
          <button type="button" className="button button-primary" disabled={busy || !profile || companies.length === 0} onClick={() => void write()}>
            {busy ? 'Writing…' : `Write ${companies.length} request${companies.length === 1 ? '' : 's'}`}
          </button>
        </div>
      </div>
    </section>
  )
}
