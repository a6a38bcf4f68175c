/**
 * The UK's Data (Use and Access) Act 2025 where Rightful states UK rules: Art. 12A time limits,
 * Art. 15(1A) reasonable and proportionate searches, and complaints made to the company first
 * (s.164A DPA 2018). The GDPR letters stay as they were.
 */
import { describe, expect, it } from 'vitest'
import { templatesFrom } from '../../electron/adapters/node/resources'
import { computeDeadline } from '../../electron/core/deadlines/engine'
import { loadTemplates } from '../../electron/core/templates/templates'
import { templateView } from '../../electron/core/requests/draft-view'
import { repoRoot } from '../helpers/ports'

const templates = loadTemplates(templatesFrom(repoRoot), null)
const view = templateView({
  reference: 'RF-2026-0042',
  today: '2026-03-15',
  lang: 'en',
  companyName: 'Example Ltd',
  user: { name: 'Sam Sample', email: 'sam@example.org', address: ['1 High Street', 'London'] },
  authorityName: 'the Information Commissioner',
  original: { reference: 'RF-2026-0007', subject: 'Subject access request', sentOn: '2026-01-31', channel: 'email', to: 'dpo@example.com', due: '2026-02-28', events: [] },
  strings: templates.strings('en'),
})
const render = (type: 'access' | 'reminder' | 'complaint', law: 'gdpr' | 'uk-gdpr') => templates.render({ type, law, lang: 'en' }, view).body

describe('UK rules after the Data (Use and Access) Act 2025', () => {
  it('asks for reasonable and proportionate searches and cites Art. 12A in a UK subject access request only', () => {
    expect(render('access', 'uk-gdpr')).toContain('reasonable and proportionate searches for my personal data (Art. 15(1A) UK GDPR')
    expect(render('access', 'uk-gdpr')).toContain('(Art. 12(3) and 12A UK GDPR)')
    expect(render('access', 'gdpr')).not.toMatch(/15\(1A\)|12A/)
    expect(render('access', 'gdpr')).toContain('(Art. 12(3) GDPR)')
  })

  it('makes the reminder the complaint to the company, and says so to the ICO', () => {
    expect(render('reminder', 'uk-gdpr')).toMatch(/section 164A of the Data Protection Act 2018.*acknowledge it within 30 days/)
    expect(render('reminder', 'uk-gdpr')).toContain('Under Art. 12(3) and 12A UK GDPR you had to act on it')
    expect(render('complaint', 'uk-gdpr')).toMatch(/Section 164A of the Data Protection Act 2018, inserted by the Data \(Use and Access\) Act 2025, gives me the right to complain to the company/)
    expect(render('complaint', 'gdpr')).not.toContain('164A')
  })

  it('explains the UK count with Art. 12A', () => {
    const deadline = computeDeadline({ law: 'uk-gdpr', type: 'access', jurisdiction: 'GB-ENG', receipt: { kind: 'received', on: '2026-03-03' } })
    expect(deadline.due).toBe('2026-04-07') // 3 April 2026 is Good Friday, 6 April Easter Monday
    expect(deadline.explanation).toMatch(/Art\. 12A UK GDPR/)
    expect(deadline.explanation).toMatch(/Art\. 15\(1A\)/)
  })
})
