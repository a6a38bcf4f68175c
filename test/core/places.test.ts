/**
 * Places inside sentences, as each language says them: never a preposition glued to a place's
 * name ("en Berlin", "in Niederlande"), but the phrase the resources write for each place
 * (messages/places.ts). The test reads every message of the core and of the window for a
 * preposition written before a place parameter, checks that every place the data or the profile
 * can name has its phrase in every language, and reads the sentences the core builds (authority
 * reasons and roles, law proposals) for the right forms.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtinAuthoritiesFrom } from '../../electron/adapters/node/resources'
import { loadAuthorities } from '../../electron/core/authorities/authorities'
import { isEeaCountry } from '../../electron/core/shared/eea'
import { proposeAuthorities, type CompetenceQuestion } from '../../electron/core/authorities/competence'
import { hasPlacePhrase, inPlace } from '../../electron/core/messages/places'
import { renderMessage } from '../../electron/core/messages/render'
import { coreResources, type MessageResource } from '../../electron/core/messages/resources'
import { uiLanguages, type UiLanguage } from '../../electron/core/messages/ui-languages'
import { regionsOf } from '../../electron/core/profile/regions'
import { proposeLaw } from '../../electron/core/requests/law-proposal'
import { repoRoot } from '../helpers/ports'

const authorities = loadAuthorities(builtinAuthoritiesFrom(repoRoot))

function leaves(tree: MessageResource, at = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([name, value]): Array<[string, string]> => {
    const key = at ? `${at}.${name}` : name
    return typeof value === 'string' ? [[key, value]] : leaves(value, key)
  })
}

/** A preposition (or an article's contraction) right before a parameter that holds a place's bare name. */
const gluedPreposition = /(^|[\s(])(in|In|im|en|En|au|aux|à|dans|von)\s+\{\{\s*(place|country|region|where|state|city|countryName)\s*[,}]/

/**
 * Sentences allowed to keep one, each for a reason: the fallback phrase itself (for a country
 * the resources do not list: in English, German and Spanish a country's bare name after the plain
 * preposition is right for nearly all), and the German-only sentence ("In Germany each Land …").
 */
const allowed = new Map<string, ReadonlyArray<UiLanguage>>([
  ['place.inCountry', ['en', 'de', 'es']],
  ['authority.reason.eachLand', ['en', 'de', 'es']],
])

describe('places inside sentences', () => {
  it('are never a preposition written before a bare name, in the core\'s messages', () => {
    const glued: string[] = []
    for (const language of uiLanguages) {
      for (const [key, text] of leaves(coreResources.get(language)!)) {
        if (gluedPreposition.test(text) && !allowed.get(key.replace(/_(one|many|other)$/, ''))?.includes(language)) glued.push(`${language} ${key}: ${text}`)
      }
    }
    expect(glued).toEqual([])
  })

  it('are never a preposition written before a bare name, in the window\'s words', () => {
    const glued: string[] = []
    const root = path.resolve(__dirname, '../../renderer/src/locales')
    for (const language of fs.readdirSync(root)) {
      for (const file of fs.readdirSync(path.join(root, language))) {
        const tree = JSON.parse(fs.readFileSync(path.join(root, language, file), 'utf8')) as MessageResource
        for (const [key, text] of leaves(tree)) if (gluedPreposition.test(text)) glued.push(`${language}/${file} ${key}: ${text}`)
      }
    }
    expect(glued).toEqual([])
  })

  it('have their phrase in every language for every place the authorities and the profile name', () => {
    const codes = new Set<string>(['eea'])
    for (const authority of authorities) {
      codes.add(authority.country)
      for (const competence of authority.competence) for (const region of competence.regions) codes.add(region)
    }
    for (const country of ['DE', 'ES', 'US', 'CA']) for (const region of regionsOf(country)!.list) codes.add(region.code)
    expect(codes.size).toBeGreaterThan(130)
    for (const code of codes) {
      expect(hasPlacePhrase(code), code).toBe(true)
      for (const language of uiLanguages) {
        const said = renderMessage(inPlace(code), language)
        expect(said, `${language} ${code}`).not.toMatch(/place\.|\{\{/)
        if (language !== 'en') expect(said, `${language} ${code}`).not.toMatch(/^in the /)
      }
    }
  })

  it('say each place with its article, preposition and gender', () => {
    const say = (code: string, language: UiLanguage) => renderMessage(inPlace(code), language)
    expect(say('NL', 'de')).toBe('in den Niederlanden')
    expect(say('CH', 'de')).toBe('in der Schweiz')
    expect(say('GB', 'de')).toBe('im Vereinigten Königreich')
    expect(say('DE-SL', 'de')).toBe('im Saarland')
    expect(say('DE-BE', 'fr')).toBe('à Berlin')
    expect(say('DE-BY', 'fr')).toBe('en Bavière')
    expect(say('PT', 'fr')).toBe('au Portugal')
    expect(say('NL', 'fr')).toBe('aux Pays-Bas')
    expect(say('US-CO', 'fr')).toBe('au Colorado')
    expect(say('US-CA', 'fr')).toBe('en Californie')
    expect(say('CA-QC', 'fr')).toBe('au Québec')
    expect(say('NL', 'es')).toBe('en los Países Bajos')
    expect(say('ES-PV', 'es')).toBe('en el País Vasco')
    expect(say('NL', 'en')).toBe('in the Netherlands')
    expect(say('DE-BY', 'zh-Hans')).toBe('巴伐利亚')
    // A country the resources do not list: Intl's name in a phrase that needs no gender.
    expect(renderMessage(inPlace('MX'), 'de')).toBe('in Mexiko')
    expect(renderMessage(inPlace('MX'), 'fr')).toBe('dans le pays suivant : Mexique')
  })
})

describe('the sentences the core builds with places', () => {
  const everyCountry = [...authorities.map((a) => a.country)].filter((c, i, all) => all.indexOf(c) === i && isEeaCountry(c))
  const questions: CompetenceQuestion[] = [
    ...everyCountry.map((userCountry): CompetenceQuestion => ({ law: 'gdpr', userCountry, userRegion: null, companyCountry: 'IE', companyRegion: null })),
    ...everyCountry.map((companyCountry): CompetenceQuestion => ({ law: 'gdpr', userCountry: 'AT', userRegion: null, companyCountry, companyRegion: null })),
    ...regionsOf('DE')!.list.map((r): CompetenceQuestion => ({ law: 'gdpr', userCountry: 'DE', userRegion: r.code, companyCountry: 'DE', companyRegion: 'DE-BE' })),
  ]
  const proposals = questions.flatMap((question) => proposeAuthorities(authorities, question))

  it('read without a glued preposition in any language', () => {
    expect(proposals.length).toBeGreaterThan(80)
    const wrong = new Map<UiLanguage, RegExp>([
      ['fr', /\ben (Berlin|Hamburg|Hambourg|Brême|Portugal|Danemark|Luxembourg|Liechtenstein|Pays-Bas|Chypre|Malte)\b|\bà (Allemagne|France|Autriche)\b|pays : /],
      ['de', /\bin (Niederlande|Schweiz|Slowakei|Saarland|Vereinigte)\b/],
      ['es', /\ben (Países Bajos|Reino Unido)\b/],
    ])
    for (const proposal of proposals) {
      for (const language of uiLanguages) {
        const said = renderMessage(proposal.detail, language)
        if (wrong.has(language)) expect(said, `${language}: ${said}`).not.toMatch(wrong.get(language)!)
        expect(said, `${language}: ${said}`).not.toMatch(/\{\{|place\.in\.|authority\.(role|onlyIf)\./)
      }
    }
  })

  it('name the user\'s place with its article', () => {
    const livesIn = (userCountry: string, language: UiLanguage) =>
      renderMessage(proposeAuthorities(authorities, { law: 'gdpr', userCountry, userRegion: null, companyCountry: null, companyRegion: null })[0]!.detail, language)
    expect(livesIn('NL', 'de')).toMatch(/^Sie wohnen in den Niederlanden:/)
    expect(livesIn('PT', 'fr')).toMatch(/^Vous habitez au Portugal :/)
    expect(livesIn('NL', 'es')).toMatch(/^Usted vive en los Países Bajos:/)
    const berlin = proposeAuthorities(authorities, { law: 'gdpr', userCountry: 'DE', userRegion: 'DE-BE', companyCountry: null, companyRegion: null })[0]!
    expect(renderMessage(berlin.detail, 'fr')).toMatch(/^Vous habitez à Berlin \(Allemagne\) :/)
    const saar = proposeAuthorities(authorities, { law: 'gdpr', userCountry: 'DE', userRegion: 'DE-SL', companyCountry: null, companyRegion: null })[0]!
    expect(renderMessage(saar.detail, 'de')).toMatch(/^Sie wohnen im Saarland \(Deutschland\):/)
  })

  it('propose a law where the user lives, in its own words', () => {
    const said = (userCountry: string, userRegion: string | null, language: UiLanguage) =>
      proposeLaw({ userCountry, userRegion, companyCountries: [] }).message.map((m) => renderMessage(m, language)).join(' ')
    expect(said('CH', null, 'de')).toMatch(/^Sie wohnen in der Schweiz\./)
    expect(said('US', 'US-CO', 'fr')).toMatch(/^Vous résidez au Colorado :/)
    expect(said('US', 'US-CA', 'de')).toMatch(/^Sie wohnen in Kalifornien\./)
    expect(said('GB', null, 'es')).toMatch(/^Vive en el Reino Unido:/)
    expect(said('US', 'US-OR', 'de')).toContain('Oregon hat ein eigenes Datenschutzgesetz')
    expect(said('MX', null, 'en')).toContain('Rightful knows no privacy law in Mexico')
  })
})

describe('the authorities\' roles and conditions', () => {
  it('have their words in every language, the English being the record\'s own', () => {
    let roles = 0
    for (const authority of authorities) {
      authority.competence.forEach((competence, index) => {
        for (const [field, english] of [['role', competence.role], ['onlyIf', competence.onlyIf]] as const) {
          if (english === null) continue
          const key = `authority.${field}.${authority.id}.c${index}`
          expect(renderMessage({ key }, 'en'), key).toBe(english)
          for (const language of uiLanguages.filter((l) => l !== 'en')) {
            const said = renderMessage({ key }, language)
            expect(said, `${language} ${key}`).not.toBe(english)
            expect(said, `${language} ${key}`).not.toBe(key)
          }
          roles += 1
        }
      })
    }
    expect(roles).toBeGreaterThan(60)
  })

  it('come in the user\'s language in the complaint dialog\'s reasons', () => {
    const [ico] = proposeAuthorities(authorities, { law: 'uk-gdpr', userCountry: 'GB', userRegion: null, companyCountry: null, companyRegion: null })
    expect(renderMessage(ico!.detail, 'de')).toContain('im Vereinigten Königreich für')
    expect(renderMessage(ico!.detail, 'de')).toContain('sobald Sie sich zuerst bei der Organisation beschwert haben')
    const bfdi = proposeAuthorities(authorities, { law: 'gdpr', userCountry: 'DE', userRegion: 'DE-BY', companyCountry: null, companyRegion: null }).find((p) => p.onlyIf !== null)!
    expect(renderMessage(bfdi.detail, 'fr')).toContain('l’entreprise fournit des services de télécommunications ou postaux')
    expect(renderMessage(bfdi.detail, 'zh-Hans')).toContain('监管电信和邮政企业')
  })
})
