/**
 * Messages from the main process: `window.rightfulEvents`, exposed by the preload. The browser
 * harness has none, so every subscription here works without it and then simply never fires.
 */

declare global {
  interface Window {
    /** Absent outside the desktop app (the browser harness, tests). */
    readonly rightfulEvents?: {
      /** Calls back with a request's reference ("RF-2026-0001") to open; returns the unsubscribe. */
      onOpenRequest(callback: (reference: string) => void): () => void
    }
  }
}

/**
 * Calls `callback` whenever the main process asks to open a request (a deadline notification was
 * clicked). Returns the unsubscribe, a no-op where there is no desktop shell.
 */
export function onOpenRequest(callback: (reference: string) => void): () => void {
  const events = typeof window === 'undefined' ? undefined : window.rightfulEvents
  if (!events) return () => {}
  return events.onOpenRequest(callback)
}
