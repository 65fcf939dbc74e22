// The notebook as a graph, before any drawing: passages (colored by the facet of their first
// tag), note pages, optionally tags as hubs; links as labelled edges, and a note page's
// references to passages as "references" edges. Pure, so it is tested without a canvas.
import { referencedPassageIds, shortQuote } from '@shared/links'
import type { Annotation, Notebook } from '@shared/schema'

export interface GraphOptions {
  /** Only passages with a tag in this facet. */
  facetKey: string | null
  /** Only passages with this tag. */
  tagId: string | null
  /** Only links of this relation (and no note references). */
  relationId: string | null
  showTags: boolean
  showNotes: boolean
  /** Hide passages without any link or reference. */
  linkedOnly: boolean
}
export const DEFAULT_GRAPH_OPTIONS: GraphOptions = {
  facetKey: null,
  tagId: null,
  relationId: null,
  showTags: false,
  showNotes: true,
  linkedOnly: false,
}

export type NodeKind = 'passage' | 'note' | 'tag'
export interface GraphNode {
  id: string
  kind: NodeKind
  refId: string
  label: string
  color: string
}
export interface GraphEdge {
  id: string
  source: string
  target: string
  label: string
  color: string
  kind: 'link' | 'reference' | 'tag'
}
export interface GraphModel {
  nodes: GraphNode[]
  edges: GraphEdge[]
}

export const UNTAGGED_COLOR = '#9e9e9e'
const NOTE_COLOR = '#455a64'
export const nodeId = (kind: NodeKind, id: string): string => `${kind[0]}:${id}`

export type Drawn = Pick<Notebook, 'annotations' | 'notes' | 'links' | 'relations' | 'tags' | 'facets'>

export function buildGraph(nb: Drawn, o: GraphOptions): GraphModel {
  const tags = new Map(nb.tags.map((t) => [t.id, t]))
  const facetColor = new Map(nb.facets.map((f) => [f.key, f.color]))
  const facetOf = (tagId: string): string | undefined => tags.get(tagId)?.name.split('/')[0]
  const colorOf = (a: Annotation): string => {
    const first = a.tagIds.find((id) => tags.has(id))
    return (first && facetColor.get(facetOf(first) ?? '')) ?? UNTAGGED_COLOR
  }
  const passages = nb.annotations.filter(
    (a) =>
      (!o.tagId || a.tagIds.includes(o.tagId)) &&
      (!o.facetKey || a.tagIds.some((id) => facetOf(id) === o.facetKey)),
  )
  const nodes = new Map<string, GraphNode>()
  for (const a of passages)
    nodes.set(nodeId('passage', a.id), {
      id: nodeId('passage', a.id),
      kind: 'passage',
      refId: a.id,
      label: shortQuote(a.target.quote.exact, 40),
      color: colorOf(a),
    })
  if (o.showNotes)
    for (const n of nb.notes)
      nodes.set(nodeId('note', n.id), {
        id: nodeId('note', n.id),
        kind: 'note',
        refId: n.id,
        label: n.title,
        color: NOTE_COLOR,
      })

  const edges: GraphEdge[] = []
  const relations = new Map(nb.relations.map((r) => [r.id, r]))
  for (const l of nb.links) {
    const relation = relations.get(l.relationId)
    if (!relation || (o.relationId && l.relationId !== o.relationId)) continue
    const source = nodeId(l.from.kind === 'annotation' ? 'passage' : 'note', l.from.id)
    const target = nodeId(l.to.kind === 'annotation' ? 'passage' : 'note', l.to.id)
    if (nodes.has(source) && nodes.has(target))
      edges.push({
        id: `l:${l.id}`,
        source,
        target,
        label: relation.name,
        color: relation.color,
        kind: 'link',
      })
  }
  if (o.showNotes && !o.relationId) {
    for (const n of nb.notes) {
      for (const id of referencedPassageIds(n.doc)) {
        const target = nodeId('passage', id)
        if (nodes.has(target))
          edges.push({
            id: `r:${n.id}:${id}`,
            source: nodeId('note', n.id),
            target,
            label: 'references',
            color: NOTE_COLOR,
            kind: 'reference',
          })
      }
    }
  }
  if (o.linkedOnly) {
    const linked = new Set(edges.flatMap((e) => [e.source, e.target]))
    for (const [id, node] of nodes) if (node.kind === 'passage' && !linked.has(id)) nodes.delete(id)
  }
  if (o.showTags) {
    const byId = new Map(passages.map((a) => [a.id, a]))
    for (const node of [...nodes.values()]) {
      const a = node.kind === 'passage' ? byId.get(node.refId) : undefined
      if (!a) continue
      for (const tagId of a.tagIds) {
        const tag = tags.get(tagId)
        if (!tag || (o.facetKey && facetOf(tagId) !== o.facetKey)) continue
        const hub = nodeId('tag', tag.id)
        if (!nodes.has(hub))
          nodes.set(hub, {
            id: hub,
            kind: 'tag',
            refId: tag.id,
            label: tag.label || tag.name,
            color: tag.color,
          })
        edges.push({
          id: `t:${a.id}:${tag.id}`,
          source: node.id,
          target: hub,
          label: '',
          color: tag.color,
          kind: 'tag',
        })
      }
    }
  }
  return { nodes: [...nodes.values()], edges }
}
