/**
 * The GDPR in every language Rightful writes it in: a template for every kind of request in en, de,
 * fr and es (and the UK GDPR in English), filled for every seed company; complaints in the
 * authority's own language, naming it as that language does; a company's subject-line wording
 * honoured once; and letters on paper that never claim the request was made electronically.
 */
import { describe, expect, it } from 'vitest'
import { builtinAuthoritiesFrom, builtinCatalogFrom, templatesFrom } from '../../electron/adapters/node/resources'
import { loadAuthorities } from '../../electron/core/authorities/authorities'
import { loadBuiltinCompanies } from '../../electron/core/catalog/catalog'
import { letterFor } from '../../electron/core/letters/letter-for-request'
import { replyEvent } from '../helpers/request-fixtures'
import type { Language, Law, RequestType } from '../../electron/core/requests/model'
import { rightUnder } from '../../electron/core/requests/rights'
import { fillTemplate, loadTemplates, maxSubjectLength } from '../../electron/core/templates/templates'
import { templateView, withRequiredPhrase } from '../../electron/core/requests/draft-view'
import { expectOk, repoRoot, sampleProfile, startCore } from '../helpers/ports'

const templates = loadTemplates(templatesFrom(repoRoot), null)
const companies = loadBuiltinCompanies({ load: builtinCatalogFrom(repoRoot).load })
const authorities = loadAuthorities(builtinAuthoritiesFrom(repoRoot))

/** Every kind of GDPR request, and the follow-ups. */
const gdprTypes = [
  'access',
  'erasure',
  'rectification',
  'restriction',
  'portability',
  'objection',
  'withdraw-consent',
  'automated-decision',
  'custom',
  'reminder',
  'complaint',
] as const satisfies ReadonlyArray<RequestType>
const gdprLanguages = ['en', 'de', 'fr', 'es'] as const satisfies ReadonlyArray<Language>
/** The matrix this part of Rightful promises: law x type x language. */
const matrix: ReadonlyArray<{ law: Law; langs: ReadonlyArray<Language> }> = [
  { law: 'gdpr', langs: gdprLanguages },
  { law: 'uk-gdpr', langs: ['en'] },
]

const reply = replyEvent(null)

/** A view as requests get it, with references as long as a store of a million requests makes them. */
function view(lang: Language, companyName: string, extra: { channel?: 'email' | 'post'; text?: string | null } = {}) {
  return templateView({
    reference: 'RF-2026-1234567',
    today: '2026-03-15',
    lang,
    companyName,
    user: { name: 'Zoë Müller-Łukasz', email: 'zoe@example.org', address: ['Musterstraße 12', '10115 Berlin', 'Germany'] },
    identifiers: 'Customer number 4711',
    text: extra.text === undefined ? 'The decision of 3 March 2026 refused my application.' : extra.text,
    authorityName: 'Bayerisches Landesamt für Datenschutzaufsicht',
    authorityId: 'de-by-baylda',
    channel: extra.channel ?? 'email',
    original: { reference: 'RF-2026-7654321', subject: 'The original subject', sentOn: '2026-01-31', channel: 'post', to: null, due: '2026-03-02', events: [reply] },
    strings: templates.strings(lang),
  })
}

