// When a notebook becomes live (a second window opens it, a team connects), a note editor is
// made again, bound to the note's fragment (carry-caret.ts). Made while the person types, a
// key could fall between the old editor and the new one: under load one letter in two runs
// was lost. So binding waits while the unbound editor has the focus and a key was pressed in
// the last IDLE_MS. Nothing is lost meanwhile: the unbound editor's saves already go into the
// fragment (useNoteSave), so other windows see the words. It waits MAX_WAIT_MS at most, so that
// others' typing in the same note shows even during a long unbroken burst.
// Unbinding is never delayed: a fragment that has gone takes no more typing.
import { useEffect, useState } from 'react'
import type { CaretCarry } from './carry-caret'
import type { LiveNote } from './use-live-fragment'

export const IDLE_MS = 1_000
export const MAX_WAIT_MS = 15_000
const CHECK_MS = 100

let lastKeyAt = Number.NEGATIVE_INFINITY
let listening = false
function listenForKeys(): void {
  if (listening) return
  listening = true
  document.addEventListener('keydown', () => (lastKeyAt = performance.now()), { capture: true })
}

/** Bind now unless the editor has the focus and a key came within IDLE_MS (for MAX_WAIT_MS at most). */
export function mayBind(now: number, at: { since: number; lastKeyAt: number; focused: boolean }): boolean {
  const typing = at.focused && now - at.lastKeyAt < IDLE_MS
  return !typing || now - at.since > MAX_WAIT_MS
}

export interface Binding {
  /** The live note the editor is bound to: `live`, once nobody was typing in it. */
  live: LiveNote | null
  /** The notebook is live but the editor not bound yet: its own saves go into the fragment. */
  waiting: boolean
}

export function useBindWhenIdle(live: LiveNote | null, carry: CaretCarry): Binding {
  const wanted = live !== null
  const [bound, setBound] = useState(wanted)
  // From the editor's first showing: listening only once binding was wanted took the keys
  // typed until then for none, so the first binding in a window came mid-word.
  useEffect(listenForKeys, [])
  useEffect(() => {
    if (!wanted) return setBound(false)
    if (bound) return
    const since = performance.now()
    let timer: ReturnType<typeof setTimeout> | undefined
    const check = () => {
      const focused = carry.current.editor?.isFocused === true
      if (mayBind(performance.now(), { since, lastKeyAt, focused })) setBound(true)
      else timer = setTimeout(check, CHECK_MS)
    }
    check()
    return () => clearTimeout(timer)
  }, [wanted, bound, carry])
  return { live: bound ? live : null, waiting: wanted && !bound }
}
