/**
 * A deadline asked about directly (`rightful deadline`, `deadlines:compute`): a law, a country or
 * region, the day the request was received, and the dates of any identity check or clarification.
 */
import type { Law, RequestType } from '../shared/kinds'
import type { PlainDate } from '../shared/calendar'
import { computeDeadline } from './engine'
import { parseJurisdiction } from './holidays'
import type { Deadline } from './model'
import type { DeadlineSettings } from './settings'

/** The question as the contract parses it. */
export type DeadlineQuestion = {
  readonly law: Law
  /** ISO country code, optionally with a region: "DE" or "DE-BY". */
  readonly country: string
  readonly received: PlainDate
  readonly type: RequestType
  readonly identityRequested?: PlainDate | undefined
  readonly identityProvided?: PlainDate | undefined
  readonly clarificationAsked?: PlainDate | undefined
  readonly clarificationAnswered?: PlainDate | undefined
}

/** The deadline the question asks for, under the user's deadline settings (the region's code normalised). */
export function deadlineOfQuestion(question: DeadlineQuestion, settings: DeadlineSettings): Deadline {
  const { law, country, received, type, identityRequested, identityProvided, clarificationAsked, clarificationAnswered } = question
  const jurisdiction = parseJurisdiction(country)
  return computeDeadline(
    {
      law,
      type,
      jurisdiction: jurisdiction.region ? `${jurisdiction.country}-${jurisdiction.region}` : jurisdiction.country,
      receipt: { kind: 'received', on: received },
      identity: identityRequested ? [{ requestedOn: identityRequested, providedOn: identityProvided ?? null }] : [],
      clarifications: clarificationAsked ? [{ askedOn: clarificationAsked, answeredOn: clarificationAnswered ?? null }] : [],
    },
    settings,
  )
}
