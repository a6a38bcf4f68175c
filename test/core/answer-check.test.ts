/**
 * The completeness check of an answer to access: the items each law requires, Rightful's
 * suggestions from replies in several languages (never a tick until confirmed), ticks stored with
 * the request, and the incomplete-answer letter that lists exactly the missing items with the
 * period that still runs.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { answerItemsUnder } from '../../electron/core/shared/answer-items'
import { answerCheckSchema, suggestAnswerItems, suggestionTextLimit } from '../../electron/core/requests/answer-check'
import { laws } from '../../electron/core/shared/kinds'
import { expectOk, sampleProfile, startCore } from '../helpers/ports'

/** An access request to FS.COM under `law`, sent on 31 January 2026, answered with data on 10 February. */
async function answeredRequest(law: 'gdpr' | 'lgpd' | 'ch-fadp' = 'gdpr', lang: 'en' | 'de' | 'pt' | 'fr' = 'en', note = 'Please find attached a copy of your personal data.') {
  const host = startCore()
  host.clock.set('2026-01-31T10:00:00Z')
  expectOk(await host.api.call('profile:save', sampleProfile))
  const { record } = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law, lang }))
  expectOk(await host.api.call('requests:markSent', { reference: record.reference, on: '2026-01-31', channel: 'email' }))
  host.clock.set('2026-02-12T10:00:00Z')
  expectOk(await host.api.call('requests:addEvent', { reference: record.reference, kind: 'data-received', on: '2026-02-10', note }))
  return { ...host, reference: record.reference }
}

describe('the items an answer to access must contain', () => {
  it('are the copy and each item of Art. 15(1)(a)-(h) and 15(2) under the GDPR, each with its article', () => {
    const items = answerItemsUnder('gdpr')
    expect(items.map((i) => i.cite.en)).toEqual([
      'Art. 15(3) GDPR',
      'Art. 15(1)(a) GDPR',
      'Art. 15(1)(b) GDPR',
      'Art. 15(1)(c) GDPR',
      'Art. 15(1)(d) GDPR',
      'Art. 15(1)(e) GDPR',
      'Art. 15(1)(f) GDPR',
      'Art. 15(1)(g) GDPR',
      'Art. 15(1)(h) GDPR',
      'Art. 15(2) GDPR',
    ])
    expect(items.find((i) => i.id === 'purposes')!.cite.de).toBe('Art. 15 Abs. 1 lit. a DSGVO')
    expect(answerItemsUnder('uk-gdpr').every((i) => i.cite.en.endsWith('UK GDPR'))).toBe(true)
  })

  it('exist for every law Rightful has, with unique ids and a copy of the data (or access to it) in each', () => {
    for (const law of laws) {
      const items = answerItemsUnder(law)
      expect(items.length, law).toBeGreaterThan(0)
      expect(new Set(items.map((i) => i.id)).size, law).toBe(items.length)
      expect(items.some((i) => i.concept === 'copy'), law).toBe(true)
    }
    expect(answerItemsUnder('ch-fadp').map((i) => i.cite.de)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((l) => `Art. 25 Abs. 2 Bst. ${l} DSG`))
    expect(answerItemsUnder('ccpa').map((i) => i.cite.en)).toEqual([1, 2, 3, 4, 5].map((n) => `Cal. Civ. Code §1798.110(a)(${n})`))
    expect(answerItemsUnder('lgpd').find((i) => i.id === 'source')!.cite.pt).toBe('art. 19, inciso II, da LGPD')
    expect(answerItemsUnder('hk-pdpo').map((i) => i.cite.en)).toEqual(['s. 18(1)(a) PDPO', 'ss. 18(1)(b) and 19(1) PDPO'])
  })
})

