/**
 * The requests on a time line: one row per sent request, a bar from sending to the deadline, the
 * events on it, and today. Drawn as SVG by React; the geometry comes from chart-layout.ts.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { daysLeftMessage, statusMessage } from '@core/requests/status'
import type { RequestStatus } from '@core/requests/status'
import type { RequestListItem } from '@core/requests/view'
import { formatDate, formatList, formatNumber } from '../../ui/format'
import { messageText } from '../../ui/messages'
import { chartGeometry, layoutChart, truncate, type ChartLayout, type ChartRow, type MarkKind, type RowTone } from './chart-layout'
import { markTitle, tickLabel, type ChartT } from './chart-words'
import './deadline-chart.css'

/** The viewBox width until the figure has been measured. */
const defaultWidth = 1000
/** Narrower than this, the chart scales down rather than squeezing the bars. */
const minWidth = 560

/**
 * The figure's inner width: the viewBox takes it, so one unit is one pixel and the text keeps its
 * size in a narrow window (a fixed 1000-unit viewBox would shrink 12 px labels to 7 px at the
 * window's minimum width).
 */
function useWidth() {
  const ref = useRef<HTMLElement>(null)
  const [width, setWidth] = useState(defaultWidth)
  useEffect(() => {
    const element = ref.current
    if (!element || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(minWidth, Math.round(entry.contentRect.width)))
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  return { ref, width }
}

/** Days left from which a running deadline's label turns amber. */
const soonDays = 7

/** A label column this wide has room for the reference beside the company name. */
const roomForReference = 220

/** Characters of the company name that fit in a label column this wide (beside " · RF-2026-0001" or alone). */
function companyCharsFor(labelWidth: number, withReference: boolean): number {
  return Math.max(8, Math.floor((labelWidth - 20 - (withReference ? 96 : 0)) / 7.2))
}

export function DeadlineChart({ items, today, onOpen }: { items: ReadonlyArray<RequestListItem>; today: string; onOpen: (reference: string) => void }) {
  const { ref, width } = useWidth()
  // The language is a dependency: the chart's words change with it.
  const { t, i18n } = useTranslation('chart')
  const layout = useMemo(() => layoutChart(items, today, width), [items, today, width])
  const baseId = useId().replace(/[^a-zA-Z0-9_-]/g, '')
  const captionId = `${baseId}-caption`
  const fadeId = (tone: RowTone) => `${baseId}-fade-${tone}`

  return (
    <figure className="deadline-chart" ref={ref}>
      <figcaption id={captionId} className="dc-caption">
        {summaryOf(layout, t)}
      </figcaption>
      {layout.rows.length > 0 ? (
        <>
          <svg className="dc-svg" viewBox={`0 0 ${layout.width} ${layout.height}`} width="100%" aria-labelledby={captionId}>
            <defs>
              {(['running', 'waiting', 'open', 'closed'] as const).map((tone) => (
                <linearGradient key={tone} id={fadeId(tone)} x1="0" x2="1" y1="0" y2="0">
                  <stop offset="0.35" className={`dc-stop dc-tone-${tone}`} />
                  <stop offset="1" className={`dc-stop dc-stop-end dc-tone-${tone}`} />
                </linearGradient>
              ))}
            </defs>
            <Axis layout={layout} language={i18n.language} />
            {layout.rows.map((row, index) => (
              <Row key={row.reference} row={row} index={index} layout={layout} fill={row.bar.open ? `url(#${fadeId(row.tone)})` : undefined} onOpen={onOpen} t={t} />
            ))}
            <TodayLine layout={layout} today={today} t={t} />
          </svg>
          <Legend layout={layout} openFadeId={fadeId('open')} t={t} />
        </>
      ) : null}
    </figure>
  )
}


/** A count for a sentence: `count` picks the plural form, `n` is the number as the language writes it. */
const counted = (count: number) => ({ count, n: formatNumber(count) })

function summaryOf(layout: ChartLayout, t: ChartT): string {
  const count = (kind: RequestStatus['kind']) => layout.rows.filter((r) => r.status.kind === kind).length
  const parts: string[] = []
  if (layout.rows.length === 0) parts.push(t('summary.none'))
  else {
    const overdue = count('overdue')
    const waiting = count('waiting-for-you')
    const closed = layout.rows.filter((r) => r.muted).length
    const details = [
      overdue ? t('summary.overdue', counted(overdue)) : null,
      waiting ? t('summary.waiting', counted(waiting)) : null,
      closed ? t('summary.closed', counted(closed)) : null,
    ].filter((d): d is string => d !== null)
    parts.push(details.length ? t('summary.sentWith', { ...counted(layout.rows.length), details: formatList(details) }) : t('summary.sent', counted(layout.rows.length)))
  }
  if (layout.draftsLeftOut > 0) parts.push(t('summary.drafts', counted(layout.draftsLeftOut)))
  return parts.join(' ')
}

// --- Axis and today --------------------------------------------------------------------------

/** Width of a pill that holds `text` at the chart's label size (CJK glyphs are about twice as wide). */
function pillWidth(text: string): number {
  let width = 16
  for (const char of text) width += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(char) ? 12 : 6.6
  return Math.max(44, Math.round(width))
}

function Axis({ layout, language }: { layout: ChartLayout; language: string }) {
  const { plot } = layout
  return (
    <g className="dc-axis" aria-hidden="true">
      {layout.ticks.map((tick) => (
        <g key={`${tick.date}-${language}`}>
          <line className="dc-gridline" x1={tick.x} x2={tick.x} y1={plot.top - 26} y2={plot.bottom} />
          <text className={tick.newYear ? 'dc-tick dc-tick-year' : 'dc-tick'} x={tick.x + 4} y={plot.top - 30}>
            {tickLabel(tick)}
          </text>
        </g>
      ))}
      <line className="dc-baseline" x1={0} x2={layout.width} y1={plot.top - 0.5} y2={plot.top - 0.5} />
    </g>
  )
}

function TodayLine({ layout, today, t }: { layout: ChartLayout; today: string; t: ChartT }) {
  const { plot, todayX } = layout
  const label = t('today')
  const labelWidth = pillWidth(label)
  // Kept inside the plot so that it never covers the row labels.
  const labelX = Math.min(Math.max(todayX - labelWidth / 2, plot.x1), plot.x2 - labelWidth)
  return (
    <g className="dc-today" aria-hidden="true">
      <line className="dc-today-line" x1={todayX} x2={todayX} y1={plot.top - 12} y2={plot.bottom} />
      <rect className="dc-today-label-bg" x={labelX} y={plot.top - 24} width={labelWidth} height={16} rx={8} />
      <text className="dc-today-label" x={labelX + labelWidth / 2} y={plot.top - 12.5}>
        {label}
      </text>
      <title>{`${label} · ${formatDate(today)}`}</title>
    </g>
  )
}

// --- Rows ------------------------------------------------------------------------------------

function Row({ row, index, layout, fill, onOpen, t }: { row: ChartRow; index: number; layout: ChartLayout; fill: string | undefined; onOpen: (reference: string) => void; t: ChartT }) {
  const g = chartGeometry
  const cy = row.y + g.rowHeight / 2
  const top = cy - g.barHeight / 2
  const open = () => onOpen(row.reference)
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      open()
    }
  }
  const short = shortStatus(row.status, t)
  const withReference = layout.plot.x1 >= roomForReference
  const company = truncate(row.companyName, companyCharsFor(layout.plot.x1, withReference))
  const classes = ['dc-row', `dc-row-${row.tone}`, index % 2 === 1 ? 'dc-row-even' : null, row.muted ? 'dc-row-muted' : null].filter(Boolean).join(' ')

  return (
    <g className={classes} role="button" tabIndex={0} aria-label={ariaLabelOf(row, company, withReference, short, t)} data-reference={row.reference} onClick={open} onKeyDown={onKeyDown}>
      <rect className="dc-row-bg" x={1} y={row.y + 1} width={layout.width - 2} height={g.rowHeight - 2} rx={4} />
      <text className="dc-label" x={12} y={cy + 4.5}>
        <tspan className="dc-label-company">{company}</tspan>
        {withReference ? <tspan className="dc-label-reference"> · {row.reference}</tspan> : null}
        {company !== row.companyName || !withReference ? <title>{row.label}</title> : null}
      </text>

      {row.extension ? (
        <rect
          className={row.extension.claimed ? 'dc-extension dc-extension-claimed' : 'dc-extension dc-extension-possible'}
          x={row.extension.x1}
          y={top + (row.extension.claimed ? 0 : 0.5)}
          width={Math.max(2, row.extension.x2 - row.extension.x1)}
          height={g.barHeight - (row.extension.claimed ? 0 : 1)}
          rx={2}
        >
          <title>
            {row.extension.claimed
              ? t('extensionClaimed', { from: formatDate(row.extension.from), to: formatDate(row.extension.to) })
              : t('extensionPossible', { to: formatDate(row.extension.to) })}
          </title>
        </rect>
      ) : null}

      <rect className={`dc-bar${row.bar.open ? ' dc-bar-open' : ''}`} x={row.bar.x1} y={top} width={Math.max(3, row.bar.x2 - row.bar.x1)} height={g.barHeight} rx={2} fill={fill}>
        <title>{barTitle(row, t)}</title>
      </rect>

      {row.overdue ? (
        <rect className="dc-overdue" x={row.overdue.x1} y={top} width={Math.max(2, row.overdue.x2 - row.overdue.x1)} height={g.barHeight} rx={2}>
          <title>{t(row.muted ? 'answeredLate' : 'overdueSince', { due: formatDate(row.overdue.from), to: formatDate(row.overdue.to) })}</title>
        </rect>
      ) : null}

      {row.marks.map((mark, i) => (
        <g key={`${mark.kind}-${mark.date}-${i}`} className={`dc-mark dc-mark-${mark.kind}`}>
          <MarkShape kind={mark.kind} x={mark.drawX} y={cy} />
          <title>{markTitle(mark, row, t)}</title>
        </g>
      ))}

      {/* Apart from the label in the text read out, as they are apart on screen. */}{' '}
      <text className={`dc-status dc-status-${row.status.kind === 'awaiting-reply' && row.status.daysLeft <= soonDays ? 'soon' : row.tone}`} x={layout.width - 10} y={cy + 4.5}>
        {short}
      </text>
    </g>
  )
}