describe('the GDPR matrix', () => {
  for (const { law, langs } of matrix) {
    for (const lang of langs) {
      for (const type of gdprTypes) {
        it(`${law} x ${type} x ${lang}: a template exists and fills for every seed company`, () => {
          const template = templates.find({ type, law, lang })
          expect(template.lang).toBe(lang)
          for (const company of companies) {
            for (const text of ['The decision of 3 March 2026 refused my application.', null]) {
              const { subject, body } = fillTemplate(template, law, view(lang, company.name, { text }))
              const where = `${template.path} / ${company.id}`
              expect(`${subject}\n${body}`, where).not.toMatch(/\{\{|\}\}/)
              expect(subject.length, where).toBeLessThanOrEqual(maxSubjectLength)
              expect(body, where).toContain('Zoë Müller-Łukasz')
            }
          }
        })
      }
    }
  }

  it('grants the request about automated decisions under the GDPR and the UK GDPR, and says why elsewhere', () => {
    expect(rightUnder('gdpr', 'automated-decision').granted).toBe(true)
    expect(rightUnder('uk-gdpr', 'automated-decision').granted).toBe(true)
    const ccpa = rightUnder('ccpa', 'automated-decision')
    expect(ccpa.granted).toBe(false)
    expect(ccpa.why?.code).toBe('NOT_IN_LAW')
  })

  it('writes every kind in every language through the API, for FS.COM with its subject wording once', async () => {
    const host = startCore()
    expectOk(await host.api.call('profile:save', sampleProfile))
    for (const lang of gdprLanguages) {
      for (const type of gdprTypes.filter((t) => t !== 'reminder' && t !== 'complaint')) {
        const text = type === 'custom' ? 'Please tell me which newsletters I receive.' : undefined
        const { record } = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type, law: 'gdpr', lang, ...(text ? { text } : {}) }))
        const subject = record.draft.subject
        const where = `${lang} ${type}: ${subject}`
        expect(subject.length, where).toBeLessThanOrEqual(maxSubjectLength)
        expect(subject.match(/data protection (query|request|complaint)/gi)?.length, where).toBe(1)
        // Not stacked in front of the template's own label.
        expect(subject, where).not.toMatch(/^Data protection (query|request): (Datenschutz|Demande|Protección|Data protection)/i)
        expect(record.lang).toBe(lang)
        // The template's own label stays, in its language, with the demanded words beside it.
        const label = { en: /^Data protection (query|request): /, de: /^Datenschutzanfrage \/ data protection (query|request): /, fr: /^Protection des données \/ data protection (query|request) : /, es: /^Protección de datos \/ data protection (query|request): / }[lang]
        // The English own-words subject is itself the demanded wording ("Data protection request under the GDPR").
        if (!(lang === 'en' && type === 'custom')) expect(subject, where).toMatch(label)
      }
    }
  })
})

describe('subject lines', () => {
  const fsCom = companies.find((c) => c.id === 'fs-com')!
  const phrases = fsCom.requirements.subjectLine?.phrases ?? []

  it('FS.COM demands its wording (the rule this checks)', () => {
    expect(phrases).toEqual(['data protection query', 'data protection request', 'data protection complaint'])
  })

  // Every built-in template (every law and language) x every seed company, with long references,
  // as it is sent: with the wording the company demands, when it demands one.
  for (const info of templates.list().filter((t) => t.origin === 'builtin')) {
    it(`${info.path}: at most ${maxSubjectLength} characters, the company's wording once`, () => {
      const template = templates.find({ type: info.type, law: info.laws[0]!, lang: info.lang })
      for (const law of info.laws) {
        for (const company of companies) {
          const filled = fillTemplate(template, law, view(info.lang, company.name)).subject
          // A complaint goes to an authority, not to the company: no company wording applies.
          const demanded = info.type === 'complaint' ? [] : (company.requirements.subjectLine?.phrases ?? [])
          const subject = withRequiredPhrase(filled, demanded, info.type, info.lang, maxSubjectLength)
          const where = `${info.path} / ${law} / ${company.id}: ${subject}`
          expect(subject.length, where).toBeLessThanOrEqual(maxSubjectLength)
          expect(subject, where).not.toMatch(/[\r\n]/)
          expect(subject.endsWith('RF-2026-1234567'), where).toBe(true)
          if (demanded.length > 0) {
            const found = demanded.flatMap((p) => subject.toLowerCase().split(p.toLowerCase()).length - 1)
            expect(found.reduce((a, b) => a + b, 0), where).toBe(1)
          }
        }
      }
    })
  }

  it('replaces an English label, and puts the wording beside a label in another language', () => {
    expect(withRequiredPhrase('Privacy request: access to my personal information, PIPEDA s.8 – RF-2026-0001', phrases, 'access', 'en')).toBe(
      'Data protection query: access to my personal information, PIPEDA s.8 – RF-2026-0001',
    )
    expect(withRequiredPhrase('Consumer privacy opt-out: targeted advertising, Va. Code §59.1-577(A)(5) – RF-2026-0001', phrases, 'opt-out', 'en')).toBe(
      'Data protection request (opt-out): targeted advertising, Va. Code §59.1-577(A)(5) – RF-2026-0001',
    )
    expect(withRequiredPhrase('Privacy request under PIPEDA – RF-2026-0001', phrases, 'custom', 'en')).toBe('Data protection request under PIPEDA – RF-2026-0001')
    expect(withRequiredPhrase('Datenschutzanfrage: Auskunft nach Art. 15 DSGVO – RF-2026-0001', phrases, 'access', 'de')).toBe(
      'Datenschutzanfrage / data protection query: Auskunft nach Art. 15 DSGVO – RF-2026-0001',
    )
    expect(withRequiredPhrase('Protection des données : relance de la demande RF-2026-0001, art. 12 RGPD – RF-2026-0002', phrases, 'reminder', 'fr')).toBe(
      'Protection des données / data protection request : relance de la demande RF-2026-0001, art. 12 RGPD – RF-2026-0002',
    )
    expect(withRequiredPhrase('个人信息删除申请（《个人信息保护法》第四十七条）– RF-2026-0001', phrases, 'erasure', 'zh-Hans')).toBe(
      '个人信息删除申请（《个人信息保护法》第四十七条）（data protection request）– RF-2026-0001',
    )
    // Already there: unchanged; no wording demanded: unchanged.
    expect(withRequiredPhrase('Data protection request: erasure, Art. 17 GDPR – RF-2026-0001', phrases, 'erasure', 'en')).toBe('Data protection request: erasure, Art. 17 GDPR – RF-2026-0001')
    expect(withRequiredPhrase('Datenschutzanfrage: Auskunft – RF-2026-0001', [], 'access', 'de')).toBe('Datenschutzanfrage: Auskunft – RF-2026-0001')
  })

  it('gives the wording in place of a foreign label when beside it would be too long', () => {
    const long = `Protección de datos: ${'x'.repeat(80)} – RF-2026-0001`
    const subject = withRequiredPhrase(long, phrases, 'erasure', 'es', 120)
    expect(subject).toBe(`Data protection request: ${'x'.repeat(80)} – RF-2026-0001`)
    expect(subject.length).toBeLessThanOrEqual(120)
  })
})

