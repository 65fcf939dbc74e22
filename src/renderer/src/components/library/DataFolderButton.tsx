// "Open data folder": the desktop app opens it in the file manager; a browser cannot, so the
// browser host shows the path with a Copy button.
import { useState } from 'react'
import { api, errorMessage } from '../../api/client'
import { showError } from '../../state/toasts'
import { Dialog } from '../Dialog'

export function DataFolderButton() {
  const [path, setPath] = useState<string | null>(null)
  const [copied, setCopied] = useState<string | null>(null)
  const open = async () => {
    try {
      const info = await api.appInfo({})
      if (info.host === 'desktop') await api.openDataFolder({})
      else setPath(info.dataDir)
    } catch (e) {
      showError(e)
    }
  }
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(path!)
      setCopied('Copied.')
    } catch (e) {
      setCopied(`Could not copy (${errorMessage(e)}); select the path and copy it by hand.`)
    }
  }
  return (
    <>
      <button className="button" onClick={() => void open()}>
        Open data folder
      </button>
      {path !== null && (
        <Dialog title="Data folder" onClose={() => setPath(null)}>
          <p>
            Your notebooks, backups and trash are in this folder. A browser cannot open folders, so copy the
            path into your file manager.
          </p>
          <label className="field">
            <span>Path</span>
            <input readOnly value={path} onFocus={(e) => e.target.select()} />
          </label>
          {copied && (
            <p role="status" className="muted">
              {copied}
            </p>
          )}
          <div className="dialog-footer">
            <button className="button" onClick={() => void copy()}>
              Copy
            </button>
            <button className="button primary" autoFocus onClick={() => setPath(null)}>
              Close
            </button>
          </div>
        </Dialog>
      )}
    </>
  )
}
