/**
 * The languages Rightful's own words come in (the window, the CLI's output), and how a system's
 * language preferences map to one of them. Letters have their own languages (templates/).
 */

/** The UI languages, in the order the Settings picker shows them. */
export const uiLanguages = ['en', 'de', 'fr', 'es', 'zh-Hans', 'zh-Hant'] as const
export type UiLanguage = (typeof uiLanguages)[number]

/** Each language in its own words, as a picker shows it (never translated). */
export const uiLanguageNames: ReadonlyMap<UiLanguage, string> = new Map<UiLanguage, string>([
  ['en', 'English'],
  ['de', 'Deutsch'],
  ['fr', 'Français'],
  ['es', 'Español'],
  ['zh-Hans', '简体中文'],
  ['zh-Hant', '繁體中文'],
])

/** The BCP 47 locale Intl formats dates, numbers and lists with for each UI language. */
export const uiLocales: ReadonlyMap<UiLanguage, string> = new Map<UiLanguage, string>([
  ['en', 'en-GB'],
  ['de', 'de-DE'],
  ['fr', 'fr-FR'],
  ['es', 'es-ES'],
  ['zh-Hans', 'zh-Hans-CN'],
  ['zh-Hant', 'zh-Hant-TW'],
])

/** True for one of the UI languages' codes. */
export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (uiLanguages as ReadonlyArray<string>).includes(value)
}

// Chinese written in Traditional characters: Taiwan, Hong Kong, Macao.
const traditionalRegions = new Set(['TW', 'HK', 'MO'])

/**
 * The UI language for one language tag ("de-AT", "zh-HK", "zh_TW.UTF-8", "fr"), or null when
 * Rightful does not speak it. Chinese goes by script, then by region; plain "zh" is Simplified.
 */
export function uiLanguageOfTag(tag: string): UiLanguage | null {
  // POSIX locales: "de_DE.UTF-8", "zh_TW@euro"; a tag longer than any real one is not one.
  if (tag.length > 100) return null
  const parts = tag.split(/[.@]/, 1)[0]!.replace(/_/g, '-').split('-')
  const base = parts[0]!.toLowerCase()
  if (base === 'zh') {
    const rest = parts.slice(1).map((p) => p.toLowerCase())
    if (rest.includes('hant')) return 'zh-Hant'
    if (rest.includes('hans')) return 'zh-Hans'
    return rest.some((p) => traditionalRegions.has(p.toUpperCase())) ? 'zh-Hant' : 'zh-Hans'
  }
  return isUiLanguage(base) ? base : null
}

/** The first of the user's preferred languages that Rightful speaks, else English. */
export function uiLanguageFromPreferences(tags: ReadonlyArray<string>): UiLanguage {
  for (const tag of tags.slice(0, 50)) {
    const language = uiLanguageOfTag(tag)
    if (language) return language
  }
  return 'en'
}

/**
 * The UI language of a POSIX environment (LANGUAGE, then LC_ALL, LC_MESSAGES, LANG, as gettext
 * reads them). LANGUAGE may list several, separated by colons; "C" and "POSIX" mean English.
 */
export function uiLanguageFromEnvironment(env: { readonly [name: string]: string | undefined }): UiLanguage {
  const tags: string[] = []
  for (const name of ['LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name]
    if (!value) continue
    for (const tag of value.split(':')) {
      if (tag && tag !== 'C' && tag !== 'POSIX' && !tag.startsWith('C.')) tags.push(tag)
    }
    // LC_ALL and the rest override what follows them only when set, as gettext does.
    if (name !== 'LANGUAGE' && tags.length > 0) break
  }
  return uiLanguageFromPreferences(tags)
}
