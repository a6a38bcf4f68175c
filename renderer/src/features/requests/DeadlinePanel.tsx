import type { Deadline } from '@core/deadlines/model'
import type { Message } from '@core/shared/message'
import type { RequestStatus } from '@core/requests/status'
import { daysLeftMessage } from '@core/requests/status'
import { useTranslation } from 'react-i18next'
import { messageText } from '../../ui/messages'
import { joinParts } from '@core/messages/params'
import { deadlineSettingInfo } from '@core/deadlines/setting-info'
import { useStore } from '../../store/store'
import { formatDate } from '../../ui/format'

/** A milestone's label in the window's language, from the step that announces it (else the core's English). */
function milestoneLabel(deadline: Deadline, milestone: { readonly date: string; readonly label: string }): string {
  const label = deadline.steps.find((s) => s.kind === 'milestone' && s.date === milestone.date)?.parts[0]?.params?.label
  return label && typeof label === 'object' && !Array.isArray(label) ? messageText(label as Message) : milestone.label
}

/** The legal deadline, the time left, and how it was counted. */
export function DeadlinePanel({ deadline, status }: { deadline: Deadline | null; status: RequestStatus }) {
  const navigate = useStore((s) => s.navigate)
  const { t, i18n } = useTranslation('requests', { keyPrefix: 'deadline' })
  if (!deadline) {
    return (
      <div className="card deadline" data-testid="deadline">
        <h2>{t('heading')}</h2>
        <p className="muted">{t('notStarted')}</p>
      </div>
    )
  }
  const due = deadline.effectiveDue
  return (
    <div className={`card deadline deadline-${status.kind}`} data-testid="deadline">
      <h2>{t('heading')}</h2>
      {/* The law and provision counted under, as the core's regimeMessage (deadlines/explain-messages.ts) names it. */}
      <p className="muted small">{messageText({ key: `deadline.regime.${deadline.law}` })}</p>
      {due ? (
        <>
          <p className="deadline-date">
            {t('due')} <strong data-testid="due-date">{formatDate(due, true)}</strong>
          </p>
          <p className={`deadline-left ${status.kind === 'overdue' ? 'danger-text' : ''}`} data-testid="days-left">
            {messageText(daysLeftMessage(status))}
          </p>
        </>
      ) : deadline.paused.since || deadline.clockStart === null ? (
        <p className="deadline-left" data-testid="days-left">
          {t('clockStopped')}
        </p>
      ) : (
        <p className="deadline-date" data-testid="due-date">
          {t('noStatutory')}
        </p>
      )}
      <dl className="deadline-facts">
        {deadline.receivedEarliest ? (
          <>
            <dt>{t('received')}</dt>
            <dd>{t('receivedBetween', { from: formatDate(deadline.receivedEarliest), to: formatDate(deadline.received) })}</dd>
          </>
        ) : null}
        {deadline.dueEarliest && deadline.dueEarliest !== deadline.due ? (
          <>
            <dt>{t('ifEarly')}</dt>
            <dd>{formatDate(deadline.dueEarliest)}</dd>
          </>
        ) : null}
        {deadline.dueStrict ? (
          <>
            <dt>{t('strictly')}</dt>
            <dd>{formatDate(deadline.dueStrict, true)}</dd>
          </>
        ) : null}
        {deadline.extendedDue && deadline.extendedDue !== due ? (
          <>
            <dt>{t('ifExtended')}</dt>
            <dd>{t('extendedNotice', { date: formatDate(deadline.extendedDue), by: formatDate(deadline.extensionNoticeBy) })}</dd>
          </>
        ) : null}
        {deadline.acknowledgeBy ? (
          <>
            <dt>{t('confirmBy')}</dt>
            <dd>{formatDate(deadline.acknowledgeBy)}</dd>
          </>
        ) : null}
        {deadline.benchmark ? (
          <>
            <dt>{t('benchmark')}</dt>
            <dd>{t('notBinding', { date: formatDate(deadline.benchmark.date) })}</dd>
          </>
        ) : null}
        {deadline.milestones.map((m) => (
          <div key={m.label} className="contents">
            <dt>{t('milestone')}</dt>
            <dd>
              {formatDate(m.date)}: {milestoneLabel(deadline, m)}
            </dd>
          </div>
        ))}
      </dl>
      <details className="explanation">
        <summary>{t('how')}</summary>
        <ol>
          {deadline.steps.map((step) => (
            <li key={step.kind + step.text}>{joinParts(step.parts.map(messageText), i18n.language)}</li>
          ))}
        </ol>
        {deadline.interpretations.length ? (
          <div className="interpretations">
            <p className="small">
              <strong>{t('interpretations')}</strong> {t('changeIn')}{' '}
              <button type="button" className="link-button small" onClick={() => navigate({ name: 'settings' })}>
                {t('settings', { ns: 'common', keyPrefix: 'nav' })}
              </button>
              {t('changeInEnd')}
            </p>
            <ul>
              {deadline.interpretations.map((i) => (
                <li key={i.setting} className="small">
                  {messageText(i.message)} {deadlineSettingInfo[i.setting].verified ? null : <span className="tag tag-muted">{t('unverified')}</span>}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <p className="muted small">{t('notAdvice')}</p>
      </details>
    </div>
  )
}
