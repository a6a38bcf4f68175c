import type { CompanyView, Provenance } from '@core/catalog/schema'
import { formatDate } from './format'

const qualityWords = {
  tested: 'tested: a request was sent with it',
  verified: 'verified against the company’s own pages',
  imported: 'imported, not checked here',
  extracted: 'collected by a program, not checked by a person',
  user: 'entered by you',
} as const

/**
 * Where a fact came from: the policy's own words and its archive date, the data set it was
 * imported from, or the user.
 */
export function Quote({ provenance, company }: { provenance: Provenance; company: CompanyView }) {
  if (provenance.kind === 'user') {
    return <p className="provenance">Entered by you on {formatDate(provenance.enteredOn)}</p>
  }
  const source = company.sources.find((s) => s.id === provenance.sourceId)
  if (provenance.kind === 'import') {
    return (
      <p className="provenance">
        From {source ? <a href={source.url}>{source.title}</a> : 'an imported catalog'}
        {source?.retrievedOn ? `, imported on ${formatDate(source.retrievedOn)}` : source?.archivedOn ? `, as of ${formatDate(source.archivedOn)}` : ''} · {qualityWords[provenance.quality]}
      </p>
    )
  }
  return (
    <figure className="quote">
      <blockquote>“{provenance.quote}”</blockquote>
      <figcaption>
        {source ? (
          <>
            {source.title}
            {source.archivedOn ? `, archived ${formatDate(source.archivedOn)}` : ''}
            {source.supersededBy ? <span className="superseded"> · superseded by a later policy</span> : null}
            {provenance.quality === 'extracted' ? <span className="superseded"> · found by Rightful in the policy and kept by you</span> : null}
          </>
        ) : (
          'Source unknown'
        )}
      </figcaption>
    </figure>
  )
}
