// The graph in words, beside the canvas: its links as sentences ("“A” elaborates “B”") and its
// nodes as buttons that open them. For screen readers and keyboards, and what the tests read.
import type { GraphModel, GraphNode } from './graph-model'

const MAX_LISTED = 200

export function GraphSummary({ model, onOpen }: { model: GraphModel; onOpen: (node: GraphNode) => void }) {
  const byId = new Map(model.nodes.map((n) => [n.id, n]))
  const links = model.edges.filter((e) => e.kind !== 'tag')
  const count = (kind: GraphNode['kind']) => model.nodes.filter((n) => n.kind === kind).length
  const name = (id: string) => {
    const n = byId.get(id)
    return n?.kind === 'passage' ? `“${n.label}”` : n?.kind === 'note' ? `‘${n.label}’` : (n?.label ?? '')
  }
  return (
    <aside className="margin graph-summary" aria-label="Graph summary">
      <p className="small-text">
        {count('passage')} passages, {count('note')} note pages{count('tag') ? `, ${count('tag')} tags` : ''},{' '}
        {links.length} links.
      </p>
      <h2 className="margin-heading">
        Links <span className="count">{links.length}</span>
      </h2>
      <ul className="graph-edges" aria-label="Links in the graph">
        {links.slice(0, MAX_LISTED).map((e) => (
          <li key={e.id} style={{ ['--rel' as string]: e.color }}>
            {name(e.source)} <span className="link-reading">{e.label}</span> {name(e.target)}
          </li>
        ))}
      </ul>
      <h2 className="margin-heading">
        Nodes <span className="count">{model.nodes.length}</span>
      </h2>
      <ul className="graph-nodes" aria-label="Nodes in the graph">
        {model.nodes.slice(0, MAX_LISTED).map((n) => (
          <li key={n.id}>
            <button className="link-go" onClick={() => onOpen(n)}>
              <span className="graph-dot" style={{ background: n.color }} aria-hidden="true" />
              {n.kind === 'passage'
                ? `“${n.label}”`
                : n.kind === 'note'
                  ? `Note: ${n.label}`
                  : `Tag: ${n.label}`}
            </button>
          </li>
        ))}
      </ul>
      {model.nodes.length > MAX_LISTED && (
        <p className="muted small-text">
          …and {model.nodes.length - MAX_LISTED} more; narrow the graph with the filters.
        </p>
      )}
    </aside>
  )
}
