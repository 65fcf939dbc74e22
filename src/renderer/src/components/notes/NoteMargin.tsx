// Beside a note page: the passages it references (in the order they first appear) and its
// links to and from passages. Each one opens the passage.
import { useMemo } from 'react'
import { endOf, linksOf, referencedPassageIds } from '@shared/links'
import type { NotePage } from '@shared/schema'
import { useNotebook, useSession } from '../../state/use-session'
import { goToEndpoint } from '../links/go-to'

export function NoteMargin({ note }: { note: NotePage }) {
  const session = useSession()
  const nb = useNotebook()
  const refs = useMemo(
    () => referencedPassageIds(note.doc).map((id) => endOf(nb, { kind: 'annotation', id })),
    [note.doc, nb],
  )
  const { outgoing, incoming } = useMemo(() => linksOf(nb, { kind: 'note', id: note.id }), [nb, note.id])
  const links = [...outgoing, ...incoming]

  return (
    <aside className="margin" aria-label="Note links">
      <h2 className="margin-heading">
        References <span className="count">{refs.length}</span>
      </h2>
      {refs.length === 0 && (
        <p className="muted small-text">
          Type <kbd>[[</kbd> in the page to reference a passage.
        </p>
      )}
      <ul className="link-list">
        {refs.map((r) => (
          <li key={r.endpoint.id} className={`link-row${r.missing ? ' is-missing' : ''}`}>
            <button
              className="link-go"
              disabled={r.missing}
              onClick={() => goToEndpoint(session, r.endpoint)}
            >
              <span className="link-other">{r.label}</span>
            </button>
          </li>
        ))}
      </ul>
      {links.length > 0 && (
        <>
          <h2 className="margin-heading">
            Links <span className="count">{links.length}</span>
          </h2>
          <ul className="link-list" aria-label="Links">
            {links.map((r) => (
              <li
                key={r.link.id}
                className={`link-row${r.other.missing ? ' is-missing' : ''}`}
                style={{ ['--rel' as string]: r.relation?.color ?? '#6b6b6b' }}
              >
                <button
                  className="link-go"
                  disabled={r.other.missing}
                  onClick={() => goToEndpoint(session, r.other.endpoint)}
                >
                  <span className="link-reading">{r.reading}</span> {r.direction === 'out' ? '→' : '←'}{' '}
                  <span className="link-other">{r.other.label}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  )
}
