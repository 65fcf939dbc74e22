// A shortcut pressed right after Shift+arrow must act on what the person sees selected.
// ProseMirror reads a keyboard selection from the page's `selectionchange` event, a task after
// the key; a second key in that task (H to mark) would find the editor's previous selection.
// This reads the page's selection into the editor first, through public view API.
import type { Editor } from '@tiptap/core'

export function syncSelectionFromDom(editor: Editor): void {
  const { view } = editor
  const dom = document.getSelection()
  if (!dom || !dom.rangeCount || !dom.anchorNode || !dom.focusNode) return
  if (!view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return
  let anchor: number
  let head: number
  try {
    anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset)
    head = view.posAtDOM(dom.focusNode, dom.focusOffset)
  } catch {
    return // inside a widget ProseMirror does not map (the reading caret): keep the editor's own
  }
  const { selection } = view.state
  if (selection.anchor === anchor && selection.head === head) return
  editor.commands.setTextSelection({ from: anchor, to: head })
}
