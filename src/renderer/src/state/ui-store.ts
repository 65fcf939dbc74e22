// View state of the open notebook that is not saved in it: the selected passage, the one to
// flash, which note editor takes the caret, the tag filter, the current highlight color.
import { useSyncExternalStore } from 'react'
import { onNextInput } from './next-input'

export interface TagFilter {
  tagIds: string[]
  mode: 'and' | 'or'
  untagged: boolean
}
/** A destructive action waiting for the in-app confirmation (ConfirmHost shows it). */
export interface ConfirmRequest {
  title: string
  message: string
  confirmLabel: string
  onConfirm: () => void
}
export interface UiState {
  selectedPassageId: string | null
  flash: { id: string; at: number } | null
  focusNoteOf: string | null
  /** A passage card to take the keyboard focus once it is shown (use-card-focus.ts). */
  focusCard: { id: string; at: number } | null
  /** The highlight color for new passages; null = automatic (first tag's color, else yellow). */
  color: string | null
  filter: TagFilter
  editingSource: boolean
  panel: null | 'shortcuts' | 'tags' | 'search' | 'add-source' | 'relations'
  /** The passage whose tag picker is open. */
  tagPickerFor: string | null
  /** A text range to select and scroll to once its source is shown (search results). */
  flashRange: { sourceId: string; start: number; end: number; at: number } | null
  /** The filter panel is open in the margin. */
  filterOpen: boolean
  /** The passage whose "Link passage" picker is open. */
  linkFrom: string | null
  /** A passage marked only so that the open Add tag or Link dialog has one, with its history entry. */
  markedFor: { passageId: string; entry: number } | null
  /** The graph of the notebook is shown in place of the reader. */
  graphOpen: boolean
  confirm: ConfirmRequest | null
}

const initial: UiState = {
  selectedPassageId: null,
  flash: null,
  focusNoteOf: null,
  focusCard: null,
  color: null,
  filter: { tagIds: [], mode: 'or', untagged: false },
  editingSource: false,
  panel: null,
  tagPickerFor: null,
  flashRange: null,
  filterOpen: false,
  linkFrom: null,
  markedFor: null,
  graphOpen: false,
  confirm: null,
}

let state = initial
const listeners = new Set<() => void>()
/** Disarms the pending ui.open request's watch for the next input (next-input.ts). */
let dropFocusRequest = () => {}

export const ui = {
  get: () => state,
  set(patch: Partial<UiState> | ((s: UiState) => Partial<UiState>)) {
    state = { ...state, ...(typeof patch === 'function' ? patch(state) : patch) }
    listeners.forEach((l) => l())
  },
  reset() {
    state = { ...initial, color: state.color }
    listeners.forEach((l) => l())
  },
  subscribe(listener: () => void) {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
  /** Select a passage and ask the reader to scroll to it and flash it. */
  reveal(id: string) {
    ui.set({ selectedPassageId: id, flash: { id, at: Date.now() } })
  },
  /**
   * Reveal a passage opened on purpose (Enter on a highlight, a search result) and move the
   * keyboard focus to its card, into its note as "Annotate" does: the next keys are the note.
   */
  open(id: string) {
    const at = Date.now()
    const request = { id, at }
    ui.set({ selectedPassageId: id, flash: { id, at }, focusNoteOf: id, focusCard: request })
    // The request answers this action only. A card not shown now (hidden by the tag filter, say)
    // must not take the keys when it is shown minutes later: the next input drops the request if
    // no card has used it up. focusNoteOf goes with it, else the note editor of the card shown
    // later would take the caret by its own autofocus.
    dropFocusRequest()
    dropFocusRequest = onNextInput(() => {
      if (state.focusCard !== request) return // honoured, or replaced by another request
      ui.set((s) => ({ focusCard: null, focusNoteOf: s.focusNoteOf === id ? null : s.focusNoteOf }))
    })
  },
}

export function useUi<T>(select: (s: UiState) => T): T {
  return useSyncExternalStore(ui.subscribe, () => select(state))
}
