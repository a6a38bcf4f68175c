/**
 * The first-start guide's state and the sending preference in the settings store, and the profile's
 * field errors: structured (path and words) so that each form puts them beside their field.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { expectOk, sampleProfile, startCore } from '../helpers/ports'

describe('onboarding and sending in the settings', () => {
  it('starts pending with no sending method, and keeps what the user chose across a restart', async () => {
    const host = startCore()
    expect(expectOk(await host.api.call('settings:get', {}))).toMatchObject({ onboarding: { state: 'pending' }, sending: { method: null, webmail: null } })
    expectOk(await host.api.call('settings:update', { onboarding: { state: 'done' }, sending: { method: 'webmail', webmail: 'outlook' } }))
    const again = startCore({ dataDir: host.dataDir })
    const settings = expectOk(await again.api.call('settings:get', {}))
    expect(settings).toMatchObject({ onboarding: { state: 'done' }, sending: { method: 'webmail', webmail: 'outlook' } })
    // A patch of one part keeps the others.
    expectOk(await again.api.call('settings:update', { notifications: { daysBefore: 5 } }))
    expect(expectOk(await again.api.call('settings:get', {}))).toMatchObject({ onboarding: { state: 'done' }, sending: { method: 'webmail', webmail: 'outlook' }, notifications: { daysBefore: 5 } })
  })

  it('reads a settings file written before onboarding existed, and refuses an unknown method without changing anything', async () => {
    const host = startCore()
    fs.writeFileSync(path.join(host.dataDir, 'settings.json'), JSON.stringify({ version: 1, settings: { notifications: { daysBefore: 7, enabled: true } } }))
    const older = startCore({ dataDir: host.dataDir })
    expect(expectOk(await older.api.call('settings:get', {}))).toMatchObject({ notifications: { daysBefore: 7 }, onboarding: { state: 'pending' }, sending: { method: null } })
    const bad = await older.api.call('settings:update', { sending: { method: 'pigeon' as 'smtp' } })
    expect(!bad.ok && bad.error.code).toBe('INVALID_INPUT')
    expect(!bad.ok && bad.error.issues?.[0]?.path).toBe('sending.method')
    expect(JSON.parse(fs.readFileSync(path.join(host.dataDir, 'settings.json'), 'utf8')).settings.sending).toBeUndefined()
  })
})

describe('the profile refuses what cannot be a postal address, field by field', () => {
  it.each([['x'], ['x\ny'], ['Berlin'], ['12\n34']])('refuses %j with the reason in words, on the address field', async (address) => {
    const host = startCore()
    const result = await host.api.call('profile:save', { ...sampleProfile, address })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('INVALID_INPUT')
    expect(result.error.issues).toEqual([
      {
        path: 'address',
        message: 'Enter your whole postal address as on an envelope: street and number on one line, then the town (with the postcode where there is one) on the next.',
        detail: { key: 'issue.addressWhole' },
      },
    ])
    expect(expectOk(await host.api.call('profile:get', {}))).toBeNull()
  })

  it.each([
    ['Musterstraße 12\n10115 Berlin'],
    ['5/F, Pan Asia Centre\n137 Wai Yip Street, Kwun Tong, Kowloon'],
    ['1 Market St, San Francisco, CA 94105'],
    ['深圳市南山区中山路1001号'],
  ])('accepts %j (a Hong Kong address has no postcode)', async (address) => {
    const host = startCore()
    expect(expectOk(await host.api.call('profile:save', { ...sampleProfile, address })).address).toBe(address)
  })

  it('reports every field that is wrong at once, each with its own words', async () => {
    const host = startCore()
    const result = await host.api.call('profile:save', { name: ' ', email: 'alex', address: 'x', country: 'Germany', region: null })
    expect(result.ok).toBe(false)
    if (result.ok) return
    const byPath = new Map(result.error.issues!.map((i) => [i.path, i.message]))
    expect([...byPath.keys()].sort()).toEqual(['address', 'country', 'email', 'name'])
    expect(byPath.get('name')).toBe('Enter your name.')
    expect(byPath.get('email')).toBe('This is not an e-mail address.')
    expect(byPath.get('country')).toBe('Choose your country from the list.')
  })
})
