import type { CompanyView, Provenance } from '@core/catalog/schema'
import { formatDate } from './format'

/** Where a fact came from: the policy's own words and its archive date, or the user. */
export function Quote({ provenance, company }: { provenance: Provenance; company: CompanyView }) {
  if (provenance.kind === 'user') {
    return <p className="provenance">Entered by you on {formatDate(provenance.enteredOn)}</p>
  }
  const source = company.sources.find((s) => s.id === provenance.sourceId)
  return (
    <figure className="quote">
      <blockquote>“{provenance.quote}”</blockquote>
      <figcaption>
        {source ? (
          <>
            {source.title}, archived {formatDate(source.archivedOn)}
            {source.supersededBy ? <span className="superseded"> · superseded by a later policy</span> : null}
          </>
        ) : (
          'Source unknown'
        )}
      </figcaption>
    </figure>
  )
}
