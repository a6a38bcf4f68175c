/**
 * The request page's status and next steps follow the store's ticking `today` through a selector
 * (selectRequestToday), counted as the core counts them: a view fetched on one day, read on a later
 * one, says what the core said on that later day (test/fixtures/request-today.json, which
 * test/core/request-today-fixture.test.ts keeps true to the core).
 */
import { describe, expect, it } from 'vitest'
import type { RequestView } from '@core/api/contract'
import { selectRequestToday } from '../../renderer/src/store/selectors'
import recorded from '../fixtures/request-today.json'

const fetched = recorded.fetched as unknown as RequestView
const reference = fetched.record.reference
const state = (view: RequestView, today: string | null) => ({ views: new Map([[view.record.reference, view]]), today })

describe('selectRequestToday', () => {
  it('counts status and next steps for the store’s day as the core did on that day', () => {
    expect(recorded.answers.length).toBeGreaterThan(3)
    for (const answer of recorded.answers) {
      const selected = selectRequestToday(state(fetched, answer.day), reference)
      expect(selected?.status, answer.day).toEqual(answer.status)
      expect(selected?.nextSteps, answer.day).toEqual(answer.nextSteps)
    }
    // Fetched while awaiting a reply; on 3 March, the day after the due date, overdue without a fetch.
    expect(fetched.status.kind).toBe('awaiting-reply')
    expect(selectRequestToday(state(fetched, '2026-03-03'), reference)?.status.kind).toBe('overdue')
  })

  it('keeps the fetched view while the day changes nothing, and one answer per day', () => {
    expect(selectRequestToday(state(fetched, '2026-02-10'), reference)).toBe(fetched)
    expect(selectRequestToday(state(fetched, null), reference)).toBe(fetched)
    const later = state(fetched, '2026-03-10')
    const first = selectRequestToday(later, reference)
    expect(first).not.toBe(fetched)
    expect(selectRequestToday(later, reference)).toBe(first)
    expect(selectRequestToday(state(fetched, '2026-03-10'), 'RF-2026-9999')).toBeUndefined()
  })
})
