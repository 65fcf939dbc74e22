// A virtualized list of passage cards: only the cards near the viewport are in the DOM, so a
// source with thousands of passages (or a filter matching thousands) stays quick.
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
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

export function PassageList({ passages, scroller, selectedId, label, renderCard }: PassageListProps) {
  const listRef = useRef<HTMLUListElement | null>(null)
  const [offset, setOffset] = useState(0)
  // Where the list starts in the scroller (the header above it changes height with its content),
  // read in the next frame: the frame lays the page out then anyway, where reading it here forced
  // a layout of the whole page on every render.
  useLayoutEffect(() => {
    const frame = requestAnimationFrame(() => setOffset(listRef.current?.offsetTop ?? 0))
    return () => cancelAnimationFrame(frame)
  })
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
    scrollMargin: offset,
    getItemKey,
    // Cards measured by the ResizeObserver are moved in the DOM at once (before the frame is
    // painted), not by a React render after it: no frame shows cards at estimated places.
    directDomUpdates: true,
  })
  const setList = useCallback(
    (node: HTMLUListElement | null) => {
      listRef.current = node
      virtualizer.containerRef(node)
    },
    [virtualizer],
  )

  // Bring the selected card into view (it may not be rendered yet).
  useEffect(() => {
    const index = selectedId ? passages.findIndex((p) => p.id === selectedId) : -1
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' })
  }, [selectedId]) // eslint-disable-line react-hooks/exhaustive-deps

  // Positions (each card's transform) and the list's height are written by the virtualizer.
  return (
    <ul ref={setList} className="passage-list virtual" aria-label={label}>
      {virtualizer.getVirtualItems().map((item) => (
        <li key={item.key} data-index={item.index} ref={virtualizer.measureElement}>
          {renderCard(passages[item.index])}
        </li>
      ))}
    </ul>
  )
}
