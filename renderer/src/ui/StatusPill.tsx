import type { RequestStatus } from '@core/requests/status'
import { daysLeftLabel, statusLabel } from '@core/requests/status'

/** The request's status as a coloured label, with the days left beside it when useful. */
export function StatusPill({ status, withDays = false }: { status: RequestStatus; withDays?: boolean }) {
  return (
    <span className={`pill pill-${status.kind}`} data-status={status.kind}>
      {statusLabel(status)}
      {withDays && status.kind !== 'draft' ? <span className="pill-detail"> · {daysLeftLabel(status)}</span> : null}
    </span>
  )
}
