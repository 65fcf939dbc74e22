// Typing inside highlighted text in Edit source, without ProseMirror redrawing the highlight.
//
// When the browser inserts a character into a text node wrapped in decoration spans (every
// highlight is one), ProseMirror's DOM observer marks that whole text node changed, and a
// decorated text node changed at its start or end is rebuilt with all its wrapper spans
// (prosemirror-view, TextViewDesc.markDirty). The observer reports a text change as the whole
// node, so every key typed inside a highlight replaced the nested spans around the caret, laid
// the paragraph out again and wrote the caret back: two DOM replacements per key, the cost
// behind "typing in the source, edit mode" at L (docs/PERFORMANCE.md).
//
// Here the character is inserted the way ProseMirror itself inserts it for a node selection
// (its keypress handler): as a transaction, with `handleTextInput` (input rules) asked first.
// ProseMirror then writes the new text into the existing text node, and the spans stay. Only a
// plain character typed with the caret or a selection inside one paragraph of highlighted text
// takes this way, and only when the DOM selection is the one the editor holds (read into it
// first, if a move is not read yet); anything else (composition, Enter, shortcuts, text outside
// highlights) is left to the browser as before.
import { TextSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { syncSelectionFromDom } from './dom-selection'

export function typeInHighlight(view: EditorView, event: KeyboardEvent): boolean {
  if (!view.editable || view.composing || event.isComposing) return false
  if (event.ctrlKey || event.metaKey || event.altKey || !event.charCode) return false
  const text = String.fromCharCode(event.charCode)
  if (/[\r\n]/.test(text)) return false
  // A caret just moved (an arrow key, a click) is read a task later, by selectionchange: read it
  // now, or a key typed right after the move took the browser's way and redrew the highlight.
  syncSelectionFromDom(view)
  const sel = view.state.selection
  if (!(sel instanceof TextSelection) || !sel.$from.sameParent(sel.$to)) return false
  if (!inHighlight(view) || !domSelectionIsState(view)) return false
  const deflt = () => view.state.tr.insertText(text).scrollIntoView()
  if (!view.someProp('handleTextInput', (f) => f(view, sel.from, sel.to, text, deflt))) view.dispatch(deflt())
  return true
}

function domSelection(view: EditorView): Selection | null {
  const root = view.root as Document & { getSelection?: () => Selection | null }
  return root.getSelection?.() ?? document.getSelection()
}

/** Whether the caret's DOM node sits inside a highlight's span. */
function inHighlight(view: EditorView): boolean {
  const node = domSelection(view)?.focusNode
  const element = node?.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element | null)
  const highlight = element?.closest('[data-passage]')
  return highlight != null && view.dom.contains(highlight)
}

/** Whether the DOM selection is where the editor's selection is (no selection change unread). */
function domSelectionIsState(view: EditorView): boolean {
  const dom = domSelection(view)
  if (!dom?.anchorNode || !dom.focusNode) return false
  try {
    const anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset)
    const head = view.posAtDOM(dom.focusNode, dom.focusOffset)
    return anchor === view.state.selection.anchor && head === view.state.selection.head
  } catch {
    return false // a DOM position ProseMirror cannot map
  }
}
