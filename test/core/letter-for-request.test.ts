import { describe, expect, it } from 'vitest'
import { letterFor, outputFileName } from '../../electron/core/letters/letter-for-request'
import { expectOk, sampleProfile, startCore } from '../helpers/ports'

async function requestFrom(profile: typeof sampleProfile) {
  const { api } = startCore()
  expectOk(await api.call('profile:save', profile))
  return expectOk(await api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' })).record
}

const options = { date: '2026-01-31', createdAt: new Date('2026-01-31T10:00:00Z') }

describe('the letter of a request', () => {
  it('names both countries on a letter abroad, without repeating one the address already gives', async () => {
    const letter = letterFor(await requestFrom(sampleProfile), options)
    expect(letter.recipient).toEqual({ recipient: 'FS.COM INC', lines: ['380 Centerpoint Blvd', 'New Castle, DE 19720'], countryName: 'United States' })
    expect(letter.sender.address).toEqual(['Musterstraße 12', '10115 Berlin', 'Germany'])

    const withoutCountryLine = letterFor(await requestFrom({ ...sampleProfile, address: 'Musterstraße 12\n10115 Berlin' }), options)
    expect(withoutCountryLine.sender.address).toEqual(['Musterstraße 12', '10115 Berlin', 'Germany'])
  })

  it('leaves the country out of a domestic letter', async () => {
    const letter = letterFor(await requestFrom({ ...sampleProfile, address: '1 Main Street\nWilmington, DE 19801', country: 'US' }), options)
    expect(letter.recipient.countryName).toBeNull()
    expect(letter.sender.address).toEqual(['1 Main Street', 'Wilmington, DE 19801'])
  })

  it('dates a letter that was posted with its sending date, and uses what was sent', async () => {
    const { api } = startCore()
    expectOk(await api.call('profile:save', sampleProfile))
    const { record } = expectOk(await api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
    const sent = expectOk(await api.call('requests:markSent', { reference: record.reference, on: '2026-01-31', channel: 'post' })).record
    const letter = letterFor(sent, { ...options, date: '2026-03-15' })
    expect(letter.date).toBe('31 January 2026')
    expect(letter.subject).toBe(sent.sent!.subject)
  })

  it('gives files a name people recognise, without characters file systems refuse', async () => {
    const record = await requestFrom(sampleProfile)
    expect(outputFileName({ ...record, company: { ...record.company, name: 'A/B: "C"?' } }, 'pdf')).toBe('RF-2026-0001 A B C access.pdf')
  })
})
