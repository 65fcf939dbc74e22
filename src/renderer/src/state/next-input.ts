// Runs a callback once on the user's next input: a pointerdown or a keydown anywhere, seen in
// the capture phase so that no handler stopping the event hides it. What an action asked for
// (ui.open's focus request) is then known to be stale by the next action, without a timer guessing
// how long "soon" is.

const INPUTS = ['pointerdown', 'keydown'] as const

/**
 * Calls `run` on the first pointerdown or keydown after the event now being dispatched, if any
 * (the Enter or click that made the request does not count). Returns a function that disarms it.
 * Outside a browser (unit tests in Node without a stubbed `window`) it does nothing.
 */
export function onNextInput(run: () => void): () => void {
  if (typeof window === 'undefined' || typeof window.addEventListener !== 'function') return () => {}
  const target: EventTarget = window
  let armed = false
  let disarmed = false
  const fire = () => {
    disarm()
    run()
  }
  const disarm = () => {
    disarmed = true
    clearTimeout(timer)
    if (armed) for (const type of INPUTS) target.removeEventListener(type, fire, true)
  }
  // Armed a task later, once the event being dispatched now has finished: whichever listener
  // (and phase) made the request, its own Enter or click can never count as the next input.
  const timer = setTimeout(() => {
    if (disarmed) return
    armed = true
    for (const type of INPUTS) target.addEventListener(type, fire, true)
  }, 0)
  return disarm
}
