// The graph's filters: facet, tag, relation, and what to draw besides passages.
import type { Notebook } from '@shared/schema'
import type { GraphOptions } from './graph-model'

interface Props {
  nb: Notebook
  options: GraphOptions
  onChange: (o: GraphOptions) => void
}

export function GraphFilters({ nb, options: o, onChange }: Props) {
  const set = (patch: Partial<GraphOptions>) => onChange({ ...o, ...patch })
  const tags = o.facetKey ? nb.tags.filter((t) => t.name.startsWith(`${o.facetKey}/`)) : nb.tags
  return (
    <div className="graph-filters" role="group" aria-label="Graph filters">
      <label>
        <span>Facet</span>
        <select
          value={o.facetKey ?? ''}
          onChange={(e) => set({ facetKey: e.target.value || null, tagId: null })}
        >
          <option value="">All facets</option>
          {nb.facets.map((f) => (
            <option key={f.key} value={f.key}>
              {f.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Tag</span>
        <select value={o.tagId ?? ''} onChange={(e) => set({ tagId: e.target.value || null })}>
          <option value="">All tags</option>
          {tags.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label || t.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Relation</span>
        <select value={o.relationId ?? ''} onChange={(e) => set({ relationId: e.target.value || null })}>
          <option value="">All relations</option>
          {nb.relations.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={o.showTags} onChange={(e) => set({ showTags: e.target.checked })} />{' '}
        Tags as hubs
      </label>
      <label className="check">
        <input type="checkbox" checked={o.showNotes} onChange={(e) => set({ showNotes: e.target.checked })} />{' '}
        Note pages
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={o.linkedOnly}
          onChange={(e) => set({ linkedOnly: e.target.checked })}
        />{' '}
        Linked passages only
      </label>
    </div>
  )
}
