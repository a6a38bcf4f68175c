import './bulk.css'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BulkItem, BulkStatus } from '@core/bulk/model'
import { operationSelectors } from '../../store/operations-slice'
import { useStore } from '../../store/store'
import { formatDate, languageLabel, lawShort, requestTypeLabel } from '../../ui/format'
import { errorText } from '../../ui/messages'
import { OperationHere } from '../../ui/OperationStatus'

const statusPill: Record<BulkStatus, string> = {
  queued: 'pill-draft',
  sent: 'pill-completed',
  failed: 'pill-overdue',
  uncertain: 'pill-waiting-for-you',
  letter: 'pill-awaiting-reply',
  webform: 'pill-awaiting-reply',
  done: 'pill-completed',
  skipped: 'pill-no-deadline',
}

function ItemActions({ id, item, editable }: { id: string; item: BulkItem; editable: boolean }) {
  const send = useStore((s) => s.sendBatch)
  const webformDone = useStore((s) => s.webformDone)
  const today = useStore((s) => s.today)
  const { t } = useTranslation('bulk', { keyPrefix: 'batch' })
  if (item.status === 'uncertain' && item.reference) {
    return (
      <button type="button" className="button button-small" title={t('resendTitle')} onClick={() => void send(id, { confirmResend: [item.reference!] })}>
        {t('resend')}
      </button>
    )
  }
  if (item.status === 'webform' && editable && today) {
    return (
      <span className="button-pair">
        <button type="button" className="button button-small" onClick={() => void webformDone(id, item.company, today, false)}>
          {t('doneToday')}
        </button>
        <button type="button" className="button button-small" onClick={() => void webformDone(id, item.company, today, true)}>
          {t('doneEvidence')}
        </button>
      </span>
    )
  }
  if (item.done) return <span className="muted small">{item.done.evidence ? t('doneOnKept', { date: formatDate(item.done.on), name: item.done.evidence.name }) : t('doneOn', { date: formatDate(item.done.on) })}</span>
  return null
}

