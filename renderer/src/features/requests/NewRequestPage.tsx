import { useEffect, useMemo, useState } from 'react'
import { proposeLaw } from '@core/requests/law-proposal'
import type { Law, RequestType } from '@core/requests/model'
import { useStore } from '../../store/store'
import { CompanyResults } from '../companies/CompanyResults'
import { languageLabel, lawLabel, requestTypeLong } from '../../ui/format'

const descriptions: Partial<Record<RequestType, string>> = {
  access: 'Ask the company whether it processes your personal data, for a copy of it, and how it uses it.',
  erasure: 'Ask the company to delete the personal data it holds about you.',
  rectification: 'Ask the company to correct data about you that are wrong or incomplete.',
  restriction: 'Ask the company to stop using your data for now, without deleting them.',
  portability: 'Ask for the data you gave the company in a machine-readable file.',
  objection: 'Object to the use of your data, for direct marketing or on grounds of your situation.',
  'withdraw-consent': 'Withdraw a consent you gave earlier.',
  'opt-out': 'Tell the company not to sell or share your personal information.',
  limit: 'Limit the use of your sensitive personal information.',
  custom: 'Write your own request.',
}

/** The request types that take the user's own words, and what to ask for. */
const textPrompt: Partial<Record<RequestType, string>> = {
  custom: 'What you ask {company} for',
  rectification: 'What is wrong, and what is right (optional: without it, the request asks {company} to match your details above)',
  restriction: 'Why the processing should be restricted (optional)',
  objection: 'Your particular situation, or the processing you object to (optional)',
}

export function NewRequestPage({ companyId }: { companyId: string | null }) {
  const navigate = useStore((s) => s.navigate)
  const company = useStore((s) => (companyId ? s.companies[companyId] : undefined))
  const loadCompany = useStore((s) => s.loadCompany)
  const profile = useStore((s) => s.profile)
  const profileLoaded = useStore((s) => s.profileLoaded)
  const loadProfile = useStore((s) => s.loadProfile)
  const createRequest = useStore((s) => s.createRequest)
  const templates = useStore((s) => s.templates)
  const loadTemplates = useStore((s) => s.loadTemplates)
  const [type, setType] = useState<RequestType>('access')
  const [chosenLaw, setLaw] = useState<string | null>(null)
  const [chosenLang, setLang] = useState<string | null>(null)
  const [identifiers, setIdentifiers] = useState('')
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (companyId) void loadCompany(companyId)
    void loadProfile()
    void loadTemplates()
  }, [companyId, loadCompany, loadProfile, loadTemplates])

  // In the order of the rights (access first, your own words last), whatever order the files have.
  const types = useMemo(() => {
    const offered = new Set(templates.map((t) => t.type))
    return (Object.keys(requestTypeLong) as RequestType[]).filter((t) => offered.has(t) && t !== 'reminder' && t !== 'complaint')
  }, [templates])
  const laws = useMemo(() => [...new Set(templates.filter((t) => t.type === type).flatMap((t) => t.laws as Law[]))], [templates, type])
  const proposal = proposeLaw({ available: laws, userCountry: profile?.country ?? null, userRegion: profile?.region ?? null, companyCountries: company?.establishment ?? [] })
  const law = chosenLaw && laws.includes(chosenLaw as Law) ? chosenLaw : (proposal?.law ?? 'gdpr')
  const languages = useMemo(() => [...new Set(templates.filter((t) => t.type === type && t.laws.includes(law)).map((t) => t.lang))], [templates, type, law])
  // The company's request language first (its demand, or its policy's language), else English.
  const companyLang = company?.requirements.language?.code ?? null
  const lang = chosenLang && languages.includes(chosenLang) ? chosenLang : companyLang && languages.includes(companyLang) ? companyLang : languages.includes('en') ? 'en' : (languages[0] ?? 'en')

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
    const reference = await createRequest({ companyId, type, law, lang, identifiers: identifiers.trim() || null, text: textPrompt[type] && text.trim() ? text : null })
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
        {types.map((kind) => (
          <label key={kind} className={`choice ${type === kind ? 'selected' : ''}`}>
            <input type="radio" name="kind" value={kind} checked={type === kind} onChange={() => setType(kind)} />
            <span>
              <strong>{kind === 'custom' ? 'Something else, in your own words' : requestTypeLong[kind]}</strong>
              <span className="muted">{descriptions[kind]}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <div className="grid-2 compact">
        <label className="field">
          <span className="field-label">Law</span>
          <select value={law} disabled={laws.length < 2} onChange={(e) => setLaw(e.target.value)} aria-describedby="law-reason">
            {laws.map((l) => (
              <option key={l} value={l}>
                {lawLabel[l] ?? l}
              </option>
            ))}
          </select>
          {proposal ? (
            <span id="law-reason" className={`field-hint ${proposal.grounded ? '' : 'field-hint-warn'}`} data-testid="law-reason">
              {proposal.law === law ? proposal.reason : `You chose this law instead of ${lawLabel[proposal.law]}, which Rightful proposes. ${proposal.reason}`}
            </span>
          ) : null}
        </label>
        <label className="field">
          <span className="field-label">Language</span>
          <select value={lang} disabled={languages.length < 2} onChange={(e) => setLang(e.target.value)}>
            {languages.map((l) => (
              <option key={l} value={l}>
                {languageLabel[l] ?? l}
              </option>
            ))}
          </select>
        </label>
      </div>

      {textPrompt[type] ? (
        <label className="field">
          <span className="field-label">{textPrompt[type]!.replace('{company}', company?.name ?? 'the company')}</span>
          <textarea rows={5} value={text} onChange={(e) => setText(e.target.value)} maxLength={20000} />
        </label>
      ) : null}

      <label className="field">
        <span className="field-label">Your customer or account number with {company?.name ?? 'the company'} (optional, one per line)</span>
        <textarea rows={2} value={identifiers} onChange={(e) => setIdentifiers(e.target.value)} maxLength={2000} placeholder="e.g. Customer number 12345" />
      </label>
      {company?.requirements.idDocument ? (
        <div className="callout callout-warn">
          {company.name} says it needs a copy of an identity document: “{company.requirements.idDocument.text}”. Black out everything it does not
          need (photo, document number, nationality) before you send a copy.
        </div>
      ) : (
        <p className="hint">
          The request gives only what identifies you to the company. Do not send a copy of your passport or ID card unless the company shows it
          truly needs one; the request says so too.
        </p>
      )}

      {profileLoaded && !profile ? (
        <div className="callout callout-warn" data-testid="profile-needed">
          The request must say who is asking.{' '}
          <button type="button" className="button button-small" onClick={() => navigate({ name: 'profile', returnTo: { name: 'new-request', companyId } })}>
            Enter your details
          </button>
        </div>
      ) : null}

      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={busy || !profile || !company || Boolean(noContact) || laws.length === 0 || (type === 'custom' && !text.trim())}
          onClick={() => void write()}
        >
          Write the request
        </button>
      </div>
    </section>
  )
}
