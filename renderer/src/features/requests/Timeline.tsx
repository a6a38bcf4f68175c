import type { RequestEvent } from '@core/requests/model'
import { assertNever } from '@core/assert-never'
import { channelLabel, formatDate } from '../../ui/format'

function describe(event: RequestEvent): string {
  switch (event.kind) {
    case 'created':
      return 'Created'
    case 'sent':
      return `Sent by ${channelLabel[event.channel].toLowerCase()}`
    default:
      return assertNever(event)
  }
}

/** What happened to the request, oldest first. */
export function Timeline({ events, due }: { events: ReadonlyArray<RequestEvent>; due: string | null }) {
  return (
    <div className="card">
      <h2>Timeline</h2>
      <ol className="timeline" aria-label="Timeline">
        {events.map((event) => (
          <li key={`${event.kind}-${event.recordedAt}`} className={`timeline-item timeline-${event.kind}`} data-event={event.kind}>
            <span className="timeline-dot" aria-hidden="true" />
            <span className="timeline-label">{describe(event)}</span>
            <span className="timeline-date">{formatDate(event.on)}</span>
          </li>
        ))}
        {due ? (
          <li className="timeline-item timeline-due" data-event="due">
            <span className="timeline-dot" aria-hidden="true" />
            <span className="timeline-label">Answer due</span>
            <span className="timeline-date">{formatDate(due)}</span>
          </li>
        ) : null}
      </ol>
    </div>
  )
}
