// Following a link: to a passage (its source opens, then the reader scrolls to it and flashes
// it) or to a note page (which flashes its reference to the passage we came from, if any).
import type { Endpoint } from '@shared/schema'
import { revealPassage } from '../../state/passage-actions'
import { navigate } from '../../state/route'
import type { NotebookSession } from '../../state/session'
import { toastStore } from '../../state/toasts'
import { ui } from '../../state/ui-store'

export function goToEndpoint(session: NotebookSession, endpoint: Endpoint, fromPassageId?: string): void {
  const nb = session.notebook
  ui.set({ graphOpen: false })
  if (endpoint.kind === 'note') {
    if (!nb.notes.some((n) => n.id === endpoint.id))
      return void toastStore.show('That note page no longer exists.')
    navigate({ screen: 'notebook', notebookId: nb.id, noteId: endpoint.id })
    // The note page flashes its reference to the passage we came from.
    if (fromPassageId) ui.set({ flash: { id: fromPassageId, at: Date.now() } })
    return
  }
  const passage = nb.annotations.find((a) => a.id === endpoint.id)
  if (!passage) return void toastStore.show('That passage no longer exists.')
  if (passage.status === 'orphaned') {
    // An orphan has no place in the text to flash: open its source and select its card.
    navigate({ screen: 'notebook', notebookId: nb.id, sourceId: passage.sourceId })
    ui.set({ selectedPassageId: passage.id })
    return
  }
  revealPassage(session, passage.id)
}
