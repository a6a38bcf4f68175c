import { useEffect, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { PackInfo } from '@core/catalog/packs'
import { useStore } from '../../store/store'
import { formatDate, formatNumber } from '../../ui/format'

/**
 * About Rightful: what it is, and where the built-in catalog comes from, crediting each open data
 * set with its snapshot and licence (the broker list's MIT notice shown in full, as it requires).
 */
export function AboutPage() {
  const { t } = useTranslation('about')
  const version = useStore((s) => s.status?.version)
  const [packs, setPacks] = useState<ReadonlyArray<PackInfo> | null>(null)
  const [error, setError] = useState<string | null>(null)

  const catalogSources = useStore((s) => s.catalogSources)

  useEffect(() => {
    let live = true
    void catalogSources().then((sources) => {
      if (!live) return
      if ('error' in sources) setError(sources.error)
      else setPacks(sources)
    })
    return () => {
      live = false
    }
  }, [catalogSources])

  return (
    <section className="page narrow about">
      <header className="page-header">
        <div>
          <h1>{t('heading')}</h1>
          <p className="lede">
            {version ? (
              <Trans t={t} i18nKey="ledeVersion" values={{ version }} components={{ mono: <span className="mono" /> }} />
            ) : (
              t('lede')
            )}
          </p>
        </div>
      </header>

      <h2>{t('sources')}</h2>
      <p>{t('sourcesText')}</p>
      {error ? <p role="alert">{error}</p> : null}
      {packs === null && !error ? <p className="muted">{t('loading')}</p> : null}
      {packs?.length === 0 ? <p className="muted">{t('noPacks')}</p> : null}
      {packs?.map((pack) => (
        <article key={pack.id} className="card about-source" aria-labelledby={`source-${pack.id}`}>
          <h3 id={`source-${pack.id}`}>
            <a href={pack.homepage} target="_blank" rel="noreferrer">
              {pack.name}
            </a>
          </h3>
          <p>{pack.description}</p>
          <dl className="facts">
            <dt>{t('companies')}</dt>
            <dd>
              {pack.merged > 0
                ? t('companiesMerged', { count: pack.merged, companies: formatNumber(pack.companies), merged: formatNumber(pack.merged) })
                : formatNumber(pack.companies)}
            </dd>
            <dt>{t('snapshot')}</dt>
            <dd>
              <a href={`${pack.repository}/tree/${pack.commit}`} target="_blank" rel="noreferrer" className="mono">
                {pack.commit.slice(0, 8)}
              </a>{' '}
              <Trans t={t} i18nKey="snapshotOf" values={{ date: formatDate(pack.date), path: pack.path }} components={{ mono: <span className="mono" /> }} />
            </dd>
            <dt>{t('licence')}</dt>
            <dd>{pack.license.spdx === 'CC0-1.0' ? t('cc0') : pack.license.spdx}</dd>
          </dl>
          <details>
            <summary>{t('licenceText')}</summary>
            {/* Focusable, so that a keyboard can scroll the text. */}
            <pre className="license-text" tabIndex={0} aria-label={t('licenceOf', { name: pack.name })}>
              {pack.license.notice}
            </pre>
          </details>
        </article>
      ))}

      <h2>{t('letters')}</h2>
      <p>{t('fonts')}</p>
    </section>
  )
}
