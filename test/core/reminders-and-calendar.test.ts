import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { expectOk, sampleProfile, startCore } from '../helpers/ports'

async function hostWithTwoRequests() {
  const host = startCore()
  expectOk(await host.api.call('profile:save', sampleProfile))
  const refs: string[] = []
  for (const companyId of ['fs-com', 'foscam']) {
    const { record } = expectOk(await host.api.call('requests:create', { companyId, type: 'access', law: 'gdpr', lang: 'en' }))
    expectOk(await host.api.call('requests:markSent', { reference: record.reference, on: '2026-01-31', channel: 'email' }))
    refs.push(record.reference)
  }
  return { ...host, refs }
}

describe('deadline notifications', () => {
  it('come a set number of days before a deadline and once it has passed, each only once', async () => {
    const host = await hostWithTwoRequests()
    host.clock.set('2026-02-20T10:00:00Z')
    expect(expectOk(await host.api.call('notifications:pending', {}))).toEqual([])

    host.clock.set('2026-02-27T10:00:00Z') // FS.COM due 2 March: 3 days before
    const soon = expectOk(await host.api.call('notifications:pending', {}))
    expect(soon.map((n) => n.id).sort()).toEqual([`${host.refs[0]}:soon:2026-03-02`, `${host.refs[1]}:soon:2026-03-02`])
    expect(soon.find((n) => n.reference === host.refs[0])!.title).toBe('Deadline soon: FS.COM')
    expectOk(await host.api.call('notifications:markShown', { ids: soon.map((n) => n.id) }))
    expect(expectOk(await host.api.call('notifications:pending', {}))).toEqual([])

    host.clock.set('2026-03-03T10:00:00Z')
    expectOk(await host.api.call('requests:addEvent', { reference: host.refs[1]!, kind: 'completed', on: '2026-03-01' }))
    const overdue = expectOk(await host.api.call('notifications:pending', {}))
    expect(overdue.map((n) => n.id)).toEqual([`${host.refs[0]}:overdue:2026-03-02`])
    expect(overdue[0]!.body).toContain('Rightful can write the reminder')
  })

  it('can be switched off or moved in the settings', async () => {
    const host = await hostWithTwoRequests()
    host.clock.set('2026-02-24T10:00:00Z')
    expectOk(await host.api.call('settings:update', { notifications: { daysBefore: 7 } }))
    expect(expectOk(await host.api.call('notifications:pending', {}))).toHaveLength(2)
    expectOk(await host.api.call('settings:update', { notifications: { enabled: false } }))
    expect(expectOk(await host.api.call('notifications:pending', {}))).toEqual([])
    expect(expectOk(await host.api.call('settings:get', {})).notifications).toEqual({ daysBefore: 7, enabled: false })
    const bad = await host.api.call('settings:update', { notifications: { daysBefore: -1 } })
    expect(bad.ok).toBe(false)
  })
})

describe('the calendar export', () => {
  it('has one all-day event per deadline with the reference, and the same UIDs on every export', async () => {
    const host = await hostWithTwoRequests()
    const first = expectOk(await host.api.call('deadlines:exportIcs', {}))
    expect(first.events).toBe(4) // due and extended date of each request
    const text = fs.readFileSync(first.path!, 'utf8')
    expect(text).toContain('BEGIN:VCALENDAR')
    expect(text).toContain(`UID:${host.refs[0]!.toLowerCase()}-due@rightful`)
    expect(text).toContain('DTSTART;VALUE=DATE:20260302')
    expect(text).toMatch(/SUMMARY:RF-2026-0001 FS\.COM: answer due \(GDPR/)
    const second = expectOk(await host.api.call('deadlines:exportIcs', {}))
    const uids = (body: string) => [...body.matchAll(/^UID:(.*)$/gm)].map((m) => m[1]!.trim()).sort()
    expect(uids(fs.readFileSync(second.path!, 'utf8'))).toEqual(uids(text))
  })

  it('leaves out closed requests and says when there is nothing to export', async () => {
    const host = startCore()
    expect(expectOk(await host.api.call('deadlines:exportIcs', {}))).toEqual({ path: null, events: 0 })
  })
})
