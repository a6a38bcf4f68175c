/**
 * A reminder's subject line after a US state-law request cites the provision that sets the time for
 * that kind of request (issue 13): the response period for a consumer right; for a withdrawal of
 * consent, the consent the Act requires, never the 45-day response rule; under the CCPA, the
 * 15 business days of 11 CCR §7026(f) and §7027 for an opt-out or a limit. Over every state law
 * and every kind of request it has a template for, in every language it has a reminder in.
 */
import { describe, expect, it } from 'vitest'
import { requestTypes, type Law, type RequestType } from '../../electron/core/shared/kinds'
import { expectOk, sampleProfile, startCore } from '../helpers/ports'

const stateLaws = ['ccpa', 'vcdpa', 'cpa-co', 'ctdpa', 'tdpsa'] as const satisfies ReadonlyArray<Law>

/** The kinds a reminder can follow: a request of its own, not a follow-up. */
const followUps: ReadonlySet<RequestType> = new Set(['reminder', 'incomplete-answer', 'identity-pushback', 'extension-contest', 'complaint'])

/** What the subject must cite, by law and kind; and what it must not. */
function expected(law: (typeof stateLaws)[number], type: RequestType, lang: string): { cites: string; not: ReadonlyArray<string> } {
  const consent = type === 'withdraw-consent'
  if (lang === 'es' && law !== 'ccpa') {
    // The same provisions, with "consentimiento retirado" for "withdrawal of consent".
    const english = expected(law, type, 'en')
    return { cites: english.cites.replace('withdrawal of consent', 'consentimiento retirado'), not: english.not.map((n) => (n === 'consent' ? 'consentimiento' : n)) }
  }
  switch (law) {
    case 'ccpa':
      if (lang === 'es') return type === 'opt-out' ? { cites: '11 CCR §7026(f)', not: ['§7021', '§7027'] } : type === 'limit' ? { cites: '11 CCR §7027', not: ['§7021', '§7026'] } : { cites: '11 CCR §7021', not: ['§7026', '§7027'] }
      return type === 'opt-out' ? { cites: '11 CCR §7026(f)', not: ['§1798.130', '§7027'] } : type === 'limit' ? { cites: '11 CCR §7027', not: ['§1798.130', '§7026'] } : { cites: 'Cal. Civ. Code §1798.130', not: ['§7026', '§7027'] }
    case 'vcdpa':
      return consent ? { cites: 'withdrawal of consent, Va. Code §59.1-578(A)(5)', not: ['§59.1-577'] } : { cites: 'Va. Code §59.1-577(B)(1)', not: ['§59.1-578', 'consent'] }
    case 'cpa-co':
      return consent ? { cites: 'withdrawal of consent, C.R.S. §6-1-1308(7)', not: ['§6-1-1306'] } : { cites: 'C.R.S. §6-1-1306(2)(a)', not: ['§6-1-1308', 'consent'] }
    case 'ctdpa':
      return consent ? { cites: 'withdrawal of consent, C.G.S. §42-520(a)(6)', not: ['§42-518'] } : { cites: 'C.G.S. §42-518(c)(1)', not: ['§42-520', 'consent'] }
    case 'tdpsa':
      return consent ? { cites: 'withdrawal of consent (TDPSA)', not: ['§541.052'] } : { cites: 'TDPSA §541.052(b)', not: ['consent'] }
  }
}

describe('state-law reminder subjects per kind of request', () => {
  it('cite what the law says for that kind, for every state law, kind and language with a reminder', async () => {
    const host = startCore()
    expectOk(await host.api.call('profile:save', sampleProfile))
    const checked: string[] = []
    const problems: string[] = []
    for (const law of stateLaws) {
      for (const lang of ['en', 'es'] as const) {
        for (const type of requestTypes.filter((t) => !followUps.has(t))) {
          host.clock.set('2026-01-31T09:00:00Z')
          const created = await host.api.call('requests:create', { companyId: 'fs-com', type, law, lang, ...(type === 'custom' ? { text: 'Please tell me which of my data you sell.' } : {}) })
          // Not every kind exists under every law and language: the reminder matrix is over those that do.
          if (!created.ok) {
            expect(['TEMPLATE_NOT_FOUND', 'RIGHT_NOT_GRANTED'], `${law} ${type} ${lang}: ${created.error.code}`).toContain(created.error.code)
            continue
          }
          const { reference } = created.data.record
          expectOk(await host.api.call('requests:markSent', { reference, on: '2026-01-31', channel: 'email' }))
          host.clock.set('2026-04-01T09:00:00Z')
          const reminder = await host.api.call('requests:createFollowUp', { reference, type: 'reminder' })
          if (!reminder.ok) {
            expect(reminder.error.code, `${law} ${type} ${lang}: ${reminder.error.message}`).toBe('TEMPLATE_NOT_FOUND')
            continue
          }
          const subject = reminder.data.record.draft.subject
          const want = expected(law, type, lang)
          checked.push(`${law} ${type} ${lang}`)
          if (!subject.includes(want.cites)) problems.push(`${law} ${type} ${lang}: "${subject}" lacks ${want.cites}`)
          for (const not of want.not) if (subject.includes(not)) problems.push(`${law} ${type} ${lang}: "${subject}" has ${not}`)
          if (/\{\{|\}\}/.test(subject) || subject.length > 120) problems.push(`${law} ${type} ${lang}: "${subject}"`)
        }
      }
    }
    expect(problems).toEqual([])
    // The matrix itself: each state law's kinds in English, the withdrawal of consent under three Acts, the CCPA's opt-out and limit in both languages.
    expect(checked.length).toBeGreaterThanOrEqual(30)
    for (const combination of ['vcdpa withdraw-consent en', 'cpa-co withdraw-consent en', 'ctdpa withdraw-consent en', 'tdpsa access en', 'ccpa opt-out en', 'ccpa limit en', 'ccpa access es', 'vcdpa withdraw-consent es', 'ctdpa access es', 'tdpsa opt-out es']) expect(checked).toContain(combination)
  })
})
