/**
 * The matrix law x kind of request x language for the laws outside the GDPR (the GDPR's own is in
 * gdpr-letters.test.ts): every right a law grants (rights.ts), plus the reminder and the complaint,
 * in every language that law is used in.
 * A missing template fails here by name. Every cell renders for every seed company, with and
 * without the optional parts, with and without a date for the original request, leaving no
 * variable unfilled and keeping the subject (with a company's demanded wording) within 120
 * characters.
 */
import { describe, expect, it } from 'vitest'
import { builtinCatalogFrom, templatesFrom } from '../../electron/adapters/node/resources'
import { loadBuiltinCompanies } from '../../electron/core/catalog/catalog'
import { replyEvent } from '../helpers/request-fixtures'
import type { Language, Law, RequestType } from '../../electron/core/requests/model'
import { rightsUnder } from '../../electron/core/requests/rights'
import { loadTemplates, maxSubjectLength } from '../../electron/core/templates/templates'
import { longDate, templateView, withRequiredPhrase } from '../../electron/core/requests/draft-view'
import { answerItemsUnder, citeIn } from '../../electron/core/shared/answer-items'
import { laws } from '../../electron/core/shared/kinds'
import { repoRoot } from '../helpers/ports'

/** The languages each law is used in: its own (official) languages, and English. */
export const lawLanguages: ReadonlyArray<readonly [Law, ReadonlyArray<Language>]> = [
  ['ch-fadp', ['de', 'fr', 'en']],
  ['pipeda', ['fr', 'en']],
  ['qc-privacy', ['fr', 'en']],
  ['lgpd', ['pt', 'en']],
  ['jp-appi', ['ja', 'en']],
  ['cn-pipl', ['zh-Hans', 'en']],
  ['hk-pdpo', ['zh-Hant', 'en']],
  // The US state laws: English, and Spanish, the language of many of their consumers; the Australian Privacy Act: English only.
  ['tdpsa', ['en', 'es']],
  ['vcdpa', ['en', 'es']],
  ['cpa-co', ['en', 'es']],
  ['ctdpa', ['en', 'es']],
  ['au-privacy', ['en']],
]

const templates = loadTemplates(templatesFrom(repoRoot), null)
const companies = loadBuiltinCompanies({ load: builtinCatalogFrom(repoRoot).load })

/** Every cell of the matrix. */
const cells = lawLanguages.flatMap(([law, langs]) => {
  const types: RequestType[] = [...rightsUnder(law).filter((r) => r.granted).map((r) => r.type), 'reminder', 'complaint']
  return langs.flatMap((lang) => types.map((type) => ({ law, lang, type })))
})

const reply = replyEvent('Said they are looking into it')

function view(lang: Language, companyName: string, variant: { text: string | null; identifiers: string | null; due: string | null; channel: 'email' | 'post' }) {
  return templateView({
    reference: 'RF-2026-0042',
    today: '2026-03-15',
    lang,
    companyName,
    user: { name: 'Zoë Müller-Łukasz', email: 'zoe@example.org', address: ['Musterstraße 12', '10115 Berlin', 'Germany'] },
    identifiers: variant.identifiers,
    text: variant.text,
    authorityName: 'The Authority',
    original: { reference: 'RF-2026-0007', subject: 'The original subject', sentOn: '2026-01-31', channel: variant.channel, to: 'legal@fs.com', due: variant.due, events: [reply] },
    strings: templates.strings(lang),
  })
}

const variants = [
  { text: 'Please tell me which newsletters I receive.', identifiers: 'Customer number 4711', due: '2026-03-02', channel: 'email' as const },
  { text: null, identifiers: null, due: null, channel: 'post' as const },
]

