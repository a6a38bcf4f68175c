/**
 * Chasing the gaps after a request went out (issue 14 §3): a demand for identity and the pushback
 * letter, an extension claim checked against the law and the letter contesting it, a confirmed
 * bounce marked in the user's catalog layer with the company's other channels.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { identityRule } from '../../electron/core/requests/identity-rules'
import { laws, requestTypes } from '../../electron/core/shared/kinds'
import { expectOk, sampleProfile, startCore, type TestHost } from '../helpers/ports'

async function sentRequest(host: TestHost, input: { companyId?: string; type?: 'access' | 'opt-out' | 'erasure'; law?: 'gdpr' | 'ccpa' | 'lgpd' | 'uk-gdpr'; lang?: 'en' | 'de' } = {}) {
  expectOk(await host.api.call('profile:save', sampleProfile))
  const { record } = expectOk(
    await host.api.call('requests:create', { companyId: input.companyId ?? 'fs-com', type: input.type ?? 'access', law: input.law ?? 'gdpr', lang: input.lang ?? 'en' }),
  )
  expectOk(await host.api.call('requests:markSent', { reference: record.reference, on: '2026-01-31', channel: 'email' }))
  return record.reference
}

const errorCode = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error!.code)

describe('what the law lets a company ask for to check who you are', () => {
  it('has a rule for every law and kind of request, and forbids any check only for a US opt-out', () => {
    for (const law of laws) {
      for (const type of requestTypes) {
        const rule = identityRule(law, type)
        expect(rule.citation.length, `${law} ${type}`).toBeGreaterThan(3)
        const usOptOut = ['ccpa', 'vcdpa', 'cpa-co', 'ctdpa', 'tdpsa'].includes(law) && (type === 'opt-out' || type === 'limit')
        expect(rule.noVerification, `${law} ${type}`).toBe(usOptOut)
      }
    }
    expect(identityRule('gdpr', 'access').text).toMatch(/reasonable doubts/)
    expect(identityRule('gdpr', 'access').citation).toBe('Art. 12(6) GDPR; recital 64')
    expect(identityRule('ccpa', 'opt-out').citation).toBe('11 CCR §7026')
    expect(identityRule('ccpa', 'limit').citation).toBe('11 CCR §7027')
    expect(identityRule('ccpa', 'access').noVerification).toBe(false)
  })

  it('shows the rule, the demand and the catalog’s demands, then writes the pushback to the same address', async () => {
    const host = startCore()
    const reference = await sentRequest(host)
    const before = expectOk(await host.api.call('requests:identityAdvice', { reference }))
    expect(before.demand).toBeNull()
    expect(before.pushback).toEqual({ possible: false, hasTemplate: true })
    // The citation's words ("recital") in each language: a message of its own, English as before.
    expect(before.rule.message).toEqual({ key: 'identity.rule.gdpr', params: { citation: { key: 'identity.citation.gdpr' } } })
    // No demand on the timeline: no pushback, and nothing is written.
    expect(errorCode(await host.api.call('requests:createFollowUp', { reference, type: 'identity-pushback' }))).toBe('INVALID_STATE')
    expect(expectOk(await host.api.call('requests:list', {}))).toHaveLength(1)

    host.clock.set('2026-02-10T09:00:00Z')
    expectOk(await host.api.call('requests:addEvent', { reference, kind: 'identity-requested', on: '2026-02-09', note: 'a scan of your passport, both sides' }))
    const advice = expectOk(await host.api.call('requests:identityAdvice', { reference }))
    expect(advice.demand).toEqual({ on: '2026-02-09', note: 'a scan of your passport, both sides' })
    expect(advice.provided).toBe(false)
    expect(advice.pushback.possible).toBe(true)

    const { record } = expectOk(await host.api.call('requests:createFollowUp', { reference, type: 'identity-pushback' }))
    expect(record.type).toBe('identity-pushback')
    expect(record.followUpOf).toBe(reference)
    expect(record.draft.to).toBe('legal@fs.com')
    expect(record.company.id).toBe('fs-com')
    expect(record.draft.subject).toBe(`Data protection request: identity check for ${reference}, Art. 12(6) GDPR – ${record.reference}`)
    expect(record.draft.body).toContain('On 9 February 2026 you asked me for information to confirm my identity (a scan of your passport, both sides).')
    expect(record.draft.body).toContain('Under Art. 12(6) GDPR you may ask for additional information only where you have reasonable doubts')
    expect(record.draft.body).toContain('Alex Example')
    expect(record.draft.body).not.toMatch(/\{\{|\}\}/)
  })

  it('tells a company that a CCPA opt-out needs no verification at all', async () => {
    const host = startCore()
    const reference = await sentRequest(host, { type: 'opt-out', law: 'ccpa' })
    host.clock.set('2026-02-10T09:00:00Z')
    expectOk(await host.api.call('requests:addEvent', { reference, kind: 'identity-requested', on: '2026-02-03', note: null }))
    const advice = expectOk(await host.api.call('requests:identityAdvice', { reference }))
    expect(advice.rule.id).toBe('ccpa-opt-out')
    expect(advice.rule.noVerification).toBe(true)
    const { record } = expectOk(await host.api.call('requests:createFollowUp', { reference, type: 'identity-pushback' }))
    expect(record.draft.body).toContain('need not be a verifiable consumer request (11 CCR §§7026 and 7027)')
    expect(record.draft.body).toContain('Please act on my request now, without further information from me.')
    expect(record.draft.body).not.toContain('tell me what doubt you have')
  })

  it('writes the pushback in the request’s language', async () => {
    const host = startCore()
    const reference = await sentRequest(host, { lang: 'de' })
    host.clock.set('2026-02-10T09:00:00Z')
    expectOk(await host.api.call('requests:addEvent', { reference, kind: 'identity-requested', on: '2026-02-04', note: null }))
    const { record } = expectOk(await host.api.call('requests:createFollowUp', { reference, type: 'identity-pushback' }))
    expect(record.lang).toBe('de')
    expect(record.draft.body).toContain('Nach Art. 12 Abs. 6 DSGVO dürfen Sie zusätzliche Informationen nur anfordern')
    expect(record.draft.body).toContain('Am 4. Februar 2026 haben Sie mich um Angaben zur Bestätigung meiner Identität gebeten.')
  })
})

describe('an extension claim checked against the law', () => {
  it('says plainly when none is claimed, when the notice came late, and when it gave no reasons', async () => {
    const host = startCore()
    const reference = await sentRequest(host)
    const none = expectOk(await host.api.call('requests:checkExtension', { reference }))
    expect(none.verdict).toBe('none-claimed')
    expect(none.contestable).toBe(false)

    const { deadline } = expectOk(await host.api.call('requests:get', { reference }))
    expect(deadline!.extensionNoticeBy).toBe(deadline!.due)
    const noticeBy = deadline!.extensionNoticeBy!

    // In time: the answer turns on the reasons, which the user says.
    host.clock.set('2026-02-20T09:00:00Z')
    const claim = expectOk(await host.api.call('requests:addEvent', { reference, kind: 'extension-claimed', on: '2026-02-20', note: 'We need more time.' })).record.events.at(-1)!
    const unknown = expectOk(await host.api.call('requests:checkExtension', { reference }))
    expect(unknown).toMatchObject({ verdict: 'reasons-unknown', contestable: false, claimedOn: '2026-02-20', noticeBy, reasonsSuggested: false, citation: 'Art. 12(3) GDPR', hasTemplate: true })
    expect(unknown.message).toEqual({ key: 'extension.verdict.reasons-unknown', params: expect.objectContaining({ claimedOn: '2026-02-20', noticeBy }) })
    expect(expectOk(await host.api.call('requests:checkExtension', { reference, reasonsGiven: true })).verdict).toBe('valid')
    // A claim in time moves the date that binds; the same claim made late, below, does not.
    const extended = expectOk(await host.api.call('requests:get', { reference })).deadline!
    expect(extended.effectiveDue).toBe(extended.extendedDue)
    expect(extended.effectiveDue! > noticeBy).toBe(true)
    const noReasons = expectOk(await host.api.call('requests:checkExtension', { reference, reasonsGiven: false }))
    expect(noReasons).toMatchObject({ verdict: 'no-reasons', contestable: true })
    // A valid claim cannot be contested; a claim without reasons can.
    expect(errorCode(await host.api.call('requests:createFollowUp', { reference, type: 'extension-contest', reasonsGiven: true }))).toBe('INVALID_STATE')
    const contest = expectOk(await host.api.call('requests:createFollowUp', { reference, type: 'extension-contest', reasonsGiven: false })).record
    expect(contest.draft.body).toContain('Your notice gave no reasons for the delay, although the law requires them.')
    expect(contest.draft.body).toContain('within one month of receiving my request, together with the reasons for the delay')
    expect(contest.draft.subject).toBe(`Data protection request: extension claimed for ${reference}, Art. 12(3) GDPR – ${contest.reference}`)

    // The same notice dated after the first period: late, whatever it says.
    host.clock.set('2026-03-20T09:00:00Z')
    expectOk(await host.api.call('requests:correctEvent', { reference, eventId: claim.id, on: '2026-03-10', note: 'Because of the complexity of your request we need two more months.' }))
    const late = expectOk(await host.api.call('requests:checkExtension', { reference, reasonsGiven: true }))
    expect(late).toMatchObject({ verdict: 'late', contestable: true, claimedOn: '2026-03-10', reasonsSuggested: true })
    expect(expectOk(await host.api.call('requests:get', { reference })).deadline!.effectiveDue).toBe(noticeBy)
    const lateLetter = expectOk(await host.api.call('requests:createFollowUp', { reference, type: 'extension-contest', reasonsGiven: true })).record
    expect(lateLetter.draft.body).toContain('Your notice came too late: it had to reach me by 2 March 2026.')
    expect(lateLetter.draft.body).toContain('the time for your answer ends on 2 March 2026')
  })

  it('finds a date beyond the longest extension, and no ground at all under a law without extensions', async () => {
    const host = startCore()
    const reference = await sentRequest(host)
    host.clock.set('2026-02-20T09:00:00Z')
    expectOk(await host.api.call('requests:addEvent', { reference, kind: 'extension-claimed', on: '2026-02-20', until: '2026-06-30', note: null }))
    const tooLong = expectOk(await host.api.call('requests:checkExtension', { reference, reasonsGiven: true }))
    expect(tooLong).toMatchObject({ verdict: 'too-long', contestable: true, until: '2026-06-30' })
    expect(tooLong.longestDue! < '2026-06-30').toBe(true)

    const other = startCore()
    const lgpd = await sentRequest(other, { law: 'lgpd' })
    other.clock.set('2026-02-20T09:00:00Z')
    expectOk(await other.api.call('requests:addEvent', { reference: lgpd, kind: 'extension-claimed', on: '2026-02-10', until: '2026-04-30', note: null }))
    const none = expectOk(await other.api.call('requests:checkExtension', { reference: lgpd, reasonsGiven: true }))
    expect(none).toMatchObject({ verdict: 'not-allowed', contestable: true, citation: 'Art. 19 LGPD', noticeBy: null })
    const lgpdDeadline = expectOk(await other.api.call('requests:get', { reference: lgpd })).deadline!
    expect(lgpdDeadline.effectiveDue).toBe(lgpdDeadline.due)
    const letter = expectOk(await other.api.call('requests:createFollowUp', { reference: lgpd, type: 'extension-contest' })).record
    expect(letter.draft.body).toContain('The LGPD provides for no extension of that period.')
  })
})

describe('a confirmed bounce', () => {
  it('marks the address as bounced in the user’s layer only, and proposes the company’s other channels', async () => {
    const host = startCore()
    const reference = await sentRequest(host)
    expect(errorCode(await host.api.call('requests:markBounced', { reference }))).toBe('INVALID_STATE')
    const quiet = expectOk(await host.api.call('requests:bounceAdvice', { reference }))
    expect(quiet).toMatchObject({ bouncedOn: null, address: 'legal@fs.com', marked: false })

    host.clock.set('2026-02-02T09:00:00Z')
    expectOk(await host.api.call('requests:addEvent', { reference, kind: 'undeliverable', on: '2026-02-01', note: '550 5.1.1 user unknown' }))
    const advice = expectOk(await host.api.call('requests:bounceAdvice', { reference }))
    expect(advice.bouncedOn).toBe('2026-02-01')
    // Recording the bounce marks the address at once.
    expect(advice).toMatchObject({ marked: true, markedOn: '2026-02-01' })
    expect(advice.alternatives.some((c) => c.kind === 'email' && c.address === 'legal@fs.com')).toBe(false)
    expect(advice.alternatives).toContainEqual({ kind: 'post', recipient: 'FS.COM INC', lines: ['380 Centerpoint Blvd', 'New Castle, DE 19720'], country: 'US' })

    const marked = expectOk(await host.api.call('requests:markBounced', { reference }))
    expect(marked).toMatchObject({ marked: true, markedOn: '2026-02-01' })
    const company = expectOk(await host.api.call('catalog:get', { id: 'fs-com' }))
    expect(company.emails.find((e) => e.address === 'legal@fs.com')!.problem).toEqual({ kind: 'bounced', on: '2026-02-01' })
    expect(company.privacyEmail).not.toBe('legal@fs.com')
    expect(company.editedFields).toContain('emails')
    // Written as the user's change (validated, in the catalog-edits file); the built-in layer is as it was.
    const edits = JSON.parse(fs.readFileSync(path.join(host.dataDir, 'catalog-edits.json'), 'utf8')) as { overrides: Record<string, { fields: { emails: Array<{ address: string; problem: unknown }> } }> }
    expect(edits.overrides['fs-com']!.fields.emails.find((e) => e.address === 'legal@fs.com')!.problem).toEqual({ kind: 'bounced', on: '2026-02-01' })
    const fresh = startCore()
    expect(expectOk(await fresh.api.call('catalog:get', { id: 'fs-com' })).emails.find((e) => e.address === 'legal@fs.com')!.problem).toBeNull()
    // Marked twice: the same, nothing new.
    expect(expectOk(await host.api.call('requests:markBounced', { reference }))).toEqual(marked)
  })

  it('records a bounce of a company no longer in the catalog without touching the catalog', async () => {
    const host = startCore()
    const reference = await sentRequest(host)
    expectOk(await host.api.call('catalog:remove', { id: 'fs-com' }))
    const before = fs.readFileSync(path.join(host.dataDir, 'catalog-edits.json'), 'utf8')
    host.clock.set('2026-02-02T09:00:00Z')
    expectOk(await host.api.call('requests:addEvent', { reference, kind: 'undeliverable', on: '2026-02-01', note: '550 5.1.1 user unknown' }))
    expect(expectOk(await host.api.call('requests:bounceAdvice', { reference }))).toMatchObject({ bouncedOn: '2026-02-01', marked: false, company: { inCatalog: false } })
    expect(fs.readFileSync(path.join(host.dataDir, 'catalog-edits.json'), 'utf8')).toBe(before)
  })

  it('refuses to mark a request that went by post, and changes nothing', async () => {
    const host = startCore()
    expectOk(await host.api.call('profile:save', sampleProfile))
    const { record } = expectOk(await host.api.call('requests:create', { companyId: 'b2s', type: 'access', law: 'gdpr', lang: 'en', channel: 'post' }))
    expectOk(await host.api.call('requests:markSent', { reference: record.reference, on: '2026-01-31', channel: 'post' }))
    host.clock.set('2026-02-20T09:00:00Z')
    expectOk(await host.api.call('requests:addEvent', { reference: record.reference, kind: 'undeliverable', on: '2026-02-19', note: 'Returned to sender' }))
    const before = fs.existsSync(path.join(host.dataDir, 'catalog-edits.json')) ? fs.readFileSync(path.join(host.dataDir, 'catalog-edits.json'), 'utf8') : null
    expect(errorCode(await host.api.call('requests:markBounced', { reference: record.reference }))).toBe('INVALID_STATE')
    const after = fs.existsSync(path.join(host.dataDir, 'catalog-edits.json')) ? fs.readFileSync(path.join(host.dataDir, 'catalog-edits.json'), 'utf8') : null
    expect(after).toBe(before)
  })
})
