// "Bring back edits from Markdown…": pick an export of this notebook that was edited in
// Obsidian (a file, a folder or its zip); every difference is listed (added, changed, removed,
// and quotes that no longer match) and only the changes left ticked are applied, as one
// undoable step through the session.
import { useMemo, useState } from 'react'
import { nanoid } from 'nanoid'
import { reimport, type Change, type Reimport } from '@shared/markdown-import/diff'
import { errorMessage } from '../../api/client'
import { toastStore } from '../../state/toasts'
import { useRun } from '../../state/use-run'
import { useSession } from '../../state/use-session'
import { Dialog } from '../Dialog'
import { FilePickers } from './FilePickers'
import { readImportFiles } from './read-files'

const KIND: Record<Change['kind'], string> = {
  added: 'Added',
  changed: 'Changed',
  removed: 'Removed',
  quote: 'Quote no longer matches',
}

export function ReimportDialog({ onClose }: { onClose: () => void }) {
  const session = useSession()
  const { error, setError, run } = useRun()
  const [found, setFound] = useState<Reimport | null>(null)
  const [accepted, setAccepted] = useState<Set<string>>(new Set())
  const [reading, setReading] = useState(false)

  const read = async (files: File[]) => {
    setReading(true)
    setError(null)
    try {
      const input = await readImportFiles(files)
      const result = reimport(session.notebook, input, new Date().toISOString(), () => nanoid(12))
      setFound(result)
      setAccepted(new Set(result.changes.filter((c) => c.applicable).map((c) => c.id)))
    } catch (e) {
      setFound(null)
      setError(errorMessage(e))
    } finally {
      setReading(false)
    }
  }
  const applicable = useMemo(() => found?.changes.filter((c) => c.applicable) ?? [], [found])
  const reported = useMemo(() => found?.changes.filter((c) => !c.applicable) ?? [], [found])
  const chosen = applicable.filter((c) => accepted.has(c.id)).length

  const apply = () => {
    if (!found) return
    const ops = found.opsFor(accepted)
    if (ops.length === 0) return onClose()
    if (run(ops, 'Bring back Markdown edits')) {
      toastStore.show(`Brought back ${chosen} change${chosen === 1 ? '' : 's'} from Markdown.`)
      onClose()
    }
  }

  return (
    <Dialog
      title="Bring back edits from Markdown"
      onClose={onClose}
      wide
      footer={
        <>
          <button className="button" onClick={onClose}>
            Cancel
          </button>
          {found && applicable.length > 0 && (
            <button className="button primary" disabled={chosen === 0} onClick={apply}>
              Apply {chosen} change{chosen === 1 ? '' : 's'}
            </button>
          )}
        </>
      }
    >
      <p className="muted">
        Choose a Markdown export of this notebook that you edited elsewhere (in Obsidian, say). Glossa lists
        what differs; nothing is applied until you choose Apply.
      </p>
      <FilePickers disabled={reading} onPick={(files) => void read(files)} label="the edited export" />
      {reading && <p role="status">Reading the files…</p>}
      {error && (
        <p role="alert" className="error-box">
          {error}
        </p>
      )}
      {found && found.changes.length === 0 && <p role="status">No changes: the files match this notebook.</p>}
      {applicable.length > 0 && (
        <fieldset className="reimport-changes">
          <legend>Changes to bring back</legend>
          {applicable.map((c) => (
            <label key={c.id} className="reimport-change">
              <input
                type="checkbox"
                checked={accepted.has(c.id)}
                onChange={(e) => {
                  const next = new Set(accepted)
                  if (e.target.checked) next.add(c.id)
                  else next.delete(c.id)
                  setAccepted(next)
                }}
              />
              <span>
                <strong>{KIND[c.kind]}</strong> {c.label}
                {c.detail && <span className="export-hint"> — {c.detail}</span>}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {reported.length > 0 && (
        <section aria-label="Not brought back">
          <h3 className="reimport-heading">Not brought back</h3>
          <ul className="reimport-reported">
            {reported.map((c) => (
              <li key={c.id}>
                <strong>{KIND[c.kind]}:</strong> {c.label.replace(/^Quote no longer matches: /, '')}
                {c.detail && <span className="export-hint"> — {c.detail}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Dialog>
  )
}
