import { useEffect, useRef } from 'react'
import { useStore } from '../../store/store'
import { countryName } from '../../ui/format'

/** A search box with the matching companies; `onPick` decides what a click does. */
export function CompanyResults({ onPick, autoFocus = false }: { onPick: (id: string) => void; autoFocus?: boolean }) {
  const query = useStore((s) => s.query)
  const hits = useStore((s) => s.hits)
  const search = useStore((s) => s.search)
  const input = useRef<HTMLInputElement>(null)

  useEffect(() => {
    void search(query)
    if (autoFocus) input.current?.focus()
    // Run once on mount with the last query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  return (
    <div className="company-search">
      <label className="field">
        <span className="field-label">Search the catalog</span>
        <input
          ref={input}
          type="search"
          placeholder="Company name, brand, domain or e-mail"
          value={query}
          onChange={(e) => void search(e.target.value)}
          aria-label="Search companies"
        />
      </label>
      {hits.length === 0 ? (
        <p className="muted">No company matches “{query}”. Check the spelling, or try its website’s domain.</p>
      ) : (
        <ul className="company-list" aria-label="Companies">
          {hits.map((hit) => (
            <li key={hit.id}>
              <button type="button" className="company-row" onClick={() => onPick(hit.id)} data-company={hit.id}>
                <span className="company-name">{hit.name}</span>
                <span className="company-meta">
                  {hit.domains.join(', ')}
                  {hit.country ? ` · ${countryName(hit.country)}` : ''}
                </span>
                <span className={hit.privacyEmail ? 'company-contact' : 'company-contact missing'}>
                  {hit.privacyEmail ?? 'No contact known'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
