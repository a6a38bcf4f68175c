import { useEffect, useState } from 'react'
import type { RequestView } from '@core/api/contract'
import type { AnswerCheckRow, AnswerState } from '@core/requests/answer-check'
import { useTranslation } from 'react-i18next'
import { useStore } from '../../store/store'
import { formatDate, lawShort } from '../../ui/format'

const stateKeys: Record<AnswerState, 'arrived' | 'missing' | 'notApplicable'> = { arrived: 'arrived', missing: 'missing', 'not-applicable': 'notApplicable' }
const states: ReadonlyArray<AnswerState> = ['arrived', 'missing', 'not-applicable']

/** An access request that was sent and got data back (in full or in part): the core's rule, for showing the panel. */
function checkable(record: RequestView['record']): boolean {
  return record.type === 'access' && record.sent !== null && record.events.some((e) => e.removedAt === null && (e.kind === 'data-received' || e.kind === 'partially-fulfilled'))
}

/**
 * "Check the answer": on an access request that got data back, the items the law says must come,
 * each with Rightful's suggestion (marked as such, never a tick) and the user's own tick; then
 * "Write the follow-up", which drafts the incomplete-answer letter for the items ticked missing.
 */
export function CheckAnswer({ view }: { view: RequestView }) {
  const reference = view.record.reference
  const applicable = checkable(view.record)
  const check = useStore((s) => s.answerChecks.get(reference))
  const load = useStore((s) => s.loadAnswerCheck)
  const tick = useStore((s) => s.tickAnswer)
  const createFollowUp = useStore((s) => s.createFollowUp)
  const navigate = useStore((s) => s.navigate)
  const [busy, setBusy] = useState(false)
  const { t, i18n } = useTranslation('requests', { keyPrefix: 'check' })
  /** The provision as the window's language cites it, where the law is written in it. */
  const citeOf = (row: AnswerCheckRow) => {
    const own = Object.hasOwn(row.cites, i18n.language) ? (row.cites as Readonly<Record<string, string | undefined>>)[i18n.language] : undefined
    return typeof own === 'string' ? own : row.cite
  }
  const updatedAt = view.record.updatedAt

  useEffect(() => {
    if (applicable) void load(reference)
  }, [applicable, reference, updatedAt, load])

  if (!applicable || !check) return null

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true)
    try {
      await action()
    } finally {
      setBusy(false)
    }
  }
  const pending = check.rows.filter((row) => row.suggestion && row.state === null)
  const stateWord = (state: AnswerState) => t(stateKeys[state])

  const writeFollowUp = () =>
    run(async () => {
      const created = await createFollowUp(reference, 'incomplete-answer')
      if (created) navigate({ name: 'request', reference: created })
    })

  const ticked = (row: AnswerCheckRow) =>
    row.state && row.at ? (
      <span className="muted small">{row.by === 'suggestion-confirmed' ? t('bySuggestion', { date: formatDate(row.at.slice(0, 10)) }) : t('byUser', { date: formatDate(row.at.slice(0, 10)) })}</span>
    ) : null

  return (
    <div className="card check-answer" data-testid="check-answer">
      <h2>{t('heading')}</h2>
      <p className="muted small">{t('intro', { law: lawShort(check.law) })}</p>
      <ul className="check-rows">
        {check.rows.map((row) => (
          <li key={row.id} className={`check-row check-${row.state ?? 'open'}`} data-testid={`check-row-${row.id}`} data-state={row.state ?? ''}>
            <div className="check-item">
              <span className="check-label">{t(`item.${row.concept}`)}</span>
              <span className="muted small mono">{citeOf(row)}</span>
            </div>
            <div className="check-controls">
              <div className="segmented" role="group" aria-label={t(`item.${row.concept}`)}>
                {states.map((state) => (
                  <button
                    key={state}
                    type="button"
                    className={row.state === state ? 'active' : ''}
                    aria-pressed={row.state === state}
                    disabled={busy}
                    onClick={() => void run(() => tick(reference, [{ id: row.id, state: row.state === state ? null : state }]))}
                  >
                    {stateWord(state)}
                  </button>
                ))}
              </div>
              {row.suggestion && row.state === null ? (
                <span className="suggestion" data-testid={`suggestion-${row.id}`}>
                  <span className="suggestion-tag">{t('suggestion', { state: stateWord(row.suggestion.state) })}</span>
                  {row.suggestion.evidence ? <span className="muted small"> {t('evidence', { evidence: row.suggestion.evidence })}</span> : null}{' '}
                  <button
                    type="button"
                    className="link-button small"
                    disabled={busy}
                    onClick={() => void run(() => tick(reference, [{ id: row.id, state: row.suggestion!.state, confirmsSuggestion: true }]))}
                  >
                    {t('accept')}
                  </button>
                </span>
              ) : (
                ticked(row)
              )}
            </div>
          </li>
        ))}
      </ul>
      <div className="actions">
        {pending.length > 0 ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void run(() => tick(reference, pending.map((row) => ({ id: row.id, state: row.suggestion!.state, confirmsSuggestion: true }))))}
          >
            {t('acceptAll')}
          </button>
        ) : null}
        <span className="spacer" />
        <button type="button" className="button button-primary" disabled={busy || check.missing.length === 0} onClick={() => void writeFollowUp()} data-testid="write-follow-up">
          {t('writeFollowUp')}
        </button>
      </div>
      {check.missing.length === 0 ? <p className="muted small">{t('needMissing')}</p> : null}
    </div>
  )
}