describe("Rightful's suggestions from the reply", () => {
  const gdpr = answerItemsUnder('gdpr')
  const states = (text: string, files: string[] = []) => Object.fromEntries([...suggestAnswerItems(gdpr, { text, files })].map(([id, s]) => [id, s.state]))

  it('finds what an English reply covers and suggests the rest is missing', () => {
    const reply =
      'Dear Ms Müller, please find attached a copy of your personal data. We process your data for the following purposes: order handling and support. ' +
      'The categories of personal data are contact and order data. Your data are kept for a retention period of ten years under tax law.'
    const s = states(reply)
    expect(s).toMatchObject({ copy: 'arrived', purposes: 'arrived', categories: 'arrived', retention: 'arrived' })
    expect(s).toMatchObject({ recipients: 'missing', rights: 'missing', complaint: 'missing', source: 'missing', automated: 'missing', transfers: 'missing' })
  })

  it('reads German, French and Spanish replies as well', () => {
    const de = states('Im Anhang erhalten Sie eine Kopie Ihrer Daten. Empfänger Ihrer Daten ist unser Versanddienstleister. Eine automatisierte Entscheidung findet nicht statt.')
    expect(de).toMatchObject({ copy: 'arrived', recipients: 'arrived', automated: 'arrived', purposes: 'missing', complaint: 'missing' })
    const fr = states("Vous trouverez ci-joint une copie de vos données. Les finalités du traitement sont la gestion des commandes. Vous pouvez introduire une réclamation auprès de la CNIL.")
    expect(fr).toMatchObject({ copy: 'arrived', purposes: 'arrived', complaint: 'arrived', retention: 'missing' })
    const es = states('Adjunto le remitimos una copia de sus datos. El plazo de conservación es de cinco años. No existen decisiones automatizadas.')
    expect(es).toMatchObject({ copy: 'arrived', retention: 'arrived', automated: 'arrived', source: 'missing' })
  })

  it('reads Portuguese, Japanese and Chinese replies under their own laws', () => {
    const under = (law: Parameters<typeof answerItemsUnder>[0], text: string) =>
      Object.fromEntries([...suggestAnswerItems(answerItemsUnder(law), { text, files: [] })].map(([id, s]) => [id, s.state]))
    expect(under('lgpd', 'Segue anexo a cópia dos seus dados. A origem dos dados é o cadastro no site. Compartilhamos os dados com a transportadora.')).toMatchObject({
      copy: 'arrived',
      source: 'arrived',
      recipients: 'arrived',
      criteria: 'missing',
      retention: 'missing',
    })
    expect(under('jp-appi', 'ご請求の保有個人データを開示いたします。利用目的は商品の発送です。')).toEqual({ copy: 'arrived', purposes: 'arrived', recipients: 'missing' })
    expect(under('cn-pipl', '现将您的个人信息副本作为附件发送给您。')).toEqual({ copy: 'arrived' })
    expect(under('hk-pdpo', '本公司確認本公司持有閣下的個人資料，並隨函附上有關資料的複本。')).toEqual({ confirmation: 'arrived', copy: 'arrived' })
  })

  it('takes a file that came with the answer as the copy, and makes no suggestion without any reply', () => {
    expect(states('Here you go.', ['export-2026.zip'])).toMatchObject({ copy: 'arrived', purposes: 'missing' })
    expect(suggestAnswerItems(gdpr, { text: '  ', files: [] }).size).toBe(0)
  })

  it('reads a bounded part of a hostile, huge reply and stays linear', () => {
    const huge = `${'a'.repeat(suggestionTextLimit)} retention period`
    expect(states(huge).retention).toBe('missing') // beyond the limit: not read
    expect(states(`${'x '.repeat(50_000)}retention period`).retention).toBe('arrived')
  })
})

describe('the stored checklist', () => {
  it('accepts only items of its law, each once, with a known state and who ticked it', () => {
    const at = '2026-02-13T09:30:00.000Z'
    expect(answerCheckSchema.safeParse({ law: 'gdpr', ticks: [{ id: 'copy', state: 'arrived', by: 'user', at }] }).success).toBe(true)
    expect(answerCheckSchema.safeParse({ law: 'gdpr', ticks: [{ id: 'controller', state: 'missing', by: 'user', at }] }).success).toBe(false) // an FADP item
    expect(answerCheckSchema.safeParse({ law: 'gdpr', ticks: [{ id: 'copy', state: 'arrived', by: 'user', at }, { id: 'copy', state: 'missing', by: 'user', at }] }).success).toBe(false)
    expect(answerCheckSchema.safeParse({ law: 'gdpr', ticks: [{ id: 'copy', state: 'maybe', by: 'user', at }] }).success).toBe(false)
    expect(answerCheckSchema.safeParse({ law: 'gdpr', ticks: [{ id: 'copy', state: 'arrived', by: 'rightful', at }] }).success).toBe(false)
    expect(answerCheckSchema.safeParse({ law: 'gdpr', ticks: [{ id: '__proto__', state: 'arrived', by: 'user', at }] }).success).toBe(false)
  })
})

