import { useEffect, useRef } from 'react'
import { searchLimit } from '../../store/catalog-slice'
import { useStore } from '../../store/store'
import { countryName } from '../../ui/format'
import { useWindowedList } from '../../ui/useWindowedList'

const rowHeight = 64

/**
 * A search box with the matching companies; `onPick` decides what a click does. The list renders
 * only the rows in view, so a catalog of a hundred thousand companies scrolls and types smoothly.
 */
export function CompanyResults({ onPick, autoFocus = false }: { onPick: (id: string) => void; autoFocus?: boolean }) {
  const query = useStore((s) => s.query)
  const hits = useStore((s) => s.hits)
  const search = useStore((s) => s.search)
  const input = useRef<HTMLInputElement>(null)
  const [scroller, windowed] = useWindowedList(hits.length, rowHeight)

  useEffect(() => {
    void search(query)
    if (autoFocus) input.current?.focus()
    // Run once on mount with the last query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const { scrollToTop } = windowed
  useEffect(() => {
    // A new query starts at the top of its results.
    scrollToTop()
  }, [query, scrollToTop])

  return (
    <div className="company-search">
      <label className="field">
        <span className="field-label">Search the catalog</span>
        <input
          ref={input}
          type="search"
          placeholder="Company name, brand, domain, e-mail or address"
          value={query}
          onChange={(e) => void search(e.target.value)}
          aria-label="Search companies"
        />
      </label>
      {hits.length === 0 ? (
        <p className="muted">No company matches “{query}”. Check the spelling, or try its website’s domain.</p>
      ) : (
        <>
          <p className="muted small result-count" aria-live="polite">
            {hits.length >= searchLimit ? `The first ${searchLimit.toLocaleString('en')} matches; type more to narrow them.` : `${hits.length.toLocaleString('en')} ${hits.length === 1 ? 'company' : 'companies'}`}
          </p>
          <div className="company-list windowed" ref={scroller}>
            <ul aria-label="Companies" style={{ height: windowed.totalHeight, position: 'relative', margin: 0, padding: 0 }}>
              {hits.slice(windowed.first, windowed.last).map((hit, index) => (
                <li key={hit.id} style={{ position: 'absolute', top: (windowed.first + index) * rowHeight, left: 0, right: 0, height: rowHeight }} aria-posinset={windowed.first + index + 1} aria-setsize={hits.length}>
                  <button type="button" className="company-row" onClick={() => onPick(hit.id)} data-company={hit.id}>
                    <span className="company-name">{hit.name}</span>
                    <span className="company-meta">
                      {hit.domains.slice(0, 3).join(', ')}
                      {hit.country ? ` · ${countryName(hit.country)}` : ''}
                    </span>
                    <span className={hit.privacyEmail ? 'company-contact' : 'company-contact missing'}>{hit.privacyEmail ?? 'No contact known'}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </>
      )}
    </div>
  )
}
