// Transient messages at the bottom of the window, optionally with one action (e.g. Undo).
export interface Toast {
  id: number
  message: string
  tone: 'info' | 'error'
  action?: { label: string; run: () => void }
}

let nextId = 1
let toasts: Toast[] = []
const listeners = new Set<() => void>()
const emit = () => listeners.forEach((l) => l())

export const toastStore = {
  subscribe(listener: () => void) {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
  get: () => toasts,
  show(
    message: string,
    options: { tone?: Toast['tone']; action?: Toast['action']; ms?: number } = {},
  ): number {
    const toast: Toast = { id: nextId++, message, tone: options.tone ?? 'info', action: options.action }
    toasts = [...toasts.slice(-3), toast]
    emit()
    setTimeout(() => toastStore.dismiss(toast.id), options.ms ?? (toast.tone === 'error' ? 8000 : 6000))
    return toast.id
  },
  dismiss(id: number) {
    toasts = toasts.filter((t) => t.id !== id)
    emit()
  },
}

export function showError(error: unknown): void {
  toastStore.show(error instanceof Error ? error.message : String(error), { tone: 'error' })
}