function shortStatus(status: RequestStatus, t: ChartT): string {
  switch (status.kind) {
    case 'overdue':
    case 'awaiting-reply':
      return messageText(daysLeftMessage(status))
    case 'waiting-for-you':
      return t('short.waiting')
    case 'no-deadline':
      return t('short.noDeadline')
    default:
      return messageText(statusMessage(status))
  }
}

/**
 * The row's name for screen readers: first what the row shows (company, reference, time left), so
 * that speech and sight agree and voice control finds it by its words; then what it leaves out.
 */
function ariaLabelOf(row: ChartRow, shownCompany: string, withReference: boolean, short: string, t: ChartT): string {
  const shown = `${shownCompany}${withReference ? `, ${row.reference}` : ''}, ${short}`
  const hidden = shownCompany !== row.companyName || !withReference ? ` (${row.companyName}, ${row.reference})` : ''
  return `${shown}${hidden}. ${detailsOf(row, t)}`
}

/** The status in words with its dates. */
function detailsOf(row: ChartRow, t: ChartT): string {
  const { status, item } = row
  const head = messageText(statusMessage(status))
  switch (status.kind) {
    case 'overdue':
    case 'awaiting-reply':
      return t('details.due', { head, date: formatDate(status.due) })
    case 'waiting-for-you':
      return status.due ? t('details.due', { head, date: formatDate(status.due) }) : t('details.stopped', { head })
    case 'no-deadline':
      return t('details.sent', { head, date: formatDate(status.sentOn) })
    case 'refused':
    case 'completed':
    case 'abandoned':
    case 'complaint-filed':
      return t('details.on', { head, date: formatDate(status.on) })
    default:
      return item.due ? t('details.due', { head, date: formatDate(item.due) }) : head
  }
}

