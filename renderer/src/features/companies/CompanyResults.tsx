import { useEffect, useRef } from 'react'
import type { CompanyHit } from '@core/api/contract'
import { searchLimit } from '../../store/catalog-slice'
import { useStore } from '../../store/store'
import { countryName, formatNumber } from '../../ui/format'
import { useTranslation } from 'react-i18next'
import { useWindowedList } from '../../ui/useWindowedList'

const rowHeight = 64

/** A query that looks like a web address or domain ("example.com", "https://www.example.com/x"), as a domain. */
function domainIn(query: string): string | null {
  const host = query.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/[/?#].*$/, '')
  return /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u.test(host) && !host.includes('@') ? host : null
}

/**
 * When nothing matches: the two ways to go on. The spelling may well be right (the catalog cannot
 * know every company), so the message never blames it.
 */
function NoMatch({ query }: { query: string }) {
  const navigate = useStore((s) => s.navigate)
  const trimmed = query.trim()
  const domain = domainIn(trimmed)
  const name = domain ? '' : trimmed
  const { t } = useTranslation('catalog', { keyPrefix: 'search' })
  return (
    <div className="no-match" role="status">
      <p>
        <strong>{t('noMatch', { query: trimmed })}</strong> {t('notEvery')}
      </p>
      <div className="actions start">
        <button type="button" className="button button-primary" onClick={() => navigate({ name: 'company-edit', id: null, prefill: domain ? { domain } : { name } })}>
          {t('addYourself', { query: trimmed })}
        </button>
        <button type="button" className="button" onClick={() => navigate({ name: 'policy-import' })}>
          {t('learn')}
        </button>
      </div>
      <p className="muted small">{t('hint')}</p>
    </div>
  )
}

/** What sets a company apart in the list: a data broker, a web form only, gone. */
function HitTags({ hit }: { hit: CompanyHit }) {
  const { t } = useTranslation('catalog', { keyPrefix: 'search' })
  const tags: string[] = []
  if (hit.standing === 'defunct') tags.push('defunct')
  if (hit.standing === 'merged') tags.push('merged')
  if (hit.broker) tags.push('broker')
  if (hit.webFormOnly) tags.push('webFormOnly')
  if (tags.length === 0) return null
  return (
    <span className="company-tags">
      {tags.map((tag) => (
        <span key={tag} className={`tag ${tag === 'defunct' ? 'tag-warn' : ''}`}>
          {t(tag)}
        </span>
      ))}
    </span>
  )
}

/** One row of the list: the company, and a checkbox beside it when several can be picked. */
function CompanyRow({ hit, onPick, selection }: { hit: CompanyHit; onPick: (id: string) => void; selection: { readonly picked: ReadonlySet<string>; toggle(id: string): void } | null }) {
  const { t } = useTranslation('catalog', { keyPrefix: 'search' })
  const row = (
    <button type="button" className="company-row" onClick={() => onPick(hit.id)} data-company={hit.id}>
      <span className="company-name">
        {hit.name}
        <HitTags hit={hit} />
      </span>
      <span className="company-meta">
        {hit.domains.slice(0, 3).join(', ')}
        {hit.country ? ` · ${countryName(hit.country)}` : ''}
      </span>
      <span className={hit.privacyEmail ? 'company-contact' : 'company-contact missing'}>{hit.privacyEmail ?? t('noContact')}</span>
    </button>
  )
  if (!selection) return row
  return (
    <div className="company-row-pick">
      <input type="checkbox" aria-label={t('pickName', { name: hit.name })} checked={selection.picked.has(hit.id)} onChange={() => selection.toggle(hit.id)} />
      {row}
    </div>
  )
}

/**
 * A search box with the matching companies; `onPick` decides what a click does. The list renders
 * only the rows in view, so a catalog of a hundred thousand companies scrolls and types smoothly.
 * `offerToAdd`: when nothing matches, offer to add the company or learn it from its policy.
 * `selection`: a checkbox on each row, to pick several companies at once (a bulk request).
 */
export function CompanyResults({
  onPick,
  autoFocus = false,
  offerToAdd = true,
  selection = null,
}: {
  onPick: (id: string) => void
  autoFocus?: boolean
  offerToAdd?: boolean
  selection?: { readonly picked: ReadonlySet<string>; toggle(id: string): void } | null
}) {
  const query = useStore((s) => s.query)
  const hits = useStore((s) => s.hits)
  const search = useStore((s) => s.search)
  const input = useRef<HTMLInputElement>(null)
  const [scroller, windowed] = useWindowedList(hits.length, rowHeight)
  const { t } = useTranslation('catalog', { keyPrefix: 'search' })

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
        <span className="field-label">{t('label')}</span>
        <input
          ref={input}
          type="search"
          placeholder={t('placeholder')}
          value={query}
          onChange={(e) => void search(e.target.value)}
          aria-label={t('aria')}
        />
      </label>
      {hits.length === 0 ? (
        query.trim() === '' ? null : offerToAdd ? (
          <NoMatch query={query} />
        ) : (
          <p className="muted" role="status">
            {t('noMatchPlain', { query: query.trim() })}
          </p>
        )
      ) : (
        <>
          <p className="muted small result-count" aria-live="polite">
            {hits.length >= searchLimit ? t('first', { limit: formatNumber(searchLimit) }) : t('count', { count: hits.length, formatted: formatNumber(hits.length) })}
          </p>
          <div className="company-list windowed" ref={scroller}>
            <ul aria-label={t('list')} style={{ height: windowed.totalHeight, position: 'relative', margin: 0, padding: 0 }}>
              {hits.slice(windowed.first, windowed.last).map((hit, index) => (
                <li key={hit.id} style={{ position: 'absolute', top: (windowed.first + index) * rowHeight, left: 0, right: 0, height: rowHeight }} aria-posinset={windowed.first + index + 1} aria-setsize={hits.length}>
                  <CompanyRow hit={hit} onPick={onPick} selection={selection} />
                </li>
              ))}
            </ul>
          </div>
        </>
      )}
    </div>
  )
}
