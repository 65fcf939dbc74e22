// "N conflicts" beside a shared notebook's connection state: where two people changed one
// thing at once, every copy kept one value (docs/LIVE.md); the other is listed here, and "Use"
// puts it back as an ordinary operation (checked by the reducer, undone with Ctrl+Z).
import { useState, useSyncExternalStore } from 'react'
import type { Conflict } from '@shared/live/conflicts'
import { putBackOp } from '@shared/live/put-back'
import { conflictNotice } from '@shared/live/settle'
import { count } from '@shared/plural'
import { replicaOf, subscribeLive } from '../../state/live-replica'
import { showError, toastStore } from '../../state/toasts'
import { undoAction } from '../../state/undo-action'
import { useNotebook, useSession } from '../../state/use-session'
import { Dialog } from '../Dialog'
import { Editable } from '../Editable'

const NONE: Conflict[] = []

export function ConflictsButton() {
  const session = useSession()
  const conflicts = useSyncExternalStore(
    (listener) => subscribeLive(session, listener),
    () => replicaOf(session)?.conflicts() ?? NONE,
  )
  const [open, setOpen] = useState(false)
  if (!conflicts.length) return null
  return (
    <>
      <button
        className="button ghost team-conflicts"
        title="Values that lost when two people changed the same thing at once"
        onClick={() => setOpen(true)}
      >
        {count(conflicts.length, 'conflict')}
      </button>
      {open && <ConflictsDialog conflicts={conflicts} onClose={() => setOpen(false)} />}
    </>
  )
}

function ConflictsDialog({ conflicts, onClose }: { conflicts: Conflict[]; onClose: () => void }) {
  const session = useSession()
  const notebook = useNotebook()
  const use = (c: Conflict, op: Parameters<typeof session.run>[0][number]) => {
    try {
      const entry = session.run([op], { label: 'Use the other value' })
      toastStore.show(`Put back ${show(c.lost)}.`, { action: undoAction(session, entry) })
    } catch (error) {
      showError(error)
    }
  }
  return (
    <Dialog
      title="Merge conflicts"
      onClose={onClose}
      wide
      footer={
        <button className="button primary" onClick={onClose}>
          Close
        </button>
      }
    >
      <p className="muted">
        Where two people changed the same thing at once, every copy kept one value. The other is listed here,
        newest first.
      </p>
      <ul className="conflict-list">
        {conflicts.map((c) => {
          const back = putBackOp(c, notebook)
          return (
            <li key={c.lostId}>
              <span>{conflictNotice(c, notebook)}</span>
              {'op' in back ? (
                <Editable>
                  <button className="button small" onClick={() => use(c, back.op)}>
                    Use {show(c.lost)}
                  </button>
                </Editable>
              ) : (
                <span className="muted">{back.reason}</span>
              )}
            </li>
          )
        })}
      </ul>
    </Dialog>
  )
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? `“${value}”` : JSON.stringify(value)
  return text.length > 60 ? `${text.slice(0, 59)}…` : text
}
