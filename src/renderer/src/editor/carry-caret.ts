// A note editor is made again when it starts or stops following the live doc (a second window
// opened the notebook, a team connected). Binding waits while the person types (bind-when-idle.ts),
// but unbinding does not, and a key may come at any moment: the old editor hands over its last
// words and its caret, and the new one takes the focus in the same task (not at the next frame,
// as TipTap's focus command would), so no keystroke lands on the page instead.
import type { Editor } from '@tiptap/core'
import { useLayoutEffect, useRef, type MutableRefObject } from 'react'

/** What passes from the editor being replaced to the next one, and which editor is current. */
export interface Handover {
  /** Where the caret was in the editor just replaced, if it had the focus. */
  caret: number | null
  /** The editor now shown (read by bind-when-idle.ts to tell whether someone types in it). */
  editor: Editor | null
}
export type CaretCarry = MutableRefObject<Handover>

export function useCaretCarry(): CaretCarry {
  return useRef<Handover>({ caret: null, editor: null })
}

/** In each editor of a wrapper that may replace it: give and take the focus across the swap. */
export function useCarriedCaret(editor: Editor | null, carry: CaretCarry, flush: () => void): void {
  useLayoutEffect(() => {
    if (!editor) return
    const handover = carry.current
    handover.editor = editor
    const at = handover.caret
    if (at !== null) {
      handover.caret = null
      editor.commands.focus(Math.max(0, Math.min(at, editor.state.doc.content.size - 1)))
      // TipTap's focus() moves the DOM focus only at the next animation frame; until then the
      // old editor's nodes are gone and keys land on the page (a letter lost under load).
      editor.view.focus()
    }
    return () => {
      if (handover.editor === editor) handover.editor = null
      // Layout cleanups run while the editor is still in the page, before its nodes go.
      if (!editor.isFocused) return
      // A key the browser has put in the page but ProseMirror has not read yet (it reads DOM
      // changes from a MutationObserver) would be lost with these nodes: read it now.
      ;(editor.view as unknown as { domObserver?: { flush(): void } }).domObserver?.flush()
      flush() // the words typed since the last save, into the note the new editor shows
      handover.caret = editor.state.selection.from
    }
  }, [editor, carry, flush])
}
