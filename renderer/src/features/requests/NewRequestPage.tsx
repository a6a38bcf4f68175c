import { useEffect, useMemo, useState } from 'react'
import { proposeLaw } from '@core/requests/law-proposal'
import { laws as allLaws, type Law, type RequestType } from '@core/requests/kinds'
import { rightsUnder, rightTypes, type RightStatus, type RightType } from '@core/requests/rights'
import { useStore } from '../../store/store'
import { CompanyResults } from '../companies/CompanyResults'
import { languageLabel, lawLabel, lawShort, requestTypeLong } from '../../ui/format'
import { noTemplateText, rightReasonText } from '../../ui/rights-text'
import './new-request.css'

/** A kind of request under the chosen law: offered when the law grants it and a template writes it. */
type Offer = RightStatus & { readonly template: boolean }

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
  const company = useStore((s) => (companyId ? s.companies.get(companyId) : undefined))
  const loadCompany = useStore((s) => s.loadCompany)
  const profile = useStore((s) => s.profile)
  const profileLoaded = useStore((s) => s.profileLoaded)
  const loadProfile = useStore((s) => s.loadProfile)
  const createRequest = useStore((s) => s.createRequest)
  const templates = useStore((s) => s.templates)
  const loadTemplates = useStore((s) => s.loadTemplates)
  const [chosenType, setType] = useState<RightType>('access')
  const [chosenLaw, setLaw] = useState<Law | null>(null)
  const [chosenLang, setLang] = useState<string | null>(null)
  const [identifiers, setIdentifiers] = useState('')
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (companyId) void loadCompany(companyId)
    void loadProfile()
    void loadTemplates()
  }, [companyId, loadCompany, loadProfile, loadTemplates])

  // The laws Rightful has templates for, in its own order.
  const laws = useMemo(() => allLaws.filter((l) => templates.some((t) => t.laws.includes(l))), [templates])
  // The law first (from where the user lives, else where the company is established); never a guess.
  const proposal = proposeLaw({ available: laws, userCountry: profile?.country ?? null, userRegion: profile?.region ?? null, companyCountries: company?.establishment ?? [] })
  const law: Law | null = chosenLaw && laws.includes(chosenLaw) ? chosenLaw : proposal.law
  // Then the kinds of request that law grants, in the order of the rights (your own words last).
  // (Not memoised: a dozen entries, and the law's name is read below through function calls.)
  const offers: ReadonlyArray<Offer> = law
    ? rightsUnder(law).map((r) => ({ ...r, template: templates.some((x) => x.type === r.type && x.laws.includes(law)) }))
    : rightTypes.map((t) => ({ type: t, granted: true, why: null, template: templates.some((x) => x.type === t) }))
  const offered = offers.filter((o) => o.granted && o.template)
  const withheld = offers.filter((o) => !(o.granted && o.template))
  const type: RequestType = offered.some((o) => o.type === chosenType) ? chosenType : (offered[0]?.type ?? 'access')
  const languages = law ? [...new Set(templates.filter((t) => t.type === type && t.laws.includes(law)).map((t) => t.lang))] : []
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
    if (!law) return
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

      <div className="grid-2 compact">
        <div className="field">
          <label className="field-label" htmlFor="new-request-law">
            Law
          </label>
          <select
            id="new-request-law"
            value={law ?? ''}
            onChange={(e) => setLaw((e.target.value || null) as Law | null)}
            aria-describedby="law-reason"
            aria-invalid={law ? undefined : true}
          >
            {law ? null : <option value="">Choose the law that protects you…</option>}
            {laws.map((l) => (
              <option key={l} value={l}>
                {lawLabel(l) ?? l}
              </option>
            ))}
          </select>
          <span id="law-reason" className={`field-hint ${proposal.grounded ? '' : 'field-hint-warn'}`} data-testid="law-reason">
            {!law
              ? proposal.reason
              : proposal.law === law
                ? proposal.reason
                : proposal.law
                  ? `You chose this law instead of ${lawLabel(proposal.law)}, which Rightful proposes. ${proposal.reason}`
                  : 'You chose this law yourself: Rightful could not tell which applies from your details and the company’s.'}
          </span>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="new-request-lang">
            Language
          </label>
          <select id="new-request-lang" value={lang} disabled={languages.length < 2} onChange={(e) => setLang(e.target.value)}>
            {languages.map((l) => (
              <option key={l} value={l}>
                {languageLabel(l) ?? l}
              </option>
            ))}
          </select>
        </div>
      </div>

      <fieldset className="choices">
        <legend className="field-label">{law ? `Kind of request under the ${lawShort(law)}` : 'Kind of request'}</legend>
        {offered.map((offer) => (
          <label key={offer.type} className={`choice ${type === offer.type ? 'selected' : ''}`}>
            <input type="radio" name="kind" value={offer.type} checked={type === offer.type} onChange={() => setType(offer.type)} />
            <span>
              <strong>{offer.type === 'custom' ? 'Something else, in your own words' : requestTypeLong(offer.type)}</strong>
              <span className="muted">{descriptions[offer.type]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {law && withheld.length > 0 ? (
        <details className="rights-withheld" data-testid="rights-withheld">
          <summary>
            Not offered under the {lawShort(law)} ({withheld.length}): why
          </summary>
          <ul>
            {withheld.map((offer) => (
              <li key={offer.type} data-type={offer.type}>
                <strong>{requestTypeLong(offer.type)}</strong>
                <span className="muted small">{offer.why ? rightReasonText(offer.why) : noTemplateText(law)}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}

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
          disabled={busy || !profile || !company || !law || Boolean(noContact) || offered.length === 0 || (type === 'custom' && !text.trim())}
          onClick={() => void write()}
        >
          Write the request
        </button>
      </div>
    </section>
  )
}
