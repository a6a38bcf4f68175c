/**
 * The window's derived values: status, days left, needs-attention and the filters' counts come
 * from the store's requests and its `today` through selectors, and follow `today` as it turns
 * (a window open overnight), with the same answer object while nothing changed. The day turns at
 * local midnight and when the window comes back (fake timers), and a new day in the store fetches
 * the core's list anew.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { create } from 'zustand'
import type { RequestListItem } from '@core/api/contract'
import type { RequestStatus } from '@core/requests/status'
import type { State } from '../../renderer/src/store/types'
import { selectAttentionCount, selectRequestCounts, selectRequestsToday, statusOn } from '../../renderer/src/store/selectors'
import { untilNextMidnight, watchDays } from '../../renderer/src/ui/useDayTicker'
import { createAppSlice } from '../../renderer/src/store/app-slice'
import { createRequestsSlice } from '../../renderer/src/store/requests-slice'

const facts = { extension: null, partlyFulfilledOn: null, reminderOn: null } as unknown as RequestListItem['facts']

function item(reference: string, status: RequestStatus): RequestListItem {
  return { reference, status, due: 'due' in status ? status.due : null, extendedDue: null, facts, companyName: reference, law: 'gdpr', createdAt: '2026-11-01T00:00:00Z' } as unknown as RequestListItem
}

const awaiting = (due: string, daysLeft: number): RequestStatus => ({ kind: 'awaiting-reply', due, daysLeft, extended: false, partly: false })

describe('statusOn', () => {
  it('counts days left again from the due date, and turns overdue the day after it', () => {
    const request = item('RF-2026-0001', awaiting('2026-12-08', 1))
    expect(statusOn(request, '2026-12-07')).toBe(request.status)
    expect(statusOn(request, '2026-12-08')).toEqual(awaiting('2026-12-08', 0))
    expect(statusOn(request, '2026-12-10')).toEqual({ kind: 'overdue', due: '2026-12-08', daysOverdue: 2, remindedOn: null })
    expect(statusOn(request, null)).toBe(request.status)
  })

  it('keeps a reminder and an extension as the record has them', () => {
    const reminded = { ...item('RF-2026-0002', { kind: 'overdue', due: '2026-12-01', daysOverdue: 6, remindedOn: '2026-12-03' }) }
    expect(statusOn(reminded, '2026-12-09')).toEqual({ kind: 'overdue', due: '2026-12-01', daysOverdue: 8, remindedOn: '2026-12-03' })
    const extended = { ...item('RF-2026-0003', { kind: 'overdue', due: '2027-01-05', daysOverdue: 1, remindedOn: null }), extendedDue: '2027-01-05', facts: { ...facts, extension: { claimedOn: '2026-12-01', until: null } } } as RequestListItem
    expect(statusOn(extended, '2027-01-01')).toEqual({ kind: 'awaiting-reply', due: '2027-01-05', daysLeft: 4, extended: true, partly: false })
  })

  it('leaves what does not depend on the day', () => {
    const draft = item('RF-2026-0004', { kind: 'draft' })
    const done = item('RF-2026-0005', { kind: 'completed', on: '2026-11-20' })
    expect(statusOn(draft, '2030-01-01')).toBe(draft.status)
    expect(statusOn(done, '2030-01-01')).toBe(done.status)
  })
})

describe('request selectors', () => {
  const requests = [
    item('RF-2026-0001', awaiting('2026-12-08', 1)),
    item('RF-2026-0002', { kind: 'draft' }),
    item('RF-2026-0003', { kind: 'completed', on: '2026-11-20' }),
    item('RF-2026-0004', { kind: 'waiting-for-you', reason: 'identity', since: '2026-12-01', due: null }),
  ]

  it('counts each filter and the attention badge as the requests stand today', () => {
    const before = { requests, today: '2026-12-07' }
    expect(selectRequestCounts(before)).toEqual({ attention: 1, open: 2, drafts: 1, closed: 1, all: 4 })
    expect(selectAttentionCount(before)).toBe(1)
    // The day after the due date: the first request is overdue without a new list from the core.
    const after = { requests, today: '2026-12-09' }
    expect(selectAttentionCount(after)).toBe(2)
    expect(selectRequestsToday(after)?.[0]?.status).toEqual({ kind: 'overdue', due: '2026-12-08', daysOverdue: 1, remindedOn: null })
    expect(selectAttentionCount({ requests: null, today: '2026-12-09' })).toBe(0)
  })

  it('answers with the same objects while requests and today stay the same', () => {
    const state = { requests, today: '2026-12-07' }
    expect(selectRequestsToday(state)).toBe(requests)
    expect(selectRequestCounts(state)).toBe(selectRequestCounts({ ...state }))
    const later = { requests, today: '2026-12-20' }
    const first = selectRequestsToday(later)
    expect(first).not.toBe(requests)
    expect(selectRequestsToday({ ...later })).toBe(first)
    expect(first?.[1]).toBe(requests[1])
  })
})

describe('the day that ticks', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  const targets = () => {
    const document = Object.assign(new EventTarget(), { visibilityState: 'visible' })
    return { window: new EventTarget(), document }
  }

  it('ticks just after each local midnight, when the window regains focus and when it wakes, and stops when told', () => {
    vi.setSystemTime(new Date(2026, 11, 7, 23, 59, 0))
    const tick = vi.fn()
    const where = targets()
    const stop = watchDays(tick, where)
    vi.advanceTimersByTime(60_000)
    expect(tick).not.toHaveBeenCalled()
    vi.advanceTimersByTime(5_000)
    expect(tick).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(24 * 60 * 60 * 1000)
    expect(tick).toHaveBeenCalledTimes(2)
    where.window.dispatchEvent(new Event('focus'))
    expect(tick).toHaveBeenCalledTimes(3)
    where.document.visibilityState = 'hidden'
    where.document.dispatchEvent(new Event('visibilitychange'))
    expect(tick).toHaveBeenCalledTimes(3)
    where.document.visibilityState = 'visible'
    where.document.dispatchEvent(new Event('visibilitychange'))
    expect(tick).toHaveBeenCalledTimes(4)
    stop()
    where.window.dispatchEvent(new Event('focus'))
    vi.advanceTimersByTime(3 * 24 * 60 * 60 * 1000)
    expect(tick).toHaveBeenCalledTimes(4)
  })

  it('waits until just after the next midnight, never less than a second', () => {
    expect(untilNextMidnight(new Date(2026, 11, 7, 12, 0, 0))).toBe(12 * 60 * 60 * 1000 + 5_000)
    expect(untilNextMidnight(new Date(2026, 11, 7, 0, 0, 4, 500))).toBeGreaterThanOrEqual(1_000)
  })

  it('a new day in the store: today moves on, the list is fetched anew and the badge follows; the same day changes nothing', async () => {
    vi.useRealTimers()
    let today = '2026-12-07'
    let lists = 0
    const listed = [item('RF-2026-0001', awaiting('2026-12-08', 1))]
    const api = {
      app: { status: async () => ({ ok: true, data: { today, notices: [], version: '0', systemLanguages: [] } }) },
      requests: {
        list: async () => {
          lists += 1
          return { ok: true, data: listed }
        },
      },
    }
    ;(globalThis as { window?: unknown }).window = { api }
    try {
      const store = create<State>()((...args) => ({ ...createAppSlice(...args), ...createRequestsSlice(...args) }) as unknown as State)
      await store.getState().loadStatus()
      await store.getState().loadRequests()
      expect(store.getState().today).toBe('2026-12-07')
      expect(selectAttentionCount(store.getState())).toBe(0)
      await store.getState().tickToday()
      expect(lists).toBe(1)
      today = '2026-12-09'
      // The core's list is still yesterday's: the badge already counts the new day.
      await store.getState().tickToday()
      expect(store.getState().today).toBe('2026-12-09')
      expect(lists).toBe(2)
      expect(selectAttentionCount(store.getState())).toBe(1)
    } finally {
      delete (globalThis as { window?: unknown }).window
    }
  })
})
