import { useState } from 'react'
import type { Deadline } from '@core/deadlines/model'
import type { RequestEvent } from '@core/requests/events'
import { useStore } from '../../store/store'
import { channelInline, eventLabel, formatDate } from '../../ui/format'
import { EventDialog } from './EventDialog'
import { useTranslation } from 'react-i18next'
import { i18n } from '../../i18n/i18n'

function describe(event: RequestEvent): string {
  if (event.kind === 'sent') return i18n.t('timeline.sentBy', { ns: 'requests', channel: channelInline(event.channel ?? 'email') })
  if (event.kind === 'extension-claimed' && event.until) return i18n.t('timeline.until', { ns: 'requests', event: eventLabel(event.kind), date: formatDate(event.until) })
  return eventLabel(event.kind)
}

/** What happened to the request, oldest first, with the dates still to come. */
export function Timeline({
  reference,
  events,
  deadline,
  today,
  sent,
}: {
  reference: string
  events: ReadonlyArray<RequestEvent>
  deadline: Deadline | null
  today: string
  sent: boolean
}) {
  const navigate = useStore((s) => s.navigate)
  const reveal = useStore((s) => s.revealAttachment)
  const [editing, setEditing] = useState<RequestEvent | 'new' | null>(null)
  const { t } = useTranslation('requests', { keyPrefix: 'timeline' })
  const active = events
    .filter((e) => e.removedAt === null)
    .map((e, index) => ({ e, index }))
    .sort((a, b) => a.e.on.localeCompare(b.e.on) || a.index - b.index)
    .map(({ e }) => e)
  const created = events[0]?.on ?? today
  const sentOn = events.find((e) => e.kind === 'sent' && e.removedAt === null)?.on ?? created
  const upcoming = [
    deadline?.acknowledgeBy ? { key: 'ack', label: t('ack'), date: deadline.acknowledgeBy } : null,
    deadline?.effectiveDue ? { key: 'due', label: t('due'), date: deadline.effectiveDue } : null,
    deadline?.benchmark ? { key: 'benchmark', label: t('benchmark'), date: deadline.benchmark.date } : null,
    ...(deadline?.milestones ?? []).map((m, i) => ({ key: `m${i}`, label: t('lawsuit'), date: m.date })),
  ].filter((x): x is { key: string; label: string; date: string } => x !== null)

  return (
    <div className="card">
      <div className="card-head">
        <h2>{t('heading')}</h2>
        {sent ? (
          <button type="button" className="button button-small" onClick={() => setEditing('new')}>
            {t('record')}
          </button>
        ) : null}
      </div>
      <ol className="timeline" aria-label={t('heading')}>
        {active.map((event) => (
          <li key={event.id} className={`timeline-item timeline-${event.kind}`} data-event={event.kind}>
            <span className="timeline-dot" aria-hidden="true" />
            <span className="timeline-label">
              {describe(event)}
              {event.corrections.length ? <span className="tag tag-muted">{t('corrected')}</span> : null}
              {event.kind !== 'created' ? (
                <button type="button" className="link-button small muted-link" onClick={() => setEditing(event)}>
                  {t('correct')}
                </button>
              ) : null}
            </span>
            <span className="timeline-date">{formatDate(event.on)}</span>
            {event.note || event.attachments.length || event.link || event.trackingNumber ? (
              <div className="timeline-detail">
                {event.note ? <p className="timeline-note">{event.note}</p> : null}
                {event.trackingNumber ? <p className="muted small">{t('tracking', { number: event.trackingNumber })}</p> : null}
                {event.attachments.map((a) => (
                  <button key={a.id} type="button" className="link-button small file-link" title={`SHA-256 ${a.sha256}`} onClick={() => void reveal(reference, a.id)}>
                    <svg viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5">
                      <path d="M10.5 4.5 5.3 9.7a1.5 1.5 0 0 0 2.1 2.1l5.7-5.7a3 3 0 0 0-4.2-4.2L3.2 7.6a4.5 4.5 0 0 0 6.4 6.4l4.9-4.9" strokeLinecap="round" />
                    </svg>
                    {a.name}
                  </button>
                ))}
                {event.link ? (
                  <button type="button" className="link-button small" onClick={() => navigate({ name: 'request', reference: event.link! })}>
                    {t('open', { reference: event.link })}
                  </button>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
        {upcoming.map((item) => (
          <li key={item.key} className={`timeline-item timeline-upcoming ${item.date < today ? 'timeline-past' : ''}`} data-event={item.key}>
            <span className="timeline-dot" aria-hidden="true" />
            <span className="timeline-label">{item.label}</span>
            <span className="timeline-date">{formatDate(item.date)}</span>
          </li>
        ))}
      </ol>
      {editing ? (
        <EventDialog
          reference={reference}
          today={today}
          notBefore={editing !== 'new' && editing.kind === 'sent' ? created : sentOn}
          event={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  )
}
