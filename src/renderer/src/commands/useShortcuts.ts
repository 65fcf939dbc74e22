// One keydown listener for the notebook screen. Shortcuts never fire while typing in a text
// field or an editable editor (so Ctrl+Z there is the editor's own undo).
import { useEffect } from 'react'
import { readerRef, selectedRange } from '../editor/reader-ref'
import type { NotebookSession } from '../state/session'
import { COMMANDS, matchesShortcut, type Command } from './registry'

export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el || !el.closest) return false
  return Boolean(el.closest('input, textarea, select, [contenteditable="true"]'))
}

export function useShortcuts(session: NotebookSession): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return
      // Ctrl+Y is the other common redo.
      const redoY = (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'y'
      const command: Command | undefined = redoY
        ? COMMANDS.redo
        : Object.values(COMMANDS).find((c) => matchesShortcut(event, c.shortcut))
      if (!command) return
      const inText = isTypingTarget(event.target) || Boolean(document.querySelector('dialog[open]'))
      if (inText && !command.inTextFields) return
      if (command.scope === 'selection') {
        const reader = readerRef.get()
        if (!reader || reader.editor.isEditable || !selectedRange(reader.editor)) return
      }
      if (command.enabled && !command.enabled(session)) return
      event.preventDefault()
      command.run(session)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [session])
}