describe('complaints in the authority’s language', () => {
  async function sentIn(lang: Language, region: string | null = 'DE-BY') {
    const host = startCore()
    expectOk(await host.api.call('profile:save', { ...sampleProfile, region }))
    const { record } = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang }))
    expectOk(await host.api.call('requests:markSent', { reference: record.reference, on: '2026-01-31', channel: 'email' }))
    return { host, reference: record.reference }
  }

  it('a Bavarian who wrote to FS.COM in Chinese complains to the BayLDA in German, naming it as German does', async () => {
    const { host, reference } = await sentIn('zh-Hans')
    const proposed = expectOk(await host.api.call('authorities:propose', { reference })).proposals[0]!
    expect(proposed.authority.id).toBe('de-by-baylda')
    const { record } = expectOk(await host.api.call('requests:createFollowUp', { reference, type: 'complaint', authorityId: proposed.authority.id }))
    expect(record.lang).toBe('de')
    expect(record.draft.subject).toMatch(/^Datenschutzbeschwerde nach Art\. 77 DSGVO gegen FS\.COM – RF-/)
    expect(record.draft.body).toContain('hiermit lege ich beim Bayerischen Landesamt für Datenschutzaufsicht nach Art. 77 Abs. 1')
    expect(record.draft.body).toContain('Aufsichtsbehörde: Bayerisches Landesamt für Datenschutzaufsicht')
    expect(record.draft.body).not.toMatch(/[\u4e00-\u9fff]{2}.*Beschwerde/)
    // The Chinese subject of the original request is quoted as it was sent.
    expect(record.draft.body).toContain('Betreff „数据保护请求')
  })

  it('is written in another language when the user chooses one', async () => {
    const { host, reference } = await sentIn('zh-Hans')
    const english = expectOk(await host.api.call('requests:createFollowUp', { reference, type: 'complaint', authorityId: 'de-by-baylda', lang: 'en' })).record
    expect(english.lang).toBe('en')
    expect(english.draft.body).toContain('I lodge a complaint with the supervisory authority Bayerisches Landesamt für Datenschutzaufsicht under Article 77')
    const french = expectOk(await host.api.call('requests:createFollowUp', { reference, type: 'complaint', authorityId: 'fr-cnil' })).record
    expect(french.lang).toBe('fr')
    expect(french.draft.body).toContain("J'introduis par la présente auprès de la Commission nationale de l'informatique et des libertés (CNIL)")
    const spanish = expectOk(await host.api.call('requests:createFollowUp', { reference, type: 'complaint', authorityId: 'es-aepd' })).record
    expect(spanish.draft.body).toContain('presento ante la Agencia Española de Protección de Datos (AEPD), al amparo del artículo 77')
    // An authority whose languages Rightful does not write: the request's language, the English name.
    const polish = expectOk(await host.api.call('requests:createFollowUp', { reference, type: 'complaint', authorityId: 'pl-uodo', lang: 'de' })).record
    expect(polish.draft.body).toContain('hiermit lege ich bei der Aufsichtsbehörde „Urząd Ochrony Danych Osobowych“ nach Art. 77')
  })

  it('keeps the request’s language for an authority whose languages Rightful does not write, and refuses a language without a template', async () => {
    const { host, reference } = await sentIn('fr')
    const polish = expectOk(await host.api.call('requests:createFollowUp', { reference, type: 'complaint', authorityId: 'pl-uodo' })).record
    expect(polish.lang).toBe('fr')
    const before = expectOk(await host.api.call('requests:list', {})).length
    const bad = await host.api.call('requests:createFollowUp', { reference, type: 'complaint', authorityId: 'de-by-baylda', lang: 'xx' as never })
    expect(!bad.ok && bad.error.code).toBe('INVALID_INPUT')
    expect(expectOk(await host.api.call('requests:list', {}))).toHaveLength(before)
  })

  it('previews a complaint template to an authority its language names', async () => {
    const host = startCore()
    const { text } = expectOk(await host.api.call('templates:get', { id: 'builtin:de/complaint-europe' }))
    const { body } = expectOk(await host.api.call('templates:preview', { text, companyId: 'fs-com', law: 'gdpr' }))
    expect(body).toContain('hiermit lege ich bei der Bundesbeauftragten für den Datenschutz und die Informationsfreiheit nach Art. 77')
  })

  it('has words only for authorities that exist, and every German authority named in the dative', () => {
    const ids = new Set(authorities.map((a) => a.id))
    for (const lang of gdprLanguages) {
      for (const id of templates.strings(lang).authorities.keys()) expect(ids.has(id), `${lang}: ${id}`).toBe(true)
    }
    const german = templates.strings('de').authorities
    for (const authority of authorities.filter((a) => a.country === 'DE')) {
      expect(german.get(authority.id), authority.id).toMatch(/^(beim|bei der) /)
    }
  })
})

