/**
 * Adding a company the catalog already has: by domain or e-mail address, Rightful says so and
 * offers to change the existing record instead (also for a company learned from its policy).
 */
import { describe, expect, it } from 'vitest'
import { companyEditSchema, type CompanyEdit } from '../../electron/core/catalog/schema'
import { expectOk, startCore } from '../helpers/ports'

/** A company as the add form sends it: the schema's defaults, and the fields given. */
const edit = (fields: Partial<CompanyEdit> & { name: string }): CompanyEdit => companyEditSchema.parse(fields)

const policy = [
  '# Privacy policy of Corner Shop GmbH',
  '',
  'Corner Shop GmbH, Hauptstraße 1, 10115 Berlin, Germany is responsible for your data.',
  '',
  'To exercise your rights of access, rectification or erasure, write to our data protection officer at datenschutz@cornershop-berlin.de.',
].join('\n')

describe('a company the catalog already has', () => {
  it('is found by domain (www. or not) and by e-mail address, in any case', async () => {
    const { api } = startCore()
    const byDomain = expectOk(await api.call('catalog:matches', { domains: ['WWW.Netflix.com'], emails: [] }))
    expect(byDomain.map((m) => [m.id, m.by, m.value])).toEqual([['netflix', 'domain', 'netflix.com']])
    const byEmail = expectOk(await api.call('catalog:matches', { domains: [], emails: ['Legal@FS.com'] }))
    expect(byEmail.map((m) => [m.id, m.by])).toEqual([['fs-com', 'email']])
    expect(expectOk(await api.call('catalog:matches', { domains: ['fs.com'], emails: [], excludeId: 'fs-com' }))).toEqual([])
    expect(expectOk(await api.call('catalog:matches', { domains: ['nothing-like-it.example'], emails: ['a@nothing-like-it.example'] }))).toEqual([])
  })

  it('is not added twice: saving says which company has the domain, and adds nothing; asNew adds it', async () => {
    const { api } = startCore()
    const before = expectOk(await api.call('catalog:list', {})).length
    const refused = await api.call('catalog:save', edit({ name: 'Spotify (my account)', domains: ['spotify.com'] }))
    expect(refused.ok ? null : refused.error.code).toBe('DUPLICATE_COMPANY')
    expect(refused.ok ? '' : refused.error.message).toMatch(/\(spotify\) has the domain spotify\.com/)
    expect(expectOk(await api.call('catalog:list', {})).length).toBe(before)

    const added = expectOk(await api.call('catalog:save', edit({ name: 'Spotify (my account)', domains: ['spotify.com'], asNew: true })))
    expect(added.origin).toBe('user')
    expect(expectOk(await api.call('catalog:list', {})).length).toBe(before + 1)
    // Changing a company is never refused for its own domain.
    const changed = expectOk(await api.call('catalog:save', edit({ id: added.id, name: 'Spotify (mine)', domains: ['spotify.com'] })))
    expect(changed.name).toBe('Spotify (mine)')
  })

  it('learned from a policy: refused as new, folded into the existing record on request, with the quote', async () => {
    const { api } = startCore()
    const shop = expectOk(await api.call('catalog:save', edit({ name: 'Corner Shop GmbH', domains: ['cornershop-berlin.de'] })))
    const input = { text: policy, format: 'markdown' as const, sourceUrl: 'https://www.cornershop-berlin.de/privacy', choices: {} }

    const refused = await api.call('catalog:savePolicy', input)
    expect(refused.ok ? null : refused.error.code).toBe('DUPLICATE_COMPANY')

    const updated = expectOk(await api.call('catalog:savePolicy', { ...input, into: shop.id }))
    expect(updated.id).toBe(shop.id)
    expect(updated.privacyEmail).toBe('datenschutz@cornershop-berlin.de')
    const contact = updated.emails.find((e) => e.address === 'datenschutz@cornershop-berlin.de')
    expect(contact?.provenance.kind).toBe('policy')
    expect(updated.sources.some((s) => s.url === 'https://www.cornershop-berlin.de/privacy')).toBe(true)
    expect(expectOk(await api.call('catalog:list', {})).filter((c) => c.domains.includes('cornershop-berlin.de'))).toHaveLength(1)
  })

  it('folds a policy into a built-in record as the user change, which "Undo my changes" takes back', async () => {
    const { api, dataDir } = startCore()
    const text = '# Netflix privacy\n\nFor privacy questions write to privacy-team@netflix.example-policy.com.'
    const updated = expectOk(await api.call('catalog:savePolicy', { text, format: 'markdown', sourceUrl: 'https://help.netflix.com/legal/privacy', choices: {}, into: 'netflix' }))
    expect(updated.origin).toBe('builtin')
    expect(updated.editedFields).toEqual(expect.arrayContaining(['emails', 'sources']))
    expect(updated.emails.map((e) => e.address)).toContain('privacy-team@netflix.example-policy.com')
    const restarted = startCore({ dataDir })
    expect(expectOk(await restarted.api.call('catalog:get', { id: 'netflix' })).emails.map((e) => e.address)).toContain('privacy-team@netflix.example-policy.com')
    const reset = expectOk(await restarted.api.call('catalog:reset', { id: 'netflix' }))
    expect(reset.emails.map((e) => e.address)).not.toContain('privacy-team@netflix.example-policy.com')
  })
})
