// The left nav's entries for the connections between passages: the graph and the relations.
import { COMMANDS, shortcutLabel } from '../../commands/registry'
import { ui, useUi } from '../../state/ui-store'

export function NavLinkTools() {
  const graphOpen = useUi((s) => s.graphOpen)
  return (
    <>
      <button
        className="button small"
        aria-pressed={graphOpen}
        onClick={() => ui.set({ graphOpen: !graphOpen })}
        title={`The notebook as a graph of linked passages (${shortcutLabel(COMMANDS.graph)})`}
      >
        Graph
      </button>
      <button
        className="button small"
        onClick={() => ui.set({ panel: 'relations' })}
        title="Manage relation types"
      >
        Relations
      </button>
    </>
  )
}
