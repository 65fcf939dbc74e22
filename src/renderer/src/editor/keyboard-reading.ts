// Reading and selecting with the keyboard alone (as Zotero 7's reader): the read-only source
// takes focus with Tab, shows a caret, moves it with the arrow keys (Ctrl: by word; Home/End:
// to the line's ends, with Ctrl to the text's) and selects with Shift; H/N/T/L then mark the selection like a mouse
// selection, and Enter on a highlight opens its card. The browser does the moving
// (Selection.modify, which works on text that is not editable); ProseMirror reads the DOM
// selection as it does after a mouse drag.
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import { passagesAt } from './passage-highlights'
import { syncSelectionFromDom } from './dom-selection'

type Move = [
  direction: 'forward' | 'backward',
  granularity: 'character' | 'line' | 'lineboundary' | 'documentboundary',
]
const MOVES: Record<string, Move> = {
  ArrowLeft: ['backward', 'character'],
  ArrowRight: ['forward', 'character'],
  ArrowUp: ['backward', 'line'],
  ArrowDown: ['forward', 'line'],
  Home: ['backward', 'lineboundary'],
  End: ['forward', 'lineboundary'],
}

export interface KeyboardReadingOptions {
  /** Enter with the caret in a highlight: the passages there, innermost first. */
  onOpenPassages: (ids: string[]) => void
}

const key = new PluginKey<boolean>('keyboardReading')

export const KeyboardReading = Extension.create<KeyboardReadingOptions>({
  name: 'keyboardReading',
  addOptions() {
    return { onOpenPassages: () => {} }
  },
  addProseMirrorPlugins() {
    const options = this.options
    return [
      new Plugin<boolean>({
        key,
        // Whether the read-only text has keyboard focus (then the caret is drawn).
        state: {
          init: () => false,
          apply: (tr, focused) => (tr.getMeta(key) as boolean | undefined) ?? focused,
        },
        props: {
          attributes: { tabindex: '0' },
          decorations(state) {
            const { selection } = state
            if (!key.getState(state) || !selection.empty) return null
            return DecorationSet.create(state.doc, [
              Decoration.widget(selection.head, caret, { key: 'read-caret', side: 1 }),
            ])
          },
          handleDOMEvents: {
            focus: (view) => setFocused(view, true),
            blur: (view) => setFocused(view, false),
            keydown: (view, event) => {
              if (view.editable || event.altKey || event.metaKey) return false
              if (event.key === 'Enter') {
                syncSelectionFromDom(view) // one the browser changed itself (moveCaret reads its own)
                const ids = passagesAt(view.state, view.state.selection.head)
                if (ids.length === 0) return false
                event.preventDefault()
                options.onOpenPassages(ids)
                return true
              }
              // Ctrl+Home / Ctrl+End: to the start or end of the text.
              const move: Move | undefined =
                event.ctrlKey && (event.key === 'Home' || event.key === 'End')
                  ? [event.key === 'Home' ? 'backward' : 'forward', 'documentboundary']
                  : MOVES[event.key]
              if (!move) return false
              event.preventDefault()
              moveCaret(view, move, event.shiftKey, event.ctrlKey)
              return true
            },
          },
        },
      }),
    ]
  },
})

function caret(): HTMLElement {
  const el = document.createElement('span')
  el.className = 'read-caret'
  el.setAttribute('aria-hidden', 'true')
  return el
}

function setFocused(view: EditorView, focused: boolean): boolean {
  if (view.editable) return false
  if (focused && !selectionInside(view)) placeAtFirstVisibleLine(view)
  view.dispatch(view.state.tr.setMeta(key, focused).setMeta('addToHistory', false))
  return false
}

function selectionInside(view: EditorView): boolean {
  const sel = document.getSelection()
  return Boolean(sel && sel.rangeCount > 0 && sel.anchorNode && view.dom.contains(sel.anchorNode))
}

function moveCaret(view: EditorView, [direction, unit]: Move, extend: boolean, byWord: boolean): void {
  const sel = document.getSelection()
  if (!sel) return
  if (!selectionInside(view)) placeAtFirstVisibleLine(view)
  if (unit === 'documentboundary') {
    // Selection.modify's document boundary is the page's, not the text's: Ctrl+Home put the
    // caret on the top bar's "← Library", outside the editor, and Enter then read whatever
    // selection the editor last had. The text's first or last character instead, in a text
    // node: a position before the caret's own widget made the next arrow key move nowhere.
    const text = edgeText(view.dom, direction)
    if (!text) return
    const offset = direction === 'backward' ? 0 : text.length
    if (extend) sel.extend(text, offset)
    else sel.collapse(text, offset)
    // The whole way, title included (scrolling the caret just into view left the first line
    // under the reader's sticky toolbar), then down again if the caret is below the window.
    const scroller = view.dom.closest('.reader')
    if (scroller) {
      scroller.scrollTo({ top: direction === 'backward' ? 0 : scroller.scrollHeight })
      // The caret's own place (with Shift, the selection's range would end at its anchor).
      const caret = document.createRange()
      caret.setStart(text, offset)
      const below = caret.getBoundingClientRect().bottom - scroller.getBoundingClientRect().bottom
      if (below > 0) scroller.scrollBy({ top: below + 24 })
    }
    syncSelectionFromDom(view)
    return
  }
  // Without Shift a selection collapses to the side moved to, as in a text field.
  if (!extend && !sel.isCollapsed && unit === 'character') {
    if (direction === 'forward') sel.collapseToEnd()
    else sel.collapseToStart()
  } else {
    const { anchorNode, anchorOffset, focusNode, focusOffset } = sel
    sel.modify(extend ? 'extend' : 'move', direction, byWord && unit === 'character' ? 'word' : unit)
    // At the text's first or last line the browser moves on into the page around it: stay.
    if (anchorNode && focusNode && !view.dom.contains(sel.focusNode))
      sel.setBaseAndExtent(anchorNode, anchorOffset, focusNode, focusOffset)
  }
  const focus = sel.focusNode
  const el = focus instanceof HTMLElement ? focus : focus?.parentElement
  el?.scrollIntoView({ block: 'nearest' })
  // Into the editor now, not at the next selectionchange: ProseMirror writes its selection over
  // the page's when it redraws (the reading caret after a focus) and 20 ms after a focus, and
  // with the move not yet read that could put the caret back where a click had left it.
  syncSelectionFromDom(view)
}

/** The text nodes with something to read (not blank), in document order. */
function* readableText(root: HTMLElement): Generator<Text> {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if ((node as Text).data.trim()) yield node as Text
}

/** The text's first or last readable text node. */
function edgeText(root: HTMLElement, direction: 'forward' | 'backward'): Text | null {
  let found: Text | null = null
  for (const text of readableText(root)) {
    found = text
    if (direction === 'backward') break
  }
  return found
}

/** A collapsed selection at the start of the first text line in view. */
function placeAtFirstVisibleLine(view: EditorView): void {
  const sel = document.getSelection()
  const scroller = view.dom.closest('.reader') ?? view.dom
  const top = scroller.getBoundingClientRect().top
  let first: Text | null = null
  for (const text of readableText(view.dom)) {
    first ??= text
    if ((text.parentElement?.getBoundingClientRect().bottom ?? 0) > top + 48) {
      first = text
      break
    }
  }
  if (sel && first) sel.collapse(first, 0)
}
