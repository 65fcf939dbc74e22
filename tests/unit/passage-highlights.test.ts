// The highlight plugin's state without a view: passages follow edits (those whose whole text
// a step replaced are dropped), and the hover outline is a second set beside the passages.
import { getSchema } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { Node as PMNode } from '@tiptap/pm/model'
import { EditorState, type Transaction } from '@tiptap/pm/state'
import type { DecorationSet, DecorationSource } from '@tiptap/pm/view'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  passageHighlightPlugins,
  passageHighlightsKey,
  passageRanges,
  type PassageDecor,
} from '../../src/renderer/src/editor/passage-highlights'

const schema = getSchema([StarterKit])
const words = 'the coalition mission ends in September and troops leave Ain al-Asad for Harir'
const doc = PMNode.fromJSON(schema, {
  type: 'doc',
  content: [0, 1, 2].map((i) => ({ type: 'paragraph', content: [{ type: 'text', text: `${i} ${words}` }] })),
})

function stateWith(passages: PassageDecor[]): EditorState {
  const state = EditorState.create({ doc, plugins: passageHighlightPlugins({ onClickPassages: () => {} }) })
  return state.apply(state.tr.setMeta(passageHighlightsKey, { passages }))
}

const decor = (id: string, from: number, to: number): PassageDecor => ({
  id,
  from,
  to,
  color: '#fde68a',
  selected: false,
})

/**
 * What the plugin did before it skipped insertions and read only the spans a one-step edit
 * touched: every span followed through every step, dropped when a step replaced all of it.
 */
function reference(state: EditorState, tr: Transaction): Map<string, { from: number; to: number }> {
  const spans = passageHighlightsKey
    .getState(state)!
    .passages.find()
    .map((d) => ({ d, from: d.from, to: d.to, replaced: false }))
  for (const map of tr.mapping.maps) {
    map.forEach((oldStart, oldEnd) => {
      if (oldEnd === oldStart) return
      for (const s of spans) if (oldStart <= s.from && s.to <= oldEnd) s.replaced = true
    })
    for (const s of spans) {
      s.from = map.map(s.from, 1)
      s.to = map.map(s.to, -1)
    }
  }
  const kept = passageHighlightsKey
    .getState(state)!
    .passages.remove(spans.filter((s) => s.replaced).map((s) => s.d))
  const mapped = kept.map(tr.mapping, tr.doc)
  const ranges = new Map<string, { from: number; to: number }>()
  for (const d of mapped.find()) {
    const id = d.spec.id as string
    const r = ranges.get(id)
    ranges.set(
      id,
      r ? { from: Math.min(r.from, d.from), to: Math.max(r.to, d.to) } : { from: d.from, to: d.to },
    )
  }
  return ranges
}

const textPos = (size: number) => fc.integer({ min: 1, max: size - 1 })
const edit = (size: number) =>
  fc.oneof(
    fc.record({
      kind: fc.constant('insert' as const),
      at: textPos(size),
      text: fc.constantFrom('x', 'new '),
    }),
    fc.record({
      kind: fc.constant('replace' as const),
      at: textPos(size),
      length: fc.integer({ min: 1, max: 12 }),
      text: fc.constantFrom('', 'y', 'other words'),
    }),
  )

describe('passage highlights plugin', () => {
  const size = doc.content.size
  const passage = fc
    .tuple(textPos(size), fc.integer({ min: 1, max: 20 }))
    .map(([from, length]) => ({ from, to: Math.min(size - 1, from + length) }))
    .filter((p) => p.from < p.to)

  it('follows edits as a full scan of every span would, one step or several', () => {
    fc.assert(
      fc.property(
        fc.array(passage, { minLength: 1, maxLength: 25 }),
        fc.array(edit(size), { minLength: 1, maxLength: 3 }),
        (ranges, edits) => {
          const state = stateWith(ranges.map((r, i) => decor(`p${i}`, r.from, r.to)))
          const tr = state.tr
          for (const e of edits) {
            const at = Math.min(e.at, tr.doc.content.size - 1)
            // Typing happens inside a paragraph; a replaced range may cross into the next one.
            if (!tr.doc.resolve(at).parent.inlineContent) continue
            if (e.kind === 'insert') tr.insertText(e.text, at)
            else {
              const to = Math.min(at + e.length, tr.doc.content.size - 1)
              if (e.text) tr.insertText(e.text, at, to)
              else tr.delete(at, to)
            }
          }
          const expected = reference(state, tr)
          expect(passageRanges(state.apply(tr))).toEqual(expected)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('keeps every highlight when text is typed, moved by what was typed before it', () => {
    const state = stateWith([decor('a', 3, 9), decor('b', 12, 30)])
    const next = state.apply(state.tr.insertText('zz', 10))
    expect(passageRanges(next)).toEqual(
      new Map([
        ['a', { from: 3, to: 9 }],
        ['b', { from: 14, to: 32 }],
      ]),
    )
  })

  it('drops a passage whose whole text is typed over', () => {
    const state = stateWith([decor('a', 3, 9), decor('b', 12, 30)])
    const next = state.apply(state.tr.insertText('q', 3, 9))
    expect([...passageRanges(next).keys()]).toEqual(['b'])
  })

  it('outlines the hovered passage from a second set, leaving the passages set as it was', () => {
    const state = stateWith([decor('a', 3, 9), decor('b', 12, 30)])
    const passages = passageHighlightsKey.getState(state)!.passages
    const hovered = state.apply(state.tr.setMeta(passageHighlightsKey, { hoverId: 'b' }))
    const sets = hovered.plugins
      .map((p) => p.props.decorations?.call(p, hovered))
      .filter((s): s is DecorationSource => Boolean(s))
    expect(sets[0]).toBe(passages)
    const outline = passageHighlightsKey.getState(hovered)!.hover.find()
    expect(outline.map((d) => [d.from, d.to])).toEqual([[12, 30]])
    expect(sets[1]).toBe(passageHighlightsKey.getState(hovered)!.hover)
  })

  it('in edit mode draws only the highlights in its window, maps them through typing, and keeps every passage', () => {
    const drawn = (s: EditorState) =>
      (s.plugins[0].props.decorations!.call(s.plugins[0], s) as DecorationSet)
        .find()
        .map((d) => [d.spec.id as string, d.from, d.to])
    const state = stateWith([decor('a', 3, 9), decor('b', 12, 30), decor('c', 180, 190)])
    const windowed = state.apply(state.tr.setMeta(passageHighlightsKey, { window: { from: 0, to: 40 } }))
    expect(drawn(windowed)).toEqual([
      ['a', 3, 9],
      ['b', 12, 30],
    ])
    const typed = windowed.apply(windowed.tr.insertText('zz', 10))
    expect(drawn(typed)).toEqual([
      ['a', 3, 9],
      ['b', 14, 32],
    ])
    expect(passageHighlightsKey.getState(typed)!.window).toEqual({ from: 0, to: 42 })
    expect(passageRanges(typed).get('c')).toEqual({ from: 182, to: 192 })
    // New passages (a filter change, a re-anchor) are cut to the window too; no window: all drawn.
    const rebuilt = typed.apply(typed.tr.setMeta(passageHighlightsKey, { passages: [decor('c', 182, 192)] }))
    expect(drawn(rebuilt)).toEqual([])
    const all = rebuilt.apply(rebuilt.tr.setMeta(passageHighlightsKey, { window: null }))
    expect(drawn(all)).toEqual([['c', 182, 192]])
  })
})
