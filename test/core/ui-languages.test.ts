/** Which UI language a system's preferences and a POSIX environment choose. */
import { describe, expect, it } from 'vitest'
import { uiLanguageFromEnvironment, uiLanguageFromPreferences, uiLanguageOfTag } from '../../electron/core/messages/ui-languages'
import { settingsPatchSchema, settingsSchema } from '../../electron/core/settings/settings'

describe('uiLanguageOfTag', () => {
  it('maps language tags and POSIX locales to the UI languages', () => {
    expect(uiLanguageOfTag('de-AT')).toBe('de')
    expect(uiLanguageOfTag('de_CH.UTF-8')).toBe('de')
    expect(uiLanguageOfTag('fr-CA')).toBe('fr')
    expect(uiLanguageOfTag('es-419')).toBe('es')
    expect(uiLanguageOfTag('en-US')).toBe('en')
    expect(uiLanguageOfTag('pt-BR')).toBeNull()
    expect(uiLanguageOfTag('')).toBeNull()
    expect(uiLanguageOfTag('x'.repeat(200))).toBeNull()
  })

  it('tells Simplified from Traditional Chinese by script, then by region', () => {
    expect(uiLanguageOfTag('zh')).toBe('zh-Hans')
    expect(uiLanguageOfTag('zh-CN')).toBe('zh-Hans')
    expect(uiLanguageOfTag('zh-SG')).toBe('zh-Hans')
    expect(uiLanguageOfTag('zh-TW')).toBe('zh-Hant')
    expect(uiLanguageOfTag('zh-HK')).toBe('zh-Hant')
    expect(uiLanguageOfTag('zh_MO.UTF-8')).toBe('zh-Hant')
    expect(uiLanguageOfTag('zh-Hant-CN')).toBe('zh-Hant')
    expect(uiLanguageOfTag('zh-Hans-HK')).toBe('zh-Hans')
  })
})

describe('uiLanguageFromPreferences', () => {
  it('takes the first language Rightful speaks, else English', () => {
    expect(uiLanguageFromPreferences(['pt-BR', 'fr-FR', 'de-DE'])).toBe('fr')
    expect(uiLanguageFromPreferences(['ja-JP'])).toBe('en')
    expect(uiLanguageFromPreferences([])).toBe('en')
  })
})

describe('uiLanguageFromEnvironment', () => {
  it('reads LANGUAGE, LC_ALL, LC_MESSAGES and LANG as gettext does', () => {
    expect(uiLanguageFromEnvironment({ LANG: 'de_DE.UTF-8' })).toBe('de')
    expect(uiLanguageFromEnvironment({ LANG: 'de_DE.UTF-8', LC_ALL: 'fr_FR.UTF-8' })).toBe('fr')
    expect(uiLanguageFromEnvironment({ LANGUAGE: 'pt_BR:es', LANG: 'de_DE.UTF-8' })).toBe('es')
    expect(uiLanguageFromEnvironment({ LANG: 'zh_TW.UTF-8' })).toBe('zh-Hant')
    expect(uiLanguageFromEnvironment({ LANG: 'C.UTF-8' })).toBe('en')
    expect(uiLanguageFromEnvironment({})).toBe('en')
  })
})

describe('the language setting', () => {
  it('defaults to the system, takes the six languages and refuses others', () => {
    expect(settingsSchema.parse({}).ui.language).toBe('system')
    expect(settingsPatchSchema.parse({ ui: { language: 'zh-Hant' } }).ui?.language).toBe('zh-Hant')
    expect(settingsPatchSchema.safeParse({ ui: { language: 'pt' } }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ ui: { language: 'constructor' } }).success).toBe(false)
  })
})
