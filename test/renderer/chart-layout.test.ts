/** The deadline chart's layout: which rows, in which order, and where bars, marks and ticks go. */
import { describe, expect, it } from 'vitest'
import { describeDate } from '../../electron/core/shared/calendar'
import type { RequestFacts } from '../../electron/core/requests/events'
import { noFacts } from '../helpers/request-fixtures'
import type { RequestStatus } from '../../electron/core/requests/status'
import type { RequestListItem } from '../../electron/core/requests/view'
import { chartGeometry, chartDate, layoutChart, truncate, type ChartLayout } from '../../renderer/src/features/dashboard/chart-layout'

const today = '2026-03-17'
const width = 1000

let counter = 0

function request(options: {
  company?: string
  sentOn: string | null
  status: RequestStatus
  due?: string | null
  extendedDue?: string | null
  facts?: Partial<RequestFacts>
}): RequestListItem {
  counter += 1
  const reference = `RF-2026-${String(counter).padStart(4, '0')}`
  return {
    reference,
    companyId: `company-${counter}`,
    companyName: options.company ?? `Company ${counter}`,
    jurisdiction: null,
    type: 'access',
    law: 'gdpr',
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    sentOn: options.sentOn,
    channel: options.sentOn ? 'email' : null,
    senderCountry: null,
    followUpOf: null,
    facts: { ...noFacts, sent: options.sentOn ? { on: options.sentOn, at: null, channel: 'email' } : null, ...options.facts },
    due: options.due ?? null,
    extendedDue: options.extendedDue ?? null,
    status: options.status,
  }
}

const draft = () => request({ sentOn: null, status: { kind: 'draft' } })
const awaiting = (company: string, sentOn: string, due: string, extra: Partial<Parameters<typeof request>[0]> = {}) =>
  request({ company, sentOn, due, status: { kind: 'awaiting-reply', due, daysLeft: 0, extended: false, partly: false }, ...extra })
const overdue = (company: string, sentOn: string, due: string, extra: Partial<Parameters<typeof request>[0]> = {}) =>
  request({ company, sentOn, due, status: { kind: 'overdue', due, daysOverdue: 1, remindedOn: null }, ...extra })

function row(layout: ChartLayout, company: string) {
  const found = layout.rows.find((r) => r.companyName === company)
  if (!found) throw new Error(`No row for ${company}`)
  return found
}

