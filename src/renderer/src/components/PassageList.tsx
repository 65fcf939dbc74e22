// A virtualized list of passage cards: only the cards near the viewport are in the DOM, so a
// source with thousands of passages (or a filter matching thousands) stays quick.
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, type ReactNode } from 'react'
import type { Annotation } from '@shared/schema'

interface PassageListProps {
  passages: Annotation[]
  scroller: HTMLElement | null
  selectedId: string | null
  label?: string
  renderCard: (a: Annotation) => ReactNode
}

const ESTIMATE = 110 // px: a card with a two-line quote, a tag row and the footer

/**
 * A card's height without forcing a layout: the ResizeObserver's entry (delivered after the
 * frame's layout, before its paint), else the height measured before, else the estimate. The
 * library's default reads `offsetHeight` when a card mounts, which laid out the whole page
 * (the source and its highlights included) inside React's commit, once per render of the list
 * (docs/PERFORMANCE.md, filter change).
 */
export function cardHeight(
  el: Element,
  entry: ResizeObserverEntry | undefined,
  v: Virtualizer<HTMLElement, Element>,
): number {
  const box = entry?.borderBoxSize?.[0]
  if (box) return Math.round(box.blockSize)
  const index = v.indexFromElement(el)
  return v.itemSizeCache.get(v.options.getItemKey(index)) ?? v.options.estimateSize(index)
}

/**
 * `scroller` is the list's own scroll container, and the list is the first thing in it, at its top
 * (no padding above): the virtualizer's positions need no offset. The list once shared the margin's
 * scroller with the heading and the filter panel, whose height changes with a filter; reading where
 * the list started forced a layout, and each new offset re-measured every item and rendered the
 * list again (docs/PERFORMANCE.md, filter change).
 */
export function PassageList({ passages, scroller, selectedId, label, renderCard }: PassageListProps) {
  // Stable while the list is: the virtualizer recomputes every item's position (all 20,000 at
  // L) whenever this function changes, and a new one per render made a filter change spend
  // ~100 ms there (docs/PERFORMANCE.md, filter change).
  const getItemKey = useCallback((i: number) => passages[i].id, [passages])
  const virtualizer = useVirtualizer({
    count: passages.length,
    getScrollElement: () => scroller,
    estimateSize: () => ESTIMATE,
    measureElement: cardHeight,
    overscan: 6,
    getItemKey,
    // Cards measured by the ResizeObserver are moved in the DOM at once (before the frame is
    // painted), not by a React render after it: no frame shows cards at estimated places.
    directDomUpdates: true,
  })

  // Bring the selected card into view (it may not be rendered yet).
  useEffect(() => {
    const index = selectedId ? passages.findIndex((p) => p.id === selectedId) : -1
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' })
  }, [selectedId]) // eslint-disable-line react-hooks/exhaustive-deps

  // Positions (each card's transform) and the list's height are written by the virtualizer.
  return (
    <ul ref={virtualizer.containerRef} className="passage-list virtual" aria-label={label}>
      {virtualizer.getVirtualItems().map((item) => (
        <li key={item.key} data-index={item.index} ref={virtualizer.measureElement}>
          {renderCard(passages[item.index])}
        </li>
      ))}
    </ul>
  )
}
