import { useCallback, useLayoutEffect, useRef, useState } from 'react'

/**
 * Renders only the rows in view (plus a few) of a long list with rows of a fixed height, so the
 * dashboard stays quick with thousands of requests. Returns the scroll container's ref, and the
 * slice to render with its offset.
 */
export function useWindowedList(count: number, rowHeight: number, overscan = 8) {
  const container = useRef<HTMLDivElement>(null)
  const [viewport, setViewport] = useState({ top: 0, height: 800 })

  const measure = useCallback(() => {
    const element = container.current
    if (element) setViewport({ top: element.scrollTop, height: element.clientHeight || 800 })
  }, [])

  useLayoutEffect(() => {
    const element = container.current
    if (!element) return undefined
    measure()
    element.addEventListener('scroll', measure, { passive: true })
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure)
    observer?.observe(element)
    return () => {
      element.removeEventListener('scroll', measure)
      observer?.disconnect()
    }
  }, [measure])

  /** Back to the first row (e.g. for a new search). */
  const scrollToTop = useCallback(() => {
    const element = container.current
    if (element && element.scrollTop !== 0) {
      element.scrollTop = 0
      measure()
    }
  }, [measure])

  const first = Math.max(0, Math.floor(viewport.top / rowHeight) - overscan)
  const last = Math.min(count, Math.ceil((viewport.top + viewport.height) / rowHeight) + overscan)
  return [container, { first, last, offsetTop: first * rowHeight, totalHeight: count * rowHeight, scrollToTop }] as const
}
