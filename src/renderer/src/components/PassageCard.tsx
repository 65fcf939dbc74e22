// One passage in the margin: its quote, note, tags, links, color and date; adding a tag or a
// link and deleting are in its one-line footer.
import { memo, useEffect, useRef } from 'react'
import { HIGHLIGHT_COLORS } from '@shared/defaults'
import type { Annotation, Tag } from '@shared/schema'
import { passageColor } from '../editor/decorations'
import { NoteEditor } from '../editor/NoteEditor'
import { deletePassage, reattachToSelection, revealPassage } from '../state/passage-actions'
import { ui } from '../state/ui-store'
import { useSession } from '../state/use-session'
import { NoteText } from './NoteText'
import { PassageLinks } from './PassageLinks'
import { PassageAnalysis } from './grades/PassageAnalysis'
import { PassageTags } from './PassageTags'
import { relativeTime } from './relative-time'
import { useCardFocus } from './use-card-focus'
import { Icon } from './Icon'
import { Editable } from './Editable'

interface PassageCardProps {
  annotation: Annotation
  tagsById: Map<string, Tag>
  selected: boolean
  focusNote: boolean
}

export const PassageCard = memo(function PassageCard({
  annotation: a,
  tagsById,
  selected,
  focusNote,
}: PassageCardProps) {
  const session = useSession()
  const ref = useRef<HTMLElement>(null)
  const orphaned = a.status === 'orphaned'
  const edited = a.updatedAt !== a.createdAt
  const dates = `Created ${new Date(a.createdAt).toLocaleString()}${
    edited ? `, edited ${new Date(a.updatedAt).toLocaleString()}` : ''
  }`
  const recolor = (color: string | null) =>
    session.run([{ type: 'updateAnnotation', id: a.id, patch: { color } }], { label: 'Recolor passage' })

  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' })
  }, [selected])
  useCardFocus(ref, a.id)

  return (
    <article
      ref={ref}
      className={`passage-card${selected ? ' is-selected' : ''}${orphaned ? ' is-orphaned' : ''}`}
      style={{ ['--hl' as string]: passageColor(a, tagsById) }}
      aria-label={`Passage: ${a.target.quote.exact.slice(0, 80)}`}
      aria-current={selected ? 'true' : undefined}
      data-passage-card={a.id}
      // Focusable by script only: where the focus goes when an opened card has no editable note.
      tabIndex={-1}
    >
      <button
        className="passage-quote"
        onClick={() => (orphaned ? ui.set({ selectedPassageId: a.id }) : revealPassage(session, a.id))}
        title={orphaned ? 'This passage lost its place in the source' : 'Show in the source'}
      >
        <span className="quote-text">{a.target.quote.exact}</span>
      </button>
      {!selected && a.note && (
        // A live editor per card is costly with thousands of passages: the note is shown (with
        // its formatting) until the card is selected.
        <div
          className="note-preview"
          role="button"
          tabIndex={0}
          title="Edit the note"
          onClick={() => ui.set({ selectedPassageId: a.id, focusNoteOf: a.id })}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' && e.key !== ' ') return
            e.preventDefault()
            ui.set({ selectedPassageId: a.id, focusNoteOf: a.id })
          }}
        >
          <NoteText doc={a.note} className="note-text" />
        </div>
      )}
      {selected && (
        <NoteEditor
          key={a.id}
          passageId={a.id}
          initial={a.note}
          label={`Note on “${a.target.quote.exact.slice(0, 40)}”`}
          autoFocus={focusNote}
          onDirty={() => session.markDirty()}
          onSave={(note) =>
            session.run([{ type: 'updateAnnotation', id: a.id, patch: { note } }], { undoable: false })
          }
        />
      )}
      <PassageTags annotation={a} tagsById={tagsById} />
      <PassageLinks annotation={a} />
      <PassageAnalysis annotation={a} selected={selected} />
      {selected && !orphaned && (
        <Editable>
          <div role="radiogroup" aria-label="Passage color" className="swatches small card-swatches">
            <button
              role="radio"
              aria-checked={a.color === null}
              aria-label="Automatic color (first tag's)"
              title="Automatic: the first tag's color"
              className="swatch swatch-auto"
              onClick={() => recolor(null)}
            />
            {HIGHLIGHT_COLORS.map((c, i) => (
              <button
                key={c}
                role="radio"
                aria-checked={a.color === c}
                aria-label={`Color ${i + 1}`}
                className="swatch"
                style={{ background: c }}
                onClick={() => recolor(c)}
              />
            ))}
          </div>
        </Editable>
      )}
      <footer className="passage-footer">
        <time dateTime={edited ? a.updatedAt : a.createdAt} title={dates} className="passage-time">
          {edited ? `edited ${relativeTime(a.updatedAt)}` : relativeTime(a.createdAt)}
        </time>
        <span className="spacer" />
        <Editable>
          {orphaned ? (
            <button className="button small" onClick={() => reattachToSelection(session, a.id)}>
              Re-attach to selection
            </button>
          ) : (
            <>
              <button
                className="chip-add"
                aria-label="Add tag"
                title="Add tag (T)"
                onClick={() => ui.set({ tagPickerFor: a.id, markedFor: null })}
              >
                + Tag
              </button>
              <button
                className="chip-add"
                aria-label="Link passage"
                title="Link passage (L)"
                onClick={() => ui.set({ linkFrom: a.id, markedFor: null })}
              >
                + Link
              </button>
            </>
          )}
          <button
            className="icon-button"
            aria-label="Delete passage"
            title="Delete passage"
            onClick={() => deletePassage(session, a.id)}
          >
            <Icon name="trash" />
          </button>
        </Editable>
      </footer>
    </article>
  )
})
