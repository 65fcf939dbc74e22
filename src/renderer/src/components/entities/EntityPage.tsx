// An entity's page: its names (a name shared with another entity is flagged), its fields, the
// passages and note pages about it, and where the sources name it without a passage yet —
// each can be confirmed as a passage.
import { useMemo } from 'react'
import {
  aliasConflicts,
  isConfirmed,
  mentionsByEntity,
  notesAbout,
  passagesAbout,
} from '@shared/views/entities'
import { clauseAround } from '@shared/views/dates/context'
import { navigate } from '../../state/route'
import { toastStore } from '../../state/toasts'
import { useNotebook, useSession } from '../../state/use-session'
import { markAsPassage, showPassage, showText } from '../analyst/actions'
import { sourceTexts } from '../analyst/source-texts'
import { EntityFields } from './EntityFields'

export function EntityPage({ entityId }: { entityId: string }) {
  const session = useSession()
  const nb = useNotebook()
  const entity = nb.entities?.find((e) => e.id === entityId)
  const texts = useMemo(() => sourceTexts(nb), [nb])
  const mentions = useMemo(() => mentionsByEntity(nb, texts).get(entityId) ?? [], [nb, texts, entityId])
  const passages = useMemo(() => passagesAbout(nb, entityId), [nb, entityId])
  const notes = useMemo(() => notesAbout(nb, entityId), [nb, entityId])
  const conflicts = aliasConflicts(nb.entities ?? []).get(entityId) ?? []
  const names = new Map((nb.entities ?? []).map((e) => [e.id, e.name]))
  const titles = new Map(nb.sources.map((s) => [s.id, s.title]))
  if (!entity)
    return (
      <main className="reader-empty">
        <div className="empty-state">
          <h2>This entity no longer exists</h2>
        </div>
      </main>
    )
  const pending = mentions.filter((m) => !isConfirmed(m, nb.annotations))
  const remove = () => {
    session.run([{ type: 'deleteEntity', id: entity.id }], { label: 'Delete entity' })
    navigate({ screen: 'notebook', notebookId: nb.id, view: 'entities' }, true)
    toastStore.show(`Deleted “${entity.name}”.`, {
      action: { label: 'Undo', run: () => session.undoLabel === 'Delete entity' && session.undo() },
    })
  }
  return (
    <>
      <main className="reader analyst-view" aria-label={`Entity: ${entity.name}`}>
        <div className="reader-toolbar av-toolbar">
          <button
            className="button small"
            onClick={() => navigate({ screen: 'notebook', notebookId: nb.id, view: 'entities' })}
          >
            ← Entities
          </button>
          <button className="button small danger av-push" onClick={remove}>
            Delete entity
          </button>
        </div>
        <div className="av-page">
          <h2>{entity.name}</h2>
          {entity.aliases.length > 0 && <p className="muted">also {entity.aliases.join(', ')}</p>}
          {conflicts.map((c) => (
            <p key={c.name} className="badge warn" role="note">
              “{c.name}” is also a name of {c.others.map((o) => names.get(o)).join(', ')}: its mentions are
              shown on both pages, not merged.
            </p>
          ))}
          {entity.description && <p>{entity.description}</p>}
          <h3>
            Passages about it <span className="count">{passages.length}</span>
          </h3>
          <ul className="av-list" aria-label="Passages about it">
            {passages.map((a) => (
              <li key={a.id} className="av-card">
                <button className="av-link" onClick={() => showPassage(session, a.id)}>
                  <span className="tl-what">“{a.target.quote.exact}”</span>
                </button>
                <span className="muted small-text">{titles.get(a.sourceId)}</span>
              </li>
            ))}
          </ul>
          <h3>
            Named in the sources, not yet a passage <span className="count">{pending.length}</span>
          </h3>
          <ul className="av-list" aria-label="Mentions to confirm">
            {pending.map((m) => {
              const clause = clauseAround(texts.get(m.sourceId) ?? '', m.start, m.end, 120)
              return (
                <li key={`${m.sourceId}@${m.start}`} className="av-card">
                  <button className="av-link" onClick={() => showText(session, m.sourceId, m.start, m.end)}>
                    <span className="tl-what">…{clause.text}…</span>
                  </button>
                  <span className="muted small-text">
                    {titles.get(m.sourceId)} · as “{m.text}”
                    {m.ambiguous ? ' (a name other entities share)' : ''}
                  </span>
                  <div className="av-row">
                    <button
                      className="button small"
                      onClick={() => markAsPassage(session, m.sourceId, clause)}
                    >
                      Confirm as passage
                    </button>
                  </div>
                </li>
              )
            })}
          </ul>
          <h3>
            Note pages about it <span className="count">{notes.length}</span>
          </h3>
          <ul className="av-list" aria-label="Note pages about it">
            {notes.map((n) => (
              <li key={n.id}>
                <button
                  className="av-link"
                  onClick={() => navigate({ screen: 'notebook', notebookId: nb.id, noteId: n.id })}
                >
                  {n.title}
                </button>
              </li>
            ))}
          </ul>
        </div>
      </main>
      <aside className="margin av-side" aria-label="Entity details">
        <h2 className="margin-heading">Details</h2>
        <EntityFields key={entity.id} entity={entity} />
      </aside>
    </>
  )
}
