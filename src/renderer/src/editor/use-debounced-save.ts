// Saving as you type: the latest pending save runs after a pause, on blur, when the editor
// goes away, and when the page is closed — whichever comes first.
import { useCallback, useEffect, useRef } from 'react'

export const SAVE_DELAY_MS = 400

export function useDebouncedSave(delayMs = SAVE_DELAY_MS): {
  schedule: (save: () => void) => void
  flush: () => void
} {
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const pending = useRef<(() => void) | null>(null)

  const flush = useCallback(() => {
    clearTimeout(timer.current)
    const run = pending.current
    pending.current = null
    run?.()
  }, [])

  const schedule = useCallback(
    (save: () => void) => {
      clearTimeout(timer.current)
      pending.current = save
      timer.current = setTimeout(flush, delayMs)
    },
    [flush, delayMs],
  )

  useEffect(() => {
    window.addEventListener('pagehide', flush)
    return () => {
      window.removeEventListener('pagehide', flush)
      flush()
    }
  }, [flush])

  return { schedule, flush }
}
