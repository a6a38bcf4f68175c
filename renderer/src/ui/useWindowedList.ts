import { useCallback, useLayoutEffect, useRef, useState } from 'react'

/**
 * Renders only the rows in view (plus a few) of a long list with rows of a fixed height, so the
 * dashboard stays quick with thousands of requests. Returns the scroll container's ref (a callback
 * ref: the container may mount after the first render), and the slice to render with its offset.
 */
export function useWindowedList(count: number, rowHeight: number, overscan = 8) {
  const container = useRef<HTMLDivElement | null>(null)
  // The scroll container as mounted: a list that appears later (after loading) is followed too.
  const [element, setElement] = useState<HTMLDivElement | null>(null)
  const attach = useCallback((node: HTMLDivElement | null) => {
    container.current = node
    setElement(node)
  }, [])
  const [viewport, setViewport] = useState({ top: 0, height: 800 })

  const measure = useCallback(() => {
    const element = container.current
    if (element) setViewport({ top: element.scrollTop, height: element.clientHeight || 800 })
  }, [])

  useLayoutEffect(() => {
    if (!element) return undefined
    measure()
    element.addEventListener('scroll', measure, { passive: true })
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure)
    observer?.observe(element)
    return () => {
      element.removeEventListener('scroll', measure)
      observer?.disconnect()
    }
  }, [element, measure])

  /** Back to the first row (e.g. for a new search). */
  const scrollToTop = useCallback(() => {
    const element = container.current
    if (element && element.scrollTop !== 0) {
      element.scrollTop = 0
      measure()
    }
  }, [measure])

  /** Scrolls just enough that row `index` is in view (so that it is rendered), e.g. for the keyboard. */
  const scrollToIndex = useCallback(
    (index: number) => {
      const element = container.current
      if (!element) return
      const height = element.clientHeight || viewport.height
      const top = index * rowHeight
      if (top < element.scrollTop) element.scrollTop = top
      else if (top + rowHeight > element.scrollTop + height) element.scrollTop = top + rowHeight - height
      measure()
    },
    [measure, rowHeight, viewport.height],
  )

  const first = Math.max(0, Math.floor(viewport.top / rowHeight) - overscan)
  const last = Math.min(count, Math.ceil((viewport.top + viewport.height) / rowHeight) + overscan)
  return [attach, { first, last, offsetTop: first * rowHeight, totalHeight: count * rowHeight, scrollToTop, scrollToIndex, element }] as const
}
