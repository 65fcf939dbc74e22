// What links add to an open notebook: the "Link passage" picker and the Relations panel when
// asked for. (Links whose ends are gone are removed by the core as the notebook opens.)
import { ui, useUi } from '../../state/ui-store'
import { LinkDialog } from './LinkDialog'
import { RelationsPanel } from './RelationsPanel'

export function LinksLayer() {
  const linkFrom = useUi((s) => s.linkFrom)
  const panel = useUi((s) => s.panel)

  return (
    <>
      {linkFrom && <LinkDialog key={linkFrom} fromId={linkFrom} onClose={() => ui.set({ linkFrom: null })} />}
      {panel === 'relations' && <RelationsPanel onClose={() => ui.set({ panel: null })} />}
    </>
  )
}
