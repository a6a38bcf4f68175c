import { useEffect, useRef, type RefObject } from 'react'

/** How long a page may take to show its heading (it may be loading) before focus stops waiting. */
const waitForHeadingMs = 10_000

/** A field the page focused itself on arrival (the catalog's search box): focus stays there. */
function pageChoseFocus(main: HTMLElement): boolean {
  const active = document.activeElement
  return active instanceof HTMLElement && main.contains(active) && active.matches('input, textarea, select')
}

/**
 * After each navigation (not on the first page), moves focus to the new page's heading, so that
 * keyboard users start at the top of the page and screen readers read where they are. The heading
 * may appear only once the page has loaded its data: it is awaited. When the page put focus in one
 * of its own fields instead, focus stays there and `announce` tells screen readers the page's name.
 */
export function useRouteFocus(routeKey: string, main: RefObject<HTMLElement | null>, announce: () => void): void {
  const shown = useRef(routeKey)
  // The latest announce, without making it a reason to move focus again.
  const announceRef = useRef(announce)
  useEffect(() => {
    announceRef.current = announce
  }, [announce])

  useEffect(() => {
    if (shown.current === routeKey) return undefined
    shown.current = routeKey
    const container = main.current
    if (!container) return undefined
    const before = document.activeElement
    // Someone moved focus while the page was loading: it is theirs to keep.
    const movedMeanwhile = () => document.activeElement !== before && document.activeElement !== document.body && !pageChoseFocus(container)
    const settle = (): boolean => {
      if (movedMeanwhile()) return true
      if (pageChoseFocus(container)) {
        announceRef.current()
        return true
      }
      const heading = container.querySelector('h1')
      if (!heading) return false
      heading.tabIndex = -1
      heading.focus()
      return true
    }
    if (settle()) return undefined
    const observer = new MutationObserver(() => {
      if (settle()) stop()
    })
    const timer = window.setTimeout(() => stop(), waitForHeadingMs)
    const stop = () => {
      observer.disconnect()
      window.clearTimeout(timer)
    }
    observer.observe(container, { childList: true, subtree: true })
    return stop
  }, [routeKey, main])
}
