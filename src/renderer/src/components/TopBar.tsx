import { navigate } from '../state/route'
import { useNotebook, useSaveState } from '../state/use-session'
import { ExportMenu } from './export/ExportMenu'

export function TopBar() {
  const notebook = useNotebook()
  const save = useSaveState()
  return (
    <header className="topbar">
      <button
        className="button ghost"
        onClick={() => navigate({ screen: 'library' })}
        aria-label="Back to the library"
      >
        ← Library
      </button>
      <h1 className="topbar-title">{notebook.title}</h1>
      <span className={`save-state save-${save.kind}`} role={save.kind === 'error' ? 'alert' : 'status'}>
        {save.kind === 'saved' ? 'Saved' : save.kind === 'saving' ? 'Saving…' : `Not saved: ${save.message}`}
      </span>
      <ExportMenu />
    </header>
  )
}
