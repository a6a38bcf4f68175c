import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react'

const focusable = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])'

/** A group of radio buttons is one Tab stop: its checked button, or its first when none is. */
function isRadioStop(radio: HTMLInputElement, scope: HTMLElement): boolean {
  if (radio.checked || !radio.name) return true
  const group = [...scope.querySelectorAll<HTMLInputElement>('input[type="radio"]')].filter((r) => r.name === radio.name && !r.disabled)
  return !group.some((r) => r.checked) && group[0] === radio
}

/** The dialog's controls that Tab reaches, in order. */
function tabbable(dialog: HTMLElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(focusable)].filter(
    (element) =>
      element.getClientRects().length > 0 &&
      !element.closest('[inert]') &&
      !(element instanceof HTMLInputElement && element.type === 'radio' && !isRadioStop(element, dialog)),
  )
}

/**
 * Where focus goes once the dialog is gone: back to the control that opened it, or, when that has
 * gone too (the page changed), to the page's heading.
 */
function returnFocus(opener: Element | null): void {
  if (opener instanceof HTMLElement && opener.isConnected && !opener.closest('[inert]')) {
    opener.focus()
    return
  }
  const heading = document.querySelector<HTMLElement>('main h1')
  if (heading) {
    heading.tabIndex = -1
    heading.focus()
  }
}

/**
 * A modal dialog (the platform's <dialog>): the page behind is inert, Tab and Shift+Tab cycle
 * through the dialog's controls, Escape closes it, and focus returns to the control that opened it.
 */
export function Dialog({ title, onClose, children, wide = false }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  // The latest onClose, for the platform's close event (which has no React prop of its own here).
  const closeRef = useRef(onClose)
  useEffect(() => {
    closeRef.current = onClose
  }, [onClose])

  useEffect(() => {
    const element = dialog.current
    if (!element) return undefined
    const opener = document.activeElement
    if (!element.open) element.showModal()
    // Closed by the platform itself (a second Escape may skip "cancel"): React is told, once.
    let closing = false
    const onPlatformClose = () => {
      if (!closing) closeRef.current()
    }
    element.addEventListener('close', onPlatformClose)
    return () => {
      closing = true
      element.removeEventListener('close', onPlatformClose)
      element.close()
      returnFocus(opener)
    }
  }, [])

  // The page behind is inert while the dialog is modal, but Tab may still leave for the browser's
  // own controls: it wraps around instead.
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab' || !dialog.current) return
    const items = tabbable(dialog.current)
    const first = items[0]
    const last = items[items.length - 1]
    if (!first || !last) {
      event.preventDefault()
      return
    }
    const active = document.activeElement
    if (event.shiftKey && (active === first || !dialog.current.contains(active))) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && (active === last || !dialog.current.contains(active))) {
      event.preventDefault()
      first.focus()
    }
  }

  return (
    <dialog
      ref={dialog}
      className={`dialog ${wide ? 'dialog-wide' : ''}`}
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  )
}
