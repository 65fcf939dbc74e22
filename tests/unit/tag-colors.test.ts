import { describe, expect, it } from 'vitest'
import {
  colorsAlike,
  contrastRatio,
  distinctColor,
  someAlike,
  spreadColors,
  TAG_PALETTE,
} from '../../src/shared/tag-colors'
import { tag } from './search/fixture'

// The surfaces a tag's dot sits on: --surface and --bg in each theme (styles/base.css).
const SURFACES = ['#ffffff', '#f7f6f3', '#202024', '#18181b']

describe('tag colors', () => {
  it('every palette color keeps 3:1 contrast on the light and dark surfaces', () => {
    for (const color of TAG_PALETTE)
      for (const surface of SURFACES) expect(contrastRatio(color, surface)).toBeGreaterThanOrEqual(3)
  })

  it('contrastRatio matches known WCAG values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
  })

  it('gives a new tag the first color its facet does not use yet', () => {
    const tags = [
      tag('1', 'phase/1', { color: TAG_PALETTE[0] }),
      tag('2', 'Phase/2', { color: TAG_PALETTE[1].toUpperCase() }),
      tag('3', 'base/x', { color: TAG_PALETTE[2] }),
    ]
    // The facet is matched without case, and so are the colors.
    expect(distinctColor({ tags, facets: [] }, 'PHASE/3')).toBe(TAG_PALETTE[2])
    expect(distinctColor({ tags, facets: [] }, 'base/y')).toBe(TAG_PALETTE[0])
    // Tags with no facet are one group.
    expect(
      distinctColor({ tags: [...tags, tag('4', 'memo', { color: TAG_PALETTE[0] })], facets: [] }, 'x'),
    ).toBe(TAG_PALETTE[1])
  })

  it('avoids a palette color that looks like one the facet has', () => {
    // The seed's phase/1 is a darker blue than the palette's: blue would look the same.
    const tags = [tag('1', 'phase/1', { color: '#2f6fb3' })]
    expect(distinctColor({ tags, facets: [] }, 'phase/2')).toBe(TAG_PALETTE[1])
  })

  it('starts a facet with its own color when that is a palette color', () => {
    const facets = [{ key: 'actor', name: 'Actors', color: TAG_PALETTE[4] }]
    expect(distinctColor({ tags: [], facets }, 'actor/us')).toBe(TAG_PALETTE[4])
    expect(
      distinctColor({ tags: [tag('1', 'actor/us', { color: TAG_PALETTE[4] })], facets }, 'actor/iq'),
    ).toBe(TAG_PALETTE[0])
  })

  it('reuses the least used color once the palette runs out', () => {
    const tags = TAG_PALETTE.map((c, i) => tag(`t${i}`, `f/${i}`, { color: c }))
    tags.push(tag('extra', 'f/extra', { color: TAG_PALETTE[0] }))
    expect(distinctColor({ tags, facets: [] }, 'f/new')).toBe(TAG_PALETTE[1])
  })

  it('spreads a facet over distinct colors while the palette lasts', () => {
    const tags = Array.from({ length: 12 }, (_, i) => tag(`t${i}`, `f/${i}`))
    const colors = spreadColors(tags).map((c) => c.color)
    expect(new Set(colors.slice(0, TAG_PALETTE.length)).size).toBe(TAG_PALETTE.length)
    expect(colors[TAG_PALETTE.length]).toBe(TAG_PALETTE[0])
  })

  it('calls shades of one hue alike, and no two palette colors', () => {
    // The seed's phases: a darker and a lighter blue.
    expect(colorsAlike('#2f6fb3', '#4f8fd6')).toBe(true)
    expect(someAlike(['#b35a1f', '#c7792f', '#d4973f'])).toBe(true)
    expect(colorsAlike('#777777', '#7a7a7a')).toBe(true)
    expect(colorsAlike('#777777', '#2f6fb3')).toBe(false)
    expect(someAlike([...TAG_PALETTE])).toBe(false)
    expect(
      someAlike(spreadColors(TAG_PALETTE.map((_, i) => tag(`${i}`, `f/${i}`))).map((c) => c.color)),
    ).toBe(false)
  })
})
