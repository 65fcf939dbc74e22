// The small toolbar next to a selection in the reader: Highlight, Annotate, Add tag, Link.
import type { Editor } from '@tiptap/core'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { HIGHLIGHT_COLORS } from '@shared/defaults'
import { COMMANDS, shortcutLabel, type Command } from '../commands/registry'
import { selectedRange } from '../editor/reader-ref'
import { useReadOnly } from '../state/use-session'
import { useSession } from '../state/use-session'
import { ui, useUi } from '../state/ui-store'

/** Where the selection is, in the scroller's content coordinates. */
interface Anchor {
  top: number
  bottom: number
  x: number
  /** The scroller's visible width and the top of its visible part (below its sticky toolbar). */
  width: number
  viewTop: number
}
const GAP = 8
/** Below this reader width (a 1024 px window) the toolbar is drawn tighter to stay on one line. */
const COMPACT_BELOW = 520

export function SelectionToolbar({ editor, container }: { editor: Editor; container: HTMLElement | null }) {
  const session = useSession()
  const color = useUi((s) => s.color)
  const editing = useUi((s) => s.editingSource)
  const readOnly = useReadOnly()
  const [anchor, setAnchor] = useState<Anchor | null>(null)
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null)
  const ref = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const update = () => {
      if (!container || editor.isEditable || !selectedRange(editor)) return setAnchor(null)
      const { from, to } = editor.state.selection
      const start = editor.view.coordsAtPos(from)
      const end = editor.view.coordsAtPos(to)
      const box = container.getBoundingClientRect()
      // The reader's sticky toolbar ("Edit source") covers the scroller's top: not a place to show this.
      const covered = container.querySelector<HTMLElement>('.reader-toolbar')?.offsetHeight ?? 0
      setAnchor({
        top: Math.min(start.top, end.top) - box.top + container.scrollTop,
        bottom: Math.max(start.bottom, end.bottom) - box.top + container.scrollTop,
        x: (start.left + end.right) / 2 - box.left,
        width: container.clientWidth,
        viewTop: container.scrollTop + covered,
      })
    }
    editor.on('selectionUpdate', update)
    editor.on('transaction', update)
    return () => {
      editor.off('selectionUpdate', update)
      editor.off('transaction', update)
    }
  }, [editor, container])

  // Placed once its size is known: inside the reader's width (centred on the selection where
  // there is room), above the selection, or below it when above would be out of view.
  useLayoutEffect(() => {
    const el = ref.current
    if (!anchor || !el) return setPlace(null)
    const w = el.offsetWidth
    const h = el.offsetHeight
    const left = Math.min(Math.max(anchor.x, w / 2 + GAP), Math.max(anchor.width - w / 2 - GAP, w / 2 + GAP))
    const above = anchor.top - h - GAP
    setPlace({ top: above >= anchor.viewTop + GAP ? above : anchor.bottom + GAP, left })
  }, [anchor])

  if (!anchor || editing) return null
  const actions = ['highlight', 'annotate', 'add-tag', 'link-passage'] as const
  return (
    <div
      className={anchor.width < COMPACT_BELOW ? 'selection-toolbar compact' : 'selection-toolbar'}
      role={readOnly ? 'note' : 'toolbar'}
      aria-label={readOnly ? 'Read-only' : 'Passage actions'}
      ref={ref}
      style={{
        top: place?.top ?? anchor.top,
        left: place?.left ?? anchor.x,
        maxWidth: anchor.width - 2 * GAP,
        visibility: place ? undefined : 'hidden',
      }}
      onMouseDown={(e) => e.preventDefault()}
    >
      {readOnly ? (
        <span className="toolbar-note">This copy is read-only: passages cannot be marked here.</span>
      ) : (
        <>
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
        </>
      )}
    </div>
  )
}
