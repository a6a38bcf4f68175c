import type { CoreContext, HandlerMap } from '../context'

export function settingsHandlers(ctx: CoreContext): HandlerMap {
  return {
    'settings:get': () => ctx.settings.get(),
    'settings:update': (patch) => ctx.settings.update(patch),
  }
}
