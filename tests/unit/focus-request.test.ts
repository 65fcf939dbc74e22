// ui.open's focus request belongs to the action that made it: the next pointerdown or keydown
// drops it if no card used it up, the event that made it does not, and an honoured request is
// left alone. `window` is an EventTarget here (the tests run in Node); the task that arms the
// watch is run by fake timers, so nothing depends on how long anything takes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ui } from '../../src/renderer/src/state/ui-store'

let win: EventTarget
const input = (type: 'pointerdown' | 'keydown') => win.dispatchEvent(new Event(type))
const pending = () => ({ card: ui.get().focusCard?.id ?? null, note: ui.get().focusNoteOf })

beforeEach(() => {
  vi.useFakeTimers()
  win = new EventTarget()
  vi.stubGlobal('window', win)
  ui.reset()
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('a focus request from ui.open', () => {
  for (const type of ['pointerdown', 'keydown'] as const) {
    it(`is dropped by the next ${type} while no card has used it up`, () => {
      ui.open('p1')
      vi.runAllTimers()
      expect(pending()).toEqual({ card: 'p1', note: 'p1' })
      input(type)
      expect(pending()).toEqual({ card: null, note: null })
      // Only the request goes: the passage stays selected.
      expect(ui.get().selectedPassageId).toBe('p1')
    })
  }

  it('is not dropped by the keydown that made it', () => {
    // As Enter on a highlight: ui.open runs inside the keydown's dispatch, here in the capture
    // phase on window itself, where a listener added at once is closest to seeing it.
    win.addEventListener('keydown', () => ui.open('p1'), { capture: true, once: true })
    input('keydown')
    vi.runAllTimers()
    expect(pending()).toEqual({ card: 'p1', note: 'p1' })
    input('keydown')
    expect(pending()).toEqual({ card: null, note: null })
  })

  it('is watched from the next task on, after the event that made it has finished dispatching', () => {
    ui.open('p1')
    input('pointerdown')
    expect(pending()).toEqual({ card: 'p1', note: 'p1' })
  })

  it('once honoured by its card, is left alone by the next input', () => {
    ui.open('p1')
    vi.runAllTimers()
    // What use-card-focus does once the card has the focus.
    ui.set({ focusCard: null })
    input('keydown')
    expect(pending()).toEqual({ card: null, note: 'p1' })
    // A later request by other means is not the old one's to drop.
    ui.set({ focusCard: { id: 'p2', at: 1 }, focusNoteOf: 'p2' })
    input('keydown')
    expect(pending()).toEqual({ card: 'p2', note: 'p2' })
  })

  it('replaced by another ui.open, only the newer one is watched, and it is dropped once', () => {
    ui.open('p1')
    ui.open('p2')
    vi.runAllTimers()
    expect(pending()).toEqual({ card: 'p2', note: 'p2' })
    input('keydown')
    expect(pending()).toEqual({ card: null, note: null })
    // The listeners went with the first input: a new request is not dropped by the old watch.
    ui.set({ focusCard: { id: 'p3', at: 1 }, focusNoteOf: 'p3' })
    input('pointerdown')
    expect(pending()).toEqual({ card: 'p3', note: 'p3' })
  })

  it('is only the state change outside a browser (no window)', () => {
    vi.unstubAllGlobals()
    expect(typeof window).toBe('undefined')
    ui.open('p1')
    vi.runAllTimers()
    expect(pending()).toEqual({ card: 'p1', note: 'p1' })
  })
})
