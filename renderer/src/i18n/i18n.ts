/// <reference types="vite/client" />
/**
 * The window's words in the user's language: one i18next instance, its resources bundled from
 * renderer/src/locales/<lang>/<namespace>.json and the core's messages (namespace `core`). Plurals
 * follow i18next's own rules (Intl.PluralRules), e.g. `days_one` and `days_other`.
 */
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { uiLanguageFromPreferences, uiLanguages, uiLocales, type UiLanguage } from '@core/messages/ui-languages'
import type { UiLanguageChoice } from '@core/settings/settings'
import { coreResources } from '@core/messages/resources'

type Resource = { [key: string]: string | Resource }

// Every JSON file under locales/, bundled: './locales/de/requests.json' -> de, requests.
const files = import.meta.glob<Resource>('../locales/*/*.json', { eager: true, import: 'default' })

/** The namespaces of the window, from the files there are (the core's own is `core`). */
export const namespaces: ReadonlyArray<string> = [...new Set(Object.keys(files).map((file) => file.split('/')[3]!.replace(/\.json$/, '')))]

function resources(): Record<UiLanguage, Record<string, Resource>> {
  const all = Object.create(null) as Record<UiLanguage, Record<string, Resource>>
  for (const language of uiLanguages) all[language] = Object.create(null) as Record<string, Resource>
  for (const [file, resource] of Object.entries(files)) {
    const [, , language, name] = file.split('/')
    if (!language || !name || !(uiLanguages as ReadonlyArray<string>).includes(language)) continue
    all[language as UiLanguage][name.replace(/\.json$/, '')] = resource
  }
  for (const language of uiLanguages) all[language].core = coreResources.get(language) as Resource
  return all
}

/** The browser's own preferences (the harness's Chromium; in the app, Chromium's from the system). */
function browserLanguages(): ReadonlyArray<string> {
  // Through globalThis: the unit tests run this module in Node, without a browser's globals.
  return (globalThis as { navigator?: { languages?: ReadonlyArray<string> } }).navigator?.languages ?? []
}

void i18next.use(initReactI18next).init({
  resources: resources(),
  lng: uiLanguageFromPreferences(browserLanguages()),
  fallbackLng: 'en',
  supportedLngs: [...uiLanguages],
  ns: [...namespaces, 'core'],
  defaultNS: 'common',
  // React escapes what it renders; the words themselves hold no markup.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
})

export const i18n = i18next

/** The language the window speaks: the one chosen in Settings, else the system's first that Rightful knows. */
export function resolveUiLanguage(choice: UiLanguageChoice | undefined, systemLanguages: ReadonlyArray<string> | undefined): UiLanguage {
  if (choice && choice !== 'system') return choice
  return uiLanguageFromPreferences(systemLanguages && systemLanguages.length > 0 ? systemLanguages : browserLanguages())
}

/** The language the window speaks now. */
export function currentLanguage(): UiLanguage {
  const language = i18next.language
  return (uiLanguages as ReadonlyArray<string>).includes(language) ? (language as UiLanguage) : 'en'
}

/** The locale Intl formats with for the language the window speaks now ("de-DE"). */
export function currentLocale(): string {
  return uiLocales.get(currentLanguage()) ?? 'en-GB'
}

/** Switches the window's language (the page's lang attribute too, for screen readers and fonts). */
export function applyUiLanguage(language: UiLanguage): void {
  const page = (globalThis as { document?: { documentElement: { lang: string } } }).document
  if (page) page.documentElement.lang = language
  if (i18next.language !== language) void i18next.changeLanguage(language)
}
