// The small toolbar next to a selection in the reader: Highlight, Annotate, Add tag, Link.
import type { Editor } from '@tiptap/core'
import { useEffect, useState } from 'react'
import { HIGHLIGHT_COLORS } from '@shared/defaults'
import { COMMANDS, shortcutLabel, type Command } from '../commands/registry'
import { selectedRange } from '../editor/reader-ref'
import { useSession } from '../state/use-session'
import { ui, useUi } from '../state/ui-store'

interface Position {
  top: number
  left: number
}

export function SelectionToolbar({ editor, container }: { editor: Editor; container: HTMLElement | null }) {
  const session = useSession()
  const color = useUi((s) => s.color)
  const editing = useUi((s) => s.editingSource)
  const [position, setPosition] = useState<Position | null>(null)

  useEffect(() => {
    const update = () => {
      if (!container || editor.isEditable || !selectedRange(editor)) return setPosition(null)
      const { from, to } = editor.state.selection
      const start = editor.view.coordsAtPos(from)
      const end = editor.view.coordsAtPos(to)
      const box = container.getBoundingClientRect()
      const left = Math.min(Math.max((start.left + end.right) / 2 - box.left, 150), box.width - 150)
      setPosition({ top: Math.min(start.top, end.top) - box.top + container.scrollTop - 52, left })
    }
    editor.on('selectionUpdate', update)
    editor.on('transaction', update)
    return () => {
      editor.off('selectionUpdate', update)
      editor.off('transaction', update)
    }
  }, [editor, container])

  if (!position || editing) return null
  const actions = ['highlight', 'annotate', 'add-tag', 'link-passage'] as const
  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label="Passage actions"
      style={{ top: position.top, left: position.left }}
      onMouseDown={(e) => e.preventDefault()}
    >
      {actions.map((id) => {
        const command: Command = COMMANDS[id]
        const enabled = command.enabled?.(session) ?? true
        return (
          <button
            key={id}
            className="toolbar-button"
            disabled={!enabled}
            title={`${command.label} (${shortcutLabel(command)})${enabled ? '' : ' — coming soon'}`}
            onClick={() => command.run(session)}
          >
            {command.label}
          </button>
        )
      })}
      <span className="toolbar-sep" aria-hidden="true" />
      <div role="radiogroup" aria-label="Highlight color" className="swatches">
        <button
          role="radio"
          aria-checked={color === null}
          aria-label="Automatic color (first tag's)"
          title="Automatic: the first tag's color"
          className="swatch swatch-auto"
          onClick={() => ui.set({ color: null })}
        />
        {HIGHLIGHT_COLORS.map((c, i) => (
          <button
            key={c}
            role="radio"
            aria-checked={c === color}
            aria-label={`Color ${i + 1}`}
            className="swatch"
            style={{ background: c }}
            onClick={() => ui.set({ color: c })}
          />
        ))}
      </div>
    </div>
  )
}
