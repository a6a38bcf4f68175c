import './bulk.css'
import { useEffect, useState } from 'react'
import type { BulkItem, BulkStatus } from '@core/bulk/model'
import { operationSelectors } from '../../store/operations-slice'
import { useStore } from '../../store/store'
import { formatDate, languageLabel, lawShort, requestTypeLabel } from '../../ui/format'
import { OperationHere } from '../../ui/OperationStatus'

const statusText: Record<BulkStatus, string> = {
  queued: 'Waiting',
  sent: 'Sent',
  failed: 'Refused',
  uncertain: 'Check Sent folder',
  letter: 'Letter to post',
  webform: 'Web form to fill in',
  done: 'Form filled in',
  skipped: 'Skipped',
}

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

const channelText = { email: 'E-mail', post: 'Letter', webform: 'Web form', none: '–' } as const

function ItemActions({ id, item, editable }: { id: string; item: BulkItem; editable: boolean }) {
  const send = useStore((s) => s.sendBatch)
  const webformDone = useStore((s) => s.webformDone)
  const today = useStore((s) => s.today)
  if (item.status === 'uncertain' && item.reference) {
    return (
      <button type="button" className="button button-small" title="Only if it is not in your Sent folder" onClick={() => void send(id, { confirmResend: [item.reference!] })}>
        Not in Sent folder: send again
      </button>
    )
  }
  if (item.status === 'webform' && editable && today) {
    return (
      <span className="button-pair">
        <button type="button" className="button button-small" onClick={() => void webformDone(id, item.company, today, false)}>
          Done today
        </button>
        <button type="button" className="button button-small" onClick={() => void webformDone(id, item.company, today, true)}>
          Done, keep evidence…
        </button>
      </span>
    )
  }
  if (item.done) return <span className="muted small">{`on ${formatDate(item.done.on)}${item.done.evidence ? `, ${item.done.evidence.name} kept` : ''}`}</span>
  return null
}

/** A batch: review who gets what, send the e-mails with progress, pause or cancel; print the letters; tick off the web forms. */
export function BatchPage({ id }: { id: string }) {
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

  return (
    <section className="page" data-testid="batch" data-state={batch.state}>
      <header className="page-header">
        <div>
          <p className="eyebrow">
            {batch.id} · {requestTypeLabel(batch.type)}
          </p>
          <h1>
            {sending ? 'Sending' : batch.state === 'review' ? 'Review the requests' : batch.state === 'finished' ? 'Batch sent' : batch.state === 'cancelled' ? 'Batch cancelled' : batch.state === 'paused' ? 'Batch paused' : 'Sending stopped'}
          </h1>
          <p className="lede" role="status" data-testid="batch-counts">
            {counts.sent} of {emails + counts.letter} sent
            {waiting ? `, ${waiting} waiting` : ''}
            {counts.failed ? `, ${counts.failed} refused` : ''}
            {counts.uncertain ? `, ${counts.uncertain} to check in your Sent folder` : ''}
            {counts.letter ? `, ${counts.letter} letter${counts.letter === 1 ? '' : 's'} to post` : ''}
            {counts.webform ? `, ${counts.webform} web form${counts.webform === 1 ? '' : 's'} to fill in` : ''}
            {counts.skipped ? `, ${counts.skipped} skipped` : ''}. At most {batch.rate} e-mails a minute.
          </p>
        </div>
        <div className="header-actions">
          {sending ? (
            <button type="button" className="button" onClick={() => void pause(id)}>
              Pause
            </button>
          ) : waiting > 0 && editable ? (
            <button type="button" className="button button-primary" onClick={() => void send(id)}>
              {batch.state === 'review' ? `Send ${waiting} e-mail${waiting === 1 ? '' : 's'}` : `Resume: send ${waiting}`}
            </button>
          ) : null}
          {counts.failed > 0 && !sending && editable ? (
            <button type="button" className="button" onClick={() => void send(id, { retryFailed: true })}>
              Try the refused ones again
            </button>
          ) : null}
          {batch.state === 'finished' || (waiting === 0 && !sending) ? (
            <button type="button" className="button" onClick={() => navigate({ name: 'dashboard' })}>
              Go to your requests
            </button>
          ) : null}
          {editable && batch.state !== 'finished' && !sending ? (
            confirmCancel ? (
              <button type="button" className="button danger-button" onClick={() => void cancel(id).then(() => setConfirmCancel(false))}>
                Yes, send no more
              </button>
            ) : (
              <button type="button" className="button" onClick={() => setConfirmCancel(true)}>
                Cancel the batch…
              </button>
            )
          ) : null}
        </div>
      </header>
      {batch.stoppedBy ? (
        <div className="callout callout-warn" role="alert">
          Sending stopped: {batch.stoppedBy.message}
        </div>
      ) : null}
      <OperationHere channel="bulk:send" />
      {!sending && emails > 0 ? <progress className="operation-bar bulk-progress" aria-label="Sent so far" max={emails + counts.letter} value={counts.sent} /> : null}
      {counts.letter > 0 ? (
        <div className="card">
          <div className="card-head">
            <h2>Letters</h2>
          </div>
          <p className="muted small">
            {counts.letter} compan{counts.letter === 1 ? 'y has' : 'ies have'} no e-mail address: print one PDF with a letter for each (window envelopes), post them, then mark them posted so their deadlines start.
          </p>
          <div className="actions start">
            <button type="button" className="button" onClick={() => void saveLetters(id)}>
              Save the letters as one PDF…
            </button>
            {today ? (
              <button type="button" className="button" onClick={() => void markPosted(id, today)}>
                Mark posted today
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
      <table className="table bulk-table" aria-label="Requests of this batch">
        <thead>
          <tr>
            {reviewing ? (
              <th scope="col">
                <span className="visually-hidden">Include</span>
              </th>
            ) : null}
            <th scope="col">Company</th>
            <th scope="col">Channel</th>
            <th scope="col">To</th>
            <th scope="col">Law</th>
            <th scope="col">Language</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
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
                    aria-label={`Include ${item.name}`}
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
              <td>{channelText[item.channel]}</td>
              <td className="small to-cell">{item.error && item.status === 'skipped' ? <span className="muted">{item.error.message}</span> : (item.contact ?? '–')}</td>
              <td>{item.law ? lawShort(item.law) : '–'}</td>
              <td>{item.lang ? languageLabel(item.lang) : '–'}</td>
              <td>
                <span className={`pill ${item.excluded ? 'pill-no-deadline' : statusPill[item.status]}`} title={item.error && item.status !== 'skipped' ? item.error.message : undefined}>
                  {item.excluded ? 'Left out' : statusText[item.status]}
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
