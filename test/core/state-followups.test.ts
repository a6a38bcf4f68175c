/**
 * A reminder and a complaint after a US state-law request say what the law says for that kind of
 * request: 45 days (extendable once) for a request to exercise a consumer right; for a withdrawal
 * of consent, no period under the Virginia and Colorado Acts, and 15 days without extension under
 * Connecticut's (C.G.S. §42-520(a)(6)).
 */
import { describe, expect, it } from 'vitest'
import { expectOk, sampleProfile, startCore, type TestHost } from '../helpers/ports'

type StateLaw = 'vcdpa' | 'cpa-co' | 'ctdpa'
const attorneys: Readonly<Record<StateLaw, string>> = { vcdpa: 'us-va-ag', 'cpa-co': 'us-co-ag', ctdpa: 'us-ct-ag' }

async function followUps(host: TestHost, law: StateLaw, type: 'withdraw-consent' | 'access') {
  expectOk(await host.api.call('profile:save', sampleProfile))
  const { record } = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type, law, lang: 'en' }))
  expectOk(await host.api.call('requests:markSent', { reference: record.reference, on: '2026-01-31', channel: 'email' }))
  host.clock.set('2026-04-01T09:00:00Z')
  const reminder = expectOk(await host.api.call('requests:createFollowUp', { reference: record.reference, type: 'reminder' })).record
  const complaint = expectOk(await host.api.call('requests:createFollowUp', { reference: record.reference, type: 'complaint', authorityId: attorneys[law] })).record
  return { reminder: reminder.draft.body, complaint: complaint.draft.body }
}

describe('state-law follow-ups per kind of request', () => {
  for (const law of ['vcdpa', 'cpa-co'] as const) {
    it(`say that ${law} sets no period for a withdrawal of consent`, async () => {
      const { reminder, complaint } = await followUps(startCore(), law, 'withdraw-consent')
      for (const body of [reminder, complaint]) {
        expect(body).not.toMatch(/45 days|ran out on/)
        expect(body).toContain('sets no period for a withdrawal of consent')
        expect(body).not.toMatch(/\{\{|\}\}/)
      }
      expect(reminder).toContain('confirm to me in writing within 14 days of this reminder that you have done so')
      expect(reminder).not.toContain('how I can appeal')
    })
  }

  it('give Connecticut’s 15 days for a withdrawal of consent, and the day they ran out', async () => {
    const { reminder, complaint } = await followUps(startCore(), 'ctdpa', 'withdraw-consent')
    for (const body of [reminder, complaint]) {
      expect(body).not.toContain('45 days')
      expect(body).toContain('no later than 15 days after receiving my request (C.G.S. §42-520(a)(6)); the Act allows no extension. That time ran out on 15 February 2026.')
    }
  })

  it('keep the 45 days for a request to exercise a consumer right', async () => {
    const { reminder, complaint } = await followUps(startCore(), 'vcdpa', 'access')
    expect(reminder).toContain('at the latest within 45 days of receiving it')
    expect(reminder).toContain('how I can appeal your decision (Va. Code §59.1-577(B)(2))')
    expect(complaint).toContain('at the latest within 45 days of receiving it')
    expect(reminder + complaint).not.toContain('withdrawal of consent')
  })
})
