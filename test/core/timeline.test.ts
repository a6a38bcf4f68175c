import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { computeDeadline } from '../../electron/core/deadlines/engine'
import { deadlineInputOf, factsOf, type RequestEvent } from '../../electron/core/requests/events'
import { deriveStatus, nextSteps } from '../../electron/core/requests/status'
import { expectOk, sampleProfile, startCore, tempDir, type TestHost } from '../helpers/ports'

/** A core with a profile and one access request to FS.COM, sent by e-mail on 31 January 2026. */
async function sentRequest(): Promise<TestHost & { reference: string }> {
  const host = startCore()
  expectOk(await host.api.call('profile:save', sampleProfile))
  const { record } = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
  expectOk(await host.api.call('requests:markSent', { reference: record.reference, on: '2026-01-31', channel: 'email' }))
  return { ...host, reference: record.reference }
}

const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error!.code)

describe('events on the timeline', () => {
  it('are recorded only once a request has been sent, and never before it was sent or in the future', async () => {
    const host = startCore()
    expectOk(await host.api.call('profile:save', sampleProfile))
    const { record } = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
    expect(codeOf(await host.api.call('requests:addEvent', { reference: record.reference, kind: 'acknowledged', on: '2026-01-31' }))).toBe('INVALID_STATE')

    const sent = await sentRequest()
    expect(codeOf(await sent.api.call('requests:addEvent', { reference: sent.reference, kind: 'acknowledged', on: '2026-01-30' }))).toBe('INVALID_INPUT')
    expect(codeOf(await sent.api.call('requests:addEvent', { reference: sent.reference, kind: 'acknowledged', on: '2026-02-01' }))).toBe('INVALID_INPUT')
    expect(codeOf(await sent.api.call('requests:addEvent', { reference: sent.reference, kind: 'sent' as never, on: '2026-01-31' }))).toBe('INVALID_INPUT')
    expect(expectOk(await sent.api.call('requests:get', { reference: sent.reference })).record.events.map((e) => e.kind)).toEqual(['created', 'sent'])
  })

  it('carry a note, and show on the timeline in the order they happened', async () => {
    const host = await sentRequest()
    host.clock.set('2026-02-10T10:00:00Z')
    expectOk(await host.api.call('requests:addEvent', { reference: host.reference, kind: 'reply-received', on: '2026-02-09', note: 'They say they are looking into it.' }))
    const view = expectOk(await host.api.call('requests:addEvent', { reference: host.reference, kind: 'acknowledged', on: '2026-02-02' }))
    const events = view.record.events
    expect(events.map((e) => e.kind)).toEqual(['created', 'sent', 'reply-received', 'acknowledged'])
    expect(events[2]).toMatchObject({ note: 'They say they are looking into it.', on: '2026-02-09' })
    expect(view.status).toMatchObject({ kind: 'awaiting-reply', due: '2026-03-02', daysLeft: 20 })
  })

  it('are corrected with their earlier values kept, and removed without being deleted', async () => {
    const host = await sentRequest()
    host.clock.set('2026-02-20T10:00:00Z')
    let view = expectOk(await host.api.call('requests:addEvent', { reference: host.reference, kind: 'extension-claimed', on: '2026-02-10' }))
    expect(view.deadline?.effectiveDue).toBe('2026-04-30')
    expect(view.status).toMatchObject({ kind: 'awaiting-reply', due: '2026-04-30', extended: true })

    const id = view.record.events.find((e) => e.kind === 'extension-claimed')!.id
    view = expectOk(await host.api.call('requests:correctEvent', { reference: host.reference, eventId: id, on: '2026-02-12', note: 'Letter dated 12 February' }))
    const corrected = view.record.events.find((e) => e.id === id)!
    expect(corrected).toMatchObject({ on: '2026-02-12', note: 'Letter dated 12 February' })
    expect(corrected.corrections).toEqual([expect.objectContaining({ on: '2026-02-10', note: null })])

    view = expectOk(await host.api.call('requests:removeEvent', { reference: host.reference, eventId: id }))
    expect(view.record.events.find((e) => e.id === id)?.removedAt).toBe('2026-02-20T10:00:00.000Z')
    expect(view.deadline?.effectiveDue).toBe('2026-03-02')
    expect(view.status).toMatchObject({ kind: 'awaiting-reply', extended: false })

    const created = view.record.events[0]!.id
    const sentId = view.record.events[1]!.id
    expect(codeOf(await host.api.call('requests:removeEvent', { reference: host.reference, eventId: sentId }))).toBe('INVALID_STATE')
    expect(codeOf(await host.api.call('requests:correctEvent', { reference: host.reference, eventId: created, on: '2026-01-31', note: null }))).toBe('INVALID_STATE')
    expect(codeOf(await host.api.call('requests:removeEvent', { reference: host.reference, eventId: 'ev-nope' }))).toBe('NOT_FOUND')
  })

  it('move the deadline when the sending date is corrected, and keep what was sent', async () => {
    const host = await sentRequest()
    host.clock.set('2026-02-05T10:00:00Z')
    const before = expectOk(await host.api.call('requests:get', { reference: host.reference }))
    const sentEvent = before.record.events.find((e) => e.kind === 'sent')!
    const view = expectOk(await host.api.call('requests:correctEvent', { reference: host.reference, eventId: sentEvent.id, on: '2026-02-02', note: 'It stayed in my outbox' }))
    expect(view.record.sent).toMatchObject({ on: '2026-02-02', subject: before.record.sent!.subject, bodySha256: before.record.sent!.bodySha256 })
    expect(view.deadline?.due).toBe('2026-03-02') // 2 February + 1 month
  })

  it('close the request when the company completes or refuses it', async () => {
    const host = await sentRequest()
    host.clock.set('2026-02-20T10:00:00Z')
    const refused = expectOk(await host.api.call('requests:addEvent', { reference: host.reference, kind: 'refused', on: '2026-02-18', note: 'Says it keeps no data.' }))
    expect(refused.status).toEqual({ kind: 'refused', on: '2026-02-18' })
    expect(refused.nextSteps.map((s) => s.kind)).toEqual(['complaint'])
    const done = expectOk(await host.api.call('requests:addEvent', { reference: host.reference, kind: 'data-received', on: '2026-02-19' }))
    expect(done.status).toEqual({ kind: 'completed', on: '2026-02-19' })
    expect(done.nextSteps).toEqual([])
  })

  it('tell the user when the company waits for them', async () => {
    const host = await sentRequest()
    host.clock.set('2026-02-10T10:00:00Z')
    const view = expectOk(await host.api.call('requests:addEvent', { reference: host.reference, kind: 'identity-requested', on: '2026-02-05' }))
    expect(view.status).toEqual({ kind: 'waiting-for-you', reason: 'identity', since: '2026-02-05', due: '2026-03-02' })
    expect(view.nextSteps[0]).toMatchObject({ kind: 'provide', urgent: true })
    const answered = expectOk(await host.api.call('requests:addEvent', { reference: host.reference, kind: 'identity-provided', on: '2026-02-08' }))
    expect(answered.status.kind).toBe('awaiting-reply')
    // Under the GDPR the month does not stop by default; with the setting it does.
    expect(answered.deadline?.due).toBe('2026-03-02')
    expectOk(await host.api.call('settings:update', { deadlines: { gdprPauseForIdentity: true } }))
    const paused = expectOk(await host.api.call('requests:get', { reference: host.reference }))
    expect(paused.deadline?.paused.days).toBe(4)
    expect(paused.deadline?.due).toBe('2026-03-04')
  })
})

