// Moves the keyboard focus to a passage card that ui.open() asked for: its note editor when it
// can be edited, else the card itself (a read-only copy). The request is used up once honoured,
// so a card that the margin's virtual list mounts again later does not take the focus back. One
// never honoured (the card hidden by the tag filter) is dropped by the user's next pointerdown or
// keydown (ui.open, next-input.ts): a card shown minutes later does not take the keys.
import { useEffect, type RefObject } from 'react'
import { ui, useUi } from '../state/ui-store'

const FRAMES = 30 // the note editor mounts with the selected card; the list may scroll to it first

export function useCardFocus(ref: RefObject<HTMLElement | null>, id: string): void {
  const at = useUi((s) => (s.focusCard?.id === id ? s.focusCard.at : 0))
  useEffect(() => {
    if (!at) return
    let frame = 0
    let left = FRAMES
    const attempt = () => {
      const card = ref.current
      const note = card?.querySelector<HTMLElement>('.ProseMirror[contenteditable="true"]')
      if (card && (note || left-- <= 0)) {
        // TipTap's autofocus may have put the caret at the note's end already: keep it there.
        if (!card.contains(document.activeElement) || document.activeElement === card)
          (note ?? card).focus({ preventScroll: true })
        if (ui.get().focusCard?.at === at) ui.set({ focusCard: null })
        return
      }
      frame = requestAnimationFrame(attempt)
    }
    // After the frame in which a closing dialog hands the focus back to where it was opened.
    frame = requestAnimationFrame(attempt)
    return () => cancelAnimationFrame(frame)
  }, [ref, at])
}
