// The margin: the source's passages in document order, and its orphans.
import { useMemo } from 'react'
import type { Source } from '../../../shared/schema'
import { useUi } from '../state/ui-store'
import { useNotebook } from '../state/use-session'
import { PassageCard } from './PassageCard'

export function Margin({ source }: { source: Source }) {
  const notebook = useNotebook()
  const selectedId = useUi((s) => s.selectedPassageId)
  const focusNoteOf = useUi((s) => s.focusNoteOf)
  const tagsById = useMemo(() => new Map(notebook.tags.map((t) => [t.id, t])), [notebook.tags])
  const { anchored, orphans } = useMemo(() => {
    const own = notebook.annotations.filter((a) => a.sourceId === source.id)
    const byPosition = (x: (typeof own)[number], y: (typeof own)[number]) => x.target.position.start - y.target.position.start || x.target.position.end - y.target.position.end || x.id.localeCompare(y.id)
    return { anchored: own.filter((a) => a.status === 'anchored').sort(byPosition), orphans: own.filter((a) => a.status === 'orphaned').sort(byPosition) }
  }, [notebook.annotations, source.id])

  const card = (a: (typeof anchored)[number]) => (
    <li key={a.id}>
      <PassageCard annotation={a} tagsById={tagsById} selected={a.id === selectedId} focusNote={a.id === focusNoteOf} />
    </li>
  )
  return (
    <aside className="margin" aria-label="Passages">
      <h2 className="margin-heading">
        Passages <span className="count">{anchored.length}</span>
      </h2>
      {anchored.length === 0 && (
        <div className="empty-state small">
          <p>Select text in the source to mark a passage.</p>
          <p className="muted">
            <kbd>H</kbd> highlight · <kbd>N</kbd> annotate · <kbd>?</kbd> all shortcuts
          </p>
        </div>
      )}
      <ul className="passage-list">{anchored.map(card)}</ul>
      {orphans.length > 0 && (
        <section className="orphans" aria-labelledby="orphans-heading">
          <h2 className="margin-heading" id="orphans-heading">
            Orphans <span className="count">{orphans.length}</span>
          </h2>
          <p className="muted small-text">These passages lost their place when the source changed. Their quote and note are kept; select new text and re-attach them.</p>
          <ul className="passage-list">{orphans.map(card)}</ul>
        </section>
      )}
    </aside>
  )
}