describe('status and next steps from the facts', () => {
  const base = (kind: RequestEvent['kind'], on: string, extra: Partial<RequestEvent> = {}): RequestEvent => ({
    id: `ev-${kind}-${on}`,
    kind,
    on,
    at: null,
    recordedAt: `${on}T10:00:00.000Z`,
    note: null,
    attachments: [],
    channel: kind === 'sent' ? 'email' : null,
    until: null,
    trackingNumber: null,
    link: null,
    removedAt: null,
    corrections: [],
    ...extra,
  })

  it('runs no deadline for a request that bounced, until it is sent again', async () => {
    const bounced = [base('created', '2026-03-01'), base('sent', '2026-03-02'), base('undeliverable', '2026-03-02')]
    const facts = factsOf(bounced)
    expect(deadlineInputOf({ law: 'gdpr', type: 'access', jurisdiction: 'DE', senderCountry: 'DE' }, facts)).toBeNull()
    expect(deriveStatus(facts, null, '2026-05-01')).toEqual({ kind: 'undeliverable', on: '2026-03-02' })
    expect(nextSteps(deriveStatus(facts, null, '2026-05-01'), facts, null, '2026-05-01')[0]).toMatchObject({ kind: 'send', urgent: true })

    // Sent again (to a better address): the clock runs from the new sending.
    const again = factsOf([...bounced, base('sent', '2026-03-10')])
    expect(again.undeliverableOn).toBeNull()
    const deadline = computeDeadline(deadlineInputOf({ law: 'gdpr', type: 'access', jurisdiction: 'DE', senderCountry: 'DE' }, again)!)
    expect(deadline.due).toBe('2026-04-10')

    // Through the API: the user records the bounce by hand; the request leaves the deadline list.
    const host = await sentRequest()
    host.clock.set('2026-02-01T10:00:00Z')
    const view = expectOk(await host.api.call('requests:addEvent', { reference: host.reference, kind: 'undeliverable', on: '2026-01-31' }))
    expect(view.status).toEqual({ kind: 'undeliverable', on: '2026-01-31' })
    expect(view.deadline).toBeNull()
  })

  it('stops the UK clock until identity information arrives', () => {
    const events = [base('created', '2026-03-01'), base('sent', '2026-03-02'), base('identity-requested', '2026-03-05')]
    const facts = factsOf(events)
    const deadline = computeDeadline(deadlineInputOf({ law: 'uk-gdpr', type: 'access', jurisdiction: 'GB', senderCountry: 'GB' }, facts)!)
    expect(deadline.due).toBeNull()
    expect(deriveStatus(facts, deadline, '2026-04-10')).toEqual({ kind: 'waiting-for-you', reason: 'identity', since: '2026-03-05', due: null })
  })

  it('counts an untracked letter from its delivery once recorded', () => {
    const posted = [base('created', '2026-01-02'), base('sent', '2026-01-05', { channel: 'post' })]
    const input = { law: 'gdpr' as const, type: 'access' as const, jurisdiction: 'DE', senderCountry: 'DE' }
    expect(computeDeadline(deadlineInputOf(input, factsOf(posted))!).due).toBe('2026-02-09')
    const delivered = [...posted, base('delivered', '2026-01-07')]
    expect(computeDeadline(deadlineInputOf(input, factsOf(delivered))!).due).toBe('2026-02-09') // 7 February is a Saturday
    expect(computeDeadline(deadlineInputOf(input, factsOf(delivered))!).receivedEarliest).toBeNull()
  })

  it('suggests a reminder when overdue, then the complaint 14 days after the reminder', () => {
    const events = [base('created', '2026-01-31'), base('sent', '2026-01-31')]
    const facts = factsOf(events)
    const deadline = computeDeadline(deadlineInputOf({ law: 'gdpr', type: 'access', jurisdiction: 'DE', senderCountry: 'DE' }, facts)!)
    const overdue = deriveStatus(facts, deadline, '2026-03-10')
    expect(overdue).toEqual({ kind: 'overdue', due: '2026-03-02', daysOverdue: 8, remindedOn: null })
    expect(nextSteps(overdue, facts, deadline, '2026-03-10')[0]).toMatchObject({ kind: 'reminder', urgent: true })

    const reminded = factsOf([...events, base('reminder-sent', '2026-03-10')])
    const soon = deriveStatus(reminded, deadline, '2026-03-15')
    expect(nextSteps(soon, reminded, deadline, '2026-03-15')[0]).toMatchObject({ kind: 'wait' })
    const later = deriveStatus(reminded, deadline, '2026-03-24')
    expect(nextSteps(later, reminded, deadline, '2026-03-24')[0]).toMatchObject({ kind: 'complaint', urgent: true })
  })

  it('ignores removed events', () => {
    const events = [base('created', '2026-01-31'), base('sent', '2026-01-31'), base('completed', '2026-02-10', { removedAt: '2026-02-11T00:00:00.000Z' })]
    expect(factsOf(events).closed).toBeNull()
  })
})

