import type { CoreContext, HandlerMap } from '../api/handlers'

export function settingsHandlers(ctx: CoreContext): HandlerMap {
  return {
    'settings:get': () => ctx.settings.get(),
    'settings:update': (patch) => ctx.settings.update(patch),
    'templates:available': () => ctx.templates.list().map((t) => ({ type: t.type, lang: t.lang, laws: t.laws, title: t.title })),
  }
}
