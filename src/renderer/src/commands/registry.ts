// Commands as small registered units: the toolbar, the shortcuts and the help panel all read
// this table, so a shortcut shown in a tooltip is the one that works.
import { exportNotebookAs } from '../state/export-actions'
import { readerRef } from '../editor/reader-ref'
import { createNotePage } from '../state/note-actions'
import { markSelection, passageForDialog } from '../state/passage-actions'
import type { NotebookSession } from '../state/session'
import { showError, toastStore } from '../state/toasts'
import { ui } from '../state/ui-store'

export interface Shortcut {
  key: string
  mod?: boolean
  shift?: boolean
}
export interface Command {
  id: string
  label: string
  shortcut: Shortcut
  /** Where the shortcut works: in the reader with a selection, or anywhere outside text fields. */
  scope: 'selection' | 'global'
  /** Also fires while typing in a text field or editor (e.g. Ctrl+K). */
  inTextFields?: boolean
  enabled?: (session: NotebookSession) => boolean
  run: (session: NotebookSession) => void
}

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

export const COMMANDS = {
  highlight: {
    id: 'highlight',
    label: 'Highlight',
    shortcut: { key: 'h' },
    scope: 'selection',
    run: (s) => void markSelection(s),
  },
  annotate: {
    id: 'annotate',
    label: 'Annotate',
    shortcut: { key: 'n' },
    scope: 'selection',
    run: (s) => void markSelection(s, { withNote: true }),
  },
  'add-tag': {
    id: 'add-tag',
    label: 'Add tag',
    shortcut: { key: 't' },
    scope: 'selection',
    run: (s) => {
      const passage = passageForDialog(s, { reuse: false })
      if (passage) ui.set({ tagPickerFor: passage.id })
    },
  },
  'link-passage': {
    id: 'link-passage',
    label: 'Link passage',
    shortcut: { key: 'l' },
    scope: 'selection',
    run: (s) => {
      const passage = passageForDialog(s, { reuse: true })
      if (passage) ui.set({ linkFrom: passage.id })
    },
  },
  undo: {
    id: 'undo',
    label: 'Undo',
    shortcut: { key: 'z', mod: true },
    scope: 'global',
    run: (s) => {
      try {
        const label = s.undo()
        toastStore.show(label ? `Undone: ${label.toLowerCase()}` : 'Nothing to undo.')
      } catch (error) {
        showError(error)
      }
    },
  },
  redo: {
    id: 'redo',
    label: 'Redo',
    shortcut: { key: 'z', mod: true, shift: true },
    scope: 'global',
    run: (s) => {
      try {
        const label = s.redo()
        toastStore.show(label ? `Redone: ${label.toLowerCase()}` : 'Nothing to redo.')
      } catch (error) {
        showError(error)
      }
    },
  },
  search: {
    id: 'search',
    label: 'Search',
    shortcut: { key: 'k', mod: true },
    scope: 'global',
    inTextFields: true,
    run: () => ui.set({ panel: 'search' }),
  },
  tags: {
    id: 'tags',
    label: 'Tags',
    shortcut: { key: 'g', mod: true, shift: true },
    scope: 'global',
    run: () => ui.set({ panel: 'tags' }),
  },
  graph: {
    id: 'graph',
    label: 'Graph',
    shortcut: { key: 'g' },
    scope: 'global',
    run: () => ui.set((s) => ({ graphOpen: !s.graphOpen })),
  },
  filter: {
    id: 'filter',
    label: 'Filter passages by tag',
    shortcut: { key: 'f' },
    scope: 'global',
    enabled: () => sourceShown(),
    run: () => ui.set((s) => ({ filterOpen: !s.filterOpen })),
  },
  'edit-source': {
    id: 'edit-source',
    label: 'Edit source',
    shortcut: { key: 'e' },
    scope: 'global',
    enabled: () => sourceShown() && !ui.get().editingSource,
    run: () => ui.set({ editingSource: true }),
  },
  'new-note': {
    id: 'new-note',
    label: 'New note page',
    shortcut: { key: 'n', shift: true },
    scope: 'global',
    run: (s) => createNotePage(s),
  },
  'add-source': {
    id: 'add-source',
    label: 'Add source',
    shortcut: { key: 'a', shift: true },
    scope: 'global',
    run: () => ui.set({ panel: 'add-source' }),
  },
  'export-md': {
    id: 'export-md',
    label: 'Export as Markdown',
    shortcut: { key: 'e', mod: true },
    scope: 'global',
    run: (s) => void exportNotebookAs(s, 'md'),
  },
  shortcuts: {
    id: 'shortcuts',
    label: 'Keyboard shortcuts',
    shortcut: { key: '?', shift: true },
    scope: 'global',
    run: () => ui.set({ panel: 'shortcuts' }),
  },
} satisfies Record<string, Command>

export type CommandId = keyof typeof COMMANDS

/** A source is on screen (not a note page or the graph): its reader and margin can be used. */
function sourceShown(): boolean {
  return readerRef.get() !== null && !ui.get().graphOpen
}

export function shortcutLabel(command: Command): string {
  const { key, mod, shift } = command.shortcut
  const parts = [
    mod ? (isMac ? '⌘' : 'Ctrl') : '',
    shift && key !== '?' ? (isMac ? '⇧' : 'Shift') : '',
    key.length === 1 ? key.toUpperCase() : key,
  ]
  return parts.filter(Boolean).join(isMac ? '' : '+')
}

export function matchesShortcut(event: KeyboardEvent, shortcut: Shortcut): boolean {
  const mod = isMac ? event.metaKey : event.ctrlKey
  if (Boolean(shortcut.mod) !== mod) return false
  if (event.altKey) return false
  if (shortcut.key === '?') return event.key === '?'
  return event.key.toLowerCase() === shortcut.key && Boolean(shortcut.shift) === event.shiftKey
}
