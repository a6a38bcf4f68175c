import { useEffect } from 'react'

/** Milliseconds from `now` to just after the next local midnight. */
export function untilNextMidnight(now: Date): number {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 5)
  return Math.max(1_000, next.getTime() - now.getTime())
}

/**
 * Calls `tick` at every local midnight while the window is open, and whenever the window comes
 * back (focus, or the page becoming visible after sleep or a minimised night), so that a window
 * left open overnight never shows yesterday's days left.
 */
export function useDayTicker(tick: () => void): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const schedule = () => {
      timer = setTimeout(() => {
        tick()
        schedule()
      }, untilNextMidnight(new Date()))
    }
    schedule()
    const onFocus = () => tick()
    const onVisibility = () => {
      if (document.visibilityState === 'visible') tick()
    }
    window.addEventListener('focus', onFocus)
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      clearTimeout(timer)
      window.removeEventListener('focus', onFocus)
      document.removeEventListener('visibilitychange', onVisibility)
    }
  }, [tick])
}
