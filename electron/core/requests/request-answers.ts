/**
 * Checking what a request's answer holds and what the company may ask of the user: the answer
 * checklist of an access request, the identity demand, an extension claim, and a bounce.
 */
import { comparePlainDates } from '../shared/calendar'
import { checkExtension } from './extension-check'
import { bounceAdviceOf } from './bounce'
import { identityRule } from './identity-rules'
import { activeEvents } from './events'
import type { RequestRecord } from './model'
import { coreError } from '../messages/errors'
import { answerCheckView, canCheckAnswer, type AnswerTick } from './answer-check'
import { answerItemsUnder } from '../shared/answer-items'
import { latestEvent, type RequestKit, type RequestServiceDeps } from './request-kit'
import type { RequestListing } from './request-listing'
import type { RequestService } from './service'

/** The request whose answer is checked: an access request that was sent and got data back. */
export const checkable = (record: RequestRecord): RequestRecord => {
  if (!canCheckAnswer(record)) {
    throw coreError('INVALID_STATE', record.type !== 'access' ? 'error.answerCheck.notAccess' : 'error.answerCheck.noData', { reference: record.reference })
  }
  return record
}

/** The items the user ticked missing in the request's answer, in the order of the law; none is an error. */
export const missingOf = (record: RequestRecord) => {
  const check = answerCheckView(checkable(record))
  const missing = new Set(check.missing)
  const items = answerItemsUnder(record.law).filter((item) => missing.has(item.id))
  if (items.length === 0) {
    throw coreError('INVALID_STATE', 'error.answerCheck.nothingMissing', { reference: record.reference })
  }
  return items
}

export function requestAnswers(
  deps: RequestServiceDeps,
  { today, safeCompany, change }: RequestKit,
  { view }: RequestListing,
): Pick<RequestService, 'checkAnswer' | 'tickAnswer' | 'identityAdvice' | 'extensionCheck' | 'bounceAdvice' | 'markBounced'> {
  return {
    checkAnswer: (reference) => answerCheckView(checkable(deps.repository.get(reference))),

    tickAnswer({ reference, ticks }) {
      if (ticks.length === 0) throw coreError('INVALID_INPUT', 'error.answerCheck.noTick')
      const record = change(reference, (current) => {
        const record = checkable(current)
        const view = answerCheckView(record)
        const rows = new Map(view.rows.map((row) => [row.id, row]))
        const at = deps.now().toISOString()
        const next = new Map<string, AnswerTick>((record.answerCheck?.law === record.law ? record.answerCheck.ticks : []).map((t) => [t.id, t]))
        for (const tick of ticks) {
          const row = rows.get(tick.id)
          if (!row) {
            throw coreError('INVALID_INPUT', 'error.answerCheck.unknownItem', { item: tick.id, items: [...rows.keys()].join(', ') })
          }
          if (tick.confirmsSuggestion && (tick.state === null || row.suggestion?.state !== tick.state)) {
            throw coreError('INVALID_INPUT', 'error.answerCheck.notSuggested', { item: tick.id })
          }
          if (tick.state === null) next.delete(tick.id)
          else next.set(tick.id, { id: tick.id, state: tick.state, by: tick.confirmsSuggestion ? 'suggestion-confirmed' : 'user', at })
        }
        // In the law's order, so the stored file reads like the checklist.
        const ordered = view.rows.map((row) => next.get(row.id)).filter((t): t is AnswerTick => t !== undefined)
        return { ...record, answerCheck: { law: record.law, ticks: ordered } }
      })
      return answerCheckView(record)
    },

    identityAdvice(reference) {
      const record = deps.repository.get(reference)
      const demand = latestEvent(record, 'identity-requested')
      const company = safeCompany(record.company.id)
      const rule = identityRule(record.law, record.type)
      return {
        reference: record.reference,
        law: record.law,
        type: record.type,
        demand: demand ? { on: demand.on, note: demand.note } : null,
        provided: demand ? activeEvents(record.events).some((e) => e.kind === 'identity-provided' && comparePlainDates(e.on, demand.on) >= 0) : false,
        rule,
        company: {
          idDocument: company?.requirements.idDocument?.text ?? null,
          requiredElements: (company?.requirements.requiredElements ?? []).map((e) => ({ description: e.description, optional: e.optional })),
        },
        pushback: { possible: demand !== null && record.sent !== null, hasTemplate: deps.templates.has({ type: 'identity-pushback', law: record.law, lang: record.lang }) },
      }
    },

    extensionCheck(reference, reasonsGiven = null) {
      const record = deps.repository.get(reference)
      const check = checkExtension({ law: record.law, events: record.events, deadline: view(record).deadline, reasonsGiven })
      return { ...check, hasTemplate: deps.templates.has({ type: 'extension-contest', law: record.law, lang: record.lang }) }
    },

    bounceAdvice(reference) {
      const record = deps.repository.get(reference)
      return bounceAdviceOf(record, safeCompany(record.company.id))
    },

    markBounced(reference) {
      const record = deps.repository.get(reference)
      const advice = bounceAdviceOf(record, safeCompany(record.company.id))
      if (!advice.bouncedOn) throw coreError('INVALID_STATE', 'error.noBounce', { reference: record.reference })
      if (!advice.address) throw coreError('INVALID_STATE', 'error.bounceNotEmail', { reference: record.reference })
      if (!advice.company.inCatalog) throw coreError('NOT_FOUND', 'error.bounceNoCompany', { company: record.company.name })
      deps.catalog.markEmailProblem(record.company.id, advice.address, { kind: 'bounced', on: advice.bouncedOn }, today())
      return bounceAdviceOf(record, safeCompany(record.company.id))
    },

  }
}