describe('the law x request x language matrix', () => {
  it('has a template in every cell', () => {
    const missing = cells.filter((cell) => !templates.has(cell)).map(({ law, type, lang }) => `${law} ${type} ${lang}`)
    expect(missing).toEqual([])
    // The size of the matrix, so that a law losing a right or a language shows up here too.
    const byLaw = new Map<string, number>()
    for (const cell of cells) byLaw.set(cell.law, (byLaw.get(cell.law) ?? 0) + 1)
    expect(Object.fromEntries(byLaw)).toEqual({ 'ch-fadp': 30, pipeda: 12, 'qc-privacy': 18, lgpd: 22, 'jp-appi': 14, 'cn-pipl': 22, 'hk-pdpo': 12, tdpsa: 16, vcdpa: 18, 'cpa-co': 18, ctdpa: 18, 'au-privacy': 6 })
  })

  for (const cell of cells) {
    it(`${cell.law} ${cell.type} ${cell.lang} renders for every seed company`, () => {
      for (const company of companies) {
        for (const variant of variants) {
          if (cell.type === 'custom' && variant.text === null) continue // a custom request always has the user's words
          const where = `${cell.law} ${cell.type} ${cell.lang} / ${company.id} / ${variant.due ?? 'no date'}`
          const rendered = templates.render(cell, view(cell.lang, company.name, variant))
          expect(rendered.body, where).not.toMatch(/\{\{|\}\}/)
          expect(rendered.body, where).toContain('Zoë Müller-Łukasz')
          expect(rendered.body, where).toContain('RF-2026-0042')
          if (cell.type === 'reminder' || cell.type === 'complaint') expect(rendered.body, where).toContain('RF-2026-0007')
          if (variant.text && cell.type !== 'reminder' && cell.type !== 'complaint' && /\{\{request\.text\}\}/.test(templates.find(cell).body)) {
            expect(rendered.body, where).toContain(variant.text)
          }
          // A letter on paper never says the request went by e-mail.
          if (variant.channel === 'post' && (cell.type === 'reminder' || cell.type === 'complaint')) expect(rendered.body, where).not.toContain('legal@fs.com')
          const subject = withRequiredPhrase(rendered.subject, company.requirements.subjectLine?.phrases ?? [], cell.type, cell.lang)
          expect(subject.length, `${where}: ${subject}`).toBeLessThanOrEqual(maxSubjectLength)
          expect(subject, where).not.toMatch(/[\r\n]|\{\{/)
          expect(subject.endsWith('RF-2026-0042'), where).toBe(true)
        }
      }
    })
  }
})

/**
 * The incomplete-answer letter (a follow-up to an access request whose answer lacks items) in
 * every law family and every letter language its law is used in. A missing cell fails by name;
 * each renders, with a missing item of that law, for every seed company, with the period still
 * running, passed, or not set by the law.
 */
export const incompleteAnswerLanguages: ReadonlyArray<readonly [Law, ReadonlyArray<Language>]> = [
  // zh-Hans: the GDPR letters written in Chinese before (FS.COM), which have their reminder too.
  ['gdpr', ['en', 'de', 'fr', 'es', 'zh-Hans']],
  ['uk-gdpr', ['en']],
  ['ch-fadp', ['de', 'fr', 'en']],
  ['pipeda', ['en', 'fr']],
  ['qc-privacy', ['fr', 'en']],
  ['lgpd', ['pt', 'en']],
  ['jp-appi', ['ja', 'en']],
  ['cn-pipl', ['zh-Hans', 'en']],
  ['hk-pdpo', ['zh-Hant', 'en']],
  ['ccpa', ['en', 'es']],
  ['vcdpa', ['en', 'es']],
  ['cpa-co', ['en', 'es']],
  ['ctdpa', ['en', 'es']],
  ['tdpsa', ['en', 'es']],
  ['au-privacy', ['en']],
]

describe('the incomplete-answer letter in every law and language', () => {
  const followUps = incompleteAnswerLanguages.flatMap(([law, langs]) => langs.map((lang) => ({ law, lang, type: 'incomplete-answer' as const })))

  it('covers every law Rightful has, and has a template in every cell', () => {
    expect(new Set(incompleteAnswerLanguages.map(([law]) => law))).toEqual(new Set(laws))
    const missing = followUps.filter((cell) => !templates.has(cell)).map(({ law, lang }) => `${law} incomplete-answer ${lang}`)
    expect(missing).toEqual([])
    expect(followUps).toHaveLength(32)
  })

  for (const cell of followUps) {
    it(`${cell.law} incomplete-answer ${cell.lang} lists the missing items and the period`, () => {
      const items = answerItemsUnder(cell.law)
      const missingItems = [items[items.length - 1]!, ...(items.length > 1 ? [items[0]!] : [])]
      for (const company of companies) {
        for (const due of ['2026-03-20', '2026-03-02', null]) {
          const where = `${cell.law} ${cell.lang} / ${company.id} / ${due ?? 'no date'}`
          const base = view(cell.lang, company.name, { text: null, identifiers: null, due, channel: 'email' })
          const filled = { ...base, ...templateView({ ...viewInput(cell.lang, company.name, due), missingItems, law: cell.law }) }
          const rendered = templates.render(cell, filled)
          expect(rendered.body, where).not.toMatch(/\{\{|\}\}/)
          expect(rendered.body, where).toContain('RF-2026-0007')
          expect(rendered.body, where).toContain('Zoë Müller-Łukasz')
          for (const item of missingItems) expect(rendered.body, `${where}: ${item.id}`).toContain(citeIn(item, cell.lang))
          // The date comes in exactly when the law set one (still running on 15 March 2026, or passed).
          if (due) expect(rendered.body, where).toContain(longDate(due, cell.lang))
          const subject = withRequiredPhrase(rendered.subject, company.requirements.subjectLine?.phrases ?? [], cell.type, cell.lang)
          expect(subject.length, `${where}: ${subject}`).toBeLessThanOrEqual(maxSubjectLength)
          expect(subject, where).not.toMatch(/[\r\n]|\{\{/)
          expect(subject.endsWith('RF-2026-0042'), where).toBe(true)
        }
        // Running and passed periods are worded differently.
        const running = templates.render(cell, templateView({ ...viewInput(cell.lang, company.name, '2026-03-20'), missingItems, law: cell.law })).body
        const passed = templates.render(cell, templateView({ ...viewInput(cell.lang, company.name, '2026-03-02'), missingItems, law: cell.law })).body
        expect(running, `${cell.law} ${cell.lang}`).not.toBe(passed.replace(longDate('2026-03-02', cell.lang), longDate('2026-03-20', cell.lang)))
      }
    })
  }
})

function viewInput(lang: Language, companyName: string, due: string | null): Parameters<typeof templateView>[0] {
  return {
    reference: 'RF-2026-0042',
    today: '2026-03-15',
    lang,
    companyName,
    user: { name: 'Zoë Müller-Łukasz', email: 'zoe@example.org', address: ['Musterstraße 12', '10115 Berlin', 'Germany'] },
    original: { reference: 'RF-2026-0007', subject: 'The original subject', sentOn: '2026-01-31', channel: 'email', to: 'legal@fs.com', due, events: [reply] },
    strings: templates.strings(lang),
  }
}

/**
 * The follow-ups that answer a company (issue 14 §3): the pushback against an identity demand and
 * the letter contesting an extension, in every language each law is used in, the GDPR's four and
 * English for the UK, US and Australian laws. A missing cell fails here by name.
 */
export const followUpLanguages: ReadonlyArray<readonly [Law, ReadonlyArray<Language>]> = [
  ['gdpr', ['en', 'de', 'fr', 'es']],
  ['uk-gdpr', ['en']],
  ...lawLanguages,
  ['ccpa', ['en']],
]

const followUpCells = followUpLanguages.flatMap(([law, langs]) =>
  langs.flatMap((lang) => (['identity-pushback', 'extension-contest'] as const).map((type) => ({ law, lang, type }))),
)

const followUpView = (lang: Language, companyName: string, extras: Pick<Parameters<typeof templateView>[0], 'identity' | 'extension'>) =>
  templateView({
    reference: 'RF-2026-0042',
    today: '2026-03-15',
    lang,
    companyName,
    user: { name: 'Zoë Müller-Łukasz', email: 'zoe@example.org', address: ['Musterstraße 12', '10115 Berlin', 'Germany'] },
    original: { reference: 'RF-2026-0007', subject: 'The original subject', sentOn: '2026-01-31', channel: 'email', to: 'legal@fs.com', due: '2026-03-02', events: [reply] },
    strings: templates.strings(lang),
    ...extras,
  })

const noExtension = { claimedOn: '2026-02-20', noticeBy: '2026-03-02', late: false, noReasons: false, notAllowed: false, tooLong: false, longestDue: '2026-04-30', baseDue: '2026-03-02' }

describe('the follow-ups to a company in every language its law is used in', () => {
  it('has a pushback and a contest in every cell', () => {
    const missing = followUpCells.filter((cell) => !templates.has(cell)).map(({ law, type, lang }) => `${law} ${type} ${lang}`)
    expect(missing).toEqual([])
    expect(followUpCells).toHaveLength(60)
  })

  for (const cell of followUpCells) {
    it(`${cell.law} ${cell.type} ${cell.lang} renders every variant for every seed company`, () => {
      for (const company of companies) {
        const variants =
          cell.type === 'identity-pushback'
            ? [{ identity: { requestedOn: '2026-02-10', asked: 'a copy of my passport', noVerification: false } }, { identity: { requestedOn: '2026-02-10', asked: null, noVerification: true } }]
            : [
                { extension: { ...noExtension, late: true } },
                { extension: { ...noExtension, noReasons: true } },
                { extension: { ...noExtension, notAllowed: true, noticeBy: null, longestDue: null } },
                { extension: { ...noExtension, tooLong: true } },
              ]
        const bodies = new Set<string>()
        for (const variant of variants) {
          const where = `${cell.law} ${cell.type} ${cell.lang} / ${company.id} / ${JSON.stringify(variant)}`
          const rendered = templates.render(cell, followUpView(cell.lang, company.name, variant))
          expect(rendered.body, where).not.toMatch(/\{\{|\}\}/)
          expect(rendered.body, where).toContain('Zoë Müller-Łukasz')
          expect(rendered.body, where).toContain('RF-2026-0007')
          expect(rendered.body, where).toContain(company.name)
          if ('identity' in variant && variant.identity.asked) expect(rendered.body, where).toContain('a copy of my passport')
          const subject = withRequiredPhrase(rendered.subject, company.requirements.subjectLine?.phrases ?? [], cell.type, cell.lang)
          expect(subject.length, `${where}: ${subject}`).toBeLessThanOrEqual(maxSubjectLength)
          expect(subject.endsWith('RF-2026-0042'), where).toBe(true)
          bodies.add(rendered.body)
        }
        // Each variant says something of its own: the late notice, the missing reasons, ….
        if (cell.type === 'extension-contest') expect(bodies.size, `${cell.law} ${cell.lang}`).toBe(4)
      }
    })
  }

  it('an opt-out under a US law says that no verification may be asked for', () => {
    for (const law of ['ccpa', 'vcdpa', 'cpa-co', 'ctdpa', 'tdpsa'] as const) {
      const optOut = templates.render({ type: 'identity-pushback', law, lang: 'en' }, followUpView('en', 'FS.COM', { identity: { requestedOn: '2026-02-10', asked: null, noVerification: true } }))
      expect(optOut.body, law).toMatch(law === 'ccpa' ? /need not be a verifiable consumer request \(11 CCR §§7026 and 7027\)/ : /need not be authenticated/)
      expect(optOut.body, law).not.toMatch(/tell me what doubt you have/)
      const access = templates.render({ type: 'identity-pushback', law, lang: 'en' }, followUpView('en', 'FS.COM', { identity: { requestedOn: '2026-02-10', asked: null, noVerification: false } }))
      expect(access.body, law).toMatch(/tell me what doubt you have/)
    }
  })
})
