import { COMMANDS, isMac, shortcutLabel } from '../commands/registry'
import { navigate } from '../state/route'
import { ui } from '../state/ui-store'
import { useNotebook, useSaveState } from '../state/use-session'
import { ExportMenu } from './export/ExportMenu'
import { Icon } from './Icon'
import { TeamStatus } from './team/TeamStatus'
import { ThemeSelect } from './ThemeSelect'

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
      <button
        className="topbar-search"
        aria-label="Search"
        aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
        title="Search the notebook"
        onClick={() => ui.set({ panel: 'search' })}
      >
        <Icon name="search" />
        <span aria-hidden="true">Search…</span>
        <kbd aria-hidden="true">{shortcutLabel(COMMANDS.search)}</kbd>
      </button>
      <span className={`save-state save-${save.kind}`} role={save.kind === 'error' ? 'alert' : 'status'}>
        {save.kind === 'saved' ? 'Saved' : save.kind === 'saving' ? 'Saving…' : `Not saved: ${save.message}`}
      </span>
      <TeamStatus />
      <ThemeSelect />
      <ExportMenu />
    </header>
  )
}
