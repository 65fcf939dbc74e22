// The passage list's card height: from the ResizeObserver's entry, else what was measured
// before, else the estimate — never from the element itself (reading offsetHeight when a card
// mounts forced a layout of the whole page on every filter change: docs/PERFORMANCE.md).
import type { Virtualizer } from '@tanstack/react-virtual'
import { describe, expect, it } from 'vitest'
import { cardHeight } from '../../src/renderer/src/components/PassageList'

/** An element whose layout-reading properties throw: a read would be a forced layout. */
const card = (index: number) =>
  new Proxy({ index } as unknown as Element, {
    get(target, prop) {
      if (['offsetHeight', 'getBoundingClientRect', 'clientHeight'].includes(String(prop)))
        throw new Error(`read ${String(prop)}`)
      return (target as unknown as Record<string | symbol, unknown>)[prop]
    },
  })

function virtualizer(measured: Record<string, number>): Virtualizer<HTMLElement, Element> {
  const ids = ['a', 'b', 'c']
  return {
    indexFromElement: (el: Element) => (el as unknown as { index: number }).index,
    itemSizeCache: new Map(Object.entries(measured)),
    options: { getItemKey: (i: number) => ids[i], estimateSize: () => 110 },
  } as unknown as Virtualizer<HTMLElement, Element>
}

describe('cardHeight', () => {
  it("takes the ResizeObserver's border box when there is one", () => {
    const entry = { borderBoxSize: [{ blockSize: 131.6, inlineSize: 300 }] } as unknown as ResizeObserverEntry
    expect(cardHeight(card(0), entry, virtualizer({ a: 90 }))).toBe(132)
  })

  it('on mount, the height measured before, else the estimate, without reading the layout', () => {
    const v = virtualizer({ b: 87 })
    expect(cardHeight(card(1), undefined, v)).toBe(87)
    expect(cardHeight(card(2), undefined, v)).toBe(110)
  })
})
