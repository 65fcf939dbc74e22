// Edit mode draws the passages' highlights with the CSS Custom Highlight API instead of
// ProseMirror decorations, so the editor's DOM holds no highlight span while the user types.
// With spans, each key cost ProseMirror more DOM reading and a costlier forced layout
// (docs/PERFORMANCE.md, typing in the source). Read mode keeps the spans: clicking a highlight,
// Enter on one, flashing one, the tests and assistive tools read them.
//
// The ranges are live DOM Ranges: the browser moves them as it inserts or deletes typed text,
// and they are built again from the mapped decorations once typing pauses (or at once when an
// edit changed the paragraphs), when the text scrolls near the drawn window's edge, and when
// the passages, the filter or the hovered passage change.
import type { EditorState } from '@tiptap/pm/state'
import type { Decoration, DecorationSet, EditorView } from '@tiptap/pm/view'
import type { PassageSpec } from './passage-highlights'

/** What the overlay reads from the highlight plugin (passed in: no import cycle). */
export interface OverlayHost {
  passages(state: EditorState): DecorationSet
  overlayOn(state: EditorState): boolean
  setOverlay(view: EditorView, on: boolean): void
  /** Passages covering a position, innermost first. */
  passagesAt(state: EditorState, pos: number): string[]
}

/** Whether the tag filter keeps a passage (filter-dim.ts `keeps`); null: no filter. */
export type Keep = ((tags: readonly string[], untagged: boolean) => boolean) | null

/**
 * Document positions (≈ characters) drawn above and below the visible text. Small: the browser
 * rebuilds its markers for every range of every highlight after each DOM change, so each key
 * cost more with every range drawn (3,000 on each side: ~1.7–2.9× a source without passages;
 * the visible text alone: ~1.2–1.8×, docs/PERFORMANCE.md). Scrolling draws the new window in
 * the frame that shows it (scroll events run before the frame's animation callbacks).
 */
const MARGIN = 400
const SETTLE_MS = 200 // typing pause after which the ranges are built again from the decorations
const PREFIX = 'glossa-passage'
export const HOVER = `${PREFIX}-hover`

interface Span {
  from: number
  to: number
  spec: PassageSpec
}

/**
 * Which CSS highlight draws which document range, as the spans would have: each elementary
 * segment's outermost passage (the one starting first, then the longest) gets its color's base
 * tint (or the dimmed one when the filter leaves it out), every other passage over it the
 * nested tint; the selected passage is underlined over its whole range. Adjacent segments of
 * the same passage and highlight are merged.
 */
export function overlayRanges(
  spans: readonly Span[],
  keep: Keep,
  colorIndex: (color: string) => number,
): Map<string, { from: number; to: number }[]> {
  const out = new Map<string, { from: number; to: number }[]>()
  const add = (
    name: string,
    from: number,
    to: number,
    runs: Map<string, { from: number; to: number }>,
    id: string,
  ) => {
    const key = `${id} ${name}`
    const run = runs.get(key)
    if (run && run.to === from) return void (run.to = to)
    const next = { from, to }
    runs.set(key, next)
    let list = out.get(name)
    if (!list) out.set(name, (list = []))
    list.push(next)
  }
  const sorted = spans.filter((s) => s.from < s.to).sort((a, b) => a.from - b.from || b.to - a.to)
  const points = [...new Set(sorted.flatMap((s) => [s.from, s.to]))].sort((a, b) => a - b)
  const runs = new Map<string, { from: number; to: number }>()
  let active: Span[] = []
  let next = 0
  for (let i = 0; i + 1 < points.length; i++) {
    const [x, y] = [points[i], points[i + 1]]
    active = active.filter((s) => s.to > x)
    while (next < sorted.length && sorted[next].from <= x) active.push(sorted[next++])
    active.forEach((s, depth) => {
      const c = colorIndex(s.spec.color)
      const dimmed = keep !== null && !keep(s.spec.tags, s.spec.untagged)
      add(`${PREFIX}-${depth > 0 ? 'n' : dimmed ? 'd' : 'b'}${c}`, x, y, runs, s.spec.id)
    })
  }
  for (const s of sorted)
    if (s.spec.selected) add(`${PREFIX}-s${colorIndex(s.spec.color)}`, s.from, s.to, runs, s.spec.id)
  return out
}

