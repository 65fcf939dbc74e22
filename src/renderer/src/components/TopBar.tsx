// The notebook's top bar: back to the library, the title, search, then one group of actions
// (save state, sharing, theme, export). Below 1200 px the theme moves into "More" and search
// shows its icon and shortcut only, so the bar fits on one line at 1024 px with a long title.
import { COMMANDS, isMac, shortcutLabel } from '../commands/registry'
import { navigate } from '../state/route'
import { ui } from '../state/ui-store'
import { useNotebook, useSaveState } from '../state/use-session'
import { ExportMenu } from './export/ExportMenu'
import { Icon } from './Icon'
import { TeamStatus } from './team/TeamStatus'
import { ThemeSelect } from './ThemeSelect'
import { TopBarMore } from './TopBarMore'

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
      <h1 className="topbar-title" title={notebook.title}>
        {notebook.title}
      </h1>
      <button
        className="topbar-search"
        aria-label="Search"
        aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
        title="Search the notebook"
        onClick={() => ui.set({ panel: 'search' })}
      >
        <Icon name="search" />
        <span className="topbar-search-text" aria-hidden="true">
          Search…
        </span>
        <kbd aria-hidden="true">{shortcutLabel(COMMANDS.search)}</kbd>
      </button>
      <div className="topbar-actions">
        <span className={`save-state save-${save.kind}`} role={save.kind === 'error' ? 'alert' : 'status'}>
          {save.kind === 'saved'
            ? 'Saved'
            : save.kind === 'saving'
              ? 'Saving…'
              : `Not saved: ${save.message}`}
        </span>
        <TeamStatus />
        <div className="topbar-theme">
          <ThemeSelect />
        </div>
        <ExportMenu />
        <TopBarMore />
      </div>
    </header>
  )
}
