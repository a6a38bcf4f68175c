import { useEffect, useMemo, useState, type FormEvent } from 'react'
import type { AuthorityProposalsView } from '@core/api/contract'
import type { AuthoritySummary } from '@core/authorities/schema'
import { api, messageOf, unwrap } from '../../api'
import { useStore } from '../../store/store'
import { CountrySelect } from '../../ui/CountrySelect'
import { Dialog } from '../../ui/Dialog'
import { countryOptions, languageLabel } from '../../ui/format'
import { FormError } from '../../ui/FormError'

/** The select's value for "I type the authority myself". */
const OWN = '__own__'

const countryName = (code: string) => countryOptions().find((c) => c.code === code)?.name ?? code

function label(authority: AuthoritySummary): string {
  const short = authority.acronym ? ` (${authority.acronym})` : ''
  return authority.name === authority.nameEn ? `${authority.name}${short}` : `${authority.nameEn}${short} – ${authority.name}`
}

/**
 * The complaint to a supervisory authority: Rightful proposes the competent one (preselected, with
 * its reason and contacts); the user may pick another from the built-in list or type one in.
 */
export function ComplaintDialog({ reference, onClose }: { reference: string; onClose: () => void }) {
  const createFollowUp = useStore((s) => s.createFollowUp)
  const navigate = useStore((s) => s.navigate)
  const [proposed, setProposed] = useState<AuthorityProposalsView | null>(null)
  const [all, setAll] = useState<ReadonlyArray<AuthoritySummary>>([])
  const [loadError, setLoadError] = useState<string | null>(null)
  const [choice, setChoice] = useState<string>('')
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [address, setAddress] = useState('')
  const [country, setCountry] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  /** The language chosen for the complaint; '' for the default (the authority's own). */
  const [lang, setLang] = useState('')
  const record = useStore((s) => s.views.get(reference)?.record ?? null)
  const templates = useStore((s) => s.templates)
  const loadTemplates = useStore((s) => s.loadTemplates)

  useEffect(() => {
    void loadTemplates()
  }, [loadTemplates])

  useEffect(() => {
    let live = true
    void (async () => {
      try {
        const [view, list] = await Promise.all([api().authorities.propose({ reference }), api().authorities.list({})])
        if (!live) return
        const proposals = unwrap(view)
        setProposed(proposals)
        setAll(unwrap(list))
        const first = proposals.proposals[0]
        // A proposal the user must confirm (which German Land) is never chosen for them.
        setChoice(first ? (first.choose ? '' : first.authority.id) : OWN)
      } catch (failure) {
        if (!live) return
        setLoadError(messageOf(failure))
        setChoice(OWN)
      }
    })()
    return () => {
      live = false
    }
  }, [reference])

  const proposals = useMemo(() => proposed?.proposals ?? [], [proposed])
  const firm = proposals.filter((p) => !p.choose)
  const toChoose = proposals.filter((p) => p.choose)
  const others = useMemo(() => {
    const offered = new Set(proposals.map((p) => p.authority.id))
    return [...all].filter((a) => !offered.has(a.id)).sort((a, b) => countryName(a.country).localeCompare(countryName(b.country)) || a.nameEn.localeCompare(b.nameEn))
  }, [all, proposals])
  const selected = choice && choice !== OWN ? (all.find((a) => a.id === choice) ?? proposals.find((p) => p.authority.id === choice)?.authority ?? null) : null
  const proposal = proposals.find((p) => p.authority.id === choice) ?? null
  // The languages a complaint under the request's law can be written in, and the one by default:
  // the authority's own where Rightful writes it, else the request's.
  const writable = useMemo(
    () => [...new Set(templates.filter((t) => t.type === 'complaint' && record !== null && t.laws.includes(record.law)).map((t) => t.lang))],
    [templates, record],
  )
  const authorityLang = selected?.languages.find((l) => writable.includes(l)) ?? null
  const defaultLang = authorityLang ?? record?.lang ?? 'en'

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!choice) return setError('Choose the authority for the place where you live.')
    if (choice !== OWN) {
      setBusy(true)
      const created = await createFollowUp(reference, 'complaint', undefined, choice, lang || undefined)
      setBusy(false)
      if (created) {
        onClose()
        navigate({ name: 'request', reference: created })
      }
      return
    }
    const lines = address.split('\n').map((l) => l.trim()).filter(Boolean)
    if (!name.trim()) return setError('Name the authority.')
    if (!email.trim() && lines.length === 0) return setError('Give the authority’s e-mail address or postal address.')
    if (lines.length && !country) return setError('Choose the country of the postal address.')
    setBusy(true)
    const created = await createFollowUp(
      reference,
      'complaint',
      { name: name.trim(), email: email.trim() || null, postal: lines.length ? { recipient: name.trim(), lines, country } : null },
      undefined,
      lang || undefined,
    )
    setBusy(false)
    if (created) {
      onClose()
      navigate({ name: 'request', reference: created })
    }
  }

  return (
    <Dialog title="Complaint to a supervisory authority" onClose={onClose} wide>
      <form onSubmit={(e) => void submit(e)}>
        {proposed === null && loadError === null ? <p className="muted">Finding the competent authority…</p> : null}
        {loadError ? (
          <p className="hint" role="status">
            Rightful could not propose an authority ({loadError}). Type it in below.
          </p>
        ) : null}
        {proposed !== null && proposals.length === 0 ? (
          <p className="hint" role="status">
            Rightful knows no authority for this case. Pick one from the list, or type it in.
          </p>
        ) : null}
        <label className="field">
          <span className="field-label">Authority</span>
          <select data-testid="complaint-authority" value={choice} onChange={(e) => {
              setChoice(e.target.value)
              setError(null)
            }}>
            {choice === '' ? <option value="">Choose…</option> : null}
            {firm.length > 0 ? (
              <optgroup label="Proposed">
                {firm.map((p) => (
                  <option key={p.authority.id} value={p.authority.id}>
                    {label(p.authority)}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {toChoose.length > 0 ? (
              <optgroup label="The authority where you live">
                {toChoose.map((p) => (
                  <option key={p.authority.id} value={p.authority.id}>
                    {p.authority.regionNames.join(', ')}: {label(p.authority)}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {others.length > 0 ? (
              <optgroup label="Every other authority">
                {others.map((a) => (
                  <option key={a.id} value={a.id}>
                    {countryName(a.country)}: {label(a)}
                  </option>
                ))}
              </optgroup>
            ) : null}
            <option value={OWN}>Another authority: type it in</option>
          </select>
        </label>

        {choice === '' && toChoose.length > 0 ? (
          <p className="muted" data-testid="authority-reason">
            {toChoose[0]!.reason}
            {toChoose[0]!.basis === 'residence' ? ' Add your Land under Your details and Rightful proposes its authority.' : ''}
          </p>
        ) : null}

        {selected ? (
          <div className="contact" data-testid="authority-details">
            {proposal ? (
              <p className="small" data-testid="authority-reason">
                {proposal.reason}
              </p>
            ) : (
              <p className="small muted" data-testid="authority-reason">
                You chose this authority yourself: check on its website that it handles your case.
              </p>
            )}
            <dl className="facts small">
              {selected.contacts.email ? (
                <>
                  <dt>E-mail</dt>
                  <dd className="selectable" data-testid="authority-email">{selected.contacts.email}</dd>
                </>
              ) : null}
              {selected.contacts.postal ? (
                <>
                  <dt>Post</dt>
                  <dd className="selectable">{[selected.name, ...selected.contacts.postal.lines, countryName(selected.contacts.postal.country)].join(', ')}</dd>
                </>
              ) : null}
              {selected.contacts.phone ? (
                <>
                  <dt>Phone</dt>
                  <dd className="selectable">{selected.contacts.phone}</dd>
                </>
              ) : null}
              {selected.contacts.complaintForm ? (
                <>
                  <dt>Online form</dt>
                  <dd>
                    <a className="break" href={selected.contacts.complaintForm} target="_blank" rel="noreferrer">
                      {selected.contacts.complaintForm}
                    </a>
                  </dd>
                </>
              ) : null}
              <dt>Website</dt>
              <dd>
                <a className="break" href={selected.contacts.website} target="_blank" rel="noreferrer">
                  {selected.contacts.website}
                </a>
              </dd>
            </dl>
            {!selected.contacts.email && !selected.contacts.postal ? (
              <p className="hint">This authority takes complaints only through its online form: Rightful writes the text, and you paste it there.</p>
            ) : null}
            {selected.verified ? null : (
              <p className="small muted" data-testid="authority-unverified">
                These contact details could not all be confirmed on the authority’s own website; check them there before sending.
              </p>
            )}
          </div>
        ) : null}

        {choice === OWN ? (
          <>
            <p className="muted">
              Complain to the data protection authority of the country where you live or work, or where the company is established. Its website gives
              the address for complaints.
            </p>
            <label className="field">
              <span className="field-label">Its name</span>
              <input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Information Commissioner’s Office" />
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
          </>
        ) : null}
        {choice !== '' && writable.length > 0 ? (
          <label className="field">
            <span className="field-label">Language of the complaint</span>
            <select data-testid="complaint-language" value={lang} onChange={(e) => setLang(e.target.value)}>
              <option value="">
                {languageLabel(defaultLang)} ({authorityLang ? 'the authority’s language' : 'the language of your request'})
              </option>
              {writable
                .filter((l) => l !== defaultLang)
                .map((l) => (
                  <option key={l} value={l}>
                    {languageLabel(l)}
                  </option>
                ))}
            </select>
          </label>
        ) : null}
        <FormError error={error} />
        <div className="actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy || (proposed === null && loadError === null)}>
            Write the complaint
          </button>
        </div>
      </form>
    </Dialog>
  )
}
