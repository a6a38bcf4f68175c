import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isFollowUpType, requestTypes, type RequestType } from '@core/shared/kinds'
import { useStore } from '../../store/store'
import { requestTypeLabel } from '../../ui/format'
import { OperationHere } from '../../ui/OperationStatus'

/** The types a batch can carry: one request each, never a follow-up or a custom text. */
const batchTypes = requestTypes.filter((t): t is RequestType => !isFollowUpType(t) && t !== 'custom')

/**
 * One request type to many companies: Rightful writes one request per company, each with that
 * company's law, language, contact and subject rule, and shows them for review before anything
 * is sent.
 */
export function BulkNewPage({ companies }: { companies: ReadonlyArray<string> }) {
  const { t } = useTranslation('bulk', { keyPrefix: 'bulkNew' })
  const createBatch = useStore((s) => s.createBatch)
  const navigate = useStore((s) => s.navigate)
  const profile = useStore((s) => s.profile)
  const [type, setType] = useState<RequestType>('access')
  const [rate, setRate] = useState(10)
  const [busy, setBusy] = useState(false)

  const write = async () => {
    setBusy(true)
    try {
      const id = await createBatch({ companies, type, rate })
      if (id) navigate({ name: 'batch', id })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="page">
      <header className="page-header">
        <div>
          <h1>{t('title', { count: companies.length })}</h1>
          <p className="lede">{t('lede')}</p>
        </div>
      </header>
      {!profile ? (
        <div className="callout callout-warn">
          {t('profileFirst')}{' '}
          <button type="button" className="link-button" onClick={() => navigate({ name: 'profile', returnTo: { name: 'bulk-new', companies } })}>
            {t('yourDetails')}
          </button>
        </div>
      ) : null}
      <div className="card">
        <label className="field">
          <span className="field-label">{t('type')}</span>
          <select value={type} onChange={(e) => setType(e.target.value as RequestType)}>
            {batchTypes.map((type) => (
              <option key={type} value={type}>
                {requestTypeLabel(type)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('rate')}</span>
          <input type="number" min={1} max={600} value={rate} onChange={(e) => setRate(Math.max(1, Math.min(600, Number(e.target.value) || 1)))} />
          <span className="field-hint">{t('rateHint')}</span>
        </label>
        <p className="muted small">{t('channels')}</p>
        <OperationHere channel="bulk:create" />
        <div className="actions">
          <button type="button" className="button" disabled={busy} onClick={() => navigate({ name: 'discover' })}>
            {t('back')}
          </button>
          <button type="button" className="button button-primary" disabled={busy || !profile || companies.length === 0} onClick={() => void write()}>
            {busy ? t('writing') : t('write', { count: companies.length })}
          </button>
        </div>
      </div>
    </section>
  )
}
