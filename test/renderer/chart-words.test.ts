/** The deadline chart's tooltips and month ticks: exactly the layout's English, and the same details in German and Chinese. */
import { afterEach, describe, expect, it } from 'vitest'
import type { RequestFacts } from '../../electron/core/requests/events'
import { noFacts } from '../helpers/request-fixtures'
import type { RequestStatus } from '../../electron/core/requests/status'
import type { RequestListItem } from '../../electron/core/requests/view'
import { applyUiLanguage, i18n } from '../../renderer/src/i18n/i18n'
import { layoutChart, type ChartLayout } from '../../renderer/src/features/dashboard/chart-layout'
import { markTitle, tickLabel } from '../../renderer/src/features/dashboard/chart-words'

function item(reference: string, sentOn: string, status: RequestStatus, facts: Partial<RequestFacts>, due: string | null): RequestListItem {
  return {
    reference,
    companyId: reference.toLowerCase(),
    companyName: `Company ${reference}`,
    jurisdiction: null,
    type: 'access',
    law: 'gdpr',
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    sentOn,
    channel: 'email',
    senderCountry: null,
    followUpOf: null,
    facts: { ...noFacts, sent: { on: sentOn, at: null, channel: 'email' }, ...facts },
    due,
    extendedDue: null,
    status,
  }
}

/** Requests with every kind of mark: questions answered and not, an extension with its end, a partial answer, closings. */
const items: RequestListItem[] = [
  item('RF-2026-0001', '2026-01-30', { kind: 'overdue', due: '2026-03-02', daysOverdue: 15, remindedOn: '2026-03-10' }, {
    deliveredOn: '2026-01-31',
    acknowledgedOn: '2026-02-03',
    identity: [{ requestedOn: '2026-02-05', providedOn: '2026-02-07' }],
    clarifications: [{ askedOn: '2026-02-10', answeredOn: null }],
    partlyFulfilledOn: '2026-02-12',
    lastReplyOn: '2026-02-14',
    reminderOn: '2026-03-10',
  }, '2026-03-02'),
  item('RF-2026-0002', '2026-02-01', { kind: 'awaiting-reply', due: '2026-05-01', daysLeft: 45, extended: true, partly: false }, {
    identity: [{ requestedOn: '2026-02-04', providedOn: null }],
    clarifications: [{ askedOn: '2026-02-06', answeredOn: '2026-02-09' }],
    extension: { claimedOn: '2026-02-20', until: '2026-05-01' },
  }, '2026-05-01'),
  item('RF-2026-0003', '2026-01-05', { kind: 'completed', on: '2026-02-02' }, { closed: { kind: 'data-received', on: '2026-02-02' } }, '2026-02-05'),
  item('RF-2026-0004', '2026-01-06', { kind: 'refused', on: '2026-02-03' }, { closed: { kind: 'refused', on: '2026-02-03' }, extension: { claimedOn: '2026-01-20', until: null } }, '2026-02-06'),
]

function layout(): ChartLayout {
  return layoutChart(items, '2026-03-17', 1000)
}

afterEach(() => applyUiLanguage('en'))

describe('the chart in English', () => {
  it('reads each mark exactly as the layout labels it', () => {
    applyUiLanguage('en')
    const t = i18n.getFixedT('en', 'chart')
    const chart = layout()
    const marks = chart.rows.flatMap((row) => row.marks.map((mark) => ({ row, mark })))
    const kinds = new Set(marks.map((m) => m.mark.kind))
    // The fixture reaches every kind of mark whose words depend on the facts.
    for (const kind of ['question', 'reply', 'extension', 'completed', 'delivered', 'acknowledged', 'reminder', 'refused', 'due'] as const) expect(kinds, kind).toContain(kind)
    for (const { row, mark } of marks) expect(markTitle(mark, row, t)).toBe(mark.label)
    for (const tick of chart.ticks) expect(tickLabel(tick)).toBe(tick.label)
  })
})

describe('the chart in German and Chinese', () => {
  it('keeps the details of each mark, with dates as the language writes them', () => {
    applyUiLanguage('de')
    const t = i18n.getFixedT('de', 'chart')
    const chart = layout()
    const titles = chart.rows.flatMap((row) => row.marks.map((mark) => markTitle(mark, row, t)))
    expect(titles).toContain('Identitätsnachweis verlangt (erbracht am 7. Februar 2026) · 5. Februar 2026')
    expect(titles).toContain('Rückfrage gestellt · 10. Februar 2026')
    expect(titles).toContain('Rückfrage gestellt (beantwortet am 9. Februar 2026) · 6. Februar 2026')
    expect(titles).toContain('Teilweise erfüllt · 12. Februar 2026')
    expect(titles).toContain('Antwort erhalten · 14. Februar 2026')
    expect(titles).toContain('Verlängerung erklärt, bis 1. Mai 2026 · 20. Februar 2026')
    expect(titles).toContain('Verlängerung erklärt · 20. Januar 2026')
    expect(titles).toContain('Daten erhalten · 2. Februar 2026')
    expect(titles.some((title) => /[A-Z][a-z]+ (requested|asked|claimed|received)/.test(title))).toBe(false)

    applyUiLanguage('zh-Hans')
    const zh = i18n.getFixedT('zh-Hans', 'chart')
    const zhTitles = chart.rows.flatMap((row) => row.marks.map((mark) => markTitle(mark, row, zh)))
    expect(zhTitles).toContain('公司要求身份信息（2026年2月7日 已提供） · 2026年2月5日')
  })

  it('names the months as the language does, with the year at the first of a year', () => {
    applyUiLanguage('de')
    const ticks = layout().ticks
    expect(ticks.length).toBeGreaterThan(1)
    const first = ticks.find((tick) => tick.newYear)!
    expect(tickLabel(first)).toMatch(/2026$/)
    expect(ticks.map(tickLabel)).not.toContain('Mar')
    expect(ticks.map(tickLabel).join(' ')).toMatch(/Feb|März|Mär/)
  })
})
