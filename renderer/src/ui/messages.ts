/** The core's messages in the window's language (namespace `core` of the window's i18next). */
import type { Message } from '@core/shared/message'
import { localizeParams } from '@core/messages/params'
import { currentLanguage, i18n } from '../i18n/i18n'

/** A message from the core, in the language the window speaks now. */
export function messageText(message: Message): string {
  return i18n.t(message.key, { ...localizeParams(message.params, currentLanguage(), messageText), ns: 'core' })
}

/**
 * An error's (or a notice's, or a field problem's) words in the window's language: its `detail`
 * where the core gave one and the resources know it, else the core's English `message`.
 */
export function errorText(error: { readonly message: string; readonly detail?: Message }): string {
  const detail = error.detail
  if (!detail || !i18n.exists(detail.key, { ns: 'core' })) return error.message
  return messageText(detail)
}
