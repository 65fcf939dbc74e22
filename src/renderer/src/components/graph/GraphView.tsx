// The graph of the notebook, in place of the reader: filters on top, the canvas, and the same
// graph in words on the right. Clicking a passage or note page opens it; a tag narrows to it.
import { useMemo, useState } from 'react'
import { ui } from '../../state/ui-store'
import { useNotebook, useSession } from '../../state/use-session'
import { goToEndpoint } from '../links/go-to'
import { GraphCanvas } from './GraphCanvas'
import { GraphFilters } from './GraphFilters'
import { buildGraph, DEFAULT_GRAPH_OPTIONS, type GraphNode, type GraphOptions } from './graph-model'
import { GraphSummary } from './GraphSummary'

export function GraphView() {
  const session = useSession()
  const nb = useNotebook()
  const [options, setOptions] = useState<GraphOptions>(DEFAULT_GRAPH_OPTIONS)
  const { annotations, notes, links, relations, tags, facets } = nb
  // Rebuilt only when something drawn changes (not when, say, a note's text is saved).
  const model = useMemo(
    () => buildGraph({ annotations, notes, links, relations, tags, facets }, options),
    [annotations, notes, links, relations, tags, facets, options],
  )

  const open = (node: GraphNode) => {
    if (node.kind === 'tag') return setOptions((o) => ({ ...o, tagId: node.refId, facetKey: null }))
    goToEndpoint(session, { kind: node.kind === 'passage' ? 'annotation' : 'note', id: node.refId })
  }

  return (
    <>
      <main className="reader graph-view" aria-label="Graph">
        <div className="reader-toolbar graph-toolbar">
          <GraphFilters nb={nb} options={options} onChange={setOptions} />
          <button className="button" onClick={() => ui.set({ graphOpen: false })}>
            Close graph
          </button>
        </div>
        {model.nodes.length === 0 ? (
          <div className="empty-state">
            <h2>Nothing to draw</h2>
            <p>Mark passages and link them, or loosen the filters.</p>
          </div>
        ) : (
          <GraphCanvas model={model} onOpen={open} />
        )}
      </main>
      <GraphSummary model={model} onOpen={open} />
    </>
  )
}
