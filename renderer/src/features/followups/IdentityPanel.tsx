import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RequestView } from '@core/api/contract'
import { useStore } from '../../store/store'
import { formatDate } from '../../ui/format'
import { messageText } from '../../ui/messages'
import { RedactDialog } from './RedactDialog'
import './followups.css'

/**
 * After a company asked for identity information: what the request's law lets it ask for, what it
 * asked, what the catalog says it requires, and two ways on: the pushback letter, or a redacted,
 * watermarked copy of the document where the user does send one.
 */
export function IdentityPanel({ view }: { view: RequestView }) {
  const reference = view.record.reference
  const advice = useStore((s) => s.identityAdvice.get(reference))
  const load = useStore((s) => s.loadIdentityAdvice)
  const write = useStore((s) => s.writeFollowUp)
  const navigate = useStore((s) => s.navigate)
  const [busy, setBusy] = useState(false)
  const [redacting, setRedacting] = useState(false)
  const { t } = useTranslation('followups', { keyPrefix: 'identity' })
  const demanded = view.record.events.some((e) => e.kind === 'identity-requested' && e.removedAt === null)

  useEffect(() => {
    if (demanded) void load(reference)
  }, [demanded, reference, load, view.record.updatedAt])

  if (!demanded || !advice) return null

  const pushback = async () => {
    setBusy(true)
    const written = await write(reference, 'identity-pushback')
    setBusy(false)
    if (written) navigate({ name: 'request', reference: written })
  }

  return (
    <div className="card followup-panel" data-testid="identity-panel">
      <h2>{t('heading')}</h2>
      {advice.demand ? (
        <p>
          {t('asked', { date: formatDate(advice.demand.on) })}
          {advice.demand.note ? <q className="followup-quote">{advice.demand.note}</q> : null}
        </p>
      ) : null}
      <p className="followup-rule">
        {messageText(advice.rule.message)}
        {advice.rule.unverified ? <span className="tag tag-muted" title={t('unverifiedHint')}>{t('unverified')}</span> : null}
      </p>
      {advice.rule.noVerification ? <p className="followup-strong">{t('noVerification')}</p> : null}
      {advice.company.idDocument || advice.company.requiredElements.length > 0 ? (
        <div className="followup-company">
          <h3>{t('companyAsks')}</h3>
          {advice.company.idDocument ? <p className="muted">{advice.company.idDocument}</p> : null}
          {advice.company.requiredElements.length > 0 ? (
            <ul>
              {advice.company.requiredElements.map((e) => (
                <li key={e.description}>{e.optional ? t('optional', { what: e.description }) : e.description}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="stack">
        {advice.pushback.possible && advice.pushback.hasTemplate ? (
          <button type="button" className="button button-primary button-block" disabled={busy} onClick={() => void pushback()}>
            {t('writePushback')}
          </button>
        ) : null}
        {advice.pushback.possible && !advice.pushback.hasTemplate ? <p className="muted">{t('noTemplate')}</p> : null}
        {advice.rule.noVerification ? null : (
          <button type="button" className="button button-block" onClick={() => setRedacting(true)}>
            {t('redact')}
          </button>
        )}
      </div>
      {redacting ? <RedactDialog reference={reference} onClose={() => setRedacting(false)} /> : null}
    </div>
  )
}
