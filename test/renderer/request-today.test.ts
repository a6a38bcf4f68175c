/**
 * The request page's status and next steps follow the store's ticking `today` through a selector
 * (selectRequestToday), counted as the core counts them: a view fetched on one day and read on a
 * later one says what the core would say if asked on that later day.
 */
import { describe, expect, it } from 'vitest'
import type { RequestView } from '@core/api/contract'
import { selectRequestToday } from '../../renderer/src/store/selectors'
import { expectOk, sampleProfile, startCore } from '../helpers/ports'

async function sentAccessRequest() {
  const host = startCore()
  expectOk(await host.api.call('profile:save', sampleProfile))
  const { record } = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
  expectOk(await host.api.call('requests:markSent', { reference: record.reference, on: '2026-01-31', channel: 'email' }))
  return { host, reference: record.reference }
}

const state = (view: RequestView, today: string | null) => ({ views: new Map([[view.record.reference, view]]), today })

describe('selectRequestToday', () => {
  it('counts status and next steps for the store’s day as the core does on that day', async () => {
    const { host, reference } = await sentAccessRequest()
    host.clock.set('2026-02-10T09:00:00Z')
    const fetched = expectOk(await host.api.call('requests:get', { reference }))
    expect(fetched.status.kind).toBe('awaiting-reply')
    for (const day of ['2026-02-25', '2026-03-02', '2026-03-03', '2026-03-20']) {
      host.clock.set(`${day}T09:00:00Z`)
      const core = expectOk(await host.api.call('requests:get', { reference }))
      const selected = selectRequestToday(state(fetched, day), reference)
      expect(selected?.status, day).toEqual(core.status)
      expect(selected?.nextSteps, day).toEqual(core.nextSteps)
    }
    // The GDPR month from 31 January ends on Monday 2 March (2026-02-28 is a Saturday): overdue the day after.
    expect(selectRequestToday(state(fetched, '2026-03-03'), reference)?.status.kind).toBe('overdue')
  })

  it('keeps the fetched view while the day changes nothing, and one answer per day', async () => {
    const { host, reference } = await sentAccessRequest()
    host.clock.set('2026-02-10T09:00:00Z')
    const fetched = expectOk(await host.api.call('requests:get', { reference }))
    expect(selectRequestToday(state(fetched, '2026-02-10'), reference)).toBe(fetched)
    expect(selectRequestToday(state(fetched, null), reference)).toBe(fetched)
    const later = state(fetched, '2026-03-10')
    const first = selectRequestToday(later, reference)
    expect(first).not.toBe(fetched)
    expect(selectRequestToday(later, reference)).toBe(first)
    expect(selectRequestToday(state(fetched, '2026-03-10'), 'RF-2026-9999')).toBeUndefined()
  })
})
