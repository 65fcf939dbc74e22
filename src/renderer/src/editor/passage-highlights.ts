// Highlights as ProseMirror decorations built from the passages' selectors: the source
// document itself is never changed by annotating. Overlapping passages nest naturally (each
// adds its own translucent layer); the hovered passage is outlined; decorations follow edits
// through position mapping while the source is being edited.
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import { typeInHighlight } from './type-in-highlight'

export interface PassageDecor {
  id: string
  from: number
  to: number
  color: string
  selected: boolean
  /** More attributes of the highlight (the tag filter's: filter-dim.ts). */
  attrs?: Record<string, string>
}
interface HighlightState {
  /** Every passage's highlight, mapped through edits (read by passagesAt, passageRanges). */
  passages: DecorationSet
  /** What is drawn: all of `passages`, or in edit mode those near the visible text (`window`). */
  shown: DecorationSet
  /** Edit mode: the document range whose highlights are drawn; null: all of them. */
  window: Range | null
  hover: DecorationSet
  hoverId: string | null
}
interface Range {
  from: number
  to: number
}
type Meta = { passages: PassageDecor[] } | { hoverId: string | null } | { window: Range | null }

export const passageHighlightsKey = new PluginKey<HighlightState>('passageHighlights')

export interface PassageHighlightsOptions {
  onClickPassages: (ids: string[]) => void
}

export const PassageHighlights = Extension.create<PassageHighlightsOptions>({
  name: 'passageHighlights',
  addOptions() {
    return { onClickPassages: () => {} }
  },
  addProseMirrorPlugins() {
    return passageHighlightPlugins(this.options)
  },
})

/**
 * The plugins behind PassageHighlights (exported for unit tests). The hover outline comes from
 * a second plugin so that each returns a set it keeps: ProseMirror then compares the sets by
 * identity on every keystroke, where one set merged per update made it rebuild and compare all
 * of a source's highlights (docs/PERFORMANCE.md, typing in the source).
 */
export function passageHighlightPlugins(options: PassageHighlightsOptions): Plugin[] {
  return [
    new Plugin<HighlightState>({
      key: passageHighlightsKey,
      state: {
        init: () => ({
          passages: DecorationSet.empty,
          shown: DecorationSet.empty,
          window: null,
          hover: DecorationSet.empty,
          hoverId: null,
        }),
        apply(tr, value, _old, state) {
          const meta = tr.getMeta(passageHighlightsKey) as Meta | undefined
          let next = value
          if (tr.docChanged) {
            const passages = dropReplaced(value.passages, tr).map(tr.mapping, tr.doc)
            next = {
              ...value,
              passages,
              shown: value.window ? dropReplaced(value.shown, tr).map(tr.mapping, tr.doc) : passages,
              window: value.window && mapRange(value.window, tr),
              hover: value.hover.map(tr.mapping, tr.doc),
            }
          }
          if (meta && 'passages' in meta) {
            const passages = buildSet(state, meta.passages)
            next = { ...next, passages, shown: windowed(passages, state, next.window) }
          }
          if (meta && 'window' in meta)
            next = { ...next, window: meta.window, shown: windowed(next.passages, state, meta.window) }
          if (meta && 'hoverId' in meta)
            next = { ...next, hoverId: meta.hoverId, hover: hoverSet(next.passages, state, meta.hoverId) }
          return next
        },
      },
      view: (view) => new HighlightWindow(view),
      props: {
        decorations: (state) => passageHighlightsKey.getState(state)!.shown,
        handleClick(view, pos) {
          // A click on a highlight selects its passage; elsewhere in the text, none.
          if (!view.editable) options.onClickPassages(passagesAt(view.state, pos))
          return false
        },
        handleKeyPress: typeInHighlight,
        handleDOMEvents: {
          mouseover: (view, event) => setHoverFromEvent(view, event),
          mouseleave: (view) => setHover(view, null),
        },
      },
    }),
    // After the passages, so the outline wraps the highlight it is drawn around.
    new Plugin({ props: { decorations: (state) => passageHighlightsKey.getState(state)!.hover } }),
  ]
}