describe('reminders and complaints', () => {
  it('writes a reminder to the same company citing the request, and records it on the request once sent', async () => {
    const host = await sentRequest()
    host.clock.set('2026-03-10T10:00:00Z')
    const overdue = expectOk(await host.api.call('requests:get', { reference: host.reference }))
    expect(overdue.status.kind).toBe('overdue')

    const reminder = expectOk(await host.api.call('requests:createFollowUp', { reference: host.reference, type: 'reminder' }))
    expect(reminder.record).toMatchObject({ reference: 'RF-2026-0002', type: 'reminder', followUpOf: host.reference, company: { id: 'fs-com' } })
    expect(reminder.record.draft.to).toBe('legal@fs.com')
    expect(reminder.record.draft.subject).toBe(`Data protection request: reminder about ${host.reference}, Art. 12(3) GDPR – RF-2026-0002`)
    expect(reminder.record.draft.body).toContain('On 31 January 2026 I sent FS.COM a request')
    expect(reminder.record.draft.body).toContain('by 2 March 2026')
    expect(reminder.record.draft.body).toContain('- no reply at all')

    expectOk(await host.api.call('requests:markSent', { reference: reminder.record.reference, on: '2026-03-10', channel: 'email' }))
    const original = expectOk(await host.api.call('requests:get', { reference: host.reference }))
    const event = original.record.events.at(-1)!
    expect(event).toMatchObject({ kind: 'reminder-sent', on: '2026-03-10', link: 'RF-2026-0002' })
    expect(original.status).toMatchObject({ kind: 'overdue', remindedOn: '2026-03-10' })
  })

  it('writes the complaint to the authority the user names, and closes the request once filed', async () => {
    const host = await sentRequest()
    host.clock.set('2026-04-01T10:00:00Z')
    expect(codeOf(await host.api.call('requests:createFollowUp', { reference: host.reference, type: 'complaint' }))).toBe('INVALID_INPUT')
    const complaint = expectOk(
      await host.api.call('requests:createFollowUp', {
        reference: host.reference,
        type: 'complaint',
        authority: { name: 'Berliner Beauftragte für Datenschutz und Informationsfreiheit', email: 'mailbox@datenschutz-berlin.de' },
      }),
    )
    expect(complaint.record.draft.to).toBe('mailbox@datenschutz-berlin.de')
    expect(complaint.record.company.name).toBe('Berliner Beauftragte für Datenschutz und Informationsfreiheit')
    expect(complaint.record.draft.subject).toBe('Data protection complaint about FS.COM, Art. 77 GDPR – RF-2026-0002')
    expect(complaint.record.draft.body).toContain('Article 77')
    expectOk(await host.api.call('requests:markSent', { reference: complaint.record.reference, on: '2026-04-01', channel: 'email' }))
    expect(expectOk(await host.api.call('requests:get', { reference: host.reference })).status).toEqual({ kind: 'complaint-filed', on: '2026-04-01' })
  })

  it('refuses a follow-up of a draft, and a reminder created directly', async () => {
    const host = startCore()
    expectOk(await host.api.call('profile:save', sampleProfile))
    const { record } = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
    expect(codeOf(await host.api.call('requests:createFollowUp', { reference: record.reference, type: 'reminder' }))).toBe('INVALID_STATE')
    expect(codeOf(await host.api.call('requests:create', { companyId: 'fs-com', type: 'reminder', law: 'gdpr', lang: 'en' }))).toBe('INVALID_INPUT')
  })
})

