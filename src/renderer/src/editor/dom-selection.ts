// A key that acts on the selection must act on what the person sees selected. ProseMirror reads
// a keyboard selection from the page's `selectionchange` event, a task after the key; a second
// key in that task (H to mark right after Shift+arrow, Enter right after Ctrl+Home) would find
// the editor's previous selection. This reads the page's selection into the editor first,
// through public view API.
import { TextSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

export function syncSelectionFromDom(view: EditorView): void {
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
  const { selection, doc } = view.state
  if (selection.anchor === anchor && selection.head === head) return
  view.dispatch(view.state.tr.setSelection(TextSelection.create(doc, anchor, head)))
}
