/**
 * No English left in what the request page says in another language (issue 13): over every law,
 * every kind of request it grants, the six UI languages, a few places per law and receipt dates
 * whose count ends on a public holiday there, the deadline explanation (with the law it cites and
 * the interpretations it rests on), the request's status, its days left and its next steps are rendered, and a rendering fails when it still carries a word of
 * the English rendering (a Latin-script word of five letters or more that is not a name on the
 * small allow list below), a raw message code, an unfilled placeholder, or text the core passed
 * through untranslated. Chinese must be in its own script: Simplified for zh-Hans, Traditional for
 * zh-Hant.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { computeDeadline } from '../../electron/core/deadlines/engine'
import { regimeMessage } from '../../electron/core/deadlines/explain-messages'
import type { Deadline, DeadlineInput } from '../../electron/core/deadlines/model'
import { deadlineSettingsSchema, defaultDeadlineSettings, type DeadlineSettings } from '../../electron/core/deadlines/settings'
import { simplifiedOnly, traditionalOnly } from '../../electron/core/deadlines/chinese-script'
import { joinParts } from '../../electron/core/messages/params'
import { renderMessage } from '../../electron/core/messages/render'
import { uiLanguages, type UiLanguage } from '../../electron/core/messages/ui-languages'
import { addDays, type PlainDate } from '../../electron/core/shared/calendar'
import { requestTypes, type Law, type RequestType } from '../../electron/core/shared/kinds'
import type { Message } from '../../electron/core/shared/message'
import type { RequestFacts } from '../../electron/core/requests/events'
import { rightsUnder } from '../../electron/core/requests/rights'
import { daysLeftMessage, deriveStatus, nextSteps, statusMessage } from '../../electron/core/requests/status'
import { repoRoot } from '../helpers/ports'
import { longWords, sameInLanguage } from '../helpers/english-words'
import { noFacts } from '../helpers/request-fixtures'

/** The places each law is tried in (its fixed place, or companies' countries and regions; null: unknown). */
const places = new Map<Law, ReadonlyArray<string | null>>([
  // FS.COM is in Delaware, b2s.com in Hong Kong: the seed companies' places.
  ['gdpr', ['DE-BY', 'FR', 'ES', 'IE', 'NL', 'US-DE', 'HK', 'CN', null]],
  ['uk-gdpr', ['GB-ENG', 'GB-SCT']],
  ['ccpa', ['US-CA']],
  ['vcdpa', ['US-VA']],
  ['cpa-co', ['US-CO']],
  ['ctdpa', ['US-CT']],
  ['tdpsa', ['US-TX']],
  ['lgpd', ['BR', 'BR-SP']],
  ['pipeda', ['CA-ON', 'CA-QC', 'CA-BC', null]],
  ['qc-privacy', ['CA-QC']],
  ['ch-fadp', ['CH-ZH', 'CH-GE']],
  ['hk-pdpo', ['HK']],
  ['cn-pipl', ['CN']],
  ['jp-appi', ['JP']],
  ['au-privacy', ['AU-NSW', 'AU-VIC', 'AU-SA']],
])

/** Every key of a message and of the messages nested in its parameters. */
function keysOf(message: Message): string[] {
  const keys = [message.key]
  for (const value of Object.values(message.params ?? {})) {
    if (Array.isArray(value)) for (const m of value as ReadonlyArray<Message>) keys.push(...keysOf(m))
    else if (typeof value === 'object') keys.push(...keysOf(value as Message))
  }
  return keys
}

const rawCode = /\b(?:deadline|status|daysLeft|next|names|place|error|notice)\.[A-Za-z]/

type Rendered = { readonly what: string; readonly messages: ReadonlyArray<Message>; readonly join: boolean }

