import type { OperationProgress } from '../core/shared/operation'

/**
 * Main -> renderer messages ("push"), the counterpart of the API's invoke/handle. Each channel and
 * its one payload are listed in `PushChannels`; `sendToRenderer` is the only place that calls
 * `webContents.send`, and it never sends to a window or page that is already gone.
 */

/** Every push channel and the payload it carries. The preload subscribes to these names. */
export type PushChannels = {
  /** Open this request (its reference, e.g. "RF-2026-0001") in the window: a notification was clicked. */
  readonly 'app:open-request': string
  /** How far a long operation the page started is (the core's progress, see core/operation.ts). */
  readonly 'app:progress': OperationProgress
}

export type PushChannel = keyof PushChannels

/** The part of a BrowserWindow a push needs (Electron's BrowserWindow satisfies it). */
export type PushTarget = {
  isDestroyed(): boolean
  readonly webContents: { isDestroyed(): boolean; send(channel: string, ...args: unknown[]): void }
}

/**
 * Sends one typed message to the window's page. Returns false, and sends nothing, when the window
 * or its page has been destroyed (sending then would throw "Object has been destroyed").
 */
export function sendToRenderer<C extends PushChannel>(window: PushTarget, channel: C, payload: PushChannels[C]): boolean {
  if (window.isDestroyed() || window.webContents.isDestroyed()) return false
  window.webContents.send(channel, payload)
  return true
}
