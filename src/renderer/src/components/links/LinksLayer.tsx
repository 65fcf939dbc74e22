// What links add to an open notebook: the "Link passage" picker and the Relations panel when
// asked for. (Links whose ends are gone are removed by the core as the notebook opens.)
import { closePassageDialog } from '../../state/passage-actions'
import { ui, useUi } from '../../state/ui-store'
import { useSession } from '../../state/use-session'
import { LinkDialog } from './LinkDialog'
import { RelationsPanel } from './RelationsPanel'

export function LinksLayer() {
  const session = useSession()
  const linkFrom = useUi((s) => s.linkFrom)
  const panel = useUi((s) => s.panel)

  return (
    <>
      {linkFrom && (
        <LinkDialog
          key={linkFrom}
          fromId={linkFrom}
          onClose={() => closePassageDialog(session, { linkFrom: null })}
        />
      )}
      {panel === 'relations' && <RelationsPanel onClose={() => ui.set({ panel: null })} />}
    </>
  )
}