/** What one request's page says: the law it is counted under, the explanation's steps and the interpretations it rests on, its status, days left and next steps. */
function pageOf(deadline: Deadline, facts: RequestFacts, today: PlainDate): Rendered[] {
  const status = deriveStatus(facts, deadline, today)
  return [
    ...deadline.steps.map((step, index) => ({ what: `step ${index} (${step.kind})`, messages: step.parts, join: true })),
    { what: 'regime', messages: [regimeMessage(deadline.law)], join: false },
    ...deadline.interpretations.map((i) => ({ what: `interpretation ${i.setting}`, messages: [i.message], join: false })),
    { what: `status ${status.kind}`, messages: [statusMessage(status)], join: false },
    { what: `days left ${status.kind}`, messages: [daysLeftMessage(status)], join: false },
    ...nextSteps(status, facts, deadline, today).map((step) => ({ what: `next step ${step.kind}`, messages: [step.message], join: false })),
  ]
}

function render(part: Rendered, language: UiLanguage): string {
  return joinParts(part.messages.map((m) => renderMessage(m, language)), language)
}

/** The problems of one page in every language other than English, each a line. */
function problemsOf(label: string, page: ReadonlyArray<Rendered>): string[] {
  const problems: string[] = []
  for (const part of page) {
    for (const key of part.messages.flatMap(keysOf)) {
      if (key === 'deadline.untranslated') problems.push(`${label} ${part.what}: passed through untranslated: ${render(part, 'en')}`)
    }
    const english = render(part, 'en')
    const englishWords = longWords(english)
    for (const language of uiLanguages) {
      const text = render(part, language)
      if (rawCode.test(text) || text.includes('{{')) problems.push(`${label} ${part.what} [${language}]: raw code or placeholder: ${text}`)
      if (language === 'zh-Hans' && traditionalOnly(text)) problems.push(`${label} ${part.what} [${language}]: Traditional characters ${traditionalOnly(text)}: ${text}`)
      if (language === 'zh-Hant' && simplifiedOnly(text)) problems.push(`${label} ${part.what} [${language}]: Simplified characters ${simplifiedOnly(text)}: ${text}`)
      if (language === 'en') continue
      const same = sameInLanguage.get(language)
      const shared = [...longWords(text)].filter((word) => englishWords.has(word) && !same?.has(word))
      if (shared.length) problems.push(`${label} ${part.what} [${language}]: English words ${shared.join(', ')}: ${text}`)
    }
  }
  return problems
}

/** Whether a deadline's explanation moves a date past a public holiday (a named one). */
const crossesHoliday = (deadline: Deadline) => deadline.steps.some((step) => step.parts.some((part) => keysOf(part).includes('deadline.skippedHoliday')))

/**
 * Receipt dates in 2026 and early 2027 whose count (for an access request) ends on a public
 * holiday of the place, a few spread over the year, and two ordinary ones.
 */
function receiptDates(law: Law, place: string | null, settings: DeadlineSettings): PlainDate[] {
  const crossing: PlainDate[] = []
  for (let day: PlainDate = '2026-01-01'; day < '2027-03-01'; day = addDays(day, 1)) {
    const deadline = computeDeadline({ law, type: 'access', jurisdiction: place, receipt: { kind: 'received', on: day } }, settings)
    if (crossesHoliday(deadline)) crossing.push(day)
  }
  const step = Math.max(1, Math.floor(crossing.length / 5))
  return [...crossing.filter((_, i) => i % step === 0).slice(0, 6), '2026-01-31', '2026-06-10']
}

