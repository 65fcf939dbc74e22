// The modal dialogs open now, the last one on top. A modal <dialog> is drawn in the browser's
// top layer, above any z-index, and makes the rest of the page inert: messages shown while one
// is open are drawn inside the top one (Toasts.tsx), where they can be seen and pressed.
import { useSyncExternalStore } from 'react'

let stack: HTMLDialogElement[] = []
const listeners = new Set<() => void>()
const emit = () => listeners.forEach((l) => l())

export const openDialogs = {
  add(dialog: HTMLDialogElement) {
    stack = [...stack.filter((d) => d !== dialog), dialog]
    emit()
  },
  remove(dialog: HTMLDialogElement) {
    stack = stack.filter((d) => d !== dialog)
    emit()
  },
  top: (): HTMLDialogElement | null => stack[stack.length - 1] ?? null,
  subscribe(listener: () => void) {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}

export const useTopDialog = () => useSyncExternalStore(openDialogs.subscribe, openDialogs.top)
