// The "Undo" button of a toast: undoes that toast's own history entry, or says why it cannot.
import type { NotebookSession } from './session'
import { showError, toastStore, type Toast } from './toasts'

export function undoAction(session: NotebookSession, entryId: number | null): Toast['action'] {
  if (entryId === null) return undefined
  return {
    label: 'Undo',
    run: () => {
      try {
        const label = session.undoEntry(entryId)
        if (label) toastStore.show(`Undone: ${label.toLowerCase()}`)
      } catch (error) {
        showError(error)
      }
    },
  }
}
