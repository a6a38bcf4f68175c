import type { CoreContext, HandlerMap } from '../context'
import { pendingNotifications } from '../../notifications/notifications'

export function notificationHandlers(ctx: CoreContext): HandlerMap {
  return {
    'notifications:pending': () => {
      const { enabled, daysBefore } = ctx.settings.get().notifications
      if (!enabled) return []
      return ctx.notificationLog.unseen(pendingNotifications(ctx.requests.list(), ctx.today(), daysBefore))
    },
    'notifications:markShown': ({ ids }) => ({ marked: ctx.notificationLog.markShown(ids) }),
  }
}