function barTitle(row: ChartRow, t: ChartT): string {
  const sent = t('bar.sent', { date: formatDate(row.bar.from) })
  if (row.muted) {
    const closed = row.item.facts.closed
    return closed ? `${sent} · ${t('bar.closed', { date: formatDate(closed.on) })}` : sent
  }
  if (row.bar.open) return `${sent} · ${row.status.kind === 'waiting-for-you' ? t('bar.stopped') : t('bar.noDeadline')}`
  if (row.extension?.claimed) return `${sent} · ${t('bar.extended', { date: formatDate(row.bar.to) })}`
  return `${sent} · ${t('bar.due', { date: formatDate(row.bar.to) })}`
}

// --- Marks -----------------------------------------------------------------------------------

/** A small shape per event, centred on (x, y). */
function MarkShape({ kind, x, y }: { kind: MarkKind; x: number; y: number }): ReactNode {
  const r = 4.5
  switch (kind) {
    case 'delivered':
      return <circle className="dc-shape" cx={x} cy={y} r={3.6} />
    case 'acknowledged':
      return <circle className="dc-shape" cx={x} cy={y} r={3.8} />
    case 'reply':
      return <rect className="dc-shape" x={x - 3.8} y={y - 3.8} width={7.6} height={7.6} rx={1.2} />
    case 'question':
      return <path className="dc-shape" d={`M${x - r} ${y - 3.5}h${2 * r}l${-r} ${r + 3}z`} />
    case 'extension':
      return <path className="dc-shape" d={`M${x} ${y - 5.5}l5 5.5l-5 5.5l-5 -5.5z`} />
    case 'reminder':
      return <path className="dc-shape" d={`M${x} ${y - 5.5}l5.2 9h-10.4z`} />
    case 'completed':
      return (
        <>
          <circle className="dc-shape" cx={x} cy={y} r={6} />
          <path className="dc-glyph" d={`M${x - 3} ${y + 0.2}l2 2l3.6 -4`} />
        </>
      )
    case 'refused':
      return (
        <>
          <circle className="dc-shape" cx={x} cy={y} r={6} />
          <path className="dc-glyph" d={`M${x - 2.4} ${y - 2.4}l4.8 4.8m0 -4.8l-4.8 4.8`} />
        </>
      )
    case 'abandoned':
      return (
        <>
          <circle className="dc-shape" cx={x} cy={y} r={6} />
          <path className="dc-glyph" d={`M${x - 3} ${y}h6`} />
        </>
      )
    case 'complaint-filed':
      return (
        <>
          <circle className="dc-shape" cx={x} cy={y} r={6} />
          <path className="dc-glyph" d={`M${x} ${y - 3.2}v3.6m0 2.2v0.4`} />
        </>
      )
    case 'due':
      return <path className="dc-shape" d={`M${x} ${y - 9}v18`} />
    case 'benchmark':
      return <path className="dc-shape" d={`M${x} ${y - 9}v18`} />
  }
}

