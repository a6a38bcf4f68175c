/**
 * Quebec: a resident gives region CA-QC; Quebec's private-sector Act (CQLR c. P-39.1, as amended by
 * Law 25) applies to a company carrying on business there, with its 30 days for access and
 * rectification (s.32), and complaints go to the Commission d'accès à l'information, in French.
 */
import { describe, expect, it } from 'vitest'
import { computeDeadline } from '../../electron/core/deadlines/engine'
import { defaultDeadlineSettings } from '../../electron/core/deadlines/settings'
import { regionsOf } from '../../electron/core/profile/regions'
import { proposeLaw } from '../../electron/core/requests/law-proposal'
import { rightsUnder } from '../../electron/core/requests/rights'
import { expectOk, sampleProfile, startCore, testClock } from '../helpers/ports'

describe('Quebec', () => {
  it('is a region a Canadian user can give', () => {
    expect(regionsOf('CA')?.list.map((r) => r.code)).toContain('CA-QC')
    expect(regionsOf('CA')?.list).toHaveLength(13)
  })

  it('has its own law for a company in Canada, and PIPEDA for one outside it', () => {
    expect(proposeLaw({ userCountry: 'CA', userRegion: 'CA-QC', companyCountries: ['CA'] })).toMatchObject({ law: 'qc-privacy', grounded: true })
    const abroad = proposeLaw({ userCountry: 'CA', userRegion: 'CA-QC', companyCountries: ['US'] })
    expect(abroad).toMatchObject({ law: 'pipeda', grounded: true })
    expect(abroad.reason).toMatch(/governs businesses carried on in Quebec/)
    expect(proposeLaw({ userCountry: 'CA', userRegion: 'CA-ON', companyCountries: ['CA'] })).toMatchObject({ law: 'pipeda' })
  })

  it('grants access, rectification, deletion, portability, withdrawal of consent and the s.12.1 request about an automated decision', () => {
    const granted = rightsUnder('qc-privacy').filter((r) => r.granted).map((r) => r.type)
    expect(granted).toEqual(['access', 'erasure', 'rectification', 'portability', 'withdraw-consent', 'automated-decision', 'custom'])
  })

  it('counts 30 days for access, portability and rectification (s.32), and a benchmark for the rest', () => {
    const count = (type: 'access' | 'rectification' | 'portability' | 'erasure') =>
      computeDeadline({ law: 'qc-privacy', type, jurisdiction: 'CA-QC', receipt: { kind: 'received', on: '2026-05-25' } }, defaultDeadlineSettings)
    // +30 = Wednesday 24 June, the Fête nationale: the next working day.
    expect(count('access').due).toBe('2026-06-25')
    expect(count('rectification').due).toBe('2026-06-25')
    expect(count('portability').due).toBe('2026-06-25')
    expect(count('access').explanation).toMatch(/deemed|refusal/)
    expect(count('erasure').due).toBeNull()
    expect(count('erasure').benchmark?.label).toMatch(/not a statutory period/)
  })

  it('writes in French, and complains to the Commission d’accès à l’information in French', async () => {
    const host = startCore({ clock: testClock('2026-05-25T15:00:00Z') })
    expectOk(await host.api.call('profile:save', { ...sampleProfile, address: '1000, rue Sherbrooke Ouest\nMontréal (Québec)  H3A 3G4', country: 'CA', region: 'CA-QC' }))
    const { record } = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'qc-privacy', lang: 'fr' }))
    // FS.COM's demanded words, once, beside the French label (main's subject rule).
    expect(record.draft.subject).toMatch(/^Renseignements personnels \/ data protection query : demande d'accès, art\. 27 Loi P-39\.1 – RF-/)
    expect(record.draft.body).toContain('Loi sur la protection des renseignements personnels dans le secteur privé')
    expectOk(await host.api.call('requests:markSent', { reference: record.reference, on: '2026-05-25', channel: 'email' }))
    const proposals = expectOk(await host.api.call('authorities:propose', { reference: record.reference }))
    const first = proposals.proposals[0]
    expect(first?.authority.id).toBe('ca-qc-cai')
    host.clock.set('2026-07-20T09:00:00Z')
    const complaint = expectOk(await host.api.call('requests:createFollowUp', { reference: record.reference, type: 'complaint', authorityId: 'ca-qc-cai' }))
    expect(complaint.record.lang).toBe('fr')
    expect(complaint.record.draft.body).toMatch(/^À la Commission d'accès à l'information du Québec/)
    expect(complaint.record.draft.body).toContain('25 juin 2026')
    expect(complaint.record.draft.recipientAddress?.lines).toEqual(['525, boulevard René-Lévesque Est, bureau 2.36', 'Québec (Québec)  G1R 5S9'])
  })
})
