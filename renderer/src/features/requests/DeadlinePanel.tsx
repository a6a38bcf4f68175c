import type { Deadline } from '@core/deadlines/model'
import type { RequestStatus } from '@core/requests/status'
import { daysLeftLabel } from '@core/requests/status'
import { formatDate } from '../../ui/format'

/** The legal deadline, the time left, and how it was counted. */
export function DeadlinePanel({ deadline, status }: { deadline: Deadline | null; status: RequestStatus }) {
  if (!deadline) {
    return (
      <div className="card deadline" data-testid="deadline">
        <h2>Deadline</h2>
        <p className="muted">The company’s time to answer starts when it receives your request. Mark the request as sent once it has gone out.</p>
      </div>
    )
  }
  return (
    <div className={`card deadline deadline-${status.kind}`} data-testid="deadline">
      <h2>Deadline</h2>
      <p className="deadline-date">
        Due <strong data-testid="due-date">{formatDate(deadline.due, true)}</strong>
      </p>
      <p className={`deadline-left ${status.kind === 'overdue' ? 'danger-text' : ''}`} data-testid="days-left">
        {daysLeftLabel(status)}
      </p>
      {deadline.extendedDue ? (
        <p className="muted small">
          If the company extends the period (it must tell you so, with reasons, by {formatDate(deadline.extensionNoticeBy)}): {formatDate(deadline.extendedDue, true)}.
        </p>
      ) : null}
      <details className="explanation">
        <summary>How this date was counted</summary>
        <ol>
          {deadline.steps.map((step) => (
            <li key={step.kind + step.text}>{step.text}</li>
          ))}
        </ol>
        <p className="muted small">Not legal advice. One month under Art. 12(3) GDPR, counted under Regulation (EEC, Euratom) No 1182/71.</p>
      </details>
    </div>
  )
}
