/**
 * Renders the core's messages outside the window (the CLI, English texts, tests) with its own
 * i18next instance over the same resources the window loads.
 */
import i18next, { type i18n } from 'i18next'
import type { Message } from '../shared/message'
import { localizeParams } from './params'
import { coreResources } from './resources'
import { uiLanguages, type UiLanguage } from './ui-languages'

let instance: i18n | null = null

function messages(): i18n {
  if (instance) return instance
  const resources = Object.create(null) as Record<string, { core: object }>
  for (const language of uiLanguages) resources[language] = { core: coreResources.get(language)! }
  const created = i18next.createInstance()
  void created.init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: [...uiLanguages],
    ns: ['core'],
    defaultNS: 'core',
    interpolation: { escapeValue: false },
    initAsync: false,
  })
  instance = created
  return created
}

/** The message in a UI language; an unknown key is a programming error, shown as the key. */
export function renderMessage(message: Message, language: UiLanguage = 'en'): string {
  const render = (m: Message): string => messages().t(m.key, { ...localizeParams(m.params, language, render), lng: language, ns: 'core' })
  return render(message)
}

/** Whether the resources hold a message with this key (in English, which has every key). */
export function hasMessage(key: string): boolean {
  return messages().exists(key, { lng: 'en', ns: 'core' })
}