/** The style rules for one highlight color (#rrggbb, validated by the schema and again here). */
export function colorRules(color: string, i: number): string {
  const c = /^#[0-9a-f]{6}$/i.test(color) ? color : '#fde68a'
  return [
    `::highlight(${PREFIX}-b${i}) { background-color: color-mix(in srgb, ${c} calc(var(--hl-alpha) * 100%), transparent); }`,
    `::highlight(${PREFIX}-n${i}) { background-color: color-mix(in srgb, ${c} calc(var(--hl-alpha) * 120%), transparent); text-decoration: underline 2px color-mix(in srgb, ${c} 80%, black); }`,
    `::highlight(${PREFIX}-d${i}) { background-color: color-mix(in srgb, ${c} 10%, transparent); }`,
    `::highlight(${PREFIX}-s${i}) { text-decoration: underline 2px color-mix(in srgb, ${c} 90%, black); }`,
  ].join('\n')
}

/** Paint order: nested tints over base ones, the selection's and the hover's lines on top. */
const PRIORITY: Record<string, number> = { b: 0, d: 0, n: 1, s: 2 }

const colors = new Map<string, number>()
let sheet: CSSStyleSheet | null = null
function colorIndex(color: string): number {
  let i = colors.get(color)
  if (i === undefined) {
    colors.set(color, (i = colors.size))
    if (!sheet) {
      sheet = new CSSStyleSheet()
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
    }
    for (const rule of colorRules(color, i).split('\n')) sheet.insertRule(rule, sheet.cssRules.length)
  }
  return i
}

const overlays = new WeakMap<EditorView, HighlightOverlay>()

/** The tag filter, for the dimmed tint of the passages it leaves out (edit mode). */
export function setOverlayFilter(view: EditorView, keep: Keep): void {
  overlays.get(view)?.setFilter(keep)
}

/** Whether highlights are drawn by the overlay (edit mode), for the CSS Custom Highlight API. */
export function overlaySupported(): boolean {
  return typeof Highlight !== 'undefined' && typeof CSS !== 'undefined' && 'highlights' in CSS
}

export class HighlightOverlay {
  private frame = 0
  private settle: ReturnType<typeof setTimeout> | undefined
  private dirty = true
  private drawn: { from: number; to: number } | null = null
  private names = new Set<string>()
  private keep: Keep = null
  private hoverId: string | null = null
  private pointer: { x: number; y: number } | null = null
  private readonly onScroll = (event: Event) => {
    // Only scrolling that moves this text (the margin's own scrolling does not).
    if (event.target instanceof Node && !event.target.contains(this.view.dom)) return
    if (this.drawn) this.schedule()
  }
  private readonly onMove = (event: MouseEvent) => {
    if (!this.drawn) return
    this.pointer = { x: event.clientX, y: event.clientY }
    this.schedule()
  }
  private readonly onLeave = () => {
    this.pointer = null
    if (this.drawn) this.schedule()
  }

  constructor(
    private readonly view: EditorView,
    private readonly host: OverlayHost,
  ) {
    overlays.set(view, this)
    document.addEventListener('scroll', this.onScroll, { capture: true, passive: true })
    window.addEventListener('resize', this.onScroll)
    view.dom.addEventListener('mousemove', this.onMove)
    view.dom.addEventListener('mouseleave', this.onLeave)
    this.schedule(true)
  }

  update(view: EditorView, prev: EditorState): void {
    const on = this.host.overlayOn(view.state)
    // Entering edit mode draws the overlay; leaving it gives the highlights back to the spans.
    if (view.editable !== on) return this.schedule(true)
    if (!on || this.host.passages(view.state) === this.host.passages(prev)) return
    if (view.state.doc === prev.doc || view.state.doc.childCount !== prev.doc.childCount)
      return this.schedule(true)
    // Typing within paragraphs: the live ranges follow the text; rebuilt once typing pauses.
    clearTimeout(this.settle)
    this.settle = setTimeout(() => this.schedule(true), SETTLE_MS)
  }

  setFilter(keep: Keep): void {
    this.keep = keep
    if (this.drawn) this.schedule(true)
  }

