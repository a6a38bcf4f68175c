import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BounceAdvice, RequestView } from '@core/api/contract'
import { useStore } from '../../store/store'
import './followups.css'
import { countryName, formatDate } from '../../ui/format'

/** One of the company's other channels, in words. */
function ChannelText({ channel }: { channel: BounceAdvice['alternatives'][number] }) {
  const { t } = useTranslation('followups', { keyPrefix: 'bounce' })
  switch (channel.kind) {
    case 'email':
      return <>{t('email', { address: channel.address })}</>
    case 'webform':
      return <>{t('webform', { url: channel.url })}</>
    case 'post':
      return <>{t('post', { address: [channel.recipient, ...channel.lines, countryName(channel.country)].join(', ') })}</>
    case 'fax':
      return <>{t('fax', { number: channel.number })}</>
  }
}

/**
 * After a confirmed bounce: the address that failed, marked as bounced in the user's catalog on
 * request (never in the built-in data), and the company's other known channels, with a new request
 * to try one of them.
 */
export function BouncePanel({ view }: { view: RequestView }) {
  const reference = view.record.reference
  const advice = useStore((s) => s.bounceAdvice.get(reference))
  const load = useStore((s) => s.loadBounceAdvice)
  const mark = useStore((s) => s.markBounced)
  const navigate = useStore((s) => s.navigate)
  const [busy, setBusy] = useState(false)
  const { t } = useTranslation('followups', { keyPrefix: 'bounce' })
  const bounced = view.status.kind === 'undeliverable'

  useEffect(() => {
    if (bounced) void load(reference)
  }, [bounced, reference, load, view.record.updatedAt])

  if (!bounced || !advice || !advice.bouncedOn) return null

  const markIt = async () => {
    setBusy(true)
    await mark(reference)
    setBusy(false)
  }

  return (
    <div className="card followup-panel urgent" data-testid="bounce-panel">
      <h2>{t('heading')}</h2>
      <p>{advice.address ? t('bounced', { address: advice.address, date: formatDate(advice.bouncedOn) }) : t('returned', { date: formatDate(advice.bouncedOn) })}</p>
      {advice.address && advice.company.inCatalog ? (
        advice.marked ? (
          <p className="muted" data-testid="bounce-marked">{t('marked', { address: advice.address, date: formatDate(advice.markedOn) })}</p>
        ) : (
          <button type="button" className="button button-block" disabled={busy} onClick={() => void markIt()}>
            {t('mark', { address: advice.address })}
          </button>
        )
      ) : null}
      <h3>{t('others')}</h3>
      {advice.alternatives.length > 0 ? (
        <ul className="followup-channels">
          {advice.alternatives.map((channel, index) => (
            <li key={index}>
              <ChannelText channel={channel} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('none', { company: advice.company.name })}</p>
      )}
      {advice.company.inCatalog ? (
        <button type="button" className="button button-primary button-block" onClick={() => navigate({ name: 'new-request', companyId: advice.company.id })}>
          {t('newRequest')}
        </button>
      ) : null}
    </div>
  )
}
