/**
 * The rights each law grants: every built-in template's kind is granted by each law it covers; a
 * kind a law does not grant says why (code, parameters, words) and what to ask for instead; and
 * requests:create refuses it, unless a template covers it all the same.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeRightReason, isRightType, lawsGranting, rightReasonMessage, rightsUnder, rightTypes, rightUnder } from '../../electron/core/requests/rights'
import { renderMessage } from '../../electron/core/messages/render'
import { laws, type Law } from '../../electron/core/requests/model'
import { expectOk, sampleProfile, startCore } from '../helpers/ports'

describe('rights per law', () => {
  it('grants every kind a built-in template covers, under each law that template names', async () => {
    const host = startCore()
    const templates = expectOk(await host.api.call('templates:list', {}))
    let checked = 0
    for (const template of templates) {
      if (!isRightType(template.type)) continue
      for (const law of template.laws as Law[]) {
        expect(rightUnder(law, template.type), `${template.id} under ${law}`).toMatchObject({ granted: true, why: null })
        checked += 1
      }
    }
    expect(checked).toBeGreaterThan(60)
  })

  it('lists every kind, in the order of the rights, for every law; access, rectification and your own words everywhere', () => {
    for (const law of laws) {
      const rights = rightsUnder(law)
      expect(rights.map((r) => r.type)).toEqual([...rightTypes])
      for (const type of ['access', 'rectification', 'custom'] as const) expect(rightUnder(law, type).granted, `${type} under ${law}`).toBe(true)
      for (const right of rights.filter((r) => !r.granted)) {
        // Every refusal names a way forward under the same law, and only ones that law grants.
        expect(right.why!.params.alternatives.length, `${right.type} under ${law}`).toBeGreaterThan(0)
        for (const alternative of right.why!.params.alternatives) expect(rightUnder(law, alternative).granted, `${alternative} under ${law}`).toBe(true)
      }
    }
  })

  it('keeps the US opt-out and limit to the US laws: a Berlin user never gets them', () => {
    expect(lawsGranting('opt-out')).toEqual(['ccpa', 'vcdpa', 'cpa-co', 'ctdpa', 'tdpsa'])
    expect(lawsGranting('limit')).toEqual(['ccpa'])
    expect(rightUnder('gdpr', 'opt-out')).toEqual({
      type: 'opt-out',
      granted: false,
      why: { code: 'NOT_IN_LAW', params: { law: 'gdpr', type: 'opt-out', alternatives: ['objection', 'withdraw-consent'], grantedBy: ['ccpa', 'vcdpa', 'cpa-co', 'ctdpa', 'tdpsa'], provision: null } },
    })
    expect(rightUnder('gdpr', 'restriction').granted).toBe(true)
    expect(rightUnder('ccpa', 'restriction').granted).toBe(false)
    expect(rightUnder('vcdpa', 'limit').why!.code).toBe('NEEDS_CONSENT')
    expect(rightUnder('pipeda', 'erasure').why).toMatchObject({ code: 'COMPANY_DUTY', params: { provision: 'Principle 4.5.3' } })
    expect(rightUnder('lgpd', 'portability').granted).toBe(true)
  })

  it('puts each reason into words', () => {
    expect(describeRightReason(rightUnder('gdpr', 'opt-out').why!)).toBe(
      'The GDPR gives no right to opt out of the sale or sharing of your data (the CCPA, the VCDPA, the CPA, the CTDPA and the TDPSA do). Under the GDPR you can instead object to the processing of your data or withdraw your consent.',
    )
    expect(describeRightReason(rightUnder('ch-fadp', 'limit').why!)).toBe(
      'The Swiss Federal Act on Data Protection gives no right to limit the use of your sensitive data (the CCPA does). Under the Swiss Federal Act on Data Protection you can instead object to the processing of your data.',
    )
    expect(describeRightReason(rightUnder('au-privacy', 'erasure').why!)).toBe(
      'The Privacy Act 1988 gives no right to have your data erased as such: the company must delete what it no longer needs (APP 11.2), but you cannot demand it. Under the Privacy Act 1988 you can instead have your data corrected.',
    )
    expect(describeRightReason(rightUnder('ctdpa', 'limit').why!)).toBe(
      'Under the Connecticut Data Privacy Act a company may use your sensitive data only with your consent, so there is no right to limit it: withdraw your consent, or have your data erased.',
    )
    // Texas: the rights of §541.051(b), and no request the Act does not name.
    expect(rightsUnder('tdpsa').filter((r) => r.granted).map((r) => r.type)).toEqual(['access', 'erasure', 'rectification', 'portability', 'opt-out', 'custom'])
    expect(describeRightReason(rightUnder('tdpsa', 'withdraw-consent').why!)).toBe(
      'The Texas Data Privacy and Security Act gives no right to withdraw your consent (the GDPR, the UK GDPR, the VCDPA, the CPA, the CTDPA, the LGPD, PIPEDA, Quebec’s private-sector Act, the FADP and the PIPL do). Under the Texas Data Privacy and Security Act you can instead have your data erased or opt out of the sale or sharing of your data.',
    )
  })
})

describe('the Australian Privacy Act', () => {
  it('grants access and correction, and of objection only the opt-out of direct marketing (APP 7)', () => {
    const granted = rightsUnder('au-privacy').filter((r) => r.granted)
    expect(granted.map((r) => r.type)).toEqual(['access', 'rectification', 'objection', 'custom'])
    expect(rightUnder('au-privacy', 'objection')).toEqual({ type: 'objection', granted: true, why: null, scope: { part: 'direct-marketing', provision: 'APP 7' } })
    // Under every other law the objection is whole, or not granted at all.
    for (const law of laws.filter((l) => l !== 'au-privacy')) expect(rightUnder(law, 'objection').scope, law).toBeUndefined()
    expect(renderMessage({ key: 'error.rights.scope.direct-marketing', params: { provision: 'APP 7' } }, 'de')).toBe('Nur Direktwerbung (APP 7): Das Gesetz gibt kein allgemeines Widerspruchsrecht.')
  })

  it('names the direct-marketing opt-out, not a general objection, as what to ask for instead', () => {
    expect(describeRightReason(rightUnder('au-privacy', 'withdraw-consent').why!)).toBe(
      'The Privacy Act 1988 gives no right to withdraw your consent (the GDPR, the UK GDPR, the VCDPA, the CPA, the CTDPA, the LGPD, PIPEDA, Quebec’s private-sector Act, the FADP and the PIPL do). Under the Privacy Act 1988 you can instead stop the use of your data for direct marketing.',
    )
    expect(renderMessage(rightReasonMessage(rightUnder('au-privacy', 'opt-out').why!), 'en')).toContain('stop the use of your data for direct marketing')
    expect(renderMessage(rightReasonMessage(rightUnder('au-privacy', 'restriction').why!), 'en')).not.toContain('object to the processing')
  })
})

describe('creating a request the law does not grant', () => {
  it('is refused with the reason and leaves nothing behind', async () => {
    const host = startCore()
    expectOk(await host.api.call('profile:save', { ...sampleProfile, region: 'DE-BE' }))
    const refused = await host.api.call('requests:create', { companyId: 'fs-com', type: 'opt-out', law: 'gdpr', lang: 'en' })
    expect(refused.ok).toBe(false)
    expect(!refused.ok && refused.error.code).toBe('RIGHT_NOT_GRANTED')
    expect(!refused.ok && refused.error.message).toContain('The GDPR gives no right to opt out')
    expect(expectOk(await host.api.call('requests:list', {}))).toEqual([])
    expect(fs.existsSync(path.join(host.dataDir, 'requests')) ? fs.readdirSync(path.join(host.dataDir, 'requests')).filter((f) => f.endsWith('.json') && f.startsWith('RF-')) : []).toEqual([])
    // The same kind under a law that grants it is written.
    expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'opt-out', law: 'ccpa', lang: 'en' }))
  })

  it('is written when a template of the user covers it all the same', async () => {
    const host = startCore()
    expectOk(await host.api.call('profile:save', sampleProfile))
    const text = [
      '---',
      'type: limit',
      'lang: en',
      'title: Limit under the GDPR (my own wording)',
      'laws: [gdpr]',
      'subject:',
      '  gdpr: "Data protection request: please limit the use of my sensitive data – {{reference}}"',
      'fields: [reference, company.name, user.name]',
      '---',
      'Dear {{company.name}}, please limit the use of my sensitive data. {{user.name}}',
      '',
    ].join('\n')
    expectOk(await host.api.call('templates:saveUser', { lang: 'en', name: 'limit-gdpr', text }))
    const view = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'limit', law: 'gdpr', lang: 'en' }))
    expect(view.record.draft.subject).toContain('please limit the use of my sensitive data')
    const other = await host.api.call('requests:create', { companyId: 'fs-com', type: 'limit', law: 'uk-gdpr', lang: 'en' })
    expect(!other.ok && other.error.code).toBe('RIGHT_NOT_GRANTED')
  })
})
