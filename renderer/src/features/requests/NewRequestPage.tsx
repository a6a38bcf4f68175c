import { useEffect, useState } from 'react'
import { useStore } from '../../store/store'
import { CompanyResults } from '../companies/CompanyResults'
import { requestTypeLong } from '../../ui/format'

const kinds = [
  {
    type: 'access' as const,
    description: 'Ask the company whether it processes your personal data, for a copy of it, and how it uses it (Art. 15 GDPR).',
  },
  {
    type: 'erasure' as const,
    description: 'Ask the company to delete the personal data it holds about you (Art. 17 GDPR).',
  },
]

export function NewRequestPage({ companyId }: { companyId: string | null }) {
  const navigate = useStore((s) => s.navigate)
  const company = useStore((s) => (companyId ? s.companies[companyId] : undefined))
  const loadCompany = useStore((s) => s.loadCompany)
  const profile = useStore((s) => s.profile)
  const profileLoaded = useStore((s) => s.profileLoaded)
  const loadProfile = useStore((s) => s.loadProfile)
  const createRequest = useStore((s) => s.createRequest)
  const [type, setType] = useState<'access' | 'erasure'>('access')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (companyId) void loadCompany(companyId)
    void loadProfile()
  }, [companyId, loadCompany, loadProfile])

  if (!companyId) {
    return (
      <section className="page">
        <header className="page-header">
          <div>
            <h1>New request</h1>
            <p className="lede">Step 1 of 2: which company?</p>
          </div>
        </header>
        <CompanyResults autoFocus onPick={(id) => navigate({ name: 'new-request', companyId: id })} />
      </section>
    )
  }

  const write = async () => {
    setBusy(true)
    const reference = await createRequest({ companyId, type })
    setBusy(false)
    if (reference) navigate({ name: 'request', reference })
  }

  const noContact = company && !company.privacyEmail && !company.letterAddress

  return (
    <section className="page narrow">
      <button type="button" className="link-button back" onClick={() => navigate({ name: 'new-request', companyId: null })}>
        ← Choose another company
      </button>
      <header className="page-header">
        <div>
          <h1>New request to {company?.name ?? '…'}</h1>
          <p className="lede">Step 2 of 2: what do you want?</p>
        </div>
      </header>

      {company ? (
        <p className="recipient-line">
          To: <strong>{company.privacyEmail ?? 'no e-mail address known'}</strong>
          {company.letterAddress ? ` · by post: ${company.letterAddress.recipient}, ${company.letterAddress.lines.join(', ')}` : ''}
        </p>
      ) : null}

      {noContact ? (
        <div className="callout callout-warn">
          No contact is known for {company.name}.{' '}
          <button type="button" className="link-button" onClick={() => navigate({ name: 'company', id: company.id })}>
            Add one on its page
          </button>{' '}
          first.
        </div>
      ) : null}

      <fieldset className="choices">
        <legend className="field-label">Kind of request</legend>
        {kinds.map((kind) => (
          <label key={kind.type} className={`choice ${type === kind.type ? 'selected' : ''}`}>
            <input type="radio" name="kind" value={kind.type} checked={type === kind.type} onChange={() => setType(kind.type)} />
            <span>
              <strong>{requestTypeLong[kind.type]}</strong>
              <span className="muted">{kind.description}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <div className="grid-2 compact">
        <label className="field">
          <span className="field-label">Law</span>
          <select value="gdpr" disabled>
            <option value="gdpr">GDPR (European Union)</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">Language</span>
          <select value="en" disabled>
            <option value="en">English</option>
          </select>
        </label>
      </div>

      {profileLoaded && !profile ? (
        <div className="callout callout-warn" data-testid="profile-needed">
          The request must say who is asking.{' '}
          <button type="button" className="button button-small" onClick={() => navigate({ name: 'profile', returnTo: { name: 'new-request', companyId } })}>
            Enter your details
          </button>
        </div>
      ) : null}

      <div className="actions">
        <button type="button" className="button button-primary" disabled={busy || !profile || !company || Boolean(noContact)} onClick={() => void write()}>
          Write the request
        </button>
      </div>
    </section>
  )
}
