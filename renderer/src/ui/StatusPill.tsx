import type { RequestStatus } from '@core/requests/status'
import { daysLeftMessage, statusMessage } from '@core/requests/status'
import { useTranslation } from 'react-i18next'
import { messageText } from './messages'

/** The request's status as a coloured label, with the days left beside it when useful. */
export function StatusPill({ status, withDays = false }: { status: RequestStatus; withDays?: boolean }) {
  // Read so that the label follows a change of language.
  useTranslation()
  return (
    <span className={`pill pill-${status.kind}`} data-status={status.kind}>
      {messageText(statusMessage(status))}
      {withDays && status.kind !== 'draft' ? <span className="pill-detail"> · {messageText(daysLeftMessage(status))}</span> : null}
    </span>
  )
}
