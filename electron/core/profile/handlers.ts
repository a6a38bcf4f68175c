import type { CoreContext, HandlerMap } from '../api/handlers'

export function profileHandlers(ctx: CoreContext): HandlerMap {
  return {
    'profile:get': () => ctx.profiles.get(),
    'profile:save': (profile) => ctx.profiles.save(profile),
  }
}
