// What links add to an open notebook: the "Link passage" picker and the Relations panel when
// asked for, and, once when the notebook opens, the removal of links whose ends are gone.
import { useEffect } from 'react'
import { repairLinkOps } from '@shared/links'
import { showError, toastStore } from '../../state/toasts'
import { ui, useUi } from '../../state/ui-store'
import { useSession } from '../../state/use-session'
import { LinkDialog } from './LinkDialog'
import { RelationsPanel } from './RelationsPanel'

export function LinksLayer() {
  const session = useSession()
  const linkFrom = useUi((s) => s.linkFrom)
  const panel = useUi((s) => s.panel)

  useEffect(() => {
    // A hand-edited or damaged file may hold links to passages that are gone: remove them with
    // ordinary operations (so the file is fixed on disk), and say so.
    const ops = repairLinkOps(session.notebook)
    if (ops.length === 0) return
    try {
      session.run(ops, { undoable: false })
      toastStore.show(`Removed ${ops.length} broken link${ops.length === 1 ? '' : 's'}.`)
    } catch (error) {
      showError(error)
    }
  }, [session])

  return (
    <>
      {linkFrom && <LinkDialog key={linkFrom} fromId={linkFrom} onClose={() => ui.set({ linkFrom: null })} />}
      {panel === 'relations' && <RelationsPanel onClose={() => ui.set({ panel: null })} />}
    </>
  )
}
