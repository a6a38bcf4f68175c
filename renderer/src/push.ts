/**
 * Messages from the main process: `window.rightfulEvents`, exposed by the preload (the browser
 * harness gives the same, with progress as server-sent events). Every subscription here works
 * without it too, and then simply never fires.
 */
import type { OperationProgress } from '@core/shared/operation'

declare global {
  interface Window {
    /** Absent where nothing pushes (tests of the renderer alone). */
    readonly rightfulEvents?: {
      /** Calls back with a request's reference ("RF-2026-0001") to open; returns the unsubscribe. */
      onOpenRequest(callback: (reference: string) => void): () => void
      /** Calls back with each progress report of a long operation; returns the unsubscribe. */
      onProgress?(callback: (progress: OperationProgress) => void): () => void
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

/** Calls `callback` with each progress report of a long operation. Returns the unsubscribe. */
export function onProgress(callback: (progress: OperationProgress) => void): () => void {
  const events = typeof window === 'undefined' ? undefined : window.rightfulEvents
  if (!events?.onProgress) return () => {}
  return events.onProgress(callback)
}
