// Scrolls the reader to the passage asked for (ui.reveal) and flashes it briefly.
import type { Editor } from '@tiptap/core'
import { useEffect } from 'react'
import { useUi } from '../state/ui-store'

export function useFlash(editor: Editor | null, _scroller: HTMLElement | null): void {
  const flash = useUi((s) => s.flash)
  useEffect(() => {
    if (!editor || !flash) return
    // Wait a frame so decorations for a just-opened source are in the DOM.
    const frame = requestAnimationFrame(() => {
      const spans = editor.view.dom.querySelectorAll<HTMLElement>(`[data-passage="${CSS.escape(flash.id)}"]`)
      if (spans.length === 0) return
      spans[0].scrollIntoView({ block: 'center', behavior: 'smooth' })
      spans.forEach((s) => {
        s.classList.remove('passage-flash')
        void s.offsetWidth // restart the animation
        s.classList.add('passage-flash')
      })
      setTimeout(() => spans.forEach((s) => s.classList.remove('passage-flash')), 1600)
    })
    return () => cancelAnimationFrame(frame)
  }, [editor, flash])
}
