// In edit mode the highlights of the paragraph being typed in are drawn with the CSS Custom
// Highlight API instead of ProseMirror's spans; the rest of the text keeps its spans. Leaving
// the spans out of the typed paragraph only brought typing in a 2,000-passage source from
// 1.5–2.5× to 1.0–1.3× the one-passage source on a loaded machine; on a quieter one both were
// ~1.2–1.4× (docs/PERFORMANCE.md, typing in the source). Only this paragraph's few ranges are
// drawn this way: the browser rebuilds every custom highlight's markers after each DOM change,
// and drawing the whole visible text so cost as much as the spans did.
//
// The ranges are live DOM Ranges: the browser moves them as it inserts or deletes typed text.
// They are built again from the mapped decorations once typing pauses; at once when typing
// moves to another paragraph or the paragraphs change; and when the passages, the filter or
// the hovered passage change.
import type { EditorState } from '@tiptap/pm/state'
import type { Decoration, DecorationSet, EditorView } from '@tiptap/pm/view'
import type { PassageSpec } from './passage-highlights'

/** What the overlay reads from the highlight plugin (passed in: no import cycle). */
export interface OverlayHost {
  passages(state: EditorState): DecorationSet
  /** Edit mode: the paragraph being typed in, whose highlights the overlay draws; else null. */
  paragraph(state: EditorState): { from: number; to: number } | null
  /** Passages covering a position, innermost first. */
  passagesAt(state: EditorState, pos: number): string[]
}

/** Whether the tag filter keeps a passage (filter-dim.ts `keeps`); null: no filter. */
export type Keep = ((tags: readonly string[], untagged: boolean) => boolean) | null

const SETTLE_MS = 200 // typing pause after which the ranges are built again from the decorations
const PREFIX = 'glossa-passage'
export const HOVER = `${PREFIX}-hover`

interface Span {
  from: number
  to: number
  spec: Omit<PassageSpec, 'attrs'>
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
  private names = new Set<string>()
  private keep: Keep = null
  private drawnHover: string | null = null
  private stale = false
  private pointer: { x: number; y: number } | null = null
  private readonly onMove = (event: MouseEvent) => {
    if (!this.host.paragraph(this.view.state)) return
    this.pointer = { x: event.clientX, y: event.clientY }
    this.schedule(true)
  }
  private readonly onLeave = () => {
    this.pointer = null
    this.schedule(true)
  }

  constructor(
    private readonly view: EditorView,
    private readonly host: OverlayHost,
  ) {
    overlays.set(view, this)
    view.dom.addEventListener('mousemove', this.onMove)
    view.dom.addEventListener('mouseleave', this.onLeave)
  }

  update(view: EditorView, prev: EditorState): void {
    const para = this.host.paragraph(view.state)
    const before = this.host.paragraph(prev)
    if (!para) return before || this.names.size > 0 ? this.schedule() : undefined
    const passages = this.host.passages(view.state)
    const moved = !before || (para.from !== before.from && view.state.doc === prev.doc)
    if (moved || view.state.doc.childCount !== prev.doc.childCount) return this.schedule()
    if (passages === this.host.passages(prev) && view.state.doc === prev.doc) {
      if (para.from !== before.from) this.schedule()
      return
    }
    if (view.state.doc === prev.doc) return this.schedule()
    // Typing within the paragraph: the live ranges follow the text; rebuilt once typing pauses.
    clearTimeout(this.settle)
    this.settle = setTimeout(() => this.schedule(), SETTLE_MS)
  }

  setFilter(keep: Keep): void {
    this.keep = keep
    if (this.names.size > 0) this.schedule()
  }

  destroy(): void {
    cancelAnimationFrame(this.frame)
    clearTimeout(this.settle)
    this.clear()
    overlays.delete(this.view)
    this.view.dom.removeEventListener('mousemove', this.onMove)
    this.view.dom.removeEventListener('mouseleave', this.onLeave)
  }

  /** Draws in the next frame; `pointer`: only if the pointer moved onto another passage. */
  private schedule(pointer = false): void {
    this.stale ||= !pointer
    if (this.frame) return
    // After the view update that moved the text, once per frame.
    this.frame = requestAnimationFrame(() => {
      this.frame = 0
      const para = this.host.paragraph(this.view.state)
      if (this.stale || (para && this.hoveredId(para) !== this.drawnHover)) this.draw()
      this.stale = false
    })
  }

  private draw(): void {
    const view = this.view
    if (view.isDestroyed) return
    const para = this.host.paragraph(view.state)
    if (!para || !overlaySupported()) return this.clear()
    const passages = this.host.passages(view.state)
    const spans = passages.find(para.from, para.to).map((d: Decoration) => ({
      from: Math.max(d.from, para.from),
      to: Math.min(d.to, para.to),
      spec: d.spec as PassageSpec,
    }))
    const groups = overlayRanges(spans, this.keep, colorIndex)
    const hover = this.hoveredId(para)
    if (hover)
      groups.set(
        HOVER,
        spans.filter((s) => s.spec.id === hover && s.from < s.to).map((s) => ({ from: s.from, to: s.to })),
      )
    for (const name of this.names) if (!groups.has(name)) CSS.highlights.delete(name)
    for (const [name, ranges] of groups) {
      const highlight = new Highlight(...ranges.map((r) => this.domRange(r.from, r.to)))
      highlight.priority = name === HOVER ? 3 : (PRIORITY[name.charAt(PREFIX.length + 1)] ?? 0)
      CSS.highlights.set(name, highlight)
    }
    this.names = new Set(groups.keys())
    this.drawnHover = hover
  }

  private clear(): void {
    for (const name of this.names) CSS.highlights.delete(name)
    this.names.clear()
    this.drawnHover = null
  }

  private domRange(from: number, to: number): Range {
    const start = this.view.domAtPos(from, 1)
    const end = this.view.domAtPos(to, -1)
    const range = document.createRange()
    range.setStart(start.node, start.offset)
    range.setEnd(end.node, end.offset)
    return range
  }

  /** The innermost passage under the pointer in the paragraph, as the spans' outline shows it. */
  private hoveredId(para: { from: number; to: number }): string | null {
    if (!this.pointer) return null
    const at = this.view.posAtCoords({ left: this.pointer.x, top: this.pointer.y })
    if (!at || at.inside < 0 || at.pos < para.from || at.pos > para.to) return null
    return this.host.passagesAt(this.view.state, at.pos)[0] ?? null
  }
}
