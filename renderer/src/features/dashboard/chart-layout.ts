/**
 * Where everything in the deadline chart goes: rows, bars, marks, month ticks and the today line,
 * in the coordinates of the SVG's viewBox. Pure (no DOM, no React), so it is tested in Node.
 *
 * Only types come from the core here: the unit tests run without the `@core` alias, so the little
 * date arithmetic the chart needs (day numbers, month names) is done locally, in the same format
 * as describeDate ("2 March 2026").
 */
import type { PlainDate } from '@core/shared/calendar'
import type { RequestFacts } from '@core/requests/events'
import type { RequestStatus } from '@core/requests/status'
import type { RequestListItem } from '@core/requests/view'

/** The geometry, in viewBox units. */
export const chartGeometry = {
  /** Room for "Company · RF-2026-0001" on the left (a quarter of a narrower chart). */
  labelWidth: 250,
  /** Room for "12 days overdue" on the right (at least 100 in a narrower chart). */
  statusWidth: 128,
  /** Month labels and the "Today" label above the rows. */
  axisHeight: 46,
  rowHeight: 30,
  barHeight: 12,
  bottomPadding: 6,
  /** Marks closer than this are moved apart. */
  markGap: 9,
  /** Days of air before the first and after the last date shown. */
  paddingDays: 5,
  /** The narrowest range, so that a single new request is not one long bar. */
  minDays: 31,
  /** A bar without a legal end is drawn at least this long. */
  openBarDays: 14,
  /** Month labels need this much room; further apart, ticks skip months. */
  minTickSpacing: 52,
} as const

export type MarkKind =
  | 'delivered'
  | 'acknowledged'
  | 'question'
  | 'reply'
  | 'extension'
  | 'reminder'
  | 'completed'
  | 'refused'
  | 'abandoned'
  | 'complaint-filed'
  /** A closed request's deadline, to see whether the answer came in time. */
  | 'due'
  /** The usual benchmark where the law sets no period. */
  | 'benchmark'

/** `x` is the date's position; `drawX` moves a mark aside when it would hide the one before (same day). */
export type ChartMark = { readonly kind: MarkKind; readonly date: PlainDate; readonly x: number; readonly drawX: number; readonly label: string }

/** How a row's bar is coloured. */
export type RowTone = 'running' | 'overdue' | 'waiting' | 'open' | 'closed'

export type ChartRow = {
  readonly reference: string
  readonly companyName: string
  /** "FS.COM · RF-2026-0001". */
  readonly label: string
  /** The row's top edge. */
  readonly y: number
  /** From the sent date to the due date (closed: to the closing date). `open`: no end, drawn fading out. */
  readonly bar: { readonly x1: number; readonly x2: number; readonly from: PlainDate; readonly to: PlainDate; readonly open: boolean }
  /** The extension: possible (not claimed: dashed) or claimed (solid, from the claim to the date that binds now). */
  readonly extension: { readonly x1: number; readonly x2: number; readonly from: PlainDate; readonly to: PlainDate; readonly claimed: boolean } | null
  /** From the due date to today while overdue; for a closed request, to the late answer. */
  readonly overdue: { readonly x1: number; readonly x2: number; readonly from: PlainDate; readonly to: PlainDate } | null
  readonly marks: ReadonlyArray<ChartMark>
  readonly status: RequestStatus
  readonly tone: RowTone
  /** Closed: drawn in grey, at the end. */
  readonly muted: boolean
  readonly item: RequestListItem
}

export type ChartTick = { readonly date: PlainDate; readonly x: number; readonly label: string; readonly newYear: boolean }

export type ChartLayout = {
  readonly width: number
  readonly range: { readonly from: PlainDate; readonly to: PlainDate }
  /** Where dates are drawn: between x1 and x2. */
  readonly plot: { readonly x1: number; readonly x2: number; readonly top: number; readonly bottom: number }
  readonly ticks: ReadonlyArray<ChartTick>
  readonly todayX: number
  readonly rows: ReadonlyArray<ChartRow>
  readonly height: number
  readonly draftsLeftOut: number
  readonly xOf: (date: PlainDate) => number
}