describe('layoutChart', () => {
  const fsCom = overdue('FS.COM', '2026-01-30', '2026-03-02', {
    extendedDue: '2026-05-04',
    facts: { deliveredOn: '2026-01-31', acknowledgedOn: '2026-02-03', lastReplyOn: '2026-02-03', reminderOn: '2026-03-10' },
  })
  const waiting = request({
    company: 'Acme Insurance',
    sentOn: '2026-02-20',
    due: null,
    status: { kind: 'waiting-for-you', reason: 'identity', since: '2026-02-25', due: null },
    facts: { identity: [{ requestedOn: '2026-02-25', providedOn: null }] },
  })
  const soon = awaiting('Soon GmbH', '2026-02-25', '2026-03-25', { extendedDue: '2026-05-25' })
  const later = awaiting('Later Ltd', '2026-03-01', '2026-04-01')
  const extended = request({
    company: 'Extended Inc',
    sentOn: '2026-01-10',
    due: '2026-04-10',
    extendedDue: '2026-04-10',
    status: { kind: 'awaiting-reply', due: '2026-04-10', daysLeft: 24, extended: true, partly: false },
    facts: { extension: { claimedOn: '2026-02-05', until: null } },
  })
  const noDeadline = request({
    company: 'Open Co',
    sentOn: '2026-03-05',
    status: { kind: 'no-deadline', sentOn: '2026-03-05', benchmark: null },
  })
  const completed = request({
    company: 'Done AG',
    sentOn: '2026-01-05',
    due: '2026-02-05',
    status: { kind: 'completed', on: '2026-01-28' },
    facts: { lastReplyOn: '2026-01-28', closed: { kind: 'data-received', on: '2026-01-28' } },
  })
  const refusedLate = request({
    company: 'Late Refuser',
    sentOn: '2026-01-02',
    due: '2026-02-02',
    status: { kind: 'refused', on: '2026-02-12' },
    facts: { lastReplyOn: '2026-02-12', closed: { kind: 'refused', on: '2026-02-12' } },
  })
  const items = [completed, draft(), later, noDeadline, refusedLate, soon, extended, waiting, draft(), fsCom]
  const layout = layoutChart(items, today, width)

  it('leaves drafts out and counts them', () => {
    expect(layout.draftsLeftOut).toBe(2)
    expect(layout.rows).toHaveLength(8)
    expect(layout.rows.every((r) => r.status.kind !== 'draft')).toBe(true)
  })

  it('orders overdue first, then waiting for you, then the nearest due date, closed last (latest closed first)', () => {
    expect(layout.rows.map((r) => r.companyName)).toEqual([
      'FS.COM',
      'Acme Insurance',
      'Soon GmbH',
      'Later Ltd',
      'Extended Inc',
      'Open Co',
      'Late Refuser',
      'Done AG',
    ])
    expect(layout.rows.map((r) => r.muted)).toEqual([false, false, false, false, false, false, true, true])
  })

  it('stacks the rows below the axis and grows in height with them', () => {
    layout.rows.forEach((r, i) => expect(r.y).toBe(chartGeometry.axisHeight + i * chartGeometry.rowHeight))
    expect(layout.height).toBe(chartGeometry.axisHeight + 8 * chartGeometry.rowHeight + chartGeometry.bottomPadding)
    const fs = row(layout, 'FS.COM')
    expect(fs.label).toBe(`FS.COM · ${fs.reference}`)
  })

  it('ranges from a few days before the earliest sent date to a few days after the latest date shown', () => {
    // Earliest sent: 2 January; latest date shown: Soon GmbH's possible extension, 25 May.
    expect(layout.range).toEqual({ from: '2025-12-28', to: '2026-05-30' })
    expect(layout.xOf(layout.range.from)).toBe(layout.plot.x1)
    expect(layout.xOf(layout.range.to)).toBeCloseTo(layout.plot.x2, 6)
    expect(layout.plot.x1).toBe(chartGeometry.labelWidth)
    expect(layout.plot.x2).toBe(width - chartGeometry.statusWidth)
  })

  it('puts the today line inside the range', () => {
    expect(layout.todayX).toBe(layout.xOf(today))
    expect(layout.todayX).toBeGreaterThan(layout.plot.x1)
    expect(layout.todayX).toBeLessThan(layout.plot.x2)
  })

  it('draws a bar from the sent date to the due date', () => {
    const r = row(layout, 'Later Ltd')
    expect(r.bar).toMatchObject({ from: '2026-03-01', to: '2026-04-01', open: false })
    expect(r.bar.x1).toBe(layout.xOf('2026-03-01'))
    expect(r.bar.x2).toBe(layout.xOf('2026-04-01'))
    expect(r.overdue).toBeNull()
    expect(r.extension).toBeNull()
    expect(r.tone).toBe('running')
  })

  it('continues an overdue bar in red from the due date to today, without the extension it can no longer claim', () => {
    const r = row(layout, 'FS.COM')
    expect(r.tone).toBe('overdue')
    expect(r.bar.to).toBe('2026-03-02')
    expect(r.overdue).toEqual({ from: '2026-03-02', to: today, x1: layout.xOf('2026-03-02'), x2: layout.todayX })
    expect(r.extension).toBeNull()
  })

  it('shows a possible extension (not claimed) from the due date to the extended one', () => {
    const r = row(layout, 'Soon GmbH')
    expect(r.bar.to).toBe('2026-03-25')
    expect(r.extension).toEqual({ from: '2026-03-25', to: '2026-05-25', claimed: false, x1: layout.xOf('2026-03-25'), x2: layout.xOf('2026-05-25') })
  })

  it('shows a claimed extension as the part of the bar after the claim', () => {
    const r = row(layout, 'Extended Inc')
    expect(r.bar).toMatchObject({ from: '2026-01-10', to: '2026-02-05' })
    expect(r.extension).toMatchObject({ from: '2026-02-05', to: '2026-04-10', claimed: true })
    expect(r.extension?.x2).toBe(layout.xOf('2026-04-10'))
    expect(r.marks.map((m) => m.kind)).toEqual(['extension'])
  })

  it('puts the events at their dates, with labels for the tooltips', () => {
    const r = row(layout, 'FS.COM')
    // lastReplyOn is the acknowledgement here: one mark, not two.
    expect(r.marks.map((m) => [m.kind, m.date])).toEqual([
      ['delivered', '2026-01-31'],
      ['acknowledged', '2026-02-03'],
      ['reminder', '2026-03-10'],
    ])
    for (const mark of r.marks) expect(mark.x).toBe(layout.xOf(mark.date))
    expect(r.marks[2]!.label).toBe('Reminder sent · 10 March 2026')
    expect(r.marks.every((m) => m.drawX === m.x)).toBe(true)
    expect(row(layout, 'Acme Insurance').marks).toEqual([
      { kind: 'question', date: '2026-02-25', x: layout.xOf('2026-02-25'), drawX: layout.xOf('2026-02-25'), label: 'ID details requested · 25 February 2026' },
    ])
  })

  it('moves a mark aside when another one sits on the same day, but not the deadline tick', () => {
    const sameDay = request({
      company: 'Post AG',
      sentOn: '2026-02-01',
      due: '2026-02-20',
      status: { kind: 'completed', on: '2026-02-20' },
      facts: { deliveredOn: '2026-02-03', acknowledgedOn: '2026-02-03', lastReplyOn: '2026-02-20', closed: { kind: 'completed', on: '2026-02-20' } },
    })
    const [r] = layoutChart([sameDay], today, width).rows
    const marks = r!.marks
    expect(marks.map((m) => m.kind)).toEqual(['delivered', 'acknowledged', 'completed', 'due'])
    expect(marks[0]!.x).toBe(marks[1]!.x)
    expect(marks[0]!.drawX).toBe(marks[0]!.x)
    expect(marks[1]!.drawX).toBe(marks[0]!.x + chartGeometry.markGap)
    expect(marks[3]!.drawX).toBe(marks[3]!.x)
    expect(marks[3]!.x).toBe(marks[2]!.x)
  })

  it('draws an open-ended, fading bar where there is no deadline', () => {
    const open = row(layout, 'Open Co')
    expect(open.tone).toBe('open')
    expect(open.bar).toMatchObject({ from: '2026-03-05', to: '2026-03-19', open: true })
    const stopped = row(layout, 'Acme Insurance')
    expect(stopped.tone).toBe('waiting')
    expect(stopped.bar).toMatchObject({ from: '2026-02-20', to: today, open: true })
  })

  it('mutes closed requests: the bar runs to the closing event, the deadline is a mark, a late answer is shown', () => {
    const done = row(layout, 'Done AG')
    expect(done.tone).toBe('closed')
    expect(done.bar).toMatchObject({ from: '2026-01-05', to: '2026-01-28' })
    expect(done.overdue).toBeNull()
    expect(done.marks.map((m) => [m.kind, m.label])).toEqual([
      ['completed', 'Data received · 28 January 2026'],
      ['due', 'Was due · 5 February 2026'],
    ])
    const late = row(layout, 'Late Refuser')
    expect(late.bar.to).toBe('2026-02-02')
    expect(late.overdue).toMatchObject({ from: '2026-02-02', to: '2026-02-12' })
    expect(late.marks.map((m) => m.kind)).toEqual(['due', 'refused'])
  })

  it('ticks the first of each month, with the year where it changes', () => {
    expect(layout.ticks.map((t) => t.date)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01'])
    expect(layout.ticks.map((t) => t.label)).toEqual(['Jan 2026', 'Feb', 'Mar', 'Apr', 'May'])
    for (const tick of layout.ticks) {
      expect(tick.x).toBe(layout.xOf(tick.date))
      expect(tick.x).toBeGreaterThanOrEqual(layout.plot.x1)
      expect(tick.x).toBeLessThanOrEqual(layout.plot.x2)
    }
  })

  it('names the year on the first tick and at each new year, and skips months when they would crowd', () => {
    const spanning = layoutChart([awaiting('A', '2025-11-20', '2026-01-20')], '2025-12-10', width)
    expect(spanning.ticks.map((t) => t.label)).toEqual(['Dec 2025', 'Jan 2026'])
    const long = layoutChart([awaiting('A', '2023-01-10', '2023-02-10')], '2026-03-17', width)
    const spacing = long.ticks[1]!.x - long.ticks[0]!.x
    expect(spacing).toBeGreaterThanOrEqual(chartGeometry.minTickSpacing)
    expect(long.ticks.every((t) => t.date.endsWith('-01'))).toBe(true)
    expect(long.ticks.filter((t) => t.newYear).map((t) => t.date.slice(0, 4))).toEqual(['2023', '2024', '2025', '2026'])
  })

  it('makes a single request at least a month wide', () => {
    const single = layoutChart([awaiting('Solo', '2026-03-16', '2026-03-18')], '2026-03-17', width)
    expect(single.rows).toHaveLength(1)
    expect(single.range).toEqual({ from: '2026-03-11', to: '2026-04-11' })
    expect(single.rows[0]!.bar.x1).toBeGreaterThan(single.plot.x1)
    expect(single.todayX).toBeGreaterThan(single.rows[0]!.bar.x1)
    expect(single.todayX).toBeLessThan(single.rows[0]!.bar.x2)
    expect(single.ticks.map((t) => t.date)).toEqual(['2026-04-01'])
  })

  it('lays out an empty list (or one with drafts only) around today, without rows', () => {
    const empty = layoutChart([], today, width)
    expect(empty.rows).toEqual([])
    expect(empty.draftsLeftOut).toBe(0)
    expect(empty.height).toBe(chartGeometry.axisHeight + chartGeometry.bottomPadding)
    expect(empty.todayX).toBeGreaterThan(empty.plot.x1)
    expect(empty.todayX).toBeLessThan(empty.plot.x2)
    expect(layoutChart([draft(), draft()], today, width).draftsLeftOut).toBe(2)
  })

  it('scales to the width it is given', () => {
    const narrow = layoutChart(items, today, 700)
    expect(narrow.width).toBe(700)
    expect(narrow.plot).toMatchObject({ x1: 175, x2: 600 })
    expect(narrow.range).toEqual(layout.range)
    expect(row(narrow, 'Later Ltd').bar.x2).toBe(narrow.xOf('2026-04-01'))
    expect(narrow.todayX).toBeGreaterThan(narrow.plot.x1)
  })
})

describe('chart helpers', () => {
  it('writes dates as describeDate does and shortens long labels', () => {
    expect(chartDate('2026-03-02')).toBe('2 March 2026')
    for (const date of ['2026-01-01', '2024-02-29', '2025-12-31', '2026-10-09']) expect(chartDate(date)).toBe(describeDate(date))
    expect(truncate('FS.COM', 10)).toBe('FS.COM')
    expect(truncate('Meta Platforms Ireland Limited', 12)).toBe('Meta Platfo…')
  })
})
