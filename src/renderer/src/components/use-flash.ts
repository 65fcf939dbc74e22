// Scrolls the reader to what was asked for and flashes it: a passage (ui.reveal) or a text
// range (a search result in the source text).
import type { Editor } from '@tiptap/core'
import { useEffect, useRef } from 'react'
import { flashElements } from '../editor/flash'
import { rangeToPositions } from '../editor/reader-ref'
import { ui, useUi } from '../state/ui-store'

export function useFlash(editor: Editor | null, sourceId: string): void {
  const flash = useUi((s) => s.flash)
  const flashRange = useUi((s) => s.flashRange)

  useEffect(() => {
    if (!editor || !flash) return
    // A just-opened source gets its highlights a few frames after it mounts (seconds later on a
    // busy machine): look again each frame, for up to five seconds (counted in time, not frames,
    // since a busy machine also draws fewer frames).
    let frame = 0
    const until = performance.now() + 5000
    const attempt = () => {
      const found = editor.view.dom.querySelectorAll<HTMLElement>(`[data-passage="${CSS.escape(flash.id)}"]`)
      if (found.length > 0) flashElements(found, 'passage-flash')
      else if (performance.now() < until) frame = requestAnimationFrame(attempt)
    }
    frame = requestAnimationFrame(attempt)
    return () => cancelAnimationFrame(frame)
  }, [editor, flash])

  const clearHit = useRef<(() => void) | null>(null)
  useEffect(() => () => clearHit.current?.(), [])
  useEffect(() => {
    if (!editor || !flashRange || flashRange.sourceId !== sourceId) return
    const frame = requestAnimationFrame(() => {
      const { from, to } = rangeToPositions(editor, flashRange.start, flashRange.end)
      // Shown, not selected: a selection would bring up the passage toolbar where the eye is
      // not yet, and H would then mark text the user never chose. An earlier selection goes.
      editor.commands.setTextSelection(from)
      clearHit.current?.()
      clearHit.current = showHit(editor, from, to)
      ui.set({ flashRange: null })
    })
    return () => cancelAnimationFrame(frame)
  }, [editor, flashRange, sourceId])
}

const HIT = 'search-hit'
/** How long a search hit stays marked: long enough to find it after the scroll. */
const HIT_MS = 4000

/** Scrolls to a text range and marks it with a CSS highlight (no DOM change, no selection). */
function showHit(editor: Editor, from: number, to: number): () => void {
  const start = editor.view.domAtPos(from)
  const end = editor.view.domAtPos(to)
  const range = document.createRange()
  range.setStart(start.node, start.offset)
  range.setEnd(end.node, end.offset)
  const el = start.node instanceof HTMLElement ? start.node : start.node.parentElement
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches
  el?.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' })
  // CSS Custom Highlights: Chromium (and so Electron) has them; elsewhere the scroll is all.
  if (typeof Highlight === 'undefined' || !CSS.highlights) return () => {}
  const highlight = new Highlight(range)
  CSS.highlights.set(HIT, highlight)
  const clear = () => {
    if (CSS.highlights.get(HIT) === highlight) CSS.highlights.delete(HIT)
  }
  const timer = setTimeout(clear, HIT_MS)
  return () => {
    clearTimeout(timer)
    clear()
  }
}
