/**
 * Every built-in template, for every seed company, under every law it declares: nothing left
 * unfilled, subject lines that follow the rules, and the legal elements each request needs.
 */
import { describe, expect, it } from 'vitest'
import { builtinCatalogFrom, templatesFrom } from '../../electron/adapters/node/resources'
import { loadBuiltinCompanies } from '../../electron/core/catalog/catalog'
import { replyEvent } from '../helpers/request-fixtures'
import { languages, type Language } from '../../electron/core/requests/model'
import { fillTemplate, loadTemplates, maxSubjectLength } from '../../electron/core/templates/templates'
import { templateView } from '../../electron/core/requests/draft-view'
import { repoRoot } from '../helpers/ports'
import { englishRequirements, subjectBasis, subjectLabels, translatedRequirements } from './template-requirements'

const templates = loadTemplates(templatesFrom(repoRoot), null)
// The seed companies (the packs' thousands would only repeat the same checks).
const companies = loadBuiltinCompanies({ load: builtinCatalogFrom(repoRoot).load })

const reply = replyEvent('Said they are looking into it')

function viewFor(lang: Language, companyName: string) {
  return templateView({
    reference: 'RF-2026-0042',
    today: '2026-03-15',
    lang,
    companyName,
    user: { name: 'Zoë Müller-Łukasz', email: 'zoe@example.org', address: ['Musterstraße 12', '10115 Berlin', 'Germany'] },
    identifiers: 'Customer number 4711',
    text: 'Please tell me which newsletters I receive.',
    authorityName: 'The Authority',
    original: { reference: 'RF-2026-0007', subject: 'The original subject', sentOn: '2026-01-31', channel: 'email', to: 'legal@fs.com', due: '2026-03-02', events: [reply] },
    strings: templates.strings(lang),
  })
}

const builtins = templates.list().filter((t) => t.origin === 'builtin')

describe('built-in templates', () => {
  it('exist for every language, and strings.yaml for each', () => {
    for (const lang of languages) {
      expect(builtins.some((t) => t.lang === lang), lang).toBe(true)
      expect(templates.strings(lang).events.sent.length).toBeGreaterThan(0)
    }
  })

  it('cover every request type under every law the requirements name, in English', () => {
    for (const [type, byLaw] of Object.entries(englishRequirements)) {
      for (const law of Object.keys(byLaw!)) {
        expect(() => templates.find({ type: type as never, law: law as never, lang: 'en' }), `${type} under ${law}`).not.toThrow()
      }
    }
    // Custom requests under every law.
    for (const law of ['gdpr', 'uk-gdpr', 'ccpa', 'vcdpa', 'cpa-co', 'ctdpa', 'tdpsa', 'lgpd', 'pipeda', 'ch-fadp', 'hk-pdpo', 'cn-pipl', 'jp-appi', 'au-privacy'] as const) {
      expect(() => templates.find({ type: 'custom', law, lang: 'en' }), `custom under ${law}`).not.toThrow()
    }
  })

  it('cover access, erasure, reminder and complaint in German, French, Spanish and Chinese', () => {
    for (const [lang, table] of Object.entries(translatedRequirements)) {
      for (const [type, byLaw] of Object.entries(table)) {
        for (const law of Object.keys(byLaw!)) {
          expect(() => templates.find({ type: type as never, law: law as never, lang: lang as never }), `${lang} ${type} ${law}`).not.toThrow()
        }
      }
    }
  })

  for (const info of builtins) {
    it(`${info.path} fills completely and says what the law needs`, () => {
      const template = templates.find({ type: info.type, law: info.laws[0]!, lang: info.lang })
      expect(template.path).toBe(info.path)
      for (const law of info.laws) {
        for (const company of companies) {
          const { subject, body } = fillTemplate(template, law, viewFor(info.lang, company.name))
          const where = `${info.path} / ${law} / ${company.id}`
          expect(subject, where).not.toMatch(/\{\{|\}\}|[\r\n]/)
          expect(body, where).not.toMatch(/\{\{|\}\}/)
          expect(subject.length, where).toBeLessThanOrEqual(maxSubjectLength)
          expect(subject, `${where}: plain label`).toMatch(subjectLabels[info.lang]!)
          expect(subject, `${where}: legal basis`).toMatch(subjectBasis[law])
          expect(subject.endsWith('RF-2026-0042'), `${where}: reference at the end`).toBe(true)
          expect(body, where).toContain('Zoë Müller-Łukasz')
          expect(body, where).toContain('RF-2026-0042')
          if (info.type === 'reminder' || info.type === 'complaint') expect(body, where).toContain('RF-2026-0007')
          if (info.type === 'custom') expect(body, where).toContain('Please tell me which newsletters I receive.')
          if (info.type !== 'complaint') expect(body, where).toContain(company.name)
          const required = (info.lang === 'en' ? englishRequirements : translatedRequirements[info.lang] ?? {})[info.type]?.[law] ?? []
          for (const pattern of required) expect(`${subject}\n${body}`, `${where}: ${pattern}`).toMatch(pattern)
        }
      }
    })
  }
})