  destroy(): void {
    cancelAnimationFrame(this.frame)
    clearTimeout(this.settle)
    this.clear()
    overlays.delete(this.view)
    document.removeEventListener('scroll', this.onScroll, { capture: true })
    window.removeEventListener('resize', this.onScroll)
    this.view.dom.removeEventListener('mousemove', this.onMove)
    this.view.dom.removeEventListener('mouseleave', this.onLeave)
  }

  /** Draws in the next frame; `dirty`: what is drawn is out of date (else only scroll or hover). */
  private schedule(dirty = false): void {
    this.dirty ||= dirty
    if (this.frame) return
    // Not from inside a view update (no dispatch there), and once per frame.
    this.frame = requestAnimationFrame(() => {
      this.frame = 0
      this.run()
    })
  }

  private run(): void {
    const view = this.view
    if (view.isDestroyed) return
    const on = this.host.overlayOn(view.state)
    if (view.editable && overlaySupported()) {
      // Spans first out of the DOM, then ranges over the text nodes that stay.
      if (!on) this.host.setOverlay(view, true)
      this.draw()
    } else {
      this.clear()
      if (on) this.host.setOverlay(view, false)
    }
    this.dirty = false
  }

  private draw(): void {
    const view = this.view
    const visible = this.visible()
    const hover = this.hoveredId()
    const drawn = this.drawn
    const inWindow = drawn && drawn.from <= visible.from && visible.to <= drawn.to
    if (!this.dirty && inWindow && hover === this.hoverId) return
    const window = {
      from: Math.max(0, visible.from - MARGIN),
      to: Math.min(view.state.doc.content.size, visible.to + MARGIN),
    }
    const passages = this.host.passages(view.state)
    const spans = passages
      .find(window.from, window.to)
      .map((d: Decoration) => ({ from: d.from, to: d.to, spec: d.spec as PassageSpec }))
    const groups = overlayRanges(spans, this.keep, colorIndex)
    if (hover)
      groups.set(
        HOVER,
        passages
          .find(undefined, undefined, (spec) => spec.id === hover)
          .map((d) => ({ from: d.from, to: d.to })),
      )
    for (const name of this.names) if (!groups.has(name)) CSS.highlights.delete(name)
    for (const [name, ranges] of groups) {
      const highlight = new Highlight(...ranges.map((r) => this.domRange(r.from, r.to)))
      highlight.priority = name === HOVER ? 3 : (PRIORITY[name.charAt(PREFIX.length + 1)] ?? 0)
      CSS.highlights.set(name, highlight)
    }
    this.names = new Set(groups.keys())
    this.drawn = window
    this.hoverId = hover
  }

  private clear(): void {
    for (const name of this.names) CSS.highlights.delete(name)
    this.names.clear()
    this.drawn = null
    this.hoverId = null
  }

  private domRange(from: number, to: number): Range {
    const start = this.view.domAtPos(from, 1)
    const end = this.view.domAtPos(to, -1)
    const range = document.createRange()
    range.setStart(start.node, start.offset)
    range.setEnd(end.node, end.offset)
    return range
  }

  /** The innermost passage under the pointer, as the read mode's outline shows it. */
  private hoveredId(): string | null {
    if (!this.pointer) return null
    const at = this.view.posAtCoords({ left: this.pointer.x, top: this.pointer.y })
    if (!at || at.inside < 0) return null
    return this.host.passagesAt(this.view.state, at.pos)[0] ?? null
  }

  /** The visible text's range (posAtCoords works inside the viewport). */
  private visible(): { from: number; to: number } {
    const view = this.view
    const size = view.state.doc.content.size
    const box = view.dom.getBoundingClientRect()
    const left = Math.min(Math.max(box.left + 8, 0), window.innerWidth - 1)
    const top = view.posAtCoords({ left, top: Math.min(Math.max(box.top, 0), window.innerHeight) + 1 })
    const bottom = view.posAtCoords({ left, top: Math.max(Math.min(box.bottom, window.innerHeight), 0) - 1 })
    const from = top?.pos ?? 0
    const to = bottom?.pos ?? size
    return { from: Math.min(from, to), to: Math.max(from, to) }
  }
}
