/**
 * The core's structured messages: in English they read exactly as the English texts beside them
 * (status labels, days left, next steps, every step of a deadline explanation over the laws and
 * their cases), and in the other languages they read in that language, dates included.
 */
import { describe, expect, it } from 'vitest'
import { computeDeadline } from '../../electron/core/deadlines/engine'
import { joinParts } from '../../electron/core/messages/params'
import { defaultDeadlineSettings } from '../../electron/core/deadlines/settings'
import type { DeadlineInput } from '../../electron/core/deadlines/model'
import { renderMessage } from '../../electron/core/messages/render'
import { uiLanguages } from '../../electron/core/messages/ui-languages'
import type { RequestStatus } from '../../electron/core/requests/status'
import { daysLeftLabel, daysLeftMessage, nextSteps, statusLabel, statusMessage } from '../../electron/core/requests/status'
import { factsOf, type RequestEvent } from '../../electron/core/requests/events'
import { laws, requestTypes } from '../../electron/core/requests/model'
import { proposeLaw } from '../../electron/core/requests/law-proposal'

const statuses: ReadonlyArray<RequestStatus> = [
  { kind: 'draft' },
  { kind: 'undeliverable', on: '2026-03-02' },
  { kind: 'awaiting-reply', due: '2026-03-02', daysLeft: 0, extended: false, partly: false },
  { kind: 'awaiting-reply', due: '2026-03-02', daysLeft: 1, extended: true, partly: false },
  { kind: 'awaiting-reply', due: '2026-03-02', daysLeft: 12, extended: false, partly: true },
  { kind: 'overdue', due: '2026-03-02', daysOverdue: 1, remindedOn: null },
  { kind: 'overdue', due: '2026-03-02', daysOverdue: 5, remindedOn: '2026-03-04' },
  { kind: 'waiting-for-you', reason: 'identity', since: '2026-02-10', due: '2026-03-09' },
  { kind: 'waiting-for-you', reason: 'clarification', since: '2026-02-10', due: null },
  { kind: 'no-deadline', sentOn: '2026-02-01', benchmark: null },
  { kind: 'refused', on: '2026-02-20' },
  { kind: 'completed', on: '2026-02-20' },
  { kind: 'abandoned', on: '2026-02-20' },
  { kind: 'complaint-filed', on: '2026-02-20' },
]

const event = (kind: RequestEvent['kind'], on: string): RequestEvent => ({
  id: `ev-${kind}-${on}`,
  kind,
  on,
  at: null,
  recordedAt: `${on}T10:00:00.000Z`,
  note: null,
  attachments: [],
  channel: kind === 'sent' ? 'email' : null,
  until: null,
  trackingNumber: null,
  link: null,
  removedAt: null,
  corrections: [],
})

describe('status messages', () => {
  it('read in English exactly as the English labels', () => {
    for (const status of statuses) {
      expect(renderMessage(statusMessage(status))).toBe(statusLabel(status))
      expect(renderMessage(daysLeftMessage(status))).toBe(daysLeftLabel(status))
    }
  })

  it('read in every other language, with its plural forms and dates', () => {
    const overdue = statuses[5]!
    expect(renderMessage(statusMessage(overdue), 'de')).toBe('Überfällig')
    expect(renderMessage(daysLeftMessage(overdue), 'de')).toBe('1 Tag überfällig')
    expect(renderMessage(daysLeftMessage(statuses[6]!), 'de')).toBe('5 Tage überfällig')
    expect(renderMessage(daysLeftMessage(statuses[4]!), 'fr')).toBe('12 jours restants')
    expect(renderMessage(daysLeftMessage(statuses[7]!), 'zh-Hans')).toBe('2026年3月9日到期')
    expect(renderMessage(daysLeftMessage(statuses[7]!), 'es')).toBe('Vence el 9 de marzo de 2026')
    for (const language of uiLanguages.filter((l) => l !== 'en')) {
      for (const status of statuses) expect(renderMessage(statusMessage(status), language)).not.toBe(statusLabel(status))
    }
  })

  it('give each next step in English exactly as its text', () => {
    const facts = factsOf([event('created', '2026-02-01'), event('sent', '2026-02-01')])
    for (const status of statuses) {
      for (const today of ['2026-02-15', '2026-03-01', '2026-03-30']) {
        for (const step of nextSteps(status, facts, null, today)) expect(renderMessage(step.message)).toBe(step.text)
      }
    }
  })
})

