import { useEffect } from 'react'
import { useStore } from '../../store/store'
import { formatDate, requestTypeLabel } from '../../ui/format'
import { StatusPill } from '../../ui/StatusPill'
import { daysLeftLabel } from '@core/requests/status'
import type { RequestListItem } from '@core/api/contract'

const order: Record<RequestListItem['status']['kind'], number> = { overdue: 0, 'awaiting-reply': 1, draft: 2 }

/** Overdue first, then the nearest deadline, then drafts (newest first). */
function sortForAttention(items: ReadonlyArray<RequestListItem>): RequestListItem[] {
  return [...items].sort(
    (a, b) =>
      order[a.status.kind] - order[b.status.kind] ||
      (a.due && b.due ? a.due.localeCompare(b.due) : 0) ||
      b.createdAt.localeCompare(a.createdAt),
  )
}

export function Dashboard() {
  const requests = useStore((s) => s.requests)
  const load = useStore((s) => s.loadRequests)
  const navigate = useStore((s) => s.navigate)

  useEffect(() => {
    void load()
  }, [load])

  return (
    <section className="page">
      <header className="page-header">
        <div>
          <h1>Your requests</h1>
          <p className="lede">Each request, its legal deadline and what happened so far.</p>
        </div>
        <button type="button" className="button button-primary" onClick={() => navigate({ name: 'new-request', companyId: null })}>
          New request
        </button>
      </header>

      {requests === null ? (
        <p className="muted">Loading…</p>
      ) : requests.length === 0 ? (
        <div className="empty">
          <h2>No requests yet</h2>
          <p>
            Ask a company what personal data it holds about you, or ask it to delete them. Rightful finds the right address, writes the
            request with the correct subject line, and tells you when the company&rsquo;s time to answer is up.
          </p>
          <button type="button" className="button button-primary" onClick={() => navigate({ name: 'new-request', companyId: null })}>
            New request
          </button>
        </div>
      ) : (
        <table className="table requests-table">
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Company</th>
              <th scope="col">Kind</th>
              <th scope="col">Status</th>
              <th scope="col">Sent</th>
              <th scope="col">Due</th>
              <th scope="col">Time left</th>
            </tr>
          </thead>
          <tbody>
            {sortForAttention(requests).map((r) => (
              <tr
                key={r.reference}
                className="clickable"
                tabIndex={0}
                data-reference={r.reference}
                onClick={() => navigate({ name: 'request', reference: r.reference })}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') navigate({ name: 'request', reference: r.reference })
                }}
              >
                <td className="mono">{r.reference}</td>
                <td>{r.companyName}</td>
                <td>{requestTypeLabel[r.type]}</td>
                <td>
                  <StatusPill status={r.status} />
                </td>
                <td>{formatDate(r.sentOn)}</td>
                <td>{formatDate(r.due)}</td>
                <td className={r.status.kind === 'overdue' ? 'danger-text' : undefined}>{daysLeftLabel(r.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
