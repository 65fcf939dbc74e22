// A passage's links on its card, at both ends: outgoing ("elaborates → “…”"), backlinks read
// through the inverse ("elaborated by ← “…”") and the note pages that reference it. Each one
// navigates to the other end; a missing end is shown as such, never followed.
import { useMemo } from 'react'
import { linksOf, type LinkReading } from '@shared/links'
import type { Annotation } from '@shared/schema'
import { toastStore } from '../state/toasts'
import { useNotebook, useSession } from '../state/use-session'
import { goToEndpoint } from './links/go-to'
import { undoAction } from '../state/undo-action'
import { Editable } from './Editable'

export function PassageLinks({ annotation }: { annotation: Annotation }) {
  const session = useSession()
  const nb = useNotebook()
  const id = annotation.id
  // linksOf reads cached indexes; recompute only when links, ends or relations change.
  const { links, annotations, notes, relations } = nb
  const { outgoing, incoming, references } = useMemo(
    () => linksOf({ links, annotations, notes, relations }, { kind: 'annotation', id }),
    [links, annotations, notes, relations, id],
  )

  const remove = (r: LinkReading) => {
    const entry = session.run([{ type: 'deleteLink', id: r.link.id }], { label: 'Remove link' })
    toastStore.show('Link removed.', {
      action: undoAction(session, entry),
    })
  }
  const row = (r: LinkReading) => {
    const text = r.direction === 'out' ? `${r.reading} → ${r.other.label}` : `${r.reading} ← ${r.other.label}`
    return (
      <li
        key={r.link.id}
        className={`link-row${r.other.missing ? ' is-missing' : ''}`}
        style={{ ['--rel' as string]: r.relation?.color ?? '#6b6b6b' }}
      >
        <button
          className="link-go"
          disabled={r.other.missing}
          title={r.other.missing ? 'The other end of this link was deleted' : 'Go to the linked passage'}
          onClick={() => goToEndpoint(session, r.other.endpoint, id)}
        >
          <span className="link-reading">{r.reading}</span> {r.direction === 'out' ? '→' : '←'}{' '}
          <span className="link-other">{r.other.label}</span>
        </button>
        <Editable>
          <button
            className="icon-button"
            aria-label={`Remove link: ${text}`}
            title="Remove link"
            onClick={() => remove(r)}
          >
            ×
          </button>
        </Editable>
        {r.link.comment && <p className="link-comment">{r.link.comment}</p>}
      </li>
    )
  }

  if (outgoing.length + incoming.length + references.length === 0) return null
  return (
    <div className="passage-links">
      <ul className="link-list" aria-label="Links">
        {outgoing.map(row)}
        {incoming.map(row)}
        {references.map((n) => (
          <li key={`ref-${n.id}`} className="link-row is-reference">
            <button className="link-go" onClick={() => goToEndpoint(session, { kind: 'note', id: n.id }, id)}>
              <span className="link-reading">referenced in</span>{' '}
              <span className="link-other">‘{n.title}’</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
