/** A reply's suggested kind, explained in the window's language; a reply kept before the message keeps its English reason. */
import { afterEach, describe, expect, it } from 'vitest'
import { applyUiLanguage } from '../../renderer/src/i18n/i18n'
import { suggestionReason } from '../../renderer/src/features/replies/reply-labels'
import { classifyReply } from '../../electron/core/replies/classify'

describe('suggestionReason', () => {
  afterEach(() => applyUiLanguage('en'))

  it('renders the reason message in the window’s language, the phrase as found', () => {
    const suggestion = classifyReply({ subject: 'Ihre Anfrage', text: 'Wir haben Ihre Anfrage erhalten.', bounce: null })
    expect(suggestionReason(suggestion)).toBe(suggestion.reason)
    applyUiLanguage('de')
    const german = suggestionReason(suggestion)
    expect(german).toMatch(/^„.+“ \(Deutsch\)$/)
    expect(german).toContain(String(suggestion.reasonMessage.params?.phrase))
    applyUiLanguage('es')
    expect(suggestionReason(classifyReply({ subject: 'Hi', text: 'Thanks.', bounce: null }))).toBe('Rightful no encontró ninguna frase conocida: lea la respuesta y elija qué es.')
  })

  it('shows a stored suggestion without a message in its English words', () => {
    applyUiLanguage('de')
    expect(suggestionReason({ reason: '“we have received your request” (en)' })).toBe('“we have received your request” (en)')
  })
})
