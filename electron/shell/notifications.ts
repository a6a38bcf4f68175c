/**
 * Deadline notifications while the app runs: on start and every half hour, ask the core which
 * notifications are due, show each once as a desktop notification, mark them shown, and set the
 * app's badge to the number of requests that need the user. Nothing runs when the app is closed.
 * A clicked notification brings the window forward and asks the page to open its request.
 * Every failure is logged and swallowed: a notification must never take the main process down.
 */
import type { Api } from '../core/api/create-api'
import type { ApiInput, ApiOutput } from '../core/api/contract'
import type { ApiChannel } from '../core/api/channels'
import type { StatusKind } from '../core/requests/status'
import { sendToRenderer, type PushTarget } from './push'

/** The part of the main window the notifier uses (Electron's BrowserWindow satisfies it). */
export type NotifierWindow = PushTarget & {
  isMinimized(): boolean
  restore(): void
  show(): void
  focus(): void
}

/** One desktop notification (Electron's Notification satisfies it). */
export type NotificationLike = {
  show(): void
  on(event: 'click', listener: () => void): unknown
  on(event: 'close', listener: () => void): unknown
  /** macOS and Windows: the system refused it (since Electron 42, macOS refuses an unsigned app's). */
  on(event: 'failed', listener: (event: unknown, error: string) => void): unknown
}

/** Electron's `Notification` class, or a fake of it. */
export type NotificationClass = {
  new (options: { title: string; body: string; silent: boolean }): NotificationLike
  isSupported(): boolean
}

/**
 * The part of Electron's `app` used for the badge. `setBadgeCount` exists on macOS and Linux only;
 * on Linux it reaches docks that speak the LauncherEntry D-Bus API, through the `.desktop` file
 * named by package.json's `desktopName` (rightful.desktop, as the deb and rpm installers name it).
 */
export type BadgeApp = { setBadgeCount?: (count?: number) => boolean }

export type DeadlineNotifierOptions = {
  readonly api: Pick<Api, 'invoke'>
  /** The main window, when there is one. */
  readonly getWindow: () => NotifierWindow | null
  readonly Notification: NotificationClass
  readonly app: BadgeApp
  /** How often to ask the core again; half an hour by default. */
  readonly intervalMs?: number
  readonly setInterval?: (callback: () => void, ms: number) => unknown
  readonly clearInterval?: (handle: unknown) => void
}

export type DeadlineNotifier = {
  /** Shows what is due and updates the badge. Never rejects; a check already running is joined. */
  check(): Promise<void>
  /** Stops the interval; later checks do nothing. */
  stop(): void
}

/** The statuses the badge counts: the company is late, or the company waits for the user. */
export const badgeStatuses: ReadonlyArray<StatusKind> = ['overdue', 'waiting-for-you']

/**
 * Electron holds a shown Notification only weakly: once its JS object is collected, a click on it
 * no longer reaches the listener (electron/electron#16922). So the notifier keeps each one until
 * it is clicked or closed, and at most this many (some Linux servers never report a close).
 */
const maxRetained = 100

/** Starts checking now and every `intervalMs`. */
export function startDeadlineNotifier(options: DeadlineNotifierOptions): DeadlineNotifier {
  const { api, getWindow, Notification, app } = options
  const intervalMs = options.intervalMs ?? 30 * 60_000
  const startInterval = options.setInterval ?? ((callback: () => void, ms: number) => globalThis.setInterval(callback, ms))
  const stopInterval =
    options.clearInterval ?? ((handle: unknown) => globalThis.clearInterval(handle as Parameters<typeof globalThis.clearInterval>[0]))

  const retained = new Set<NotificationLike>()
  /** Shown in this session: never shown twice, even if marking them in the core failed. */
  const shownIds = new Set<string>()
  let running: Promise<void> | null = null
  let stopped = false

  /** The data of a successful call, or null after logging why there is none. */
  async function fetchData<C extends ApiChannel>(channel: C, input: ApiInput<C>): Promise<ApiOutput<C> | null> {
    try {
      const result = await api.invoke(channel, input)
      if (result.ok) return result.data as ApiOutput<C>
      console.error(`[rightful] notifications: ${channel} failed:`, result.error.code, result.error.message)
    } catch (error) {
      console.error(`[rightful] notifications: ${channel} threw:`, error)
    }
    return null
  }

  function retain(notification: NotificationLike): void {
    retained.add(notification)
    if (retained.size > maxRetained) {
      const oldest = retained.values().next().value
      if (oldest) retained.delete(oldest)
    }
  }

  function openRequest(reference: string): void {
    try {
      const window = getWindow()
      // With no window (macOS keeps running without one) there is no page to tell; the click
      // still brings the app forward there.
      if (!window || window.isDestroyed()) return
      if (window.isMinimized()) window.restore()
      window.show()
      window.focus()
      sendToRenderer(window, 'app:open-request', reference)
    } catch (error) {
      console.error('[rightful] notifications: could not open the request', reference, error)
    }
  }

  function show(item: { reference: string; title: string; body: string }): void {
    const notification = new Notification({ title: item.title, body: item.body, silent: false })
    retain(notification)
    notification.on('click', () => {
      retained.delete(notification)
      openRequest(item.reference)
    })
    notification.on('close', () => {
      retained.delete(notification)
    })
    notification.on('failed', (_event, error) => {
      retained.delete(notification)
      // The deadline is still on the dashboard and in the badge; only the banner is missing.
      console.error('[rightful] notifications: the system did not show', item.reference, error)
    })
    notification.show()
  }

  async function notifyPending(): Promise<void> {
    const pending = await fetchData('notifications:pending', {})
    if (!pending || pending.length === 0) return
    try {
      // Where the system cannot show notifications (e.g. a Linux desktop without a notification
      // server), nothing is shown and nothing is marked: the core keeps them pending, so they
      // appear in a session where notifications work instead of being lost unseen.
      if (!Notification.isSupported()) return
    } catch (error) {
      console.error('[rightful] notifications: cannot tell whether notifications are supported:', error)
      return
    }
    const toMark: string[] = []
    for (const item of pending) {
      if (!shownIds.has(item.id)) {
        try {
          show(item)
          shownIds.add(item.id)
        } catch (error) {
          console.error('[rightful] notifications: could not show', item.id, error)
          continue
        }
      }
      // Also those shown earlier in this session whose marking failed: try again.
      toMark.push(item.id)
    }
    if (toMark.length > 0) await fetchData('notifications:markShown', { ids: toMark })
  }

  async function updateBadge(): Promise<void> {
    const items = await fetchData('requests:list', {})
    if (!items) return
    const count = items.filter((item) => badgeStatuses.includes(item.status.kind)).length
    if (typeof app.setBadgeCount !== 'function') return
    try {
      // false where the desktop has no badge (most Linux desktops): nothing to do about it.
      app.setBadgeCount(count)
    } catch (error) {
      console.error('[rightful] notifications: could not set the badge:', error)
    }
  }

  function check(): Promise<void> {
    if (stopped) return Promise.resolve()
    running ??= (async () => {
      try {
        await notifyPending()
        await updateBadge()
      } catch (error) {
        console.error('[rightful] notifications: the check failed:', error)
      } finally {
        running = null
      }
    })()
    return running
  }

  const timer = startInterval(() => void check(), intervalMs)
  void check()

  return {
    check,
    stop() {
      if (stopped) return
      stopped = true
      stopInterval(timer)
      retained.clear()
    },
  }
}
