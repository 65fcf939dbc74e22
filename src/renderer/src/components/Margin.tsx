// The margin: the source's passages in document order and its orphans — or, while a tag
// filter is active, the matching passages of the whole notebook.
import { useMemo, useState } from 'react'
import { filtered } from '../state/filtered'
import type { Annotation, Source } from '@shared/schema'
import { ui, useUi } from '../state/ui-store'
import { useNotebook } from '../state/use-session'
import { PassageCard } from './PassageCard'
import { PassageList } from './PassageList'
import { ActiveFilter, FilterPanel, isFilterActive } from './tags/FilterPanel'

const byPosition = (x: Annotation, y: Annotation) =>
  x.target.position.start - y.target.position.start ||
  x.target.position.end - y.target.position.end ||
  x.id.localeCompare(y.id)

export function Margin({ source }: { source: Source }) {
  const notebook = useNotebook()
  const selectedId = useUi((s) => s.selectedPassageId)
  const focusNoteOf = useUi((s) => s.focusNoteOf)
  const filter = useUi((s) => s.filter)
  const filterOpen = useUi((s) => s.filterOpen)
  const filtering = isFilterActive(filter)
  const tagsById = useMemo(() => new Map(notebook.tags.map((t) => [t.id, t])), [notebook.tags])
  const sourceTitles = useMemo(
    () => new Map(notebook.sources.map((s) => [s.id, s.title])),
    [notebook.sources],
  )

  const { anchored, orphans } = useMemo(() => {
    const own = notebook.annotations.filter((a) => a.sourceId === source.id)
    return {
      anchored: own.filter((a) => a.status === 'anchored').sort(byPosition),
      orphans: own.filter((a) => a.status === 'orphaned').sort(byPosition),
    }
  }, [notebook.annotations, source.id])
  const matches = useMemo(
    () => (filtering ? filtered(notebook, filter).passages : []),
    [notebook, filter, filtering],
  )

  const [scroller, setScroller] = useState<HTMLElement | null>(null)
  const cardOf = (showSource: boolean) => (a: Annotation) => (
    <>
      {showSource && <div className="card-source">{sourceTitles.get(a.sourceId)}</div>}
      <PassageCard
        annotation={a}
        tagsById={tagsById}
        selected={a.id === selectedId}
        focusNote={a.id === focusNoteOf}
      />
    </>
  )
  return (
    <aside className="margin" aria-label="Passages" ref={setScroller}>
      <div className="margin-head">
        <h2 className="margin-heading">
          {filtering ? 'Matching passages' : 'Passages'}{' '}
          <span className="count">{filtering ? matches.length : anchored.length}</span>
        </h2>
        <button
          className="button small"
          aria-expanded={filterOpen}
          onClick={() => ui.set({ filterOpen: !filterOpen })}
        >
          Filter
        </button>
      </div>
      {filterOpen && <FilterPanel />}
      <ActiveFilter />
      {filtering ? (
        <>
          {matches.length === 0 && (
            <div className="empty-state small">
              <p>No passage matches this filter.</p>
            </div>
          )}
          <PassageList
            passages={matches}
            scroller={scroller}
            selectedId={selectedId}
            label="Matching passages"
            renderCard={cardOf(true)}
          />
        </>
      ) : (
        <>
          {anchored.length === 0 && (
            <div className="empty-state small">
              <p>Select text in the source to mark a passage.</p>
              <p className="muted">
                <kbd>H</kbd> highlight · <kbd>N</kbd> annotate · <kbd>?</kbd> all shortcuts
              </p>
            </div>
          )}
          <PassageList
            passages={anchored}
            scroller={scroller}
            selectedId={selectedId}
            renderCard={cardOf(false)}
          />
          {orphans.length > 0 && (
            <section className="orphans" aria-labelledby="orphans-heading">
              <h2 className="margin-heading" id="orphans-heading">
                Orphans <span className="count">{orphans.length}</span>
              </h2>
              <p className="muted small-text">
                These passages lost their place when the source changed. Their quote and note are kept; select
                new text and re-attach them.
              </p>
              <ul className="passage-list">
                {orphans.map((a) => (
                  <li key={a.id}>{cardOf(false)(a)}</li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </aside>
  )
}
