/**
 * The dashboard's actions on many requests at once (bulk:remind, bulk:exportCsv, bulk:markPosted):
 * each request goes through the single-request path, the ones an action does not fit are left
 * alone with the reason, and bad input changes nothing.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Result } from '../../electron/core/shared/result'
import { expectOk, sampleProfile, startCore, testClock, type TestHost } from '../helpers/ports'

function errorOf<T>(result: Result<T>) {
  if (result.ok) throw new Error('expected a failure, got ok')
  return result.error
}

async function request(host: TestHost, companyId: string, sentOn: string | null): Promise<string> {
  const view = expectOk(await host.api.call('requests:create', { companyId, type: 'access', law: 'gdpr', lang: 'en' }))
  const reference = view.record.reference
  if (sentOn) expectOk(await host.api.call('requests:markSent', { reference, on: sentOn, channel: view.record.draft.to ? 'email' : 'post' }))
  return reference
}

/** Overdue (a, b; b with its reminder already written), not yet due (c), a letter draft (d), an e-mail draft (e). */
async function seeded() {
  const host = startCore({ clock: testClock('2026-01-05T10:00:00Z') })
  expectOk(await host.api.call('profile:save', sampleProfile))
  const a = await request(host, 'spotify', '2026-01-05')
  const b = await request(host, 'netflix', '2026-01-05')
  host.clock.set('2026-03-01T10:00:00Z')
  const c = await request(host, 'fs-com', '2026-03-01')
  const d = await request(host, '4wmarketplace', null)
  const e = await request(host, 'spotify', null)
  host.clock.set('2026-03-10T10:00:00Z')
  const bReminder = expectOk(await host.api.call('requests:createFollowUp', { reference: b, type: 'reminder' })).record.reference
  return { host, a, b, c, d, e, bReminder }
}

const filesIn = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : [])

describe('dashboard actions on many requests', () => {
  it('bulk:remind writes one reminder per overdue request and says why it left each other one alone', async () => {
    const { host, a, b, c, d, bReminder } = await seeded()
    const before = expectOk(await host.api.call('requests:list', {})).length
    const result = expectOk(await host.api.call('bulk:remind', { references: [a, b, c, d, 'RF-2026-9999', a], operation: 'op-remind-1' }))
    expect(result.written).toHaveLength(1)
    expect(result.written[0]).toMatchObject({ reference: a, companyName: expect.stringContaining('Spotify') })
    expect(result.skipped.map((s) => [s.reference, s.reason])).toEqual([
      [b, 'reminder-waiting'],
      [c, 'not-overdue'],
      [d, 'not-overdue'],
      ['RF-2026-9999', 'not-found'],
    ])
    expect(result.skipped[0]!.message).toContain(bReminder)

    // The reminder is the one the request's page writes: a draft that follows the request up.
    const reminder = expectOk(await host.api.call('requests:get', { reference: result.written[0]!.reminder }))
    expect(reminder.record).toMatchObject({ type: 'reminder', followUpOf: a })
    expect(reminder.status.kind).toBe('draft')
    expect(reminder.record.draft.subject).toContain(a)
    expect(expectOk(await host.api.call('requests:list', {}))).toHaveLength(before + 1)
    expect(host.progress.some((p) => p.channel === 'bulk:remind' && p.stage === 'writing')).toBe(true)

    // Again: nothing new, the reminder waits.
    const again = expectOk(await host.api.call('bulk:remind', { references: [a] }))
    expect(again.written).toEqual([])
    expect(again.skipped.map((s) => s.reason)).toEqual(['reminder-waiting'])
    expect(expectOk(await host.api.call('requests:list', {}))).toHaveLength(before + 1)
  })

  it('bulk:exportCsv saves the chosen requests in the order given, and nothing when one does not exist', async () => {
    const { host, a, c } = await seeded()
    const saved = expectOk(await host.api.call('bulk:exportCsv', { references: [c, a, c] }))
    expect(saved.rows).toBe(2)
    const lines = fs.readFileSync(saved.path!, 'utf8').split('\r\n')
    expect(lines[0]).toBe('Reference,Company,Company ID,Type,Law,Status,Written,Sent on,Channel,Due,Extended due,Follows up')
    expect(lines.slice(1, 3).map((line) => line.split(',')[0])).toEqual([c, a])
    expect(lines[2]).toContain(',overdue,')
    expect(lines[3]).toBe('')
    expect(path.basename(saved.path!)).toMatch(/\.csv$/)

    const files = filesIn(host.outDir).length
    expect(errorOf(await host.api.call('bulk:exportCsv', { references: [a, 'RF-2026-9999'] })).code).toBe('NOT_FOUND')
    expect(filesIn(host.outDir)).toHaveLength(files)
  })

  it('bulk:markPosted records letter drafts as posted and leaves e-mails, sent requests and unknown references alone', async () => {
    const { host, a, d, e } = await seeded()
    const future = errorOf(await host.api.call('bulk:markPosted', { references: [d], on: '2026-03-11' }))
    expect(future.code).toBe('INVALID_INPUT')
    expect(expectOk(await host.api.call('requests:get', { reference: d })).status.kind).toBe('draft')

    const result = expectOk(await host.api.call('bulk:markPosted', { references: [d, e, a, 'RF-2026-9999'], on: '2026-03-09' }))
    expect(result.marked.map((m) => m.reference)).toEqual([d])
    expect(result.skipped.map((s) => [s.reference, s.reason])).toEqual([
      [e, 'has-email'],
      [a, 'not-a-draft'],
      ['RF-2026-9999', 'not-found'],
    ])
    const letter = expectOk(await host.api.call('requests:get', { reference: d }))
    expect(letter.record.sent).toMatchObject({ channel: 'post', on: '2026-03-09' })
    expect(letter.status.kind).toBe('awaiting-reply')
    expect(expectOk(await host.api.call('requests:get', { reference: e })).status.kind).toBe('draft')
  })

  it('refuses an empty choice or a malformed reference, changing nothing', async () => {
    const { host, a } = await seeded()
    const before = JSON.stringify(expectOk(await host.api.call('requests:list', {})))
    expect(errorOf(await host.api.call('bulk:remind', { references: [] })).code).toBe('INVALID_INPUT')
    expect(errorOf(await host.api.call('bulk:remind', { references: [a, 'constructor'] })).code).toBe('INVALID_INPUT')
    expect(errorOf(await host.api.call('bulk:markPosted', { references: ['__proto__'], on: '2026-03-09' })).code).toBe('INVALID_INPUT')
    expect(errorOf(await host.api.call('bulk:exportCsv', { references: [] })).code).toBe('INVALID_INPUT')
    expect(JSON.stringify(expectOk(await host.api.call('requests:list', {})))).toBe(before)
  })
})
