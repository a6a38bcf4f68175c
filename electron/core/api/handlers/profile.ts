import type { CoreContext, HandlerMap } from '../context'

export function profileHandlers(ctx: CoreContext): HandlerMap {
  return {
    'profile:get': () => ctx.profiles.get(),
    'profile:save': (profile) => ctx.profiles.save(profile),
  }
}
