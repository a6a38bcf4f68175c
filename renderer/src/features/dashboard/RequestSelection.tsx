import './selection.css'
import { useState, type KeyboardEvent, type MouseEvent } from 'react'
import type { RequestListItem } from '@core/api/contract'
import type { SelectionSkip } from '@core/bulk/request-actions'
import { useStore } from '../../store/store'
import { OperationHere } from '../../ui/OperationStatus'

/** A click or Enter on a checkbox must not open the row's request. */
const keepInCell = {
  onClick: (e: MouseEvent) => e.stopPropagation(),
  onKeyDown: (e: KeyboardEvent) => e.stopPropagation(),
}

/** The header cell: picks every request shown (or none, when all shown are picked). */
export function PickAllCell({ shown, selected, onChange }: { shown: ReadonlyArray<RequestListItem>; selected: ReadonlySet<string>; onChange(next: ReadonlySet<string>): void }) {
  const picked = shown.filter((r) => selected.has(r.reference)).length
  const all = shown.length > 0 && picked === shown.length
  return (
    <span role="columnheader" className="col-pick">
      <input
        type="checkbox"
        aria-label="Select all shown"
        checked={all}
        ref={(input) => {
          if (input) input.indeterminate = picked > 0 && !all
        }}
        onChange={() => {
          const next = new Set(selected)
          for (const r of shown) {
            if (all) next.delete(r.reference)
            else next.add(r.reference)
          }
          onChange(next)
        }}
      />
    </span>
  )
}

/** A row's cell: picks this request. */
export function PickCell({ item, selected, onChange }: { item: RequestListItem; selected: ReadonlySet<string>; onChange(next: ReadonlySet<string>): void }) {
  return (
    <span role="cell" className="col-pick" {...keepInCell}>
      <input
        type="checkbox"
        aria-label={`Select ${item.reference}`}
        checked={selected.has(item.reference)}
        onChange={() => {
          const next = new Set(selected)
          if (next.has(item.reference)) next.delete(item.reference)
          else next.add(item.reference)
          onChange(next)
        }}
      />
    </span>
  )
}

type Outcome = { readonly done: string; readonly skipped: ReadonlyArray<SelectionSkip> }

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/**
 * What can be done to the picked requests at once: write a reminder for each overdue one, export
 * them as CSV, record the letters among them as posted. Says what it did and what it left alone,
 * and why.
 */
export function SelectionBar({ chosen, onClear, onShowDrafts }: { chosen: ReadonlyArray<RequestListItem>; onClear(): void; onShowDrafts(): void }) {
  const remindOverdue = useStore((s) => s.remindOverdue)
  const exportRequests = useStore((s) => s.exportRequests)
  const markLettersPosted = useStore((s) => s.markLettersPosted)
  const today = useStore((s) => s.today)
  const [busy, setBusy] = useState(false)
  const [posting, setPosting] = useState(false)
  const [postedOn, setPostedOn] = useState('')
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  const references = chosen.map((r) => r.reference)
  const overdue = chosen.filter((r) => r.status.kind === 'overdue').length
  const drafts = chosen.filter((r) => r.status.kind === 'draft').length

  const busyWhile = async (run: () => Promise<void>) => {
    setBusy(true)
    try {
      await run()
    } finally {
      setBusy(false)
    }
  }

  const remind = () =>
    busyWhile(async () => {
      const result = await remindOverdue(references)
      if (!result) return
      const written = result.written.map((w) => w.reminder)
      setOutcome({
        done:
          written.length === 0
            ? 'No reminder written.'
            : `Wrote ${plural(written.length, 'reminder', 'reminders')} (${written.join(', ')}). ${written.length === 1 ? 'It waits' : 'They wait'} as ${written.length === 1 ? 'a draft' : 'drafts'}: open each to send it.`,
        skipped: result.skipped,
      })
      if (written.length > 0) onClear()
    })

  const markPosted = () =>
    busyWhile(async () => {
      const on = postedOn || today || ''
      const result = await markLettersPosted(references, on)
      if (!result) return
      setPosting(false)
      setOutcome({
        done: result.marked.length === 0 ? 'No letter marked as posted.' : `Marked ${plural(result.marked.length, 'letter', 'letters')} as posted; ${result.marked.length === 1 ? 'its' : 'their'} deadline now runs.`,
        skipped: result.skipped,
      })
      if (result.marked.length > 0) onClear()
    })

  return (
    <div className="request-selection" data-testid="request-selection">
      {chosen.length > 0 ? (
        <div className="request-selection-bar" role="group" aria-label="Selected requests">
          <strong data-testid="selected-count">{plural(chosen.length, 'request', 'requests')} selected</strong>
          <button type="button" className="button button-small button-primary" disabled={busy || overdue === 0} onClick={() => void remind()}>
            Write reminders ({overdue} overdue)
          </button>
          <button type="button" className="button button-small" disabled={busy} onClick={() => void busyWhile(() => exportRequests(references))}>
            Export (.csv)
          </button>
          <button type="button" className="button button-small" disabled={busy || drafts === 0} aria-expanded={posting} onClick={() => setPosting((p) => !p)}>
            Mark letters as posted…
          </button>
          <span className="spacer" />
          <button type="button" className="link-button" onClick={onClear}>
            Clear
          </button>
        </div>
      ) : null}
      {posting && chosen.length > 0 ? (
        <div className="request-selection-post" role="group" aria-label="Mark letters as posted">
          <label>
            Posted on{' '}
            <input type="date" value={postedOn || today || ''} max={today ?? undefined} onChange={(e) => setPostedOn(e.target.value)} />
          </label>
          <span className="muted small">Drafts with an e-mail address are left as they are.</span>
          <button type="button" className="button button-small button-primary" disabled={busy} onClick={() => void markPosted()}>
            Mark as posted
          </button>
          <button type="button" className="button button-small" onClick={() => setPosting(false)}>
            Cancel
          </button>
        </div>
      ) : null}
      <OperationHere channel="bulk:remind" />
      {outcome ? (
        <div className="callout callout-ok request-selection-outcome" role="status" data-testid="selection-outcome">
          <p>
            {outcome.done}{' '}
            {outcome.done.startsWith('Wrote') ? (
              <button type="button" className="link-button" onClick={onShowDrafts}>
                Show drafts
              </button>
            ) : null}
          </p>
          {outcome.skipped.length > 0 ? (
            <>
              <p>Left alone ({outcome.skipped.length}):</p>
              <ul>
                {outcome.skipped.slice(0, 50).map((s) => (
                  <li key={s.reference} data-reason={s.reason}>
                    {s.message}
                  </li>
                ))}
                {outcome.skipped.length > 50 ? <li>… and {outcome.skipped.length - 50} more.</li> : null}
              </ul>
            </>
          ) : null}
          <button type="button" className="link-button" onClick={() => setOutcome(null)}>
            Close
          </button>
        </div>
      ) : null}
    </div>
  )
}
