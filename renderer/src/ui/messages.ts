/** The core's messages in the window's language (namespace `core` of the window's i18next). */
import type { Message } from '@core/messages/message'
import { localizeParams } from '@core/messages/params'
import { currentLanguage, i18n } from '../i18n/i18n'

/** A message from the core, in the language the window speaks now. */
export function messageText(message: Message): string {
  return i18n.t(message.key, { ...localizeParams(message.params, currentLanguage(), messageText), ns: 'core' })
}
