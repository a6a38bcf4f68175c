/**
 * Why an authority is proposed for a complaint, in the user's language: every proposal carries
 * its reason as a message that reads in English exactly as the reason beside it, and in every
 * other language in that language's words, the places named as that language names them.
 */
import { describe, expect, it } from 'vitest'
import { builtinAuthoritiesFrom } from '../../electron/adapters/node/resources'
import { loadAuthorities } from '../../electron/core/authorities/authorities'
import { proposeAuthorities, type CompetenceQuestion } from '../../electron/core/authorities/competence'
import { renderMessage } from '../../electron/core/messages/render'
import { uiLanguages } from '../../electron/core/messages/ui-languages'
import { laws } from '../../electron/core/requests/model'
import { repoRoot } from '../helpers/ports'

const authorities = loadAuthorities(builtinAuthoritiesFrom(repoRoot))

const questions: ReadonlyArray<CompetenceQuestion> = [
  { law: 'gdpr', userCountry: 'DE', userRegion: 'DE-BY', companyCountry: 'IE', companyRegion: null },
  { law: 'gdpr', userCountry: 'DE', userRegion: null, companyCountry: 'DE', companyRegion: 'DE-HH' },
  { law: 'gdpr', userCountry: 'DE', userRegion: null, companyCountry: 'US', companyRegion: null },
  { law: 'gdpr', userCountry: 'FR', userRegion: null, companyCountry: 'DE', companyRegion: 'DE-BE' },
  { law: 'gdpr', userCountry: 'ES', userRegion: 'ES-CT', companyCountry: 'NL', companyRegion: null },
  { law: 'gdpr', userCountry: null, userRegion: null, companyCountry: 'DE', companyRegion: null },
  { law: 'gdpr', userCountry: 'DE', userRegion: 'DE-NW', companyCountry: 'DE', companyRegion: 'DE-BY' },
  ...laws.filter((law) => law !== 'gdpr').map((law): CompetenceQuestion => ({ law, userCountry: null, userRegion: null, companyCountry: null, companyRegion: null })),
]

describe('the reasons an authority is proposed', () => {
  const proposals = questions.flatMap((question) => proposeAuthorities(authorities, question).map((proposal) => ({ question, proposal })))

  it('cover every kind of reason the proposals give', () => {
    const keys = new Set(proposals.map(({ proposal }) => proposal.detail.key))
    for (const key of ['livesInRegion', 'livesIn', 'companyLand', 'eachLand', 'companyHere', 'leadOwn', 'leadRegionOwn', 'law']) expect(keys, key).toContain(`authority.reason.${key}`)
  })

  it('read in English exactly as the reason beside them', () => {
    for (const { question, proposal } of proposals) expect(renderMessage(proposal.detail, 'en'), JSON.stringify(question)).toBe(proposal.reason)
  })

  it('read in every other language in its own words, with its own names of places', () => {
    for (const { proposal } of proposals) {
      for (const language of uiLanguages.filter((l) => l !== 'en')) {
        const text = renderMessage(proposal.detail, language)
        expect(text, `${proposal.detail.key} ${language}`).not.toBe(proposal.reason)
        expect(text).not.toMatch(/\{\{|authority\.reason|place\./)
      }
    }
    const bavarian = proposeAuthorities(authorities, questions[0]!)[0]!
    expect(renderMessage(bavarian.detail, 'de')).toBe(
      'Sie wohnen in Bayern (Deutschland): Dort ist BayLDA zuständig, und die DSGVO erlaubt Ihnen, sich dort zu beschweren, wo Sie wohnen oder arbeiten (Art. 77 DSGVO).',
    )
    expect(renderMessage(bavarian.detail, 'zh-Hans')).toContain('德国巴伐利亚')
  })
})
