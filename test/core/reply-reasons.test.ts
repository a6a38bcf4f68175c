import { describe, expect, it } from 'vitest'
import { classifyReply } from '../../electron/core/replies/classify'
import { classificationSchema } from '../../electron/core/replies/model'
import { hasMessage, renderMessage } from '../../electron/core/messages/render'
import { uiLanguages } from '../../electron/core/messages/ui-languages'
import type { Message } from '../../electron/core/shared/message'
import type { BounceInfo } from '../../electron/core/replies/parse'

const bounce = (over: Partial<BounceInfo>): BounceInfo => ({ failedRecipients: [], status: null, diagnostic: null, standard: true, ...over }) as BounceInfo

/** Every key a message uses, nested ones included. */
function keysOf(m: Message): string[] {
  const nested = Object.values(m.params ?? {}).flatMap((v) =>
    typeof v === 'object' ? (Array.isArray(v) ? (v as Message[]).flatMap(keysOf) : keysOf(v as Message)) : [],
  )
  return [m.key, ...nested]
}

const cases = [
  { name: 'no phrase', input: { subject: 'Hello', text: 'Thanks for writing.', bounce: null } },
  {
    name: 'a standard bounce with recipients and a diagnostic',
    input: { subject: 'Undelivered', text: '', bounce: bounce({ failedRecipients: ['privacy@example.com', 'dpo@example.com'], status: '5.1.1', diagnostic: '550 5.1.1 user unknown' }) },
  },
  { name: 'a standard bounce with a status only', input: { subject: 'Undelivered', text: '', bounce: bounce({ status: '5.0.0' }) } },
  { name: 'a bounce from the mail system with nothing more', input: { subject: 'Undelivered', text: '', bounce: bounce({ standard: false }) } },
  { name: 'one phrase', input: { subject: 'Your request', text: 'We have received your request and will reply within one month.', bounce: null } },
  { name: 'a German phrase', input: { subject: 'Ihre Anfrage', text: 'Wir haben Ihre Anfrage erhalten.', bounce: null } },
  {
    name: 'a phrase and another kind',
    input: { subject: 'Your request', text: 'We have received your request. Please find attached a copy of your personal data.', bounce: null, hasAttachments: true },
  },
] as const

describe('reply classification reasons as messages', () => {
  for (const { name, input } of cases) {
    it(`${name}: the English rendering is the English reason, every language has the message`, () => {
      const result = classifyReply(input)
      expect(renderMessage(result.reasonMessage, 'en')).toBe(result.reason)
      for (const key of keysOf(result.reasonMessage)) expect(hasMessage(key), key).toBe(true)
      for (const language of uiLanguages) {
        const text = renderMessage(result.reasonMessage, language)
        expect(text).not.toMatch(/\{\{|reply\.reason/)
        if (language !== 'en') expect(text).not.toBe(result.reason)
      }
    })
  }

  it('keeps the found phrase as written and names its language in the reader’s language', () => {
    const result = classifyReply(cases[5].input)
    expect(result.lang).toBe('de')
    const phrase = result.reasonMessage.params?.phrase
    expect(typeof phrase).toBe('string')
    expect(renderMessage(result.reasonMessage, 'de')).toBe(`„${String(phrase)}“ (Deutsch)`)
    expect(renderMessage(result.reasonMessage, 'fr')).toBe(`« ${String(phrase)} » (allemand)`)
    expect(renderMessage(result.reasonMessage, 'zh-Hans')).toBe(`“${String(phrase)}”（德语）`)
  })

  it('a bounce keeps its recipients and diagnostic in every language', () => {
    const result = classifyReply(cases[1].input)
    expect(result.reason).toBe('A delivery status report: the message could not be delivered for privacy@example.com, dpo@example.com (550 5.1.1 user unknown).')
    expect(renderMessage(result.reasonMessage, 'de')).toBe(
      'Ein Zustellbericht: Die Nachricht konnte nicht zugestellt werden an privacy@example.com, dpo@example.com (550 5.1.1 user unknown).',
    )
    for (const language of uiLanguages) expect(renderMessage(result.reasonMessage, language)).toContain('550 5.1.1 user unknown')
  })

  it('a second kind is named in the reader’s language', () => {
    const result = classifyReply(cases[6].input)
    expect(result.reasonMessage.key).toBe('reply.reason.phraseAndOther')
    expect(result.reason).toContain('; it also says')
  })

  it('a stored suggestion is read with or without its message; old records keep their English reason', () => {
    const old = classificationSchema.parse({ kind: 'acknowledged', confidence: 0.7, reason: '“we have received your request” (en)', lang: 'en' })
    expect(old.reasonMessage).toBeUndefined()
    expect(old.reason).toBe('“we have received your request” (en)')
    const fresh = classifyReply(cases[4].input)
    const stored = classificationSchema.parse(JSON.parse(JSON.stringify(fresh)))
    expect(stored.reasonMessage).toEqual(fresh.reasonMessage)
    expect(classificationSchema.safeParse({ ...fresh, reasonMessage: { key: 'not a key!' } }).success).toBe(false)
  })
})
