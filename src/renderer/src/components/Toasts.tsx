import { useSyncExternalStore } from 'react'
import { createPortal } from 'react-dom'
import { useTopDialog } from '../state/open-dialogs'
import { toastStore } from '../state/toasts'

export function Toasts() {
  const toasts = useSyncExternalStore(toastStore.subscribe, toastStore.get)
  // Inside the open dialog while there is a message: no z-index is above the top layer
  // (state/open-dialogs.ts). Both places are live regions that exist before any message, so a
  // message entering either is announced.
  const dialog = useTopDialog()
  const slot = dialog?.querySelector<HTMLElement>(':scope > [data-toast-slot]') ?? null
  const items = toasts.map((t) => (
    <div key={t.id} className={`toast toast-${t.tone}`} role={t.tone === 'error' ? 'alert' : undefined}>
      <span>{t.message}</span>
      {t.action && (
        <button
          className="toast-action"
          onClick={() => {
            t.action!.run()
            toastStore.dismiss(t.id)
          }}
        >
          {t.action.label}
        </button>
      )}
      <button className="icon-button" aria-label="Dismiss message" onClick={() => toastStore.dismiss(t.id)}>
        ×
      </button>
    </div>
  ))
  return (
    <>
      {createPortal(
        <div className="toasts" role="status" aria-live="polite">
          {slot ? null : items}
        </div>,
        document.body,
      )}
      {slot && createPortal(items, slot)}
    </>
  )
}
