import { describe, expect, it } from 'vitest'
import { plainText } from '../../../src/shared/plain-text'
import type { DocNode } from '../../../src/shared/schema'
import { diffById, textBlocks } from '../../../src/shared/search/docs'
import { buildSnippet, phraseRegex } from '../../../src/shared/search/snippet'

const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content })
const t = (text: string): DocNode => ({ type: 'text', text })

describe('textBlocks', () => {
  it('splits the plain text into blocks at the right offsets', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [t('Title')] },
        p(t('a'), { type: 'hardBreak' }, t('b')),
        { type: 'paragraph' },
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [p(t('item one')), p(t('item two'))] }],
        },
        { type: 'blockquote', content: [p(t('quoted'))] },
        { type: 'codeBlock', content: [t('x = 1')] },
      ],
    }
    const plain = plainText(doc)
    const blocks = textBlocks(doc)
    expect(blocks.map((b) => b.text).join('\n')).toBe(plain)
    expect(blocks.map((b) => b.index)).toEqual([0, 1, 2, 3, 4, 5, 6])
    for (const b of blocks) expect(plain.slice(b.offset, b.offset + b.text.length)).toBe(b.text)
  })

  it('handles an empty document', () => {
    expect(textBlocks({ type: 'doc' })).toEqual([])
  })
})

describe('diffById', () => {
  type Item = { id: string; v: number }
  const naive = (prev: Item[], next: Item[]): { changed: string[]; removed: string[] } => {
    const before = new Map(prev.map((x) => [x.id, x]))
    const after = new Set(next.map((x) => x.id))
    return {
      changed: next
        .filter((x) => before.get(x.id) !== x)
        .map((x) => x.id)
        .sort(),
      removed: prev
        .filter((x) => !after.has(x.id))
        .map((x) => x.id)
        .sort(),
    }
  }

  it('agrees with a naive diff on random edits, insertions, deletions and moves', () => {
    let seed = 1
    const rnd = (n: number): number => (seed = (seed * 16807) % 2147483647) % n
    let prev: Item[] = Array.from({ length: 30 }, (_, i) => ({ id: `i${i}`, v: 0 }))
    const byId = new Map(prev.map((x) => [x.id, x]))
    for (let round = 0; round < 300; round++) {
      const next = prev.slice()
      for (let k = rnd(4); k >= 0; k--) {
        const at = rnd(next.length + 1)
        const op = rnd(4)
        if (op === 0 && next[at]) next[at] = { ...next[at], v: round }
        if (op === 1 && next[at]) next.splice(at, 1)
        if (op === 2) next.splice(at, 0, { id: `n${round}_${k}`, v: round })
        if (op === 3 && next[at]) next.push(...next.splice(at, 1))
      }
      const want = naive(prev, next)
      const got = diffById(prev, next, byId)
      expect(got.changed.map(([, x]) => x.id).sort()).toEqual(want.changed)
      expect(got.removed.map((x) => x.id).sort()).toEqual(want.removed)
      expect([...byId.values()].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        next.slice().sort((a, b) => a.id.localeCompare(b.id)),
      )
      prev = next
    }
  })

  it('gives every item as new from nothing (a first build), and again after everything was removed', () => {
    const items: Item[] = Array.from({ length: 20 }, (_, i) => ({ id: `i${i}`, v: i }))
    const byId = new Map<string, Item>()
    const first = diffById([], items, byId)
    expect(first.changed).toEqual(items.map((x) => [undefined, x]))
    expect(first.removed).toEqual([])
    expect([...byId.values()]).toEqual(items)
    expect(diffById(items, [], byId).removed).toEqual(items)
    expect(byId.size).toBe(0)
    const again = items.slice(5, 8)
    expect(diffById([], again, byId).changed).toEqual(again.map((x) => [undefined, x]))
    expect([...byId.keys()]).toEqual(again.map((x) => x.id))
  })

  it('reports the previous version of a changed item', () => {
    const a = { id: 'a', v: 1 }
    const b = { id: 'a', v: 2 }
    expect(diffById([a], [b], new Map([['a', a]])).changed).toEqual([[a, b]])
  })
})

describe('snippets and phrases', () => {
  const mark = (s: { text: string; marks: [number, number][] }): string[] =>
    s.marks.map(([a, b]) => s.text.slice(a, b))

  it('marks matched words and merges a phrase with its words', () => {
    const re = phraseRegex('second phase')!
    const s = buildSnippet('The second phase, and a second look.', new Set(['second', 'phase']), [re])
    expect(mark(s)).toEqual(['second phase', 'second'])
    expect(s.first).toEqual([4, 16])
  })

  it('cuts a window around a late match, with ellipses', () => {
    const text = `${'lorem ipsum '.repeat(40)}Hareer base${' dolor sit'.repeat(40)}`
    const s = buildSnippet(text, new Set(['hareer']), [])
    expect(s.text.startsWith('…')).toBe(true)
    expect(s.text.endsWith('…')).toBe(true)
    expect(s.text.length).toBeLessThanOrEqual(162)
    expect(mark(s)).toEqual(['Hareer'])
    expect(text.slice(...s.first!)).toBe('Hareer')
  })

  it('keeps snippet length equal to the source slice (newlines become spaces)', () => {
    const s = buildSnippet('one\ntwo', new Set(['two']), [])
    expect(s).toMatchObject({ text: 'one two', marks: [[4, 7]] })
  })

  it('matches phrases across in-word punctuation but not across sentences', () => {
    expect(phraseRegex('ain al asad')!.test('near Ain al-Asad.')).toBe(true)
    expect(phraseRegex('second phase')!.test('second.\nPhase')).toBe(false)
    expect(phraseRegex('U.S. troops')!.test('2,500 U.S. troops')).toBe(true)
    expect(phraseRegex('hare')!.test('Hareer')).toBe(false)
    expect(phraseRegex('hare', true)!.test('Hareer')).toBe(true)
    expect(phraseRegex('— !')).toBeNull()
  })
})
