// "Link passage": pick the other end, the relation (or a new one) and an optional comment.
// The reducer decides what is allowed; a refusal (self link, duplicate) is shown here.
import { nanoid } from 'nanoid'
import { useState } from 'react'
import type { Op } from '@shared/ops'
import { LIMITS, type Endpoint, type Link } from '@shared/schema'
import { errorMessage } from '../../api/client'
import { toastStore } from '../../state/toasts'
import { useNotebook, useSession } from '../../state/use-session'
import { Dialog } from '../Dialog'
import { NEW_RELATION, nextRelationColor, RelationField, type RelationChoice } from './RelationField'
import { TargetPicker } from './TargetPicker'
import { undoAction } from '../../state/undo-action'
import { FieldError } from '../FieldError'

export function LinkDialog({ fromId, onClose }: { fromId: string; onClose: () => void }) {
  const session = useSession()
  const nb = useNotebook()
  const from = nb.annotations.find((a) => a.id === fromId)
  const [target, setTarget] = useState<Endpoint | null>(null)
  const [relation, setRelation] = useState<RelationChoice>({
    id: nb.relations[0]?.id ?? NEW_RELATION,
    name: '',
    inverse: '',
  })
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string | null>(null)

  const submit = () => {
    if (!target) return setError('Choose a passage or note page to link to.')
    const ops: Op[] = []
    let relationId = relation.id
    if (relation.id === NEW_RELATION) {
      const name = relation.name.trim()
      const inverse = relation.inverse.trim()
      if (!name || !inverse)
        return setError('A new relation needs a name and how it reads from the other end.')
      relationId = nanoid(10)
      ops.push({
        type: 'addRelation',
        relation: { id: relationId, name, inverse, color: nextRelationColor(nb.relations) },
      })
    }
    const link: Link = {
      id: nanoid(12),
      from: { kind: 'annotation', id: fromId },
      to: target,
      relationId,
      comment: comment.trim(),
      createdAt: new Date().toISOString(),
    }
    ops.push({ type: 'addLink', link })
    let entry: number | null
    try {
      entry = session.run(ops, { label: 'Link passages' })
    } catch (e) {
      return setError(errorMessage(e))
    }
    onClose()
    toastStore.show('Linked.', {
      action: undoAction(session, entry),
    })
  }

  return (
    <Dialog title="Link passage" onClose={onClose}>
      {from ? (
        <form
          className="link-dialog"
          onSubmit={(e) => {
            e.preventDefault()
            submit()
          }}
        >
          <p className="link-from">
            From <q>{from.target.quote.exact.slice(0, 140)}</q>
          </p>
          <TargetPicker
            fromId={fromId}
            value={target}
            onChange={(t) => {
              setTarget(t)
              setError(null)
            }}
          />
          <RelationField
            relations={nb.relations}
            value={relation}
            onChange={(r) => {
              setRelation(r)
              setError(null)
            }}
          />
          <label className="field">
            <span>Comment (optional)</span>
            <textarea
              rows={2}
              maxLength={LIMITS.commentChars}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </label>
          <FieldError error={error} />
          <div className="dialog-footer">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button primary">
              Link
            </button>
          </div>
        </form>
      ) : (
        <>
          <p role="alert">This passage no longer exists.</p>
          <div className="dialog-footer">
            <button className="button" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      )}
    </Dialog>
  )
}
