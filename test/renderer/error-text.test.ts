/** The core's errors in the window's language: by their key where the core gave one, else its English words. */
import { afterEach, describe, expect, it } from 'vitest'
import { applyUiLanguage } from '../../renderer/src/i18n/i18n'
import { errorText } from '../../renderer/src/ui/messages'

describe('errorText', () => {
  afterEach(() => applyUiLanguage('en'))

  it('says an error with a key in the window’s language, with its parameters', () => {
    const error = { message: "No e-mail address is known for Acme. Add one on the company's page, or print the letter.", detail: { key: 'error.noEmail', params: { company: 'Acme' } } }
    expect(errorText(error)).toBe(error.message)
    applyUiLanguage('de')
    expect(errorText(error)).toBe('Für Acme ist keine E-Mail-Adresse bekannt. Tragen Sie eine auf der Seite des Unternehmens ein, oder drucken Sie den Brief.')
    applyUiLanguage('zh-Hant')
    expect(errorText({ message: 'Enter your name.', detail: { key: 'issue.enterName' } })).toBe('請輸入您的姓名。')
  })

  it('keeps the English words of an error without a key, or with a key the resources do not know', () => {
    applyUiLanguage('fr')
    expect(errorText({ message: 'Something went wrong.' })).toBe('Something went wrong.')
    expect(errorText({ message: 'Something went wrong.', detail: { key: 'error.noSuchKey' } })).toBe('Something went wrong.')
  })
})