describe('files kept with events', () => {
  it('copies the chosen files with their hash, and shows them in the file manager', async () => {
    const host = await sentRequest()
    const source = path.join(tempDir(), 'reply from FS.pdf')
    fs.writeFileSync(source, '%PDF-1.4 the company reply')
    host.picked.push(source)
    const staged = expectOk(await host.api.call('attachments:pick', {}))
    expect(staged).toEqual([{ token: expect.stringMatching(/^att-/), name: 'reply from FS.pdf', size: 26 }])
    const view = expectOk(
      await host.api.call('requests:addEvent', { reference: host.reference, kind: 'reply-received', on: '2026-01-31', attachments: [staged[0]!.token] }),
    )
    const attachment = view.record.events.at(-1)!.attachments[0]!
    expect(attachment).toMatchObject({ name: 'reply from FS.pdf', size: 26, sha256: createHash('sha256').update('%PDF-1.4 the company reply').digest('hex') })
    const kept = path.join(host.dataDir, attachment.file)
    expect(fs.readFileSync(kept, 'utf8')).toBe('%PDF-1.4 the company reply')
    fs.writeFileSync(source, 'changed later') // the kept copy does not change
    expect(fs.readFileSync(kept, 'utf8')).toBe('%PDF-1.4 the company reply')

    const { path: shown } = expectOk(await host.api.call('attachments:reveal', { reference: host.reference, attachmentId: attachment.id }))
    expect(host.revealed).toEqual([shown])
    expect(shown).toBe(kept)
  })

  it('refuses a token that was used or never given, and keeps nothing half', async () => {
    const host = await sentRequest()
    const result = await host.api.call('requests:addEvent', { reference: host.reference, kind: 'reply-received', on: '2026-01-31', attachments: ['att-nope'] })
    expect(codeOf(result)).toBe('NOT_FOUND')
    expect(expectOk(await host.api.call('requests:get', { reference: host.reference })).record.events).toHaveLength(2)
    expect(fs.existsSync(path.join(host.dataDir, 'requests', `${host.reference}.files`))).toBe(false)
  })

  it('refuses files over 50 MB', async () => {
    const host = await sentRequest()
    const big = path.join(tempDir(), 'huge.zip')
    fs.writeFileSync(big, '')
    fs.truncateSync(big, 51 * 1024 * 1024)
    host.picked.push(big)
    const result = await host.api.call('attachments:pick', {})
    expect(codeOf(result)).toBe('INVALID_INPUT')
  })
})
