// The margin: the source's passages in document order, its orphans in a tab beside them — or,
// while a tag filter is active, the matching passages of the whole notebook.
import { useMemo, useState } from 'react'
import { COMMANDS, shortcutLabel } from '../commands/registry'
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
  const [tab, setTab] = useState<'passages' | 'orphans'>('passages')
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
  const showOrphans = !filtering && tab === 'orphans' && orphans.length > 0
  const tabs = !filtering && orphans.length > 0
  const tabKeys = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return
    const next = showOrphans ? 'passages' : 'orphans'
    setTab(next)
    document.getElementById(`margin-tab-${next}`)?.focus()
  }
  return (
    <aside className="margin" aria-label="Passages">
      <div className="margin-head">
        {tabs ? (
          // Orphans are a tab beside the passages (as Hypothesis's "Orphaned"), counted in view
          // instead of at the bottom of a long list.
          <div
            role="tablist"
            aria-label="Passages of this source"
            className="margin-tabs"
            onKeyDown={tabKeys}
          >
            <button
              role="tab"
              id="margin-tab-passages"
              aria-selected={!showOrphans}
              aria-controls="margin-panel"
              tabIndex={showOrphans ? -1 : 0}
              onClick={() => setTab('passages')}
            >
              Passages <span className="count">{anchored.length}</span>
            </button>
            <button
              role="tab"
              id="margin-tab-orphans"
              aria-selected={showOrphans}
              aria-controls="margin-panel"
              tabIndex={showOrphans ? 0 : -1}
              onClick={() => setTab('orphans')}
            >
              Orphans <span className="count">{orphans.length}</span>
            </button>
          </div>
        ) : (
          <h2 className="margin-heading">
            {filtering ? 'Matching passages' : 'Passages'}{' '}
            <span className="count">{filtering ? matches.length : anchored.length}</span>
          </h2>
        )}
        <button
          className="button small"
          aria-expanded={filterOpen}
          title={`Filter passages by tag (${shortcutLabel(COMMANDS.filter)})`}
          onClick={() => ui.set({ filterOpen: !filterOpen })}
        >
          Filter
        </button>
      </div>
      {filterOpen && <FilterPanel />}
      <ActiveFilter />
      {filtering && matches.length === 0 && (
        <div className="empty-state small">
          <p>No passage matches this filter.</p>
        </div>
      )}
      {/* The list scrolls on its own under the heading, the filter panel and the active filter: the
          matches show beside the chips that changed them, and the list starts at the top of its
          scroller, so the virtualizer needs no offset read from the layout (docs/PERFORMANCE.md,
          filter change). */}
      <div
        id="margin-panel"
        className="margin-scroll"
        ref={setScroller}
        role={tabs ? 'tabpanel' : undefined}
        aria-labelledby={tabs ? `margin-tab-${showOrphans ? 'orphans' : 'passages'}` : undefined}
      >
        {showOrphans ? (
          <>
            <p className="muted small-text orphans-help">
              These passages lost their place when the source changed. Their quote, note and tags are kept:
              select the text they belong to and choose “Re-attach to selection”.
            </p>
            <ul className="passage-list">
              {orphans.map((a) => (
                <li key={a.id}>{cardOf(false)(a)}</li>
              ))}
            </ul>
          </>
        ) : (
          <>
            {!filtering && anchored.length === 0 && (
              <div className="empty-state small">
                <p>Select text in the source to mark a passage.</p>
                <p className="muted">
                  <kbd>H</kbd> highlight · <kbd>N</kbd> annotate · <kbd>?</kbd> all shortcuts
                </p>
              </div>
            )}
            {/* One list for the source's passages and the filter's matches: turning the filter on
                or off keeps the virtualizer (a new one reads the scroller's size, a forced layout,
                and measures its cards again: docs/PERFORMANCE.md, filter change). */}
            <PassageList
              passages={filtering ? matches : anchored}
              scroller={scroller}
              selectedId={selectedId}
              label={filtering ? 'Matching passages' : undefined}
              renderCard={cardOf(filtering)}
            />
          </>
        )}
      </div>
    </aside>
  )
}
