// Asked when the notebook's file changed on disk while this window had edits not yet saved:
// keep this window's version (overwriting the file) or load the file's (discarding the edits).
import { useState } from 'react'
import { Dialog } from './Dialog'

interface Props {
  detail: string
  onKeepMine: () => Promise<void>
  onLoadTheirs: () => Promise<void>
  onLater: () => void
}

export function ExternalChangeDialog({ detail, onKeepMine, onLoadTheirs, onLater }: Props) {
  const [busy, setBusy] = useState(false)
  const run = (action: () => Promise<void>) => async () => {
    setBusy(true)
    await action()
    setBusy(false)
  }
  return (
    <Dialog
      title="The notebook changed on disk"
      onClose={onLater}
      footer={
        <>
          <button className="button" onClick={onLater} disabled={busy}>
            Decide later
          </button>
          <button className="button" onClick={run(onLoadTheirs)} disabled={busy}>
            Load theirs
          </button>
          <button className="button primary" onClick={run(onKeepMine)} disabled={busy}>
            Keep mine (overwrite)
          </button>
        </>
      }
    >
      <p>Another program changed this notebook’s file while it was open here. {detail}</p>
      <p className="muted">
        <strong>Keep mine</strong> saves this window’s version over the file. <strong>Load theirs</strong>{' '}
        opens the file’s version and discards the edits not yet saved here.
      </p>
    </Dialog>
  )
}