// --- Legend ----------------------------------------------------------------------------------

/** Every mark once (the compiler checks none is missing), in the legend's order; their names are `chart:legend.mark.<kind>`. */
const markOrder: Record<MarkKind, true> = {
  delivered: true,
  acknowledged: true,
  question: true,
  reply: true,
  extension: true,
  reminder: true,
  completed: true,
  refused: true,
  abandoned: true,
  'complaint-filed': true,
  due: true,
  benchmark: true,
}

function Legend({ layout, openFadeId, t }: { layout: ChartLayout; openFadeId: string; t: ChartT }) {
  const rows = layout.rows
  const bars: Array<{ key: string; name: string; swatch: ReactNode }> = []
  const swatch = (className: string, fill?: string) => (
    <svg className="dc-legend-swatch" viewBox="0 0 28 12" width="28" height="12" aria-hidden="true">
      <rect className={className} x={1} y={1} width={26} height={10} rx={2} fill={fill} />
    </svg>
  )
  if (rows.some((r) => r.tone === 'running' || r.tone === 'overdue')) bars.push({ key: 'time', name: t('legend.time'), swatch: swatch('dc-bar') })
  if (rows.some((r) => r.extension && !r.extension.claimed)) bars.push({ key: 'possible', name: t('legend.possible'), swatch: swatch('dc-extension dc-extension-possible') })
  if (rows.some((r) => r.extension?.claimed)) bars.push({ key: 'claimed', name: t('legend.extended'), swatch: swatch('dc-extension dc-extension-claimed') })
  if (rows.some((r) => r.overdue)) bars.push({ key: 'overdue', name: t('legend.overdue'), swatch: swatch('dc-overdue') })
  if (rows.some((r) => r.tone === 'waiting')) bars.push({ key: 'waiting', name: t('legend.waiting'), swatch: swatch('dc-legend-waiting') })
  if (rows.some((r) => r.bar.open)) bars.push({ key: 'open', name: t('legend.open'), swatch: swatch('dc-bar dc-bar-open', `url(#${openFadeId})`) })

  const kinds = new Set(rows.flatMap((r) => r.marks.map((m) => m.kind)))
  const marks = (Object.keys(markOrder) as MarkKind[]).filter((k) => kinds.has(k))
  if (bars.length === 0 && marks.length === 0) return null
  return (
    <ul className="dc-legend" aria-label={t('legend.label')}>
      {bars.map((b) => (
        <li key={b.key}>
          {b.swatch}
          {b.name}
        </li>
      ))}
      {marks.map((kind) => (
        <li key={kind}>
          <svg className="dc-legend-mark" viewBox="0 0 14 14" width="14" height="14" aria-hidden="true">
            <g className={`dc-mark dc-mark-${kind}`}>
              <MarkShape kind={kind} x={7} y={7} />
            </g>
          </svg>
          {t(`legend.mark.${kind}`)}
        </li>
      ))}
    </ul>
  )
}
