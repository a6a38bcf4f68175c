import type { CompanyView, Provenance } from '@core/catalog/schema'
import { Trans, useTranslation } from 'react-i18next'
import { formatDate } from './format'

/**
 * Where a fact came from: the policy's own words and its archive date, the data set it was
 * imported from, or the user.
 */
export function Quote({ provenance, company }: { provenance: Provenance; company: CompanyView }) {
  const { t } = useTranslation('ui')
  if (provenance.kind === 'user') {
    return <p className="provenance">{t('quote.enteredBy', { date: formatDate(provenance.enteredOn) })}</p>
  }
  const source = company.sources.find((s) => s.id === provenance.sourceId)
  if (provenance.kind === 'import') {
    return (
      <p className="provenance">
        {source ? <Trans t={t} i18nKey="quote.from" values={{ title: source.title }} components={{ site: <a href={source.url} /> }} /> : t('quote.fromCatalog')}
        {source?.retrievedOn ? t('quote.importedOn', { date: formatDate(source.retrievedOn) }) : source?.archivedOn ? t('quote.asOf', { date: formatDate(source.archivedOn) }) : ''} ·{' '}
        {t(`quote.quality.${provenance.quality}`)}
      </p>
    )
  }
  return (
    <figure className="quote">
      <blockquote>{t('quote.quoted', { text: provenance.quote })}</blockquote>
      <figcaption>
        {source ? (
          <>
            {source.title}
            {source.archivedOn ? t('quote.archived', { date: formatDate(source.archivedOn) }) : ''}
            {source.supersededBy ? <span className="superseded">{t('quote.superseded')}</span> : null}
            {provenance.quality === 'extracted' ? <span className="superseded">{t('quote.extracted')}</span> : null}
          </>
        ) : (
          t('quote.unknown')
        )}
      </figcaption>
    </figure>
  )
}
