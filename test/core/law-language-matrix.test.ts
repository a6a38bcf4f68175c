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
import { templateView, withRequiredPhrase } from '../../electron/core/templates/view'
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
  // The US state laws and the Australian Privacy Act: English only.
  ['tdpsa', ['en']],
  ['vcdpa', ['en']],
  ['cpa-co', ['en']],
  ['ctdpa', ['en']],
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
    expect(Object.fromEntries(byLaw)).toEqual({ 'ch-fadp': 30, pipeda: 12, 'qc-privacy': 18, lgpd: 22, 'jp-appi': 14, 'cn-pipl': 22, 'hk-pdpo': 12, tdpsa: 8, vcdpa: 9, 'cpa-co': 9, ctdpa: 9, 'au-privacy': 6 })
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