/** The states a sent request can be in, as events give them, from its receipt. */
function factsFor(received: PlainDate): ReadonlyArray<{ readonly name: string; readonly facts: RequestFacts; readonly today: PlainDate }> {
  const sent: RequestFacts = { ...noFacts, sent: { on: received, at: null, channel: 'email' }, undeliverableOn: null }
  return [
    { name: 'draft', facts: { ...sent, sent: null }, today: received },
    { name: 'just sent', facts: sent, today: received },
    { name: 'due soon', facts: sent, today: addDays(received, 12) },
    { name: 'overdue', facts: sent, today: addDays(received, 130) },
    { name: 'overdue, reminded', facts: { ...sent, reminderOn: addDays(received, 125) }, today: addDays(received, 130) },
    { name: 'overdue, reminded long ago', facts: { ...sent, reminderOn: addDays(received, 100) }, today: addDays(received, 130) },
    { name: 'identity asked', facts: { ...sent, identity: [{ requestedOn: addDays(received, 3), providedOn: null }] }, today: addDays(received, 5) },
    { name: 'clarification asked', facts: { ...sent, clarifications: [{ askedOn: addDays(received, 3), answeredOn: null }] }, today: addDays(received, 5) },
    { name: 'extended', facts: { ...sent, extension: { claimedOn: addDays(received, 10), until: null } }, today: addDays(received, 20) },
    { name: 'partly', facts: { ...sent, partlyFulfilledOn: addDays(received, 10) }, today: addDays(received, 11) },
    { name: 'undeliverable', facts: { ...sent, undeliverableOn: received }, today: addDays(received, 2) },
    { name: 'refused', facts: { ...sent, closed: { kind: 'refused', on: addDays(received, 9) } }, today: addDays(received, 10) },
    { name: 'completed', facts: { ...sent, closed: { kind: 'data-received', on: addDays(received, 9) } }, today: addDays(received, 10) },
  ]
}

/** Every interpretation turned the other way (and Hong Kong weather days on the days counted to). */
const otherSettings: DeadlineSettings = deadlineSettingsSchema.parse({
  gdprPauseForIdentity: true,
  gdprPauseForClarification: true,
  ccpaRollOver: false,
  vaCtRollOver: true,
  lgpdSmallAgent: true,
  pipedaSaturdayIsHoliday: true,
  hkPauseForIdentity: true,
  // 2026-03-02 + 40 days is Saturday 11 April; 2026-06-10 + 40 days is Monday 20 July.
  hkWeatherDays: ['2026-04-11', '2026-07-20'],
  auAgency: true,
  cnBenchmarkDays: 15,
})

