import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { RequestListItem } from '@core/api/contract'
import { attentionRank, daysLeftMessage } from '@core/requests/status'
import { useTranslation } from 'react-i18next'
import { messageText } from '../../ui/messages'
import { useStore } from '../../store/store'
import { requestFilters, selectRequestCounts, selectRequestsToday, type RequestFilter } from '../../store/selectors'
import { formatDate, lawShort, requestTypeLabel } from '../../ui/format'
import { StatusPill } from '../../ui/StatusPill'
import { useWindowedList } from '../../ui/useWindowedList'
import { DeadlineChart } from './DeadlineChart'
import { RepliesInbox } from '../replies/RepliesInbox'
import { PickAllCell, PickCell, SelectionBar } from './RequestSelection'

type Filter = RequestFilter

/** The filters (store/selectors.ts); `label` is a key of requests:dashboard. */
const filters = requestFilters

/** What needs attention first, then the nearest deadline, then the newest. */
export function sortForAttention(items: ReadonlyArray<RequestListItem>): RequestListItem[] {
  return [...items].sort(
    (a, b) =>
      attentionRank(a.status) - attentionRank(b.status) ||
      (a.due && b.due ? a.due.localeCompare(b.due) : a.due ? -1 : b.due ? 1 : 0) ||
      b.createdAt.localeCompare(a.createdAt),
  )
}

const rowHeight = 48

/**
 * The table's columns. Which show depends on the table's width (container queries in styles.css):
 * "Request" (company over reference and kind) stands in for the first three at 200% zoom, and
 * "Sent" shows only where there is room. Hidden cells are display: none, so screen readers skip
 * them as well.
 */
const columns: ReadonlyArray<{ label: string; className: string }> = [
  { label: 'colReference', className: 'col-reference' },
  { label: 'colCompany', className: 'col-company' },
  { label: 'colKind', className: 'col-kind' },
  { label: 'colRequest', className: 'col-request' },
  { label: 'colStatus', className: 'col-status' },
  { label: 'colSent', className: 'col-sent' },
  { label: 'colDeadline', className: 'col-deadline' },
]