// --- Dates -----------------------------------------------------------------------------------

const dayMs = 86_400_000
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const

function dayNumber(date: PlainDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / dayMs
}

function dateOf(day: number): PlainDate {
  return new Date(day * dayMs).toISOString().slice(0, 10)
}

function shiftDays(date: PlainDate, days: number): PlainDate {
  return dateOf(dayNumber(date) + days)
}

function later(a: PlainDate, b: PlainDate): PlainDate {
  return a > b ? a : b
}

/** "2 March 2026", as describeDate writes it. */
export function chartDate(date: PlainDate): string {
  return `${Number(date.slice(8, 10))} ${monthNames[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`
}

// --- Ordering --------------------------------------------------------------------------------

const closedKinds: ReadonlyArray<RequestStatus['kind']> = ['refused', 'completed', 'abandoned', 'complaint-filed']

function isClosed(status: RequestStatus): boolean {
  return closedKinds.includes(status.kind)
}

function groupOf(status: RequestStatus): number {
  if (status.kind === 'overdue') return 0
  if (status.kind === 'waiting-for-you') return 1
  return isClosed(status) ? 3 : 2
}

/** Like the dashboard: overdue, then waiting for the user, then the nearest due date; closed last, latest closed first. */
export function compareForChart(a: RequestListItem, b: RequestListItem): number {
  const group = groupOf(a.status) - groupOf(b.status)
  if (group !== 0) return group
  if (groupOf(a.status) === 3) {
    const closedA = a.facts.closed?.on ?? ''
    const closedB = b.facts.closed?.on ?? ''
    if (closedA !== closedB) return closedA < closedB ? 1 : -1
  } else if (a.due !== b.due) {
    if (a.due === null) return 1
    if (b.due === null) return -1
    return a.due < b.due ? -1 : 1
  }
  const sentA = a.sentOn ?? ''
  const sentB = b.sentOn ?? ''
  if (sentA !== sentB) return sentA < sentB ? -1 : 1
  return a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0
}

function sentOnOf(item: RequestListItem): PlainDate | null {
  if (item.status.kind === 'draft') return null
  return item.sentOn ?? item.facts.sent?.on ?? null
}

// --- Rows ------------------------------------------------------------------------------------

type DatedMark = { readonly kind: MarkKind; readonly date: PlainDate; readonly label: string }

const closingLabels: Record<NonNullable<RequestFacts['closed']>['kind'], { kind: MarkKind; label: string }> = {
  completed: { kind: 'completed', label: 'Completed' },
  'data-received': { kind: 'completed', label: 'Data received' },
  refused: { kind: 'refused', label: 'Refused' },
  abandoned: { kind: 'abandoned', label: 'Abandoned' },
  'complaint-filed': { kind: 'complaint-filed', label: 'Complaint filed' },
}

