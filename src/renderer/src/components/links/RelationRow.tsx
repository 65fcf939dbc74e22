// One relation type in the Relations panel: rename it, change how it reads from the other end,
// recolor it, or delete it (saying how many links go with it). Every change is undoable.
import { useEffect, useState } from 'react'
import { count as countOf } from '@shared/plural'
import type { Relation } from '@shared/schema'
import { toastStore } from '../../state/toasts'
import { useRun } from '../../state/use-run'
import { useSession } from '../../state/use-session'
import { Icon } from '../Icon'
import { undoAction } from '../../state/undo-action'

export function RelationRow({ relation, count }: { relation: Relation; count: number }) {
  const session = useSession()
  const [name, setName] = useState(relation.name)
  const [inverse, setInverse] = useState(relation.inverse)
  const [confirming, setConfirming] = useState(false)
  const { error, run: apply } = useRun()
  // Follow changes made elsewhere (undo, redo).
  useEffect(() => setName(relation.name), [relation.name])
  useEffect(() => setInverse(relation.inverse), [relation.inverse])

  const commit = (field: 'name' | 'inverse', value: string) => {
    const trimmed = value.trim()
    if (trimmed === relation[field]) return
    const reset = () => (field === 'name' ? setName(relation.name) : setInverse(relation.inverse))
    if (!trimmed) return reset()
    if (
      !apply(
        [{ type: 'updateRelation', id: relation.id, patch: { [field]: trimmed } }],
        field === 'name' ? 'Rename relation' : 'Change inverse reading',
      )
    )
      reset()
  }
  const remove = () => {
    const done = apply([{ type: 'deleteRelation', id: relation.id }], 'Delete relation')
    if (!done) return
    toastStore.show(`Deleted the relation “${relation.name}”.`, { action: undoAction(session, done.entry) })
  }
  const links = countOf(count, 'link')

  return (
    <li className="relation-row" aria-label={`Relation ${relation.name}`}>
      <input
        type="color"
        className="relation-color"
        aria-label={`Color of “${relation.name}”`}
        value={relation.color}
        onChange={(e) =>
          apply(
            [{ type: 'updateRelation', id: relation.id, patch: { color: e.target.value } }],
            'Recolor relation',
          )
        }
      />
      <input
        className="relation-input"
        aria-label={`Name of “${relation.name}”`}
        value={name}
        maxLength={60}
        onChange={(e) => setName(e.target.value)}
        onBlur={() => commit('name', name)}
        onKeyDown={(e) => e.key === 'Enter' && commit('name', name)}
      />
      <input
        className="relation-input"
        aria-label={`Inverse of “${relation.name}”`}
        value={inverse}
        maxLength={60}
        onChange={(e) => setInverse(e.target.value)}
        onBlur={() => commit('inverse', inverse)}
        onKeyDown={(e) => e.key === 'Enter' && commit('inverse', inverse)}
      />
      <span className="relation-count">{links}</span>
      {confirming ? (
        <span className="relation-confirm" role="group" aria-label="Confirm deletion">
          <span>{count > 0 ? `Delete it and its ${links}?` : 'Delete it?'}</span>
          <button className="button small" onClick={() => setConfirming(false)}>
            Cancel
          </button>
          <button className="button small danger-fill" onClick={remove}>
            {count > 0 ? `Delete relation and ${links}` : 'Delete relation'}
          </button>
        </span>
      ) : (
        <button
          className="icon-button"
          aria-label={`Delete relation “${relation.name}”`}
          title="Delete"
          onClick={() => setConfirming(true)}
        >
          <Icon name="trash" />
        </button>
      )}
      {error && (
        <p role="alert" className="field-error relation-error">
          {error}
        </p>
      )}
    </li>
  )
}
