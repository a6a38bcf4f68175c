import type { Deadline } from '@core/deadlines/model'
import type { RequestStatus } from '@core/requests/status'
import { daysLeftLabel } from '@core/requests/status'
import { deadlineSettingInfo } from '@core/deadlines/setting-info'
import { useStore } from '../../store/store'
import { formatDate } from '../../ui/format'

/** The legal deadline, the time left, and how it was counted. */
export function DeadlinePanel({ deadline, status }: { deadline: Deadline | null; status: RequestStatus }) {
  const navigate = useStore((s) => s.navigate)
  if (!deadline) {
    return (
      <div className="card deadline" data-testid="deadline">
        <h2>Deadline</h2>
        <p className="muted">The company’s time to answer starts when it receives your request. Mark the request as sent once it has gone out.</p>
      </div>
    )
  }
  const due = deadline.effectiveDue
  return (
    <div className={`card deadline deadline-${status.kind}`} data-testid="deadline">
      <h2>Deadline</h2>
      <p className="muted small">{deadline.regime}</p>
      {due ? (
        <>
          <p className="deadline-date">
            Due <strong data-testid="due-date">{formatDate(due, true)}</strong>
          </p>
          <p className={`deadline-left ${status.kind === 'overdue' ? 'danger-text' : ''}`} data-testid="days-left">
            {daysLeftLabel(status)}
          </p>
        </>
      ) : deadline.paused.since || deadline.clockStart === null ? (
        <p className="deadline-left" data-testid="days-left">
          Clock stopped
        </p>
      ) : (
        <p className="deadline-date" data-testid="due-date">
          No statutory deadline
        </p>
      )}
      <dl className="deadline-facts">
        {deadline.receivedEarliest ? (
          <>
            <dt>Received</dt>
            <dd>
              between {formatDate(deadline.receivedEarliest)} and {formatDate(deadline.received)} (post)
            </dd>
          </>
        ) : null}
        {deadline.dueEarliest && deadline.dueEarliest !== deadline.due ? (
          <>
            <dt>If delivered early</dt>
            <dd>{formatDate(deadline.dueEarliest)}</dd>
          </>
        ) : null}
        {deadline.dueStrict ? (
          <>
            <dt>Strictly read</dt>
            <dd>{formatDate(deadline.dueStrict, true)}</dd>
          </>
        ) : null}
        {deadline.extendedDue && deadline.extendedDue !== due ? (
          <>
            <dt>If extended</dt>
            <dd>
              {formatDate(deadline.extendedDue)} (notice with reasons due by {formatDate(deadline.extensionNoticeBy)})
            </dd>
          </>
        ) : null}
        {deadline.acknowledgeBy ? (
          <>
            <dt>Confirm receipt by</dt>
            <dd>{formatDate(deadline.acknowledgeBy)}</dd>
          </>
        ) : null}
        {deadline.benchmark ? (
          <>
            <dt>Benchmark</dt>
            <dd>{formatDate(deadline.benchmark.date)} (not binding)</dd>
          </>
        ) : null}
        {deadline.milestones.map((m) => (
          <div key={m.label} className="contents">
            <dt>Milestone</dt>
            <dd>
              {formatDate(m.date)}: {m.label}
            </dd>
          </div>
        ))}
      </dl>
      <details className="explanation">
        <summary>How this date was counted</summary>
        <ol>
          {deadline.steps.map((step) => (
            <li key={step.kind + step.text}>{step.text}</li>
          ))}
        </ol>
        {deadline.interpretations.length ? (
          <div className="interpretations">
            <p className="small">
              <strong>Interpretations used</strong> (change them in{' '}
              <button type="button" className="link-button small" onClick={() => navigate({ name: 'settings' })}>
                Settings
              </button>
              ):
            </p>
            <ul>
              {deadline.interpretations.map((i) => (
                <li key={i.setting} className="small">
                  {i.text} {deadlineSettingInfo[i.setting].verified ? null : <span className="tag tag-muted">unverified</span>}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <p className="muted small">Not legal advice. Rightful counts as the law reference it is built on reads the rules; where a rule is uncertain, it says so.</p>
      </details>
    </div>
  )
}