function marksOf(item: RequestListItem, closed: boolean): DatedMark[] {
  const { facts } = item
  const marks: DatedMark[] = []
  const add = (kind: MarkKind, date: PlainDate | null | undefined, label: string) => {
    if (date) marks.push({ kind, date, label })
  }
  add('delivered', facts.deliveredOn, 'Delivered')
  for (const e of facts.identity) {
    add('question', e.requestedOn, e.providedOn ? `ID details requested (provided ${chartDate(e.providedOn)})` : 'ID details requested')
  }
  for (const e of facts.clarifications) {
    add('question', e.askedOn, e.answeredOn ? `Question asked (answered ${chartDate(e.answeredOn)})` : 'Question asked')
  }
  add('acknowledged', facts.acknowledgedOn, 'Receipt acknowledged')
  // lastReplyOn also counts acknowledgements and closing answers: those have their own marks.
  if (facts.partlyFulfilledOn && facts.partlyFulfilledOn !== facts.closed?.on) add('reply', facts.partlyFulfilledOn, 'Partly fulfilled')
  if (facts.lastReplyOn && facts.lastReplyOn !== facts.acknowledgedOn && facts.lastReplyOn !== facts.closed?.on && facts.lastReplyOn !== facts.partlyFulfilledOn) {
    add('reply', facts.lastReplyOn, 'Reply received')
  }
  if (facts.extension) {
    add('extension', facts.extension.claimedOn, facts.extension.until ? `Extension claimed, until ${chartDate(facts.extension.until)}` : 'Extension claimed')
  }
  add('reminder', facts.reminderOn, 'Reminder sent')
  if (facts.closed) {
    const closing = closingLabels[facts.closed.kind]
    add(closing.kind, facts.closed.on, closing.label)
  }
  if (closed && item.due) add('due', item.due, 'Was due')
  if (item.status.kind === 'no-deadline' && item.status.benchmark) add('benchmark', item.status.benchmark, 'Usual benchmark')
  return marks.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

function toneOf(status: RequestStatus, hasDue: boolean): RowTone {
  if (status.kind === 'overdue') return 'overdue'
  if (status.kind === 'waiting-for-you') return 'waiting'
  if (isClosed(status)) return 'closed'
  return hasDue ? 'running' : 'open'
}

type RowDates = Omit<ChartRow, 'y' | 'bar' | 'extension' | 'overdue' | 'marks'> & {
  readonly bar: { readonly from: PlainDate; readonly to: PlainDate; readonly open: boolean }
  readonly extension: { readonly from: PlainDate; readonly to: PlainDate; readonly claimed: boolean } | null
  readonly overdue: { readonly from: PlainDate; readonly to: PlainDate } | null
  readonly marks: ReadonlyArray<DatedMark>
}

/** A row in dates only; positions follow once the range is known. */
function rowDates(item: RequestListItem, sentOn: PlainDate, today: PlainDate): RowDates {
  const { status, facts, due, extendedDue } = item
  const closed = isClosed(status)
  const closedOn = facts.closed?.on ?? null
  let bar: RowDates['bar']
  let extension: RowDates['extension'] = null
  let overdue: RowDates['overdue'] = null

  if (closed && closedOn) {
    // What happened: from sending to the closing event; the deadline is a mark.
    const late = due !== null && closedOn > due && due >= sentOn
    bar = { from: sentOn, to: late ? due : later(closedOn, sentOn), open: false }
    if (late) overdue = { from: due, to: closedOn }
  } else if (due) {
    if (facts.extension && facts.extension.claimedOn > sentOn && facts.extension.claimedOn < due) {
      // The list item only knows the date that binds now: the bar turns lighter where the claim was made.
      bar = { from: sentOn, to: facts.extension.claimedOn, open: false }
      extension = { from: facts.extension.claimedOn, to: due, claimed: true }
    } else {
      bar = { from: sentOn, to: later(due, sentOn), open: false }
      // A possible extension has to be claimed before the deadline: once it has passed, it is moot.
      if (!facts.extension && extendedDue && extendedDue > due && today <= due) extension = { from: due, to: extendedDue, claimed: false }
    }
    if (status.kind === 'overdue' && today > due) overdue = { from: due, to: today }
  } else {
    // No statutory deadline (or the clock is stopped): open-ended, up to today.
    bar = { from: sentOn, to: later(today, shiftDays(sentOn, chartGeometry.openBarDays)), open: true }
  }

  return {
    reference: item.reference,
    companyName: item.companyName,
    label: `${item.companyName} · ${item.reference}`,
    bar,
    extension,
    overdue,
    marks: marksOf(item, closed),
    status,
    tone: toneOf(status, due !== null),
    muted: closed,
    item,
  }
}

// --- Axis ------------------------------------------------------------------------------------

const tickSteps = [1, 2, 3, 6, 12] as const

function monthTicks(from: PlainDate, to: PlainDate, xOf: (date: PlainDate) => number, plotWidth: number, spanDays: number): ChartTick[] {
  const monthWidth = (plotWidth * 30.44) / spanDays
  const step = tickSteps.find((s) => s * monthWidth >= chartGeometry.minTickSpacing) ?? 12
  const ticks: ChartTick[] = []
  let year = Number(from.slice(0, 4))
  let month = Number(from.slice(5, 7)) // 1-based; the first tick is the next first of a month
  let previousYear: number | null = null
  for (;;) {
    month += 1
    if (month > 12) {
      month = 1
      year += 1
    }
    const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`
    if (date > to) break
    if ((month - 1) % step !== 0) continue
    const newYear = previousYear !== year
    previousYear = year
    const short = monthNames[month - 1]!.slice(0, 3)
    ticks.push({ date, x: xOf(date), label: newYear ? `${short} ${year}` : short, newYear })
  }
  return ticks
}

// --- The chart -------------------------------------------------------------------------------

/** Lays out the chart for these requests on `today`, `width` units wide. */
export function layoutChart(items: ReadonlyArray<RequestListItem>, today: PlainDate, width = 1000): ChartLayout {
  const g = chartGeometry
  const sent: Array<{ item: RequestListItem; sentOn: PlainDate }> = []
  let draftsLeftOut = 0
  for (const item of items) {
    const sentOn = sentOnOf(item)
    if (sentOn) sent.push({ item, sentOn })
    else draftsLeftOut += 1
  }
  sent.sort((a, b) => compareForChart(a.item, b.item))
  const dated = sent.map(({ item, sentOn }) => rowDates(item, sentOn, today))

  // The range: from the earliest sent date to the latest date shown, today included.
  let first = today
  let last = today
  const see = (date: PlainDate) => {
    if (date < first) first = date
    if (date > last) last = date
  }
  for (const row of dated) {
    see(row.bar.from)
    see(row.bar.to)
    if (row.extension) see(row.extension.to)
    if (row.overdue) see(row.overdue.to)
    for (const mark of row.marks) see(mark.date)
  }
  const from = shiftDays(first, -g.paddingDays)
  let to = shiftDays(last, g.paddingDays)
  if (dayNumber(to) - dayNumber(from) < g.minDays) to = shiftDays(from, g.minDays)
  const spanDays = dayNumber(to) - dayNumber(from)

  const labelWidth = Math.min(g.labelWidth, Math.round(width / 4))
  const statusWidth = Math.min(g.statusWidth, Math.max(100, Math.round(width * 0.13)))
  const plot = { x1: labelWidth, x2: width - statusWidth, top: g.axisHeight, bottom: g.axisHeight + dated.length * g.rowHeight }
  const plotWidth = plot.x2 - plot.x1
  const fromDay = dayNumber(from)
  const xOf = (date: PlainDate) => plot.x1 + ((dayNumber(date) - fromDay) / spanDays) * plotWidth

  const rows: ChartRow[] = dated.map((row, index) => ({
    ...row,
    y: plot.top + index * g.rowHeight,
    bar: { ...row.bar, x1: xOf(row.bar.from), x2: xOf(row.bar.to) },
    extension: row.extension ? { ...row.extension, x1: xOf(row.extension.from), x2: xOf(row.extension.to) } : null,
    overdue: row.overdue ? { ...row.overdue, x1: xOf(row.overdue.from), x2: xOf(row.overdue.to) } : null,
    marks: spread(row.marks.map((m) => ({ ...m, x: xOf(m.date), label: `${m.label} · ${chartDate(m.date)}` }))),
  }))

  return {
    width,
    range: { from, to },
    plot,
    ticks: monthTicks(from, to, xOf, plotWidth, spanDays),
    todayX: xOf(today),
    rows,
    height: plot.bottom + g.bottomPadding,
    draftsLeftOut,
    xOf,
  }
}

/** Keeps marks (sorted by date) at least `markGap` apart, moving the later ones right. */
function spread(marks: ReadonlyArray<Omit<ChartMark, 'drawX'>>): ChartMark[] {
  let previous = -Infinity
  return marks.map((mark) => {
    // Ticks (deadline, benchmark) are lines, not shapes: they may sit under a mark.
    if (mark.kind === 'due' || mark.kind === 'benchmark') return { ...mark, drawX: mark.x }
    const drawX = Math.max(mark.x, previous + chartGeometry.markGap)
    previous = drawX
    return { ...mark, drawX }
  })
}

/** Shortens a label to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`
}