/**
 * Edit mode draws only the highlights near the visible text. Typing in a contenteditable
 * holding thousands of highlight spans cost 2–2.6× typing in the same text with one (Chromium
 * re-validates the selection and lays out more per key: docs/PERFORMANCE.md); off-screen
 * highlights cannot be seen, and the full set is still mapped through every edit. Reading mode
 * draws them all (find-in-page, scrolling to a passage, tests and assistive tools see every one).
 */
const MARGIN = 6000 // document positions (≈ characters) kept drawn above and below the visible text
const SLACK = 2000 // how close the visible text may come to the window's edge before it moves

class HighlightWindow {
  private frame = 0
  private readonly onScroll = (event: Event) => {
    // Only scrolling that moves this text (the margin's own scrolling does not).
    if (event.target instanceof Node && !event.target.contains(this.view.dom)) return
    this.schedule()
  }
  constructor(private readonly view: EditorView) {
    document.addEventListener('scroll', this.onScroll, { capture: true, passive: true })
    window.addEventListener('resize', this.onScroll)
    this.schedule()
  }
  update(): void {
    const win = passageHighlightsKey.getState(this.view.state)?.window ?? null
    // Entering edit mode starts a window; leaving it draws every highlight again.
    if (this.view.editable !== (win !== null)) this.schedule()
  }
  destroy(): void {
    cancelAnimationFrame(this.frame)
    document.removeEventListener('scroll', this.onScroll, { capture: true })
    window.removeEventListener('resize', this.onScroll)
  }
  private schedule(): void {
    if (this.frame) return
    // Not from inside a view update (no dispatch there), and once per frame while scrolling.
    this.frame = requestAnimationFrame(() => {
      this.frame = 0
      this.move()
    })
  }
  private move(): void {
    const view = this.view
    if (view.isDestroyed) return
    const win = passageHighlightsKey.getState(view.state)?.window ?? null
    const next = view.editable ? this.visibleWindow() : null
    if (next === null && win === null) return
    if (next && win && win.from <= Math.max(0, next.from - SLACK) && next.to + SLACK <= win.to) return
    view.dispatch(
      view.state.tr.setMeta(passageHighlightsKey, { window: next }).setMeta('addToHistory', false),
    )
    // Entering edit mode drops the outline read mode left under the pointer (see setHoverFromEvent).
    if (view.editable) setHover(view, null)
  }
  /** The visible text's range plus MARGIN on each side (posAtCoords works inside the viewport). */
  private visibleWindow(): Range {
    const view = this.view
    const size = view.state.doc.content.size
    const box = view.dom.getBoundingClientRect()
    const left = Math.min(Math.max(box.left + 8, 0), window.innerWidth - 1)
    const top = view.posAtCoords({ left, top: Math.min(Math.max(box.top, 0), window.innerHeight) + 1 })
    const bottom = view.posAtCoords({ left, top: Math.max(Math.min(box.bottom, window.innerHeight), 0) - 1 })
    const from = top?.pos ?? 0
    const to = bottom?.pos ?? size
    return { from: Math.max(0, Math.min(from, to) - MARGIN), to: Math.min(size, Math.max(from, to) + MARGIN) }
  }
}

function windowed(passages: DecorationSet, state: EditorState, win: Range | null): DecorationSet {
  return win ? DecorationSet.create(state.doc, passages.find(win.from, win.to)) : passages
}

function mapRange(r: Range, tr: Transaction): Range {
  return { from: tr.mapping.map(r.from, -1), to: tr.mapping.map(r.to, 1) }
}

function buildSet(state: EditorState, passages: PassageDecor[]): DecorationSet {
  const size = state.doc.content.size
  const decorations = passages
    .filter((p) => p.from < p.to && p.to <= size)
    .map((p) =>
      Decoration.inline(
        p.from,
        p.to,
        {
          // Its own element per passage (not merged attributes), so overlaps nest and tint deeper.
          nodeName: 'span',
          ...p.attrs,
          class: `passage${p.selected ? ' passage-selected' : ''}`,
          style: `--hl: ${p.color}`,
          'data-passage': p.id,
        },
        { id: p.id, inclusiveStart: false, inclusiveEnd: false },
      ),
    )
  return DecorationSet.create(state.doc, decorations)
}

