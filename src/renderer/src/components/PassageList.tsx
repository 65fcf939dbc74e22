// A virtualized list of passage cards: only the cards near the viewport are in the DOM, so a
// source with thousands of passages (or a filter matching thousands) stays quick.
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import type { Annotation } from '@shared/schema'

interface PassageListProps {
  passages: Annotation[]
  scroller: HTMLElement | null
  selectedId: string | null
  label?: string
  renderCard: (a: Annotation) => ReactNode
}

export function PassageList({ passages, scroller, selectedId, label, renderCard }: PassageListProps) {
  const listRef = useRef<HTMLUListElement>(null)
  const [offset, setOffset] = useState(0)
  // Re-measured after every render: the header above the list changes height with its content.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => setOffset(listRef.current?.offsetTop ?? 0))
  // Stable while the list is: the virtualizer recomputes every item's position (all 20,000 at
  // L) whenever this function changes, and a new one per render made a filter change spend
  // ~100 ms there (docs/PERFORMANCE.md, filter change).
  const getItemKey = useCallback((i: number) => passages[i].id, [passages])
  const virtualizer = useVirtualizer({
    count: passages.length,
    getScrollElement: () => scroller,
    estimateSize: () => 110,
    overscan: 6,
    scrollMargin: offset,
    getItemKey,
  })

  // Bring the selected card into view (it may not be rendered yet).
  useEffect(() => {
    const index = selectedId ? passages.findIndex((p) => p.id === selectedId) : -1
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' })
  }, [selectedId]) // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <ul
      ref={listRef}
      className="passage-list virtual"
      aria-label={label}
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((item) => (
        <li
          key={item.key}
          data-index={item.index}
          ref={virtualizer.measureElement}
          style={{ transform: `translateY(${item.start - offset}px)` }}
        >
          {renderCard(passages[item.index])}
        </li>
      ))}
    </ul>
  )
}
