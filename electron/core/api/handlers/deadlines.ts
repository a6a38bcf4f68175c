import type { CoreContext, HandlerMap } from '../context'
import { deadlineOfQuestion } from '../../deadlines/question'

export function deadlineHandlers(ctx: CoreContext): HandlerMap {
  return {
    'deadlines:compute': (input) => deadlineOfQuestion(input, ctx.settings.deadlines()),
    'deadlines:exportIcs': async () => {
      // The ics package is loaded on the first export, not when the core starts.
      const { saveDeadlinesCalendar } = await import('../../requests/ics')
      return saveDeadlinesCalendar(ctx.requests.deadlines(), ctx.ports.files, ctx.ports.clock.now())
    },
  }
}