describe('the deadline explanation as messages', () => {
  const cases: DeadlineInput[] = []
  const receipts: ReadonlyArray<DeadlineInput['receipt']> = [
    { kind: 'received', on: '2026-01-31' },
    { kind: 'email', on: '2026-01-30', at: '2026-01-30T23:30:00-05:00' },
    { kind: 'post', postedOn: '2026-12-18', senderCountry: 'DE' },
  ]
  const jurisdictions = ['DE-BY', 'GB-ENG', 'US-CA', 'CN', 'HK', 'CA-ON', 'BR', 'CH', 'JP', 'AU', 'FR', null]
  for (const law of laws) {
    for (const type of requestTypes) {
      for (const receipt of receipts) {
        for (const jurisdiction of jurisdictions) cases.push({ law, type, jurisdiction, receipt })
      }
    }
  }
  // Identity and clarification episodes, open and closed, for the pauses and restarts.
  for (const law of ['gdpr', 'uk-gdpr', 'hk-pdpo'] as const) {
    cases.push({ law, type: 'access', jurisdiction: 'DE', receipt: { kind: 'received', on: '2026-01-31' }, identity: [{ requestedOn: '2026-02-03', providedOn: '2026-02-06' }], clarifications: [{ askedOn: '2026-02-10', answeredOn: null }] })
    cases.push({ law, type: 'access', jurisdiction: 'DE', receipt: { kind: 'received', on: '2026-01-31' }, identity: [{ requestedOn: '2026-02-03', providedOn: null }] })
  }
  const paused = { ...defaultDeadlineSettings, gdprPauseForIdentity: true, gdprPauseForClarification: true, ccpaRollOver: true, hkPauseForIdentity: true }

  it('reads in English exactly as the English explanation, step by step', () => {
    let steps = 0
    for (const input of cases) {
      for (const settings of [defaultDeadlineSettings, paused]) {
        let deadline
        try {
          deadline = computeDeadline(input, settings)
        } catch {
          continue // a jurisdiction the law does not take (UNKNOWN_COUNTRY)
        }
        for (const step of deadline.steps) {
          expect(joinParts(step.parts.map((p) => renderMessage(p)), 'en'), `${input.law} ${input.type} ${input.jurisdiction}`).toBe(step.text)
          steps += 1
        }
      }
    }
    expect(steps).toBeGreaterThan(1000)
  })

  it('has every note of every law translated (none shown as written)', () => {
    const untranslated = new Set<string>()
    for (const input of cases) {
      for (const settings of [defaultDeadlineSettings, paused]) {
        try {
          for (const step of computeDeadline(input, settings).steps) {
            for (const part of step.parts) if (part.key === 'deadline.untranslated' && step.kind !== 'note') untranslated.add(String(part.params?.text))
            if (step.kind === 'note' && step.parts[0]?.key === 'deadline.untranslated') untranslated.add(String(step.parts[0].params?.text))
          }
        } catch {
          continue
        }
      }
    }
    expect([...untranslated]).toEqual([])
  })

  it('explains the GDPR month from Bavaria in German and in Chinese', () => {
    const deadline = computeDeadline({ law: 'gdpr', type: 'access', jurisdiction: 'DE-BY', receipt: { kind: 'received', on: '2026-01-31' } })
    const german = deadline.steps.map((s) => joinParts(s.parts.map((p) => renderMessage(p, 'de')), 'de')).join(' ')
    expect(german).toContain('Das Unternehmen hat die Anfrage am Samstag, 31. Januar 2026 erhalten')
    expect(german).toContain('Ein Monat nach dem 31. Januar 2026 ist der 28. Februar 2026, weil der Februar keinen 31. hat')
    expect(german).toContain('Sie verschiebt sich daher auf Montag, 2. März 2026 (Art. 3 Reg. 1182/71)')
    expect(german).toContain('Es zählen die Feiertage in Bayern.')
    const chinese = deadline.steps.map((s) => joinParts(s.parts.map((p) => renderMessage(p, 'zh-Hans')), 'zh-Hans')).join('')
    expect(chinese).toContain('公司于2026年1月31日星期六收到请求')
    expect(chinese).toContain('公众假期按巴伐利亚计算。')
  })
})

describe('law proposal messages', () => {
  const inputs = [
    { userCountry: 'US', userRegion: 'US-CA', companyCountries: [] },
    { userCountry: 'DE', userRegion: null, companyCountries: ['US'] },
    { userCountry: 'GB', userRegion: null, companyCountries: [] },
    { userCountry: 'CN', userRegion: null, companyCountries: [] },
    { userCountry: 'US', userRegion: null, companyCountries: ['IE', 'US'] },
    { userCountry: null, userRegion: null, companyCountries: ['HK'] },
    { userCountry: 'US', userRegion: 'US-TX', companyCountries: ['US'] },
    { userCountry: 'IN', userRegion: null, companyCountries: ['SG'] },
    { userCountry: null, userRegion: null, companyCountries: [] },
    { userCountry: 'NZ', userRegion: null, companyCountries: ['CH'] },
  ]

  it('read in English exactly as the English reason', () => {
    for (const input of inputs) {
      const proposal = proposeLaw(input)
      expect(joinParts(proposal.message.map((m) => renderMessage(m)), 'en'), JSON.stringify(input)).toBe(proposal.reason)
    }
  })

  it('read in German and Chinese with the law and the place in those languages', () => {
    const de = proposeLaw({ userCountry: 'DE', userRegion: null, companyCountries: ['US'] })
    expect(renderMessage(de.message[0]!, 'de')).toBe('Sie wohnen in der EU/dem EWR. Dort schützt Sie die DSGVO, wenn ein Unternehmen Ihnen Waren oder Dienstleistungen anbietet.')
    const hk = proposeLaw({ userCountry: 'HK', userRegion: null, companyCountries: [] })
    expect(renderMessage(hk.message[0]!, 'zh-Hant')).toBe('您住在香港：公司向您提供商品或服務時，《個人資料（私隱）條例》在當地保護您。')
  })
})
