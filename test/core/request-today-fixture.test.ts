/**
 * What the core says about one sent GDPR access request on several days, kept as a fixture for the
 * window's selector test (test/renderer/store-request-today.test.ts, which cannot open a core):
 * the view as fetched on 10 February and, for each later day, the status and next steps the core
 * gives on that day. This test fails when the core's answers change; then write the fixture anew
 * with `RIGHTFUL_WRITE_FIXTURES=1 npx vitest run test/core/request-today-fixture.test.ts`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { expectOk, repoRoot, sampleProfile, startCore } from '../helpers/ports'

const fixture = path.join(repoRoot, 'test', 'fixtures', 'request-today.json')
const days = ['2026-02-10', '2026-02-25', '2026-03-02', '2026-03-03', '2026-03-20'] as const

/** Ids and times the core draws anew on every run, set to fixed values so that two runs compare. */
function steady(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, v: unknown) => (key === 'id' || key === 'eventId' ? 'fixed' : v))
}

describe('the request-today fixture', () => {
  it('holds what the core says on each day', async () => {
    const host = startCore()
    expectOk(await host.api.call('profile:save', sampleProfile))
    const { record } = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
    expectOk(await host.api.call('requests:markSent', { reference: record.reference, on: '2026-01-31', channel: 'email' }))
    host.clock.set('2026-02-10T09:00:00Z')
    const fetched = expectOk(await host.api.call('requests:get', { reference: record.reference }))
    const answers: Array<{ day: string; status: unknown; nextSteps: unknown }> = []
    for (const day of days) {
      host.clock.set(`${day}T09:00:00Z`)
      const view = expectOk(await host.api.call('requests:get', { reference: record.reference }))
      answers.push({ day, status: view.status, nextSteps: view.nextSteps })
    }
    const live = steady({ fetched, answers })
    if (process.env.RIGHTFUL_WRITE_FIXTURES === '1') fs.writeFileSync(fixture, `${JSON.stringify(live, null, 2)}\n`)
    expect(live).toEqual(JSON.parse(fs.readFileSync(fixture, 'utf8')))
    // The days were chosen around the due date: Monday 2 March (the month from 31 January ends on Saturday 28 February).
    expect(answers.map((a) => (a.status as { kind: string }).kind)).toEqual(['awaiting-reply', 'awaiting-reply', 'awaiting-reply', 'overdue', 'overdue'])
  })
})