describe('the checklist of a request', () => {
  it('shows suggestions without ticking anything, and stores ticks with who and when', async () => {
    const host = await answeredRequest('gdpr', 'en', 'Please find attached a copy of your personal data. The purposes of the processing are order handling.')
    const first = expectOk(await host.api.call('requests:checkAnswer', { reference: host.reference }))
    expect(first.rows.map((r) => r.id)).toEqual(answerItemsUnder('gdpr').map((i) => i.id))
    expect(first.rows.every((r) => r.state === null)).toBe(true)
    expect(first.rows.find((r) => r.id === 'copy')!.suggestion).toEqual({ state: 'arrived', evidence: 'copy of your personal data' })
    expect(first.answeredOn).toBe('2026-02-10')

    host.clock.set('2026-02-13T09:30:00Z')
    const ticked = expectOk(
      await host.api.call('requests:tickAnswer', {
        reference: host.reference,
        ticks: [
          { id: 'copy', state: 'arrived', confirmsSuggestion: true },
          { id: 'recipients', state: 'missing' },
          { id: 'automated', state: 'not-applicable' },
        ],
      }),
    )
    expect(ticked.missing).toEqual(['recipients'])
    expect(ticked.rows.find((r) => r.id === 'copy')).toMatchObject({ state: 'arrived', by: 'suggestion-confirmed', at: '2026-02-13T09:30:00.000Z' })
    expect(ticked.rows.find((r) => r.id === 'automated')).toMatchObject({ state: 'not-applicable', by: 'user' })
    // Stored with the request, in its own file.
    const stored = expectOk(await host.api.call('requests:get', { reference: host.reference })).record
    expect(answerCheckSchema.parse(stored.answerCheck).ticks.map((t) => [t.id, t.state])).toEqual([
      ['copy', 'arrived'],
      ['recipients', 'missing'],
      ['automated', 'not-applicable'],
    ])
    // A tick cleared is gone; the others stay.
    const cleared = expectOk(await host.api.call('requests:tickAnswer', { reference: host.reference, ticks: [{ id: 'automated', state: null }] }))
    expect(cleared.rows.find((r) => r.id === 'automated')!.state).toBeNull()
    expect(cleared.missing).toEqual(['recipients'])
  })

  it('refuses an unknown item, a suggestion that was not made, and a request that got no data, changing nothing', async () => {
    const host = await answeredRequest()
    const before = fs.readFileSync(path.join(host.dataDir, 'requests', `${host.reference}.json`), 'utf8')
    const unknown = await host.api.call('requests:tickAnswer', { reference: host.reference, ticks: [{ id: 'copy', state: 'arrived' }, { id: 'horoscope', state: 'missing' }] })
    expect(unknown.ok).toBe(false)
    if (!unknown.ok) expect(unknown.error.message).toMatch(/horoscope/)
    const notSuggested = await host.api.call('requests:tickAnswer', { reference: host.reference, ticks: [{ id: 'copy', state: 'missing', confirmsSuggestion: true }] })
    expect(notSuggested.ok).toBe(false)
    const constructorId = await host.api.call('requests:tickAnswer', { reference: host.reference, ticks: [{ id: 'constructor', state: 'missing' }] })
    expect(constructorId.ok).toBe(false)
    expect(fs.readFileSync(path.join(host.dataDir, 'requests', `${host.reference}.json`), 'utf8')).toBe(before)

    const { record } = expectOk(await host.api.call('requests:create', { companyId: 'foscam', type: 'access', law: 'gdpr', lang: 'en' }))
    expectOk(await host.api.call('requests:markSent', { reference: record.reference, on: '2026-02-12', channel: 'email' }))
    const noData = await host.api.call('requests:checkAnswer', { reference: record.reference })
    expect(noData.ok).toBe(false)
    if (!noData.ok) expect(noData.error.code).toBe('INVALID_STATE')
  })
})

