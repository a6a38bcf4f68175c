/**
 * The law proposed for a new request: the user's own law first (the US by state), then the law of
 * the company's establishment; else no law at all, with the reason, for the user to choose.
 */
import { describe, expect, it } from 'vitest'
import { proposeLaw } from '../../electron/core/requests/law-proposal'
import { laws, type Law } from '../../electron/core/requests/model'
import { profileSchema } from '../../electron/core/profile/profile'
import { regionName, regionsOf } from '../../electron/core/profile/regions'
import { expectOk, sampleProfile, startCore } from '../helpers/ports'

const all = [...laws]
const propose = (userCountry: string | null, userRegion: string | null, companyCountries: string[] = [], available: Law[] = all) =>
  proposeLaw({ available, userCountry, userRegion, companyCountries })

describe('proposing a law', () => {
  it.each([
    ['DE', null, 'gdpr'],
    ['NO', null, 'gdpr'],
    ['GB', null, 'uk-gdpr'],
    ['CH', null, 'ch-fadp'],
    ['BR', null, 'lgpd'],
    ['CA', null, 'pipeda'],
    ['HK', null, 'hk-pdpo'],
    ['CN', null, 'cn-pipl'],
    ['JP', null, 'jp-appi'],
    ['AU', null, 'au-privacy'],
    ['US', 'US-CA', 'ccpa'],
    ['US', 'US-VA', 'vcdpa'],
    ['US', 'US-CO', 'cpa-co'],
    ['US', 'US-CT', 'ctdpa'],
    ['US', 'US-TX', 'tdpsa'],
  ])('a user in %s (%s) gets %s', (country, region, law) => {
    expect(propose(country, region, ['US'])).toMatchObject({ law, grounded: true })
  })

  it('says why in plain words', () => {
    expect(propose('US', 'US-CA').reason).toBe('You live in California: the CCPA gives its residents these rights.')
    expect(propose('FR', null).reason).toMatch(/^You live in the EU\/EEA: the GDPR protects you there/)
    expect(propose('IN', null, ['IE']).reason).toBe('The company is established in the EU/EEA: the GDPR applies to it wherever you live (Art. 3(1)).')
  })

  it('falls back on the company\'s establishment: an EU/EEA one anywhere, else only the principal one', () => {
    expect(propose('IN', null, ['HK', 'US', 'CN'])).toMatchObject({ law: 'hk-pdpo', grounded: true })
    // An establishment in the EU/EEA comes first: the GDPR applies whatever the user's country.
    expect(propose(null, null, ['US', 'CN', 'DE', 'HK'])).toMatchObject({ law: 'gdpr', grounded: true })
    expect(propose(null, null, ['DE'])).toMatchObject({ law: 'gdpr', grounded: true })
    // An Oregonian has no state law here; a company in Ireland still answers under the GDPR.
    expect(propose('US', 'US-OR', ['US', 'IE'])).toMatchObject({ law: 'gdpr', grounded: true })
  })

  it('never jumps past the principal establishment to a branch: FS.COM (US, then Shenzhen) is not a PIPL case', () => {
    // The root of "a US company shown with PIPL preselected": the US has no general privacy law,
    // and a Shenzhen subsidiary does not make China's law the user's.
    const fsCom = propose(null, null, ['US', 'CN'])
    expect(fsCom.law).toBeNull()
    expect(fsCom.grounded).toBe(false)
    expect(fsCom.reason).toBe(
      'Rightful cannot tell which law applies: you gave no country, and the company is established in the United States, which has no general privacy law. Choose the law that protects you. Add your country in your details: the law where you live may protect you too.',
    )
    expect(propose('IN', null, ['US', 'HK', 'CN']).law).toBeNull()
  })

  it('proposes nothing, never the first law on the list, when nothing ties a law to the user or the company', () => {
    for (const available of [all, [...all].reverse(), ['cn-pipl', 'gdpr'] as Law[]]) {
      expect(propose(null, null, [], available)).toMatchObject({ law: null, grounded: false })
      expect(propose('IN', null, ['IN'], available)).toMatchObject({ law: null, grounded: false })
    }
    expect(propose(null, null, []).reason).toBe(
      'Rightful cannot tell which law applies: you gave no country, and where the company is established is not known. Choose the law that protects you. Add your country in your details: the law where you live may protect you too.',
    )
    expect(propose('IN', null, ['IN']).reason).toBe(
      'Rightful cannot tell which law applies: Rightful knows no privacy law in India, and the company is established in India, where Rightful knows no privacy law. Choose the law that protects you.',
    )
  })

  it('only proposes a law Rightful has templates for', () => {
    expect(propose('DE', null, ['DE'], ['ccpa'])).toMatchObject({ law: null, grounded: false })
    expect(propose('DE', null, [], [])).toMatchObject({ law: null, grounded: false })
  })

  it('asks for the state when a US user gave none', () => {
    const guess = propose('US', null, ['US'])
    expect(guess).toMatchObject({ law: null, grounded: false })
    expect(guess.reason).toBe(
      'Rightful cannot tell which law applies: you gave no state, and the company is established in the United States, which has no general privacy law. Choose the law that protects you. Add your state in your details: some states give their residents rights of their own.',
    )
    expect(propose('US', null, ['HK']).reason).toBe('The company is established in Hong Kong: the Personal Data (Privacy) Ordinance applies to it. Add your state in your details: some states give their residents rights of their own.')
    expect(propose('US', 'US-OR', ['US']).reason).toBe(
      'Rightful cannot tell which law applies: Oregon has a privacy law of its own, the Oregon Consumer Privacy Act, which Rightful has no letters for yet, and the company is established in the United States, which has no general privacy law. Choose the law that protects you.',
    )
    expect(propose('US', 'US-TX', ['US']).reason).toBe('You live in Texas: the Texas Data Privacy and Security Act gives its residents these rights.')
    expect(propose('US', 'US-NY', ['US']).reason).toMatch(/^Rightful cannot tell which law applies: New York has no general privacy law that Rightful knows of/)
    expect(propose('DE', null, ['US']).reason).not.toContain('Add your state')
    expect(propose(null, null, ['CN']).reason).toBe('The company is established in mainland China: the PIPL applies to it. Add your country in your details: the law where you live may protect you too.')
  })
})

