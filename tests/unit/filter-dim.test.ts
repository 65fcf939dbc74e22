// The tag filter's dimming rule: which highlights it keeps must be the passages filterPassages
// keeps (src/shared/filter.ts). The selector is checked against a reading of the attributes
// each highlight carries, for random notebooks and filters, and its text for the cases below.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { filterPassages, type TagFilter } from '../../src/shared/filter'
import type { Annotation, Notebook } from '../../src/shared/schema'
import { cssString, dimRule, filterAttrs, keptSelector } from '../../src/renderer/src/editor/filter-dim'

/**
 * Whether a highlight with `attrs` matches `selector`, for the selectors keptSelector writes: a
 * list of compounds of `[data-tags~="id"]`, `[data-untagged]` and `:not(*)`.
 */
function matches(selector: string, attrs: Record<string, string>): boolean {
  const words = new Set((attrs['data-tags'] ?? '').split(' ').filter(Boolean))
  return selector.split(', ').some((compound) =>
    [...compound.matchAll(/\[data-tags~="((?:[^"\\]|\\.)*)"\]|\[data-untagged\]|:not\(\*\)/g)].every((m) => {
      if (m[0] === ':not(*)') return false
      if (m[0] === '[data-untagged]') return 'data-untagged' in attrs
      return words.has(m[1].replace(/\\(.)/g, '$1'))
    }),
  )
}

const annotation = (id: string, tagIds: string[]): Annotation =>
  ({ id, tagIds, sourceId: 's', target: { position: { start: 0, end: 1 } } }) as unknown as Annotation

describe('dimming by the tag filter', () => {
  it('keeps the passages filterPassages keeps, and dims the others', () => {
    const tagId = fc.constantFrom('t1', 't2', 't3', 'gone', 'a"b', 'c\\d')
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(tagId, { maxLength: 3 }), { maxLength: 12 }),
        fc.record({
          tagIds: fc.uniqueArray(tagId, { maxLength: 3 }),
          mode: fc.constantFrom<'and' | 'or'>('and', 'or'),
          untagged: fc.boolean(),
        }),
        (tagLists, filter: TagFilter) => {
          fc.pre(filter.tagIds.length > 0 || filter.untagged)
          const tags = ['t1', 't2', 't3', 'a"b', 'c\\d'].map((id) => ({ id }))
          const annotations = tagLists.map((ids, i) => annotation(`p${i}`, ids))
          const nb = { sources: [], tags, annotations } as unknown as Notebook
          const known = new Set(tags.map((t) => t.id))
          const kept = new Set(filterPassages(nb, filter).map((a) => a.id))
          const selector = keptSelector(filter)
          for (const a of annotations)
            expect(selector !== null && matches(selector, filterAttrs(a, known))).toBe(kept.has(a.id))
        },
      ),
    )
  })

  it('writes no rule without a filter, and a rule for each kind of filter', () => {
    expect(dimRule({ tagIds: [], mode: 'or', untagged: false })).toBe('')
    expect(keptSelector({ tagIds: ['a', 'b'], mode: 'or', untagged: false })).toBe(
      '[data-tags~="a"], [data-tags~="b"]',
    )
    expect(keptSelector({ tagIds: ['a', 'b'], mode: 'and', untagged: true })).toBe(
      '[data-tags~="a"][data-tags~="b"], [data-untagged]',
    )
    expect(dimRule({ tagIds: ['a'], mode: 'or', untagged: false })).toBe(
      '.passage:where(.source-text .passage:not(:is([data-tags~="a"]))) { background: color-mix(in srgb, var(--hl) 10%, transparent); }',
    )
  })

  it('quotes a tag id so that it cannot end the rule', () => {
    expect(cssString('a"]{} b\\')).toBe('"a\\"]{} b\\\\"')
    expect(cssString('x\ny')).toBe('"x\\a y"')
    // An id with a space can never be one word of data-tags: the filter on it keeps nothing.
    expect(keptSelector({ tagIds: ['a b'], mode: 'or', untagged: false })).toBe(':not(*)')
  })

  it('marks a passage whose tags are all deleted as untagged', () => {
    const known = new Set(['t1'])
    expect(filterAttrs(annotation('p', ['gone']), known)).toEqual({
      'data-tags': 'gone',
      'data-untagged': '',
    })
    expect(filterAttrs(annotation('p', ['t1']), known)).toEqual({ 'data-tags': 't1' })
  })
})