describe('the incomplete-answer letter', () => {
  it('lists exactly the missing items in the law’s words and the period that still runs', async () => {
    const host = await answeredRequest()
    expectOk(
      await host.api.call('requests:tickAnswer', {
        reference: host.reference,
        ticks: [
          { id: 'copy', state: 'arrived' },
          { id: 'source', state: 'missing' },
          { id: 'recipients', state: 'missing' },
          { id: 'automated', state: 'not-applicable' },
        ],
      }),
    )
    const view = expectOk(await host.api.call('requests:createFollowUp', { reference: host.reference, type: 'incomplete-answer' }))
    const { record } = view
    expect(record.type).toBe('incomplete-answer')
    expect(record.followUpOf).toBe(host.reference)
    expect(record.missingItems).toEqual(['recipients', 'source'])
    expect(record.draft.to).toBe('legal@fs.com')
    const lines = record.draft.body.split('\n').filter((l) => l.startsWith('- '))
    expect(lines).toEqual([
      '- the recipients or categories of recipients to whom my personal data have been or will be disclosed (Art. 15(1)(c) GDPR)',
      '- all available information about the source of my personal data, where they were not collected from me (Art. 15(1)(g) GDPR)',
    ])
    // Sent 31 January 2026: the month ends on 2 March (28 February + weekend), still ahead on 12 February.
    expect(record.draft.body).toContain('runs until 2 March 2026')
    expect(record.draft.subject).toMatch(/incomplete answer to RF-2026-0001/)
    expect(record.draft.subject.length).toBeLessThanOrEqual(120)

    // Once sent, the original's timeline says a reminder went out.
    expectOk(await host.api.call('requests:markSent', { reference: record.reference, on: '2026-02-12', channel: 'email' }))
    const original = expectOk(await host.api.call('requests:get', { reference: host.reference })).record
    expect(original.events.find((e) => e.kind === 'reminder-sent')).toMatchObject({ link: record.reference })
  })

  it('says the period ended once it has, in German with the German citations', async () => {
    const host = await answeredRequest('gdpr', 'de', 'Anbei erhalten Sie eine Kopie Ihrer Daten.')
    expectOk(await host.api.call('requests:tickAnswer', { reference: host.reference, ticks: [{ id: 'retention', state: 'missing' }] }))
    host.clock.set('2026-03-10T10:00:00Z')
    const { record } = expectOk(await host.api.call('requests:createFollowUp', { reference: host.reference, type: 'incomplete-answer' }))
    expect(record.draft.body).toContain('ist am 2. März 2026 abgelaufen')
    expect(record.draft.body).toContain('(Art. 15 Abs. 1 lit. d DSGVO)')
    expect(record.draft.body.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(1)
  })

  it('uses the words of the law where they differ (the Swiss FADP in German, the LGPD in Portuguese)', async () => {
    const swiss = await answeredRequest('ch-fadp', 'de', 'Anbei die Daten.')
    expectOk(await swiss.api.call('requests:tickAnswer', { reference: swiss.reference, ticks: [{ id: 'copy', state: 'missing' }] }))
    const ch = expectOk(await swiss.api.call('requests:createFollowUp', { reference: swiss.reference, type: 'incomplete-answer' })).record
    expect(ch.draft.body).toContain('- die bearbeiteten Personendaten als solche (Art. 25 Abs. 2 Bst. b DSG)')

    const brazil = await answeredRequest('lgpd', 'pt', 'Segue anexo.')
    expectOk(await brazil.api.call('requests:tickAnswer', { reference: brazil.reference, ticks: [{ id: 'source', state: 'missing' }, { id: 'criteria', state: 'missing' }] }))
    const br = expectOk(await brazil.api.call('requests:createFollowUp', { reference: brazil.reference, type: 'incomplete-answer' })).record
    expect(br.draft.body).toContain('- a origem dos dados (art. 19, inciso II, da LGPD)')
    expect(br.draft.body).toContain('- os critérios utilizados (art. 19, inciso II, da LGPD)')
  })

  it('is refused while nothing is ticked missing', async () => {
    const host = await answeredRequest()
    const result = await host.api.call('requests:createFollowUp', { reference: host.reference, type: 'incomplete-answer' })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_STATE')
      // Words each host puts into its own language, with the request's reference.
      expect(result.error.detail).toEqual({ key: 'error.answerCheck.nothingMissing', params: { reference: host.reference } })
    }
    expect(expectOk(await host.api.call('requests:list', {}))).toHaveLength(1)
  })
})