export function Dashboard() {
  // As they stand today: days left and overdue follow the day as it turns.
  const requests = useStore(selectRequestsToday)
  const counts = useStore(selectRequestCounts)
  const today = useStore((s) => s.today)
  const load = useStore((s) => s.loadRequests)
  const navigate = useStore((s) => s.navigate)
  const exportCalendar = useStore((s) => s.exportCalendar)
  const { t } = useTranslation('requests', { keyPrefix: 'dashboard' })
  const [filter, setFilter] = useState<Filter>('all')
  const [text, setText] = useState('')
  const [law, setLaw] = useState('')
  const [view, setView] = useState<'list' | 'chart'>('list')
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())

  useEffect(() => {
    void load({ reuse: true })
  }, [load])

  const laws = useMemo(() => [...new Set((requests ?? []).map((r) => r.law))].sort(), [requests])
  const shown = useMemo(() => {
    const needle = text.trim().toLowerCase()
    const test = filters.find((f) => f.id === filter)!.test
    return sortForAttention(
      (requests ?? []).filter(
        (r) => test(r) && (!law || r.law === law) && (!needle || r.companyName.toLowerCase().includes(needle) || r.reference.toLowerCase().includes(needle)),
      ),
    )
  }, [requests, filter, text, law])
  const [scroller, windowed] = useWindowedList(shown.length, rowHeight)
  /** The row the keyboard moved to while it was not rendered yet: focused once it is (only rows in view are). */
  const pendingFocus = useRef<number | null>(null)
  const focusRow = useCallback(
    (row: number): boolean => {
      const element = windowed.element?.querySelector<HTMLElement>(`[role="row"][aria-rowindex="${row + 2}"]`)
      element?.focus()
      return Boolean(element)
    },
    [windowed.element],
  )
  useEffect(() => {
    if (pendingFocus.current !== null && focusRow(pendingFocus.current)) pendingFocus.current = null
  })
  /** Arrow keys, Page Up/Down, Home and End move between rows, the ones not rendered yet included. */
  const onRowKey = (event: KeyboardEvent<HTMLDivElement>, index: number, reference: string) => {
    const page = Math.max(1, Math.floor((windowed.element?.clientHeight ?? rowHeight * 10) / rowHeight) - 1)
    const target =
      event.key === 'ArrowDown' ? index + 1
      : event.key === 'ArrowUp' ? index - 1
      : event.key === 'PageDown' ? index + page
      : event.key === 'PageUp' ? index - page
      : event.key === 'Home' ? 0
      : event.key === 'End' ? shown.length - 1
      : null
    if (event.key === 'Enter') navigate({ name: 'request', reference })
    if (target === null || event.target !== event.currentTarget) return
    event.preventDefault()
    const row = Math.min(shown.length - 1, Math.max(0, target))
    windowed.scrollToIndex(row)
    pendingFocus.current = focusRow(row) ? null : row
  }
  const chosen = useMemo(() => sortForAttention((requests ?? []).filter((r) => selected.has(r.reference))), [requests, selected])

  return (
    <section className="page dashboard">
      <header className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="lede">{t('lede')}</p>
        </div>
        <div className="header-actions">
          {requests && requests.length > 0 ? (
            <button type="button" className="button" onClick={() => void exportCalendar()}>
              {t('exportIcs')}
            </button>
          ) : null}
          <button type="button" className="button button-primary" onClick={() => navigate({ name: 'new-request', companyId: null })}>
            {t('newRequest')}
          </button>
        </div>
      </header>

      {requests === null ? (
        <p className="muted">{t('loading', { ns: 'common', keyPrefix: undefined })}</p>
      ) : requests.length === 0 ? (
        <div className="empty">
          <h2>{t('emptyTitle')}</h2>
          <p>{t('emptyText')}</p>
          <button type="button" className="button button-primary" onClick={() => navigate({ name: 'new-request', companyId: null })}>
            {t('newRequest')}
          </button>
        </div>
      ) : (
        <>
          <RepliesInbox />
          <div className="toolbar">
            <div className="segmented" role="group" aria-label={t('show')}>
              {filters.map((f) => (
                <button
                  key={f.id}
                  type="button"
                  className={filter === f.id ? 'active' : ''}
                  aria-pressed={filter === f.id}
                  onClick={() => setFilter(f.id)}
                >
                  {t(f.label)} <span className="count">{counts[f.id]}</span>
                </button>
              ))}
            </div>
            <input type="search" className="toolbar-search" placeholder={t('searchPlaceholder')} aria-label={t('searchLabel')} value={text} onChange={(e) => setText(e.target.value)} />
            {laws.length > 1 ? (
              <select aria-label={t('law')} value={law} onChange={(e) => setLaw(e.target.value)}>
                <option value="">{t('allLaws')}</option>
                {laws.map((l) => (
                  <option key={l} value={l}>
                    {lawShort(l)}
                  </option>
                ))}
              </select>
            ) : null}
            <div className="segmented" role="group" aria-label={t('view')}>
              <button type="button" className={view === 'list' ? 'active' : ''} aria-pressed={view === 'list'} onClick={() => setView('list')}>
                {t('list')}
              </button>
              <button type="button" className={view === 'chart' ? 'active' : ''} aria-pressed={view === 'chart'} onClick={() => setView('chart')}>
                {t('timeline')}
              </button>
            </div>
          </div>

          <SelectionBar chosen={chosen} onClear={() => setSelected(new Set())} onShowDrafts={() => setFilter('drafts')} />
          {shown.length === 0 ? (
            <p className="muted empty-filter">{t('noMatch')} {filter !== 'all' || text || law ? t('tryAll') : ''}</p>
          ) : view === 'chart' ? (
            <DeadlineChart items={shown.slice(0, 300)} today={today ?? new Date().toISOString().slice(0, 10)} onOpen={(reference) => navigate({ name: 'request', reference })} />
          ) : (
            <div className="grid-table selectable" role="table" aria-label={t('table')} aria-rowcount={shown.length + 1}>
              <div className="grid-row grid-head" role="row" aria-rowindex={1}>
                <PickAllCell shown={shown} selected={selected} onChange={setSelected} />
                {columns.map((column) => (
                  <span key={column.label} role="columnheader" className={column.className}>
                    {t(column.label)}
                  </span>
                ))}
              </div>
              <div className="grid-body" ref={scroller}>
                <div style={{ height: windowed.totalHeight, position: 'relative' }}>
                  <div style={{ transform: `translateY(${windowed.offsetTop}px)` }}>
                    {shown.slice(windowed.first, windowed.last).map((r, index) => (
                      <div
                        key={r.reference}
                        role="row"
                        aria-rowindex={windowed.first + index + 2}
                        className={`grid-row clickable status-${r.status.kind}`}
                        tabIndex={0}
                        data-reference={r.reference}
                        onClick={() => navigate({ name: 'request', reference: r.reference })}
                        onKeyDown={(e) => onRowKey(e, windowed.first + index, r.reference)}
                      >
                        <PickCell item={r} selected={selected} onChange={setSelected} />
                        <span role="cell" className="col-reference mono">
                          {r.reference}
                        </span>
                        <span role="cell" className="col-company ellipsis" title={r.companyName}>
                          {r.companyName}
                        </span>
                        <span role="cell" className="col-kind two-lines">
                          {requestTypeLabel(r.type)} <span className="muted small">{lawShort(r.law)}</span>
                        </span>
                        <span role="cell" className="col-request two-lines">
                          <span className="ellipsis" title={r.companyName}>
                            {r.companyName}
                          </span>{' '}
                          <span className="muted small ellipsis">
                            <span className="mono">{r.reference}</span> · {requestTypeLabel(r.type)} {lawShort(r.law)}
                          </span>
                        </span>
                        <span role="cell" className="col-status">
                          <StatusPill status={r.status} />
                        </span>
                        <span role="cell" className="col-sent">
                          {formatDate(r.sentOn)}
                        </span>
                        <span role="cell" className="col-deadline two-lines">
                          {r.due ? <span>{formatDate(r.due)}</span> : null}{' '}
                          {/* While the company waits for the user, the date above is all there is to say. */}
                          {r.status.kind === 'waiting-for-you' && r.due ? null : (
                            <span className={r.status.kind === 'overdue' ? 'danger-text small' : 'muted small'}>{messageText(daysLeftMessage(r.status))}</span>
                          )}
                        </span>
                      </div>
                    ))}
                  </div>
                </div>
              </div>
            </div>
          )}
        </>
      )}
    </section>
  )
}
