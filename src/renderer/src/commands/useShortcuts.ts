// One keydown listener for the notebook screen. Shortcuts never fire while typing in a text
// field or an editable editor (so Ctrl+Z there is the editor's own undo) — except the few
// marked `inTextFields` (Ctrl/Cmd+K), which are taken in the capture phase: the note editors
// stop their keys from bubbling out, and a search shortcut that works everywhere but in a
// note is one that people stop trusting.
import { useEffect } from 'react'
import { syncSelectionFromDom } from '../editor/dom-selection'
import { readerRef, selectedRange } from '../editor/reader-ref'
import type { NotebookSession } from '../state/session'
import { COMMANDS, matchesShortcut, type Command } from './registry'

export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el || !el.closest) return false
  return Boolean(el.closest('input, textarea, select, [contenteditable="true"]'))
}

function commandFor(event: KeyboardEvent): Command | undefined {
  // Ctrl+Y is the other common redo.
  const redoY = (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'y'
  if (redoY) return COMMANDS.redo
  return Object.values(COMMANDS).find((c) => matchesShortcut(event, c.shortcut))
}

export function useShortcuts(session: NotebookSession): void {
  useEffect(() => {
    const run = (event: KeyboardEvent, command: Command) => {
      if (command.enabled && !command.enabled(session)) return
      event.preventDefault()
      command.run(session)
    }
    const onCapture = (event: KeyboardEvent) => {
      const command = commandFor(event)
      if (command?.inTextFields) run(event, command)
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return
      const command = commandFor(event)
      if (!command || command.inTextFields) return
      const inText = isTypingTarget(event.target) || Boolean(document.querySelector('dialog[open]'))
      if (inText) return
      if (command.scope === 'selection') {
        const reader = readerRef.get()
        if (!reader || reader.editor.isEditable) return
        syncSelectionFromDom(reader.editor.view)
        if (!selectedRange(reader.editor)) return
      }
      run(event, command)
    }
    window.addEventListener('keydown', onCapture, true)
    window.addEventListener('keydown', onKeyDown)
    return () => {
      window.removeEventListener('keydown', onCapture, true)
      window.removeEventListener('keydown', onKeyDown)
    }
  }, [session])
}
