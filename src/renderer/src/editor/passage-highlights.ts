// Highlights as ProseMirror decorations built from the passages' selectors: the source
// document itself is never changed by annotating. Overlapping passages nest naturally (each
// adds its own translucent layer); the hovered passage is outlined; decorations follow edits
// through position mapping while the source is being edited, when they are drawn by the
// overlay (highlight-overlay.ts) instead of as spans.
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import { HighlightOverlay, overlaySupported, type OverlayHost } from './highlight-overlay'

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
  /**
   * Edit mode: the highlights are drawn by the overlay (CSS Custom Highlights,
   * highlight-overlay.ts), so ProseMirror's DOM holds no highlight span while the user types.
   */
  overlay: boolean
  hover: DecorationSet
  hoverId: string | null
}
type Meta = { passages: PassageDecor[] } | { hoverId: string | null } | { overlay: boolean }

/** What a highlight decoration's spec holds: what the overlay needs to draw it without its span. */
export interface PassageSpec {
  id: string
  color: string
  selected: boolean
  tags: string[]
  untagged: boolean
}

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

const overlayHost: OverlayHost = {
  passages: (state) => passageHighlightsKey.getState(state)!.passages,
  overlayOn: (state) => passageHighlightsKey.getState(state)!.overlay,
  setOverlay: (view, on) =>
    view.dispatch(
      view.state.tr.setMeta(passageHighlightsKey, { overlay: on }).setMeta('addToHistory', false),
    ),
  passagesAt: (state, pos) => passagesAt(state, pos),
}

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
          overlay: false,
          hover: DecorationSet.empty,
          hoverId: null,
        }),
        apply(tr, value, _old, state) {
          const meta = tr.getMeta(passageHighlightsKey) as Meta | undefined
          let next = value
          if (tr.docChanged)
            next = {
              ...value,
              passages: dropReplaced(value.passages, tr).map(tr.mapping, tr.doc),
              hover: value.hover.map(tr.mapping, tr.doc),
            }
          if (meta && 'passages' in meta) next = { ...next, passages: buildSet(state, meta.passages) }
          if (meta && 'overlay' in meta) next = { ...next, overlay: meta.overlay }
          if (meta && 'hoverId' in meta)
            next = { ...next, hoverId: meta.hoverId, hover: hoverSet(next.passages, state, meta.hoverId) }
          return next
        },
      },
      view: (view) => new HighlightOverlay(view, overlayHost),
      props: {
        decorations: (state) => {
          const own = passageHighlightsKey.getState(state)!
          return own.overlay ? DecorationSet.empty : own.passages
        },
        handleClick(view, pos) {
          // A click on a highlight selects its passage; elsewhere in the text, none.
          if (!view.editable) options.onClickPassages(passagesAt(view.state, pos))
          return false
        },
        handleDOMEvents: {
          mouseover: (view, event) => setHoverFromEvent(view, event),
          mouseleave: (view) => setHover(view, null),
        },
      },
    }),
    // After the passages, so the outline wraps the highlight it is drawn around.
    new Plugin({
      props: {
        decorations: (state) => {
          const own = passageHighlightsKey.getState(state)!
          return own.overlay ? DecorationSet.empty : own.hover
        },
      },
    }),
  ]
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
        {
          id: p.id,
          color: p.color,
          selected: p.selected,
          tags: p.attrs?.['data-tags']?.split(' ').filter(Boolean) ?? [],
          untagged: p.attrs !== undefined && 'data-untagged' in p.attrs,
          inclusiveStart: false,
          inclusiveEnd: false,
        } satisfies PassageSpec & Record<string, unknown>,
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

/**
 * Edit mode on or off, in the same task as the editor's `editable`: the spans leave (or come
 * back) before any key or selection can reach text nodes that are about to be replaced.
 */
export function setOverlayMode(view: EditorView, editing: boolean): void {
  const on = editing && overlaySupported()
  if (passageHighlightsKey.getState(view.state)?.overlay !== on) overlayHost.setOverlay(view, on)
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
  const target = (event.target as HTMLElement | null)?.closest?.('[data-passage]')
  // The innermost highlighted span under the pointer names the passage to outline.
  return setHover(view, target?.getAttribute('data-passage') ?? null)
}
