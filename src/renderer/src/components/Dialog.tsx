// A modal dialog on the native <dialog> element: focus is trapped and Escape closes it.
import { useEffect, useRef, type ReactNode } from 'react'
import { openDialogs } from '../state/open-dialogs'

export function Dialog({
  title,
  onClose,
  children,
  footer,
  wide,
}: {
  title: string
  onClose: () => void
  children: ReactNode
  footer?: ReactNode
  wide?: boolean
}) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current!
    if (!dialog.open) dialog.showModal()
    // showModal focuses the first focusable element; a dialog may name a better start (the
    // field a person fills first) with data-autofocus. React's autoFocus runs before showModal.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    openDialogs.add(dialog)
    return () => {
      openDialogs.remove(dialog)
      dialog.close()
    }
  }, [])
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog wide' : 'dialog'}
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
    >
      <h2 className="dialog-title">{title}</h2>
      <div className="dialog-body">{children}</div>
      {footer && <div className="dialog-footer">{footer}</div>}
      {/* Where messages are drawn while this dialog is on top (Toasts.tsx). There from the
          start, empty: screen readers announce text that enters a live region, not a region
          that arrives holding it. No role, so the dialog's own status line stays its only one. */}
      <div className="toasts" aria-live="polite" data-toast-slot="" />
    </dialog>
  )
}
