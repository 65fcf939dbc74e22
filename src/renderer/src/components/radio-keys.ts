// Arrow keys in a radio group (WAI-ARIA radio pattern): Right/Down pick the next choice, Left/Up
// the previous, wrapping around, and focus follows the choice.
import type { KeyboardEvent } from 'react'

/**
 * An onKeyDown for a radiogroup over `choices`: picks the neighbour of `current` (the first
 * choice counts as current when `current` is none of them) and focuses the element whose
 * `data-choice` attribute names it.
 */
export function radioArrowKeys<T extends string>(
  choices: readonly T[],
  current: string,
  pick: (choice: T) => void,
): (e: KeyboardEvent<HTMLElement>) => void {
  return (e) => {
    const step =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? 1
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? -1
          : 0
    if (!step) return
    e.preventDefault()
    const at = Math.max(choices.indexOf(current as T), 0)
    const next = choices[(at + step + choices.length) % choices.length]
    pick(next)
    ;(e.currentTarget.querySelector(`[data-choice="${CSS.escape(next)}"]`) as HTMLElement | null)?.focus()
  }
}
