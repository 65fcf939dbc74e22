// A deep link from an export (glossa://open/<notebook>/passage/<id>, or #/open/… in the browser
// host) names a passage: open its source in place of the link's route (so Back does not return to
// the link), then scroll to the passage and flash it; an orphan's card is selected instead.
import { useEffect } from 'react'
import { navigate } from '../state/route'
import type { NotebookSession } from '../state/session'
import { toastStore } from '../state/toasts'
import { ui } from '../state/ui-store'

export function useDeepLinkedPassage(session: NotebookSession, passageId: string | undefined): void {
  useEffect(() => {
    if (!passageId) return
    const nb = session.notebook
    const passage = nb.annotations.find((a) => a.id === passageId)
    if (!passage) {
      navigate({ screen: 'notebook', notebookId: nb.id }, true)
      toastStore.show('The linked passage is no longer in this notebook.')
      return
    }
    navigate({ screen: 'notebook', notebookId: nb.id, sourceId: passage.sourceId }, true)
    if (passage.status === 'orphaned') ui.set({ selectedPassageId: passage.id })
    else ui.reveal(passage.id)
  }, [session, passageId])
}
