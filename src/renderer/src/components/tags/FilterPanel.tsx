// The facet panel: tags grouped by facet with their counts; clicking tags filters the
// passages of the whole notebook, combined with AND or OR, plus an "untagged" filter.
import { memo, useMemo } from 'react'
import { facetCounts } from '@shared/filter'
import type { Tag } from '@shared/schema'
import { ui, useUi, type TagFilter } from '../../state/ui-store'
import { useNotebook } from '../../state/use-session'
import { TagChip } from './TagChip'

export function isFilterActive(f: TagFilter): boolean {
  return f.tagIds.length > 0 || f.untagged
}

const setFilter = (patch: Partial<TagFilter>) => ui.set((s) => ({ filter: { ...s.filter, ...patch } }))

/** Turns one tag of the filter on or off (reads the filter when clicked: one function for all chips). */
function toggleTag(id: string): void {
  ui.set(({ filter: f }) => ({
    filter: { ...f, tagIds: f.tagIds.includes(id) ? f.tagIds.filter((x) => x !== id) : [...f.tagIds, id] },
  }))
}

/**
 * One tag of the panel with its count. Memoized: a notebook has hundreds of tags (1,000 at L) and
 * a click changes one of them, so a filter change re-renders that chip only (docs/PERFORMANCE.md).
 */
const FilterTag = memo(function FilterTag({
  tag,
  count,
  pressed,
}: {
  tag: Tag
  count: number
  pressed: boolean
}) {
  return (
    <span className="facet-tag">
      <TagChip tag={tag} pressed={pressed} onClick={() => toggleTag(tag.id)} />
      <span className="facet-count" aria-label={`${count} passages`}>
        {count}
      </span>
    </span>
  )
})

export function FilterPanel() {
  const notebook = useNotebook()
  const filter = useUi((s) => s.filter)
  const groups = useMemo(() => facetCounts(notebook), [notebook])
  const selected = useMemo(() => new Set(filter.tagIds), [filter.tagIds])

  const toggleFacet = (ids: string[]) => {
    const all = ids.every((id) => filter.tagIds.includes(id))
    setFilter(
      all
        ? { tagIds: filter.tagIds.filter((id) => !ids.includes(id)) }
        : { tagIds: [...new Set([...filter.tagIds, ...ids])], mode: 'or' },
    )
  }
  return (
    <section className="filter-panel" aria-label="Filter by tags">
      <div className="filter-controls">
        <div className="segmented small" role="radiogroup" aria-label="Combine tags with">
          <button role="radio" aria-checked={filter.mode === 'or'} onClick={() => setFilter({ mode: 'or' })}>
            Any (OR)
          </button>
          <button
            role="radio"
            aria-checked={filter.mode === 'and'}
            onClick={() => setFilter({ mode: 'and' })}
          >
            All (AND)
          </button>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={filter.untagged}
            onChange={(e) => setFilter({ untagged: e.target.checked })}
          />{' '}
          Untagged
        </label>
      </div>
      {groups.map((g) => (
        <div key={g.facet.key} className="facet" role="group" aria-label={g.facet.name}>
          <h3 className="facet-name">
            <button
              className="facet-toggle"
              aria-pressed={g.tags.length > 0 && g.tags.every(({ tag }) => selected.has(tag.id))}
              disabled={g.tags.length === 0}
              title={`Show passages with any ${g.facet.name} tag`}
              onClick={() => toggleFacet(g.tags.map(({ tag }) => tag.id))}
            >
              {g.facet.name}
            </button>
          </h3>
          <div className="facet-tags">
            {g.tags.length === 0 && <span className="muted small-text">No tags yet</span>}
            {g.tags.map(({ tag, count }) => (
              <FilterTag key={tag.id} tag={tag} count={count} pressed={selected.has(tag.id)} />
            ))}
          </div>
        </div>
      ))}
    </section>
  )
}

export function ActiveFilter() {
  const notebook = useNotebook()
  const filter = useUi((s) => s.filter)
  if (!isFilterActive(filter)) return null
  const names = filter.tagIds.map((id) => notebook.tags.find((t) => t.id === id)?.name).filter(Boolean)
  const parts = [...names, ...(filter.untagged ? ['untagged'] : [])]
  return (
    <div className="active-filter" role="status">
      <span>Filter: {parts.join(filter.mode === 'and' ? ' AND ' : ' OR ')}</span>
      <button
        className="button small"
        onClick={() => ui.set({ filter: { tagIds: [], mode: filter.mode, untagged: false } })}
      >
        Clear filter
      </button>
    </div>
  )
}
