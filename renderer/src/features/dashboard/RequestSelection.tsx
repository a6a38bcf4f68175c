import './selection.css'
import { useState, type KeyboardEvent, type MouseEvent } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { realDateSchema } from '@core/shared/schemas'
import type { RequestListItem } from '@core/api/contract'
import type { SelectionSkip } from '@core/bulk/request-actions'
import { useStore } from '../../store/store'
import { OperationHere } from '../../ui/OperationStatus'
import { DateField } from '../../ui/DateField'
import { errorText } from '../../ui/messages'
import { coreSchemaResolver, fieldErrorText } from '../../ui/schema-form'

/** The day the letters were posted, checked as bulk:markPosted checks it (a date that exists). */
export const postedFormSchema = z.strictObject({ on: realDateSchema })
/** The posted-on form as typed. */
export type PostedForm = { on: string }

/** A click or Enter on a checkbox must not open the row's request. */
const keepInCell = {
  onClick: (e: MouseEvent) => e.stopPropagation(),
  onKeyDown: (e: KeyboardEvent) => e.stopPropagation(),
}

/** The header cell: picks every request shown (or none, when all shown are picked). */
export function PickAllCell({ shown, selected, onChange }: { shown: ReadonlyArray<RequestListItem>; selected: ReadonlySet<string>; onChange(next: ReadonlySet<string>): void }) {
  const picked = shown.filter((r) => selected.has(r.reference)).length
  const all = shown.length > 0 && picked === shown.length
  const { t } = useTranslation('bulk', { keyPrefix: 'selection' })
  return (
    <span role="columnheader" className="col-pick">
      <input
        type="checkbox"
        aria-label={t('selectAllShown')}
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
  const { t } = useTranslation('bulk', { keyPrefix: 'selection' })
  return (
    <span role="cell" className="col-pick" {...keepInCell}>
      <input
        type="checkbox"
        aria-label={t('selectOne', { reference: item.reference })}
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

/** What was done (`drafts`: reminders were written, so "Show drafts" is offered), and what was left alone. */
type Outcome = { readonly done: string; readonly drafts: boolean; readonly skipped: ReadonlyArray<SelectionSkip> }

/**
 * What can be done to the picked requests at once: write a reminder for each overdue one, export
 * them as CSV, record the letters among them as posted. Says what it did and what it left alone,
 * and why.
 */
export function SelectionBar({ chosen, onClear, onShowDrafts }: { chosen: ReadonlyArray<RequestListItem>; onClear(): void; onShowDrafts(): void }) {
  const { t } = useTranslation('bulk', { keyPrefix: 'selection' })
  const remindOverdue = useStore((s) => s.remindOverdue)
  const exportRequests = useStore((s) => s.exportRequests)
  const markLettersPosted = useStore((s) => s.markLettersPosted)
  const today = useStore((s) => s.today)
  const [busy, setBusy] = useState(false)
  const [posting, setPosting] = useState(false)
  const postedForm = useForm<PostedForm>({ defaultValues: { on: today ?? '' }, resolver: coreSchemaResolver<PostedForm>(postedFormSchema) })
  const postedError = fieldErrorText(postedForm.formState.errors, 'on')
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
        done: written.length === 0 ? t('noReminder') : t('wrote', { count: written.length, references: written.join(', ') }),
        drafts: written.length > 0,
        skipped: result.skipped,
      })
      if (written.length > 0) onClear()
    })

  const markPosted = ({ on }: PostedForm) =>
    busyWhile(async () => {
      const result = await markLettersPosted(references, on)
      if (!result) return
      setPosting(false)
      setOutcome({
        done: result.marked.length === 0 ? t('noLetter') : t('marked', { count: result.marked.length }),
        drafts: false,
        skipped: result.skipped,
      })
      if (result.marked.length > 0) onClear()
    })

  return (
    <div className="request-selection" data-testid="request-selection">
      {chosen.length > 0 ? (
        <div className="request-selection-bar" role="group" aria-label={t('bar')}>
          <strong data-testid="selected-count">{t('selected', { count: chosen.length })}</strong>
          <button type="button" className="button button-small button-primary" disabled={busy || overdue === 0} onClick={() => void remind()}>
            {t('remind', { overdue })}
          </button>
          <button type="button" className="button button-small" disabled={busy} onClick={() => void busyWhile(() => exportRequests(references))}>
            {t('export')}
          </button>
          <button type="button" className="button button-small" disabled={busy || drafts === 0} aria-expanded={posting} onClick={() => {
              // Opened anew, the form starts at today.
              if (!posting) postedForm.reset({ on: today ?? '' })
              setPosting((p) => !p)
            }}>
            {t('markLetters')}
          </button>
          <span className="spacer" />
          <button type="button" className="link-button" onClick={onClear}>
            {t('clear')}
          </button>
        </div>
      ) : null}
      {posting && chosen.length > 0 ? (
        <form className="request-selection-post" role="group" aria-label={t('postGroup')} onSubmit={(e) => void postedForm.handleSubmit(markPosted)(e)}>
          <label>
            {t('postedOn')}{' '}
            <Controller
              control={postedForm.control}
              name="on"
              render={({ field }) => <DateField label={t('postedOn')} value={field.value} max={today ?? undefined} onChange={field.onChange} />}
            />
          </label>
          {postedError ? (
            <span className="field-error" role="alert">
              {postedError}
            </span>
          ) : null}
          <span className="muted small">{t('emailLeft')}</span>
          <button type="submit" className="button button-small button-primary" disabled={busy}>
            {t('markAsPosted')}
          </button>
          <button type="button" className="button button-small" onClick={() => setPosting(false)}>
            {t('cancel')}
          </button>
        </form>
      ) : null}
      <OperationHere channel="bulk:remind" />
      {outcome ? (
        <div className="callout callout-ok request-selection-outcome" role="status" data-testid="selection-outcome">
          <p>
            {outcome.done}{' '}
            {outcome.drafts ? (
              <button type="button" className="link-button" onClick={onShowDrafts}>
                {t('showDrafts')}
              </button>
            ) : null}
          </p>
          {outcome.skipped.length > 0 ? (
            <>
              <p>{t('leftAlone', { number: outcome.skipped.length })}</p>
              <ul>
                {outcome.skipped.slice(0, 50).map((s) => (
                  <li key={s.reference} data-reason={s.reason}>
                    {errorText(s)}
                  </li>
                ))}
                {outcome.skipped.length > 50 ? <li>{t('more', { count: outcome.skipped.length - 50 })}</li> : null}
              </ul>
            </>
          ) : null}
          <button type="button" className="link-button" onClick={() => setOutcome(null)}>
            {t('close')}
          </button>
        </div>
      ) : null}
    </div>
  )
}