describe('no English left in a non-English request page', () => {
  for (const [law, lawPlaces] of places) {
    it(`${law}: every kind of request, place, holiday and state, in the six languages`, () => {
      // One example of each kind of problem (what, language and words), so that the report stays short.
      const problems = new Map<string, string>()
      // The rights the law grants first, then every other kind of request (follow-ups, complaints, custom letters) that can be tracked under it.
      const granted = rightsUnder(law).filter((r) => r.granted).map((r) => r.type as RequestType)
      const types = [...granted, ...requestTypes.filter((type) => !granted.includes(type))]
      for (const place of lawPlaces) {
        for (const settings of [defaultDeadlineSettings, otherSettings]) {
          const dates = settings === defaultDeadlineSettings ? receiptDates(law, place, settings) : ['2026-03-02', '2026-06-10']
          for (const on of dates) {
            // The other kinds count as a granted one does: the first date (a holiday) and the ordinary ones are enough for them.
            for (const type of on === dates[0] || !dates.slice(0, -2).includes(on) ? types : granted) {
              const inputs: DeadlineInput[] = [{ law, type, jurisdiction: place, receipt: { kind: 'received', on } }]
              if (type === 'access') {
                inputs.push(
                  { law, type, jurisdiction: place, receipt: { kind: 'post', postedOn: on, senderCountry: 'DE' } },
                  { law, type, jurisdiction: place, receipt: { kind: 'email', on, at: `${on}T23:30:00.000Z` } },
                  { law, type, jurisdiction: place, receipt: { kind: 'received', on }, identity: [{ requestedOn: addDays(on, 2), providedOn: addDays(on, 6) }], clarifications: [{ askedOn: addDays(on, 8), answeredOn: null }] },
                  { law, type, jurisdiction: place, receipt: { kind: 'received', on }, identity: [{ requestedOn: addDays(on, 2), providedOn: null }] },
                  { law, type, jurisdiction: place, receipt: { kind: 'received', on }, clarifications: [{ askedOn: addDays(on, 2), answeredOn: addDays(on, 4) }], extension: { claimedOn: addDays(on, 9), until: addDays(on, 60) } },
                )
              }
              for (const input of inputs) {
                const deadline = computeDeadline(input, settings)
                const label = `${law} ${type} ${place ?? 'unknown place'} ${on} ${input.receipt.kind}`
                if (renderMessage(regimeMessage(law)) !== deadline.regime) problems.set('regime', `${law}: the law reads in English “${renderMessage(regimeMessage(law))}”, not “${deadline.regime}”`)
                for (const i of deadline.interpretations) {
                  if (renderMessage(i.message) !== i.text) problems.set(`interpretation ${i.setting}`, `${label}: the interpretation reads in English “${renderMessage(i.message)}”, not “${i.text}”`)
                }
                const states = type === 'access' && input === inputs[0] ? factsFor(on) : factsFor(on).slice(1, 3)
                for (const { name, facts, today } of states) {
                  for (const problem of problemsOf(`${label} (${name})`, pageOf(deadline, facts, today))) {
                    const kind = problem.replace(/^.*?(step \d+ \(\w+\)|regime|interpretation|status|days left|next step)/, '$1').replace(/: .*$/, '')
                    if (!problems.has(kind)) problems.set(kind, problem)
                  }
                }
              }
            }
          }
        }
      }
      expect([...problems.values()], `${problems.size} kinds of problem`).toEqual([])
    })
  }

  it('has no character of the other script in the Chinese resources, the window’s and the core’s (of those the script table knows)', () => {
    const wrong: string[] = []
    const walk = (value: unknown, where: string, check: (text: string) => string) => {
      if (typeof value === 'string') {
        if (check(value)) wrong.push(`${where}: ${check(value)} in “${value}”`)
      } else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) walk(inner, `${where}.${key}`, check)
    }
    for (const [language, check] of [['zh-Hans', traditionalOnly], ['zh-Hant', simplifiedOnly]] as const) {
      walk(JSON.parse(fs.readFileSync(path.join(repoRoot, 'electron', 'core', 'messages', 'locales', `${language}.json`), 'utf8')), `core ${language}`, check)
      const folder = path.join(repoRoot, 'renderer', 'src', 'locales', language)
      for (const file of fs.readdirSync(folder)) walk(JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')), `${language}/${file}`, check)
    }
    expect(wrong).toEqual([])
  })

  it('finds English, raw codes and the wrong Chinese script when they are there (the detector itself)', () => {
    const untranslated: Rendered = { what: 'a note', messages: [{ key: 'deadline.untranslated', params: { text: 'The company must answer promptly.' } }], join: false }
    expect(problemsOf('probe', [untranslated]).join('\n')).toMatch(/untranslated[\s\S]*\[de\]: English words company, answer, promptly/)
    const missing: Rendered = { what: 'a missing key', messages: [{ key: 'deadline.noSuchMessage' }], join: false }
    expect(problemsOf('probe', [missing]).join('\n')).toContain('[fr]: raw code or placeholder: deadline.noSuchMessage')
    const holiday: Rendered = { what: 'a holiday', messages: [{ key: 'deadline.skippedHoliday', params: { skippedDay: '2026-12-25', reason: { key: 'names.byLanguage', params: { en: 'Christmas Day', de: 'Christmas Day', fr: 'Noël', es: 'Navidad', zhHans: '聖誕節', zhHant: '圣诞节' } } } }], join: false }
    const found = problemsOf('probe', [holiday]).join('\n')
    expect(found).toContain('[de]: English words christmas')
    expect(found).toContain('[zh-Hans]: Traditional characters')
    expect(found).toContain('[zh-Hant]: Simplified characters')
    expect(found).not.toContain('[fr]')
  })
})