describe('letters on paper', () => {
  it('never say the request was made electronically; e-mails do (es, zh)', () => {
    for (const [lang, electronic] of [
      ['es', /Dado que presento la solicitud por medios electrónicos/],
      ['zh-Hans', /由于本人以电子方式提出本请求/],
    ] as const) {
      const template = templates.find({ type: 'access', law: 'gdpr', lang })
      const byEmail = fillTemplate(template, 'gdpr', view(lang, 'FS.COM', { channel: 'email' })).body
      const byPost = fillTemplate(template, 'gdpr', view(lang, 'FS.COM', { channel: 'post' })).body
      expect(byEmail).toMatch(electronic)
      expect(byPost).not.toMatch(electronic)
      // Both still ask for the data in a common electronic format.
      expect(byPost).toMatch(lang === 'es' ? /formato electrónico de uso común/ : /常用的电子格式/)
    }
  })

  it('a request printed or sent by post uses the letter’s wording, unless the user changed the text', async () => {
    const host = startCore()
    expectOk(await host.api.call('profile:save', sampleProfile))
    const electronic = /por medios electrónicos/
    // Written for e-mail, then printed: the letter has the paper wording.
    const { record } = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'es' }))
    expect(record.draft.body).toMatch(electronic)
    const letter = letterFor(record, { date: '2026-01-31', createdAt: new Date('2026-01-31T10:00:00Z') })
    expect(letter.body).not.toMatch(electronic)
    const sent = expectOk(await host.api.call('requests:markSent', { reference: record.reference, on: '2026-01-31', channel: 'post' })).record
    expect(sent.sent!.body).not.toMatch(electronic)
    // Written for post from the start.
    const paper = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'es', channel: 'post' })).record
    expect(paper.draft.body).not.toMatch(electronic)
    // Sent by e-mail: the e-mail wording.
    const mail = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'es' })).record
    expect(expectOk(await host.api.call('requests:markSent', { reference: mail.reference, on: '2026-01-31', channel: 'email' })).record.sent!.body).toMatch(electronic)
    // Edited by the user: their text goes out as written, on paper too.
    const edited = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'es' })).record
    const mine = `${edited.draft.body}\n\nPosdata mía.`
    expectOk(await host.api.call('requests:updateDraft', { reference: edited.reference, subject: edited.draft.subject, body: mine }))
    expect(expectOk(await host.api.call('requests:markSent', { reference: edited.reference, on: '2026-01-31', channel: 'post' })).record.sent!.body).toBe(mine)
  })
})
