/** The parts of a country the profile asks for, by their names in the window's language. */
import { afterEach, describe, expect, it } from 'vitest'
import { regionsOf } from '../../electron/core/profile/regions'
import { uiLanguages } from '../../electron/core/messages/ui-languages'
import { applyUiLanguage, i18n } from '../../renderer/src/i18n/i18n'
import { subdivisionName } from '../../renderer/src/ui/format'

describe('subdivisionName', () => {
  afterEach(() => applyUiLanguage('en'))

  it('names every Land, community and state the profile offers, in every language', () => {
    for (const country of ['DE', 'ES', 'US']) {
      for (const { code } of regionsOf(country)!.list) {
        for (const language of uiLanguages) expect(i18n.exists(`regionName.${code}`, { ns: 'profile', lng: language }), `${code} in ${language}`).toBe(true)
      }
    }
  })

  it('writes them as the language does, without the English article', () => {
    expect(subdivisionName('ES-PV')).toBe('Basque Country')
    applyUiLanguage('de')
    expect(subdivisionName('DE-BY')).toBe('Bayern')
    expect(subdivisionName('US-CA')).toBe('Kalifornien')
    applyUiLanguage('zh-Hans')
    expect(subdivisionName('US-CA')).toBe('加利福尼亚州')
    expect(subdivisionName('XX-YY')).toBeNull()
  })
})
