import type { CoreContext, HandlerMap } from '../context'
import type { ParsedInput } from '../contract'
import { computeDeadline } from '../../deadlines/engine'
import { parseJurisdiction } from '../../deadlines/holidays'
import type { Deadline } from '../../deadlines/model'
import type { DeadlineSettings } from '../../deadlines/settings'

/**
 * `deadlines:compute` on its parsed input, under the user's deadline settings: what the handler
 * returns, and what the CLI's narrow API (api/narrow-api.ts) returns without the rest of the core.
 */
export function computeDeadlineOf(input: ParsedInput<'deadlines:compute'>, settings: DeadlineSettings): Deadline {
  const { law, country, received, type, identityRequested, identityProvided, clarificationAsked, clarificationAnswered } = input
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

export function deadlineHandlers(ctx: CoreContext): HandlerMap {
  return {
    'deadlines:compute': (input) => computeDeadlineOf(input, ctx.settings.deadlines()),
    'deadlines:exportIcs': async () => {
      // The ics package is loaded on the first export, not when the core starts.
      const { deadlinesCalendar } = await import('../../requests/ics')
      const calendar = deadlinesCalendar(ctx.requests.deadlines(), ctx.ports.clock.now())
      if (calendar.events === 0) return { path: null, events: 0 }
      const path = await ctx.ports.files.save({ suggestedName: 'Rightful deadlines.ics', kind: 'ics', bytes: new TextEncoder().encode(calendar.text) })
      return { path, events: path ? calendar.events : 0 }
    },
  }
}
