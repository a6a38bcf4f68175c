/**
 * The core's messages in every UI language (the `core` namespace): both hosts load them from
 * here, the window through its i18next instance and the CLI through its own. Pure data.
 */
import en from './locales/en.json'
import de from './locales/de.json'
import fr from './locales/fr.json'
import es from './locales/es.json'
import zhHans from './locales/zh-Hans.json'
import zhHant from './locales/zh-Hant.json'
import type { UiLanguage } from './ui-languages'

/** A resource tree: keys to words or to nested keys. */
export type MessageResource = { readonly [key: string]: string | MessageResource }

export const coreResources: ReadonlyMap<UiLanguage, MessageResource> = new Map<UiLanguage, MessageResource>([
  ['en', en],
  ['de', de],
  ['fr', fr],
  ['es', es],
  ['zh-Hans', zhHans],
  ['zh-Hant', zhHant],
])

/**
 * Whether the English resources hold words under this exact key ("authority.role.gb-ico.c0"):
 * a pure walk over own properties, for data whose words may or may not have been written yet.
 */
export function resourceHas(key: string): boolean {
  let node: string | MessageResource | undefined = coreResources.get('en')
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || !Object.hasOwn(node, part)) return false
    node = node[part]
  }
  return typeof node === 'string'
}
