// The size of an element, kept up to date (the map and the timeline fit their frame).
import { useEffect, useRef, useState } from 'react'

export function useSize<T extends HTMLElement>(
  initial = { width: 800, height: 520 },
): [React.RefObject<T | null>, { width: number; height: number }] {
  const ref = useRef<T>(null)
  const [size, setSize] = useState(initial)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect
      if (width > 0 && height > 0) setSize({ width: Math.round(width), height: Math.round(height) })
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [])
  return [ref, size]
}
