import { describe, expect, it } from 'vitest'
import { letterFor, outputFileName, paperFor } from '../../electron/core/letters/letter-for-request'
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

  it('prints on US Letter for senders in the Americas’ Letter countries and the Philippines, on A4 elsewhere', async () => {
    for (const country of ['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'CR', 'DO', 'PR']) expect(paperFor(country), country).toBe('letter')
    for (const country of ['DE', 'GB', 'FR', 'CN', 'BR', 'AR', 'PE', 'AU', 'JP', 'IN']) expect(paperFor(country), country).toBe('a4')
    expect(paperFor(null)).toBe('a4')

    expect(letterFor(await requestFrom(sampleProfile), options).paper).toBe('a4')
    const american = await requestFrom({ ...sampleProfile, address: '1 Main Street\nWilmington, DE 19801', country: 'US' })
    expect(letterFor(american, options).paper).toBe('letter')
    expect(letterFor({ ...american, draft: { ...american.draft, sender: { ...american.draft.sender, country: null } } }, options).paper).toBe('a4')
  })

  it('dates and labels the letter in the request’s language and tells the PDF which one', async () => {
    const record = await requestFrom(sampleProfile)
    const english = letterFor(record, options)
    expect(english).toMatchObject({ date: '31 January 2026', lang: 'en' })
    expect(english.labels?.page(1, 2)).toBe('Page 1 of 2')

    const german = letterFor({ ...record, lang: 'de' }, options)
    expect(german).toMatchObject({ date: '31. Januar 2026', lang: 'de' })
    expect(german.labels).toMatchObject({ reference: 'Unser Zeichen', date: 'Datum', email: 'E-Mail' })
    expect(german.labels?.page(1, 2)).toBe('Seite 1 von 2')
    expect(german.labels?.enclosures(2)).toBe('Anlagen:')

    const chinese = letterFor({ ...record, lang: 'zh-Hans' }, options)
    expect(chinese).toMatchObject({ date: '2026年1月31日', lang: 'zh-CN' })
    expect(chinese.labels).toMatchObject({ reference: '编号', date: '日期', email: '电子邮件' })
    expect(chinese.labels?.page(1, 2)).toBe('第1页，共2页')
    expect(chinese.labels?.enclosures(1)).toBe('附件：')

    expect(letterFor({ ...record, lang: 'fr' }, options).date).toBe('31 janvier 2026')
    expect(letterFor({ ...record, lang: 'es' }, options).date).toBe('31 de enero de 2026')
    expect(letterFor({ ...record, lang: 'pt' }, options)).toMatchObject({ date: '31 de janeiro de 2026', lang: 'pt-BR' })

    const japanese = letterFor({ ...record, lang: 'ja' }, options)
    expect(japanese).toMatchObject({ date: '2026年1月31日', lang: 'ja' })
    expect(japanese.labels).toMatchObject({ reference: '整理番号', date: '日付' })

    const hongKong = letterFor({ ...record, lang: 'zh-Hant' }, options)
    expect(hongKong).toMatchObject({ date: '2026年1月31日', lang: 'zh-HK' })
    expect(hongKong.labels).toMatchObject({ reference: '編號', email: '電郵' })
    expect(hongKong.labels?.page(1, 2)).toBe('第1頁，共2頁')
  })

  it('lists no enclosures: the files kept with the request’s events are not sent along', async () => {
    expect(letterFor(await requestFrom(sampleProfile), options).enclosures).toBeUndefined()
  })

  it('gives files a name people recognise, without characters file systems refuse', async () => {
    const record = await requestFrom(sampleProfile)
    expect(outputFileName({ ...record, company: { ...record.company, name: 'A/B: "C"?' } }, 'pdf')).toBe('RF-2026-0001 A B C access.pdf')
  })
})
