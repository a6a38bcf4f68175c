import type { CoreContext, HandlerMap } from '../api/handlers'
import { computeDeadline } from './compute'
import { parseJurisdiction } from './holidays'

export function deadlineHandlers(_ctx: CoreContext): HandlerMap {
  return {
    'deadlines:compute': ({ law, country, received }) => {
      const jurisdiction = parseJurisdiction(country)
      return computeDeadline(law, jurisdiction.region ? `${jurisdiction.country}-${jurisdiction.region}` : jurisdiction.country, received)
    },
  }
}