describe('the profile\'s region', () => {
  it('lists regions only where they change something', () => {
    expect(regionsOf('DE')!.list).toHaveLength(16)
    expect(regionsOf('US')!.list).toHaveLength(51)
    expect(regionsOf('ES')!.list.map((r) => r.code)).toContain('ES-CT')
    expect(regionsOf('FR')).toBeNull()
    expect(regionsOf(null)).toBeNull()
    expect(regionName('DE-BY')).toBe('Bavaria')
    expect(regionName('DE-XX')).toBeNull()
  })

  it('accepts a known region of the chosen country and nothing else', () => {
    expect(profileSchema.parse({ ...sampleProfile, region: 'DE-BY' }).region).toBe('DE-BY')
    expect(profileSchema.parse(sampleProfile).region).toBeNull()
    for (const [region, message] of [
      ['US-CA', 'The region must lie in the country chosen.'],
      ['DE-XX', 'Rightful does not know this region.'],
      ['Bavaria', 'Use an ISO 3166-2 region code, e.g. DE-BY or US-CA.'],
    ] as const) {
      const parsed = profileSchema.safeParse({ ...sampleProfile, region })
      expect(parsed.success).toBe(false)
      expect(parsed.error!.issues.map((i) => i.message)).toContain(message)
    }
  })

  it('is saved with the profile, and a profile saved before regions existed still reads', async () => {
    const host = startCore()
    expectOk(await host.api.call('profile:save', { ...sampleProfile, region: 'DE-BE' }))
    expect(expectOk(await host.api.call('profile:get', {}))).toMatchObject({ region: 'DE-BE' })
    const bad = await host.api.call('profile:save', { ...sampleProfile, country: 'FR', region: 'DE-BE' })
    expect(!bad.ok && bad.error.code).toBe('INVALID_INPUT')
    expect(expectOk(await host.api.call('profile:get', {}))).toMatchObject({ country: 'DE', region: 'DE-BE' })

    const older = startCore()
    const fs = await import('node:fs')
    const path = await import('node:path')
    const { region: _none, ...before } = sampleProfile
    fs.writeFileSync(path.join(older.dataDir, 'profile.json'), JSON.stringify({ version: 1, profile: before }))
    expect(expectOk(await older.api.call('profile:get', {}))).toEqual({ ...sampleProfile, region: null })
  })
})

describe('a resident of a state whose own law Rightful does not support', () => {
  it('is told so plainly, and never handed a GDPR letter as if it were theirs', () => {
    for (const [region, law] of [
      ['US-OR', 'the Oregon Consumer Privacy Act'],
      ['US-MT', 'the Montana Consumer Data Privacy Act'],
      ['US-UT', 'the Utah Consumer Privacy Act'],
    ] as const) {
      const withUsCompany = propose('US', region, ['US', 'CN'])
      expect(withUsCompany).toMatchObject({ law: null, grounded: false, unsupportedLaw: law })
      expect(withUsCompany.reason, region).toContain(`has a privacy law of its own, ${law}, which Rightful has no letters for yet`)
      // A company in the EU answers under the GDPR (Art. 3(1)); the reason still says which law is the user's own.
      const withEuCompany = propose('US', region, ['IE'])
      expect(withEuCompany).toMatchObject({ law: 'gdpr', grounded: true, unsupportedLaw: law })
      expect(withEuCompany.reason, region).toMatch(new RegExp(`^\\w[\\w ]+ has a privacy law of its own, ${law}, which Rightful has no letters for yet\\. The company is established in the EU/EEA`))
    }
    // The supported states are unaffected, and a state without a law says that.
    expect(propose('US', 'US-CA', ['US'])).toMatchObject({ law: 'ccpa', grounded: true })
    expect(propose('US', 'US-CA', ['US'])).not.toHaveProperty('unsupportedLaw')
    expect(propose('US', 'US-WY', ['US']).unsupportedLaw).toBeUndefined()
    // Texas is supported now: its own law, with no note that it is not.
    expect(propose('US', 'US-TX', ['US', 'CN'])).toMatchObject({ law: 'tdpsa', grounded: true })
    expect(propose('US', 'US-TX', ['US', 'CN'])).not.toHaveProperty('unsupportedLaw')
  })
})

