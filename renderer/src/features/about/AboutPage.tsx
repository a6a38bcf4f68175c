import { useEffect, useState } from 'react'
import type { PackInfo } from '@core/catalog/packs'
import { api, messageOf, unwrap } from '../../api'
import { useStore } from '../../store/store'
import { formatDate } from '../../ui/format'

/**
 * About Rightful: what it is, and where the built-in catalog comes from, crediting each open data
 * set with its snapshot and licence (the broker list's MIT notice shown in full, as it requires).
 */
export function AboutPage() {
  const version = useStore((s) => s.status?.version)
  const [packs, setPacks] = useState<ReadonlyArray<PackInfo> | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    void api()
      .catalog.sources({})
      .then((result) => setPacks(unwrap(result)))
      .catch((e: unknown) => setError(messageOf(e)))
  }, [])

  return (
    <section className="page narrow about">
      <header className="page-header">
        <div>
          <h1>About Rightful</h1>
          <p className="lede">
            Rightful {version ? <span className="mono">{version}</span> : null} helps you use your data-protection rights. Everything you enter stays on this computer: no account, no
            server, no telemetry.
          </p>
        </div>
      </header>

      <h2>Where the catalog comes from</h2>
      <p>
        Besides the companies Rightful’s makers read from privacy policies themselves, the built-in catalog holds these open data sets, taken as they were on the date shown. Your own
        companies and your changes always come first.
      </p>
      {error ? <p role="alert">{error}</p> : null}
      {packs === null && !error ? <p className="muted">Loading…</p> : null}
      {packs?.length === 0 ? <p className="muted">This copy of Rightful has no built-in data sets.</p> : null}
      {packs?.map((pack) => (
        <article key={pack.id} className="card about-source" aria-labelledby={`source-${pack.id}`}>
          <h3 id={`source-${pack.id}`}>
            <a href={pack.homepage} target="_blank" rel="noreferrer">
              {pack.name}
            </a>
          </h3>
          <p>{pack.description}</p>
          <dl className="facts">
            <dt>Companies</dt>
            <dd>
              {pack.companies.toLocaleString('en')}
              {pack.merged > 0 ? `, and ${pack.merged.toLocaleString('en')} records joined to a company another source already had (same web domain)` : ''}
            </dd>
            <dt>Snapshot</dt>
            <dd>
              <a href={`${pack.repository}/tree/${pack.commit}`} target="_blank" rel="noreferrer" className="mono">
                {pack.commit.slice(0, 8)}
              </a>{' '}
              of {formatDate(pack.date)}, <span className="mono">{pack.path}</span>
            </dd>
            <dt>Licence</dt>
            <dd>{pack.license.spdx === 'CC0-1.0' ? 'CC0 1.0 (public domain dedication)' : pack.license.spdx}</dd>
          </dl>
          <details>
            <summary>Licence text</summary>
            {/* Focusable, so that a keyboard can scroll the text. */}
            <pre className="license-text" tabIndex={0} aria-label={`Licence of ${pack.name}`}>
              {pack.license.notice}
            </pre>
          </details>
        </article>
      ))}

      <h2>Letters</h2>
      <p>PDF letters are set in Noto Sans and Noto Sans SC, under the SIL Open Font License 1.1.</p>
    </section>
  )
}
