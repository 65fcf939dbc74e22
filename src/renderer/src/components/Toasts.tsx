import { useSyncExternalStore } from 'react'
import { toastStore } from '../state/toasts'

export function Toasts() {
  const toasts = useSyncExternalStore(toastStore.subscribe, toastStore.get)
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
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
          <button
            className="icon-button"
            aria-label="Dismiss message"
            onClick={() => toastStore.dismiss(t.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