/**
 * Removes the passages whose whole text a step replaced. Position mapping would keep them
 * as a stub of the replacement's first character (a replaced range's start maps to the start
 * of the new text, its end to the end of the first insertion); without a decoration they go
 * through quote search on "Done" instead, and become orphans when their quote is gone.
 */
function dropReplaced(passages: DecorationSet, tr: Transaction): DecorationSet {
  const maps = tr.mapping.maps
  // Typing only inserts: nothing is replaced, and this runs on every keystroke.
  const replaces = maps.some((map) => {
    let found = false
    map.forEach((oldStart, oldEnd) => (found ||= oldEnd > oldStart))
    return found
  })
  if (!replaces || passages === DecorationSet.empty) return passages
  if (maps.length === 1) {
    // One step: positions are still the ones it replaced, so only the spans it touched are read.
    const replaced: Decoration[] = []
    maps[0].forEach((oldStart, oldEnd) => {
      if (oldEnd === oldStart) return
      for (const d of passages.find(oldStart, oldEnd))
        if (oldStart <= d.from && d.to <= oldEnd) replaced.push(d)
    })
    return replaced.length > 0 ? passages.remove(replaced) : passages
  }
  const spans = passages.find().map((d) => ({ d, from: d.from, to: d.to, replaced: false }))
  for (const map of maps) {
    map.forEach((oldStart, oldEnd) => {
      if (oldEnd === oldStart) return // a pure insertion replaces nothing
      for (const s of spans) if (oldStart <= s.from && s.to <= oldEnd) s.replaced = true
    })
    for (const s of spans) {
      s.from = map.map(s.from, 1)
      s.to = map.map(s.to, -1)
    }
  }
  const replaced = spans.filter((s) => s.replaced).map((s) => s.d)
  return replaced.length > 0 ? passages.remove(replaced) : passages
}

function hoverSet(passages: DecorationSet, state: EditorState, id: string | null): DecorationSet {
  if (!id) return DecorationSet.empty
  const own = passages.find(undefined, undefined, (spec) => spec.id === id)
  return DecorationSet.create(
    state.doc,
    own.map((d) => Decoration.inline(d.from, d.to, { nodeName: 'span', class: 'passage-hover' })),
  )
}

/** Ids of the passages covering a position, innermost (shortest) first. */
export function passagesAt(state: EditorState, pos: number): string[] {
  const set = passageHighlightsKey.getState(state)?.passages
  if (!set) return []
  return set
    .find(pos, pos, (spec) => Boolean(spec.id))
    .filter((d) => d.from <= pos && pos <= d.to)
    .sort((a, b) => a.to - a.from - (b.to - b.from))
    .map((d) => d.spec.id as string)
}

/** Current (mapped) ranges of every passage, by id. Several decorations per id are merged. */
export function passageRanges(state: EditorState): Map<string, { from: number; to: number }> {
  const ranges = new Map<string, { from: number; to: number }>()
  for (const d of passageHighlightsKey.getState(state)?.passages.find() ?? []) {
    const id = d.spec.id as string
    const r = ranges.get(id)
    ranges.set(
      id,
      r ? { from: Math.min(r.from, d.from), to: Math.max(r.to, d.to) } : { from: d.from, to: d.to },
    )
  }
  return ranges
}

export function setPassageDecorations(view: EditorView, passages: PassageDecor[]): void {
  view.dispatch(view.state.tr.setMeta(passageHighlightsKey, { passages }).setMeta('addToHistory', false))
}

function setHover(view: EditorView, id: string | null): boolean {
  if (passageHighlightsKey.getState(view.state)?.hoverId !== id)
    view.dispatch(view.state.tr.setMeta(passageHighlightsKey, { hoverId: id }).setMeta('addToHistory', false))
  return false
}

function setHoverFromEvent(view: EditorView, event: MouseEvent): boolean {
  // Edit mode outlines nothing: a click there places the caret, not selects a passage, and the
  // text moving under a resting pointer while typing changed the outline (a redraw) per key.
  if (view.editable) return setHover(view, null)
  const target = (event.target as HTMLElement | null)?.closest?.('[data-passage]')
  // The innermost highlighted span under the pointer names the passage to outline.
  return setHover(view, target?.getAttribute('data-passage') ?? null)
}
