// Entities: the places, people and organizations of the notebook, by type, with their aliases
// and how often the sources name them; a name two entities share is flagged. New ones are
// added here.
import { nanoid } from 'nanoid'
import { useMemo, useState } from 'react'
import type { EntityType } from '@shared/schema'
import { aliasConflicts, mentionsByEntity } from '@shared/views/entities'
import { navigate } from '../../state/route'
import { useRun } from '../../state/use-run'
import { useNotebook, useSession } from '../../state/use-session'
import { openEntity } from '../analyst/actions'
import { sourceTexts } from '../analyst/source-texts'
import { FieldError } from '../FieldError'

export const TYPES: { type: EntityType; plural: string; one: string }[] = [
  { type: 'place', plural: 'Places', one: 'Place' },
  { type: 'person', plural: 'People', one: 'Person' },
  { type: 'organization', plural: 'Organizations', one: 'Organization' },
]

export function EntitiesView() {
  const session = useSession()
  const nb = useNotebook()
  const entities = useMemo(() => nb.entities ?? [], [nb.entities])
  const mentions = useMemo(() => mentionsByEntity(nb, sourceTexts(nb)), [nb])
  const conflicts = useMemo(() => aliasConflicts(entities), [entities])
  const names = new Map(entities.map((e) => [e.id, e.name]))
  return (
    <>
      <main className="reader analyst-view" aria-label="Entities">
        <div className="reader-toolbar av-toolbar">
          <h2 className="av-title">Entities</h2>
          <button
            className="button small av-push"
            onClick={() => navigate({ screen: 'notebook', notebookId: nb.id, view: 'places' })}
          >
            Map of places
          </button>
          <button
            className="button small"
            onClick={() => navigate({ screen: 'notebook', notebookId: nb.id })}
          >
            Close
          </button>
        </div>
        <div className="av-page">
          {TYPES.map(({ type, plural }) => {
            const list = entities.filter((e) => e.type === type)
            return (
              <section key={type} aria-label={plural}>
                <h3>
                  {plural} <span className="count">{list.length}</span>
                </h3>
                <ul className="av-list">
                  {list.map((e) => (
                    <li key={e.id} className="av-card">
                      <button className="av-link" onClick={() => openEntity(session, e.id)}>
                        <span className="av-name">{e.name}</span>
                      </button>
                      {e.aliases.length > 0 && (
                        <span className="small-text">also {e.aliases.join(', ')}</span>
                      )}
                      <span className="muted small-text">
                        named {mentions.get(e.id)?.length ?? 0}× in the sources
                      </span>
                      {conflicts.get(e.id)?.map((c) => (
                        <span key={c.name} className="badge warn" role="note">
                          “{c.name}” is also a name of {c.others.map((o) => names.get(o)).join(', ')}
                        </span>
                      ))}
                    </li>
                  ))}
                </ul>
              </section>
            )
          })}
        </div>
      </main>
      <aside className="margin av-side" aria-label="New entity">
        <NewEntity />
      </aside>
    </>
  )
}

function NewEntity() {
  const session = useSession()
  const { error, run } = useRun()
  const [name, setName] = useState('')
  const [type, setType] = useState<EntityType>('place')
  return (
    <form
      className="av-form"
      onSubmit={(e) => {
        e.preventDefault()
        const id = nanoid(12)
        const entity = { id, type, name, aliases: [], description: '' }
        if (run([{ type: 'addEntity', entity }], 'Add entity')) {
          setName('')
          openEntity(session, id)
        }
      }}
    >
      <h2 className="margin-heading">New entity</h2>
      <label className="field">
        <span>Name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label className="field">
        <span>Type</span>
        <select value={type} onChange={(e) => setType(e.target.value as EntityType)}>
          {TYPES.map((t) => (
            <option key={t.type} value={t.type}>
              {t.one}
            </option>
          ))}
        </select>
      </label>
      <FieldError error={error} />
      <button className="button primary" type="submit">
        Add entity
      </button>
    </form>
  )
}