/** A batch: review who gets what, send the e-mails with progress, pause or cancel; print the letters; tick off the web forms. */
export function BatchPage({ id }: { id: string }) {
  const { t } = useTranslation('bulk', { keyPrefix: 'batch' })
  const view = useStore((s) => s.batches.get(id))
  const load = useStore((s) => s.loadBatch)
  const send = useStore((s) => s.sendBatch)
  const pause = useStore((s) => s.pauseBatch)
  const cancel = useStore((s) => s.cancelBatch)
  const exclude = useStore((s) => s.excludeFromBatch)
  const saveLetters = useStore((s) => s.saveBatchLetters)
  const markPosted = useStore((s) => s.markBatchLettersPosted)
  const navigate = useStore((s) => s.navigate)
  const today = useStore((s) => s.today)
  const sending = useStore(operationSelectors.ofChannel('bulk:send'))
  const [confirmCancel, setConfirmCancel] = useState(false)

  useEffect(() => {
    void load(id)
  }, [id, load])

  // While it sends, each e-mail that goes out shows in the list: fetched again at every step.
  const step = sending?.progress?.done ?? null
  useEffect(() => {
    if (step !== null) void load(id)
  }, [step, id, load])

  if (!view) return <section className="page" aria-busy="true" />
  const { batch, counts } = view
  const editable = batch.state !== 'cancelled'
  const reviewing = !sending && (batch.state === 'review' || batch.state === 'paused')
  const waiting = counts.queued
  const emails = batch.items.filter((i) => i.channel === 'email' && !i.excluded).length
  const heading = sending ? 'sending' : batch.state === 'review' ? 'review' : batch.state === 'finished' ? 'finished' : batch.state === 'cancelled' ? 'cancelled' : batch.state === 'paused' ? 'paused' : 'stopped'
  const countParts = [
    t('counts.sent', { sent: counts.sent, total: emails + counts.letter }),
    ...(['waiting', 'refused', 'uncertain', 'letter', 'webform', 'skipped'] as const).flatMap((part) => {
      const count = { waiting, refused: counts.failed, uncertain: counts.uncertain, letter: counts.letter, webform: counts.webform, skipped: counts.skipped }[part]
      return count ? [t(`counts.${part}`, { count })] : []
    }),
  ]

  return (
    <section className="page" data-testid="batch" data-state={batch.state}>
      <header className="page-header">
        <div>
          <p className="eyebrow">
            {batch.id} · {requestTypeLabel(batch.type)}
          </p>
          <h1>{t(`heading.${heading}`)}</h1>
          <p className="lede" role="status" data-testid="batch-counts">
            {t('counts.line', { parts: countParts.join(t('counts.separator')), rate: batch.rate })}
          </p>
        </div>
        <div className="header-actions">
          {sending ? (
            <button type="button" className="button" onClick={() => void pause(id)}>
              {t('pause')}
            </button>
          ) : waiting > 0 && editable ? (
            <button type="button" className="button button-primary" onClick={() => void send(id)}>
              {batch.state === 'review' ? t('send', { count: waiting }) : t('resume', { count: waiting })}
            </button>
          ) : null}
          {counts.failed > 0 && !sending && editable ? (
            <button type="button" className="button" onClick={() => void send(id, { retryFailed: true })}>
              {t('retry')}
            </button>
          ) : null}
          {batch.state === 'finished' || (waiting === 0 && !sending) ? (
            <button type="button" className="button" onClick={() => navigate({ name: 'dashboard' })}>
              {t('toRequests')}
            </button>
          ) : null}
          {editable && batch.state !== 'finished' && !sending ? (
            confirmCancel ? (
              <button type="button" className="button danger-button" onClick={() => void cancel(id).then(() => setConfirmCancel(false))}>
                {t('confirmCancel')}
              </button>
            ) : (
              <button type="button" className="button" onClick={() => setConfirmCancel(true)}>
                {t('cancel')}
              </button>
            )
          ) : null}
        </div>
      </header>
      {batch.stoppedBy ? (
        <div className="callout callout-warn" role="alert">
          {t('stopped', { reason: errorText(batch.stoppedBy) })}
        </div>
      ) : null}
      <OperationHere channel="bulk:send" />
      {!sending && emails > 0 ? <progress className="operation-bar bulk-progress" aria-label={t('progress')} max={emails + counts.letter} value={counts.sent} /> : null}
      {counts.letter > 0 ? (
        <div className="card">
          <div className="card-head">
            <h2>{t('letters')}</h2>
          </div>
          <p className="muted small">{t('lettersText', { count: counts.letter })}</p>
          <div className="actions start">
            <button type="button" className="button" onClick={() => void saveLetters(id)}>
              {t('saveLetters')}
            </button>
            {today ? (
              <button type="button" className="button" onClick={() => void markPosted(id, today)}>
                {t('markPosted')}
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
      <table className="table bulk-table" aria-label={t('table')}>
        <thead>
          <tr>
            {reviewing ? (
              <th scope="col">
                <span className="visually-hidden">{t('include')}</span>
              </th>
            ) : null}
            <th scope="col">{t('company')}</th>
            <th scope="col">{t('channelHead')}</th>
            <th scope="col">{t('to')}</th>
            <th scope="col">{t('law')}</th>
            <th scope="col">{t('language')}</th>
            <th scope="col">{t('status.head')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {batch.items.map((item) => (
            <tr key={item.company} data-company={item.company} data-status={item.excluded ? 'excluded' : item.status} className={item.excluded ? 'excluded' : undefined}>
              {reviewing ? (
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('includeName', { name: item.name })}
                    checked={!item.excluded}
                    disabled={item.status === 'sent' || item.status === 'done' || item.status === 'skipped' || !editable}
                    onChange={(e) => void exclude(id, item.company, !e.target.checked)}
                  />
                </td>
              ) : null}
              <td>
                {item.reference ? (
                  <button type="button" className="link-button" onClick={() => navigate({ name: 'request', reference: item.reference! })}>
                    {item.name}
                  </button>
                ) : (
                  item.name
                )}
                {item.reference ? <span className="muted small mono"> {item.reference}</span> : null}
              </td>
              <td>{item.channel === 'none' ? '–' : t(`channel.${item.channel}`)}</td>
              <td className="small to-cell">{item.error && item.status === 'skipped' ? <span className="muted">{errorText(item.error)}</span> : (item.contact ?? '–')}</td>
              <td>{item.law ? lawShort(item.law) : '–'}</td>
              <td>{item.lang ? languageLabel(item.lang) : '–'}</td>
              <td>
                <span className={`pill ${item.excluded ? 'pill-no-deadline' : statusPill[item.status]}`} title={item.error && item.status !== 'skipped' ? errorText(item.error) : undefined}>
                  {item.excluded ? t('status.excluded') : t(`status.${item.status}`)}
                </span>
              </td>
              <td>
                <ItemActions id={id} item={item} editable={editable} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
