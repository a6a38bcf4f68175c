/**
 * Which authority a complaint goes to by default: one rule in the core (authorities/default-choice.ts),
 * answered with every proposal (authorities:propose's `choice`), which the window's complaint dialog
 * preselects and the CLI takes when no --authority is given.
 */
import { describe, expect, it } from 'vitest'
import { defaultAuthority, type ProposalForDefault } from '../../electron/core/authorities/default-choice'
import { message } from '../../electron/core/shared/message'
import { expectOk, sampleProfile, startCore } from '../helpers/ports'

const proposal = (id: string, choose: boolean): ProposalForDefault => ({ authority: { id }, choose, reason: `Because of ${id}.`, detail: message('authority.reason.test', { id }) })

describe('the default authority of a complaint', () => {
  it('is the first proposal when Rightful can tell, none when it knows none', () => {
    expect(defaultAuthority([])).toEqual({ kind: 'none' })
    expect(defaultAuthority([proposal('fr-cnil', false), proposal('ie-dpc', false)])).toEqual({ kind: 'proposed', authorityId: 'fr-cnil' })
    // A firm first proposal wins over later ones the user could pick among.
    expect(defaultAuthority([proposal('de-hh-hmbbfdi', false), proposal('de-by-baylda', true)])).toEqual({ kind: 'proposed', authorityId: 'de-hh-hmbbfdi' })
  })

  it('leaves the choice to the user when the first proposal must be chosen, naming only those to choose from and why', () => {
    const choice = defaultAuthority([proposal('de-bw-lfdi', true), proposal('de-by-baylda', true), proposal('ie-dpc', false)])
    expect(choice).toEqual({ kind: 'choose', authorityIds: ['de-bw-lfdi', 'de-by-baylda'], reason: 'Because of de-bw-lfdi.', detail: message('authority.reason.test', { id: 'de-bw-lfdi' }) })
  })

  it('comes with the proposals of the API, for a request and for facts', async () => {
    const host = startCore()
    expectOk(await host.api.call('profile:save', sampleProfile))
    const { record } = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
    expectOk(await host.api.call('requests:markSent', { reference: record.reference, on: '2026-01-31', channel: 'email' }))
    // A German user whose Land is unknown: every Land's authority to choose from, none chosen.
    const german = expectOk(await host.api.call('authorities:propose', { reference: record.reference }))
    expect(german.choice.kind).toBe('choose')
    if (german.choice.kind !== 'choose') return
    expect(german.choice.authorityIds).toEqual(german.proposals.filter((p) => p.choose).map((p) => p.authority.id))
    expect(german.choice.authorityIds).toContain('de-by-baylda')
    expect(german.choice.reason).toBe(german.proposals[0]!.reason)
    // The Land given: its authority.
    const berlin = expectOk(await host.api.call('authorities:propose', { reference: record.reference, userRegion: 'DE-BE' }))
    expect(berlin.choice).toEqual({ kind: 'proposed', authorityId: 'de-be-bbdi' })
    const californian = expectOk(await host.api.call('authorities:propose', { law: 'ccpa', userRegion: 'US-CA' }))
    expect(californian.choice).toEqual({ kind: 'proposed', authorityId: 'us-ca-cppa' })
  })
})
