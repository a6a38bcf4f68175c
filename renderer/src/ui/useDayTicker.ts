import { useEffect } from 'react'

/** Milliseconds from `now` to just after the next local midnight. */
export function untilNextMidnight(now: Date): number {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 5)
  return Math.max(1_000, next.getTime() - now.getTime())
}

/** Where the window says it came back: the window (focus) and its document (visibility). */
export type DayWatchTargets = {
  readonly window: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>
  readonly document: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & { readonly visibilityState: string }
}

/**
 * Calls `tick` just after every local midnight, and whenever the window comes back (focus, or the
 * page becoming visible after sleep or a minimised night). The next midnight is measured anew after
 * each tick, so a clock change or a night asleep does not move the day's turn. Returns the stop.
 */
export function watchDays(tick: () => void, targets: DayWatchTargets, now: () => Date = () => new Date()): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false
  const schedule = () => {
    timer = setTimeout(() => {
      if (stopped) return
      tick()
      schedule()
    }, untilNextMidnight(now()))
  }
  schedule()
  const onFocus = () => tick()
  const onVisibility = () => {
    if (targets.document.visibilityState === 'visible') tick()
  }
  targets.window.addEventListener('focus', onFocus)
  targets.document.addEventListener('visibilitychange', onVisibility)
  return () => {
    stopped = true
    clearTimeout(timer)
    targets.window.removeEventListener('focus', onFocus)
    targets.document.removeEventListener('visibilitychange', onVisibility)
  }
}

/**
 * Calls `tick` at every local midnight while the window is open, and whenever the window comes
 * back, so that a window left open overnight never shows yesterday's days left.
 */
export function useDayTicker(tick: () => void): void {
  useEffect(() => watchDays(tick, { window, document }), [tick])
}
