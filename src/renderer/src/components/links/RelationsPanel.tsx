// The Relations panel: the notebook's vocabulary of link types with how many links use each,
// and a form to add a user-defined one.
import { nanoid } from 'nanoid'
import { useMemo, useState } from 'react'
import { linkCounts } from '@shared/links'
import { errorMessage } from '../../api/client'
import { useNotebook, useSession } from '../../state/use-session'
import { Dialog } from '../Dialog'
import { nextRelationColor } from './RelationField'
import { RelationRow } from './RelationRow'
import { FieldError } from '../FieldError'

export function RelationsPanel({ onClose }: { onClose: () => void }) {
  const session = useSession()
  const nb = useNotebook()
  const counts = useMemo(() => linkCounts(nb.links), [nb.links])
  const [name, setName] = useState('')
  const [inverse, setInverse] = useState('')
  const [error, setError] = useState<string | null>(null)

  const add = () => {
    if (!name.trim() || !inverse.trim())
      return setError('A relation needs a name and how it reads from the other end.')
    try {
      session.run(
        [
          {
            type: 'addRelation',
            relation: {
              id: nanoid(10),
              name: name.trim(),
              inverse: inverse.trim(),
              color: nextRelationColor(nb.relations),
            },
          },
        ],
        { label: 'Add relation' },
      )
      setName('')
      setInverse('')
      setError(null)
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  return (
    <Dialog title="Relations" onClose={onClose}>
      <p className="muted small-text">
        A link reads with the relation’s name from where it starts, and with its inverse from where it ends.
      </p>
      <div className="relation-head" aria-hidden="true">
        <span />
        <span>Name</span>
        <span>Inverse</span>
        <span>Used by</span>
      </div>
      <ul className="relation-list">
        {nb.relations.map((r) => (
          <RelationRow key={r.id} relation={r} count={counts.get(r.id) ?? 0} />
        ))}
      </ul>
      <form
        className="relation-add"
        onSubmit={(e) => {
          e.preventDefault()
          add()
        }}
      >
        <label className="field">
          <span>New relation</span>
          <input
            value={name}
            maxLength={60}
            placeholder="explains"
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Read from the other end</span>
          <input
            value={inverse}
            maxLength={60}
            placeholder="explained by"
            onChange={(e) => setInverse(e.target.value)}
          />
        </label>
        <button type="submit" className="button">
          Add relation
        </button>
      </form>
      <FieldError error={error} />
      <div className="dialog-footer">
        <button className="button primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  )
}
