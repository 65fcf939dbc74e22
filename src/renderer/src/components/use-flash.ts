// Scrolls the reader to what was asked for and flashes it: a passage (ui.reveal) or a text
// range (a search result in the source text).
import type { Editor } from '@tiptap/core'
import { useEffect } from 'react'
import { flashElements } from '../editor/flash'
import { rangeToPositions } from '../editor/reader-ref'
import { ui, useUi } from '../state/ui-store'

export function useFlash(editor: Editor | null, sourceId: string): void {
  const flash = useUi((s) => s.flash)
  const flashRange = useUi((s) => s.flashRange)

  useEffect(() => {
    if (!editor || !flash) return
    // Wait a frame so decorations for a just-opened source are in the DOM.
    const frame = requestAnimationFrame(() => {
      flashElements(
        editor.view.dom.querySelectorAll<HTMLElement>(`[data-passage="${CSS.escape(flash.id)}"]`),
        'passage-flash',
      )
    })
    return () => cancelAnimationFrame(frame)
  }, [editor, flash])

  useEffect(() => {
    if (!editor || !flashRange || flashRange.sourceId !== sourceId) return
    const frame = requestAnimationFrame(() => {
      const { from, to } = rangeToPositions(editor, flashRange.start, flashRange.end)
      editor.commands.setTextSelection({ from, to })
      const dom = editor.view.domAtPos(from).node
      const el = dom instanceof HTMLElement ? dom : dom.parentElement
      el?.scrollIntoView({ block: 'center', behavior: 'smooth' })
      ui.set({ flashRange: null })
    })
    return () => cancelAnimationFrame(frame)
  }, [editor, flashRange, sourceId])
}
