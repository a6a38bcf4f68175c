/** The discovery API: a thin map onto the discovery service (discover/service.ts), which createApi opens once. */
import type { CoreContext, HandlerMap } from '../context'

export function discoverHandlers(ctx: CoreContext): HandlerMap {
  return {
    'discover:scan': (input, operation) => ctx.discover.scan(input, operation),
  }
}
