// The reader currently on screen, so commands (toolbar, shortcuts, search results) can reach
// its selection and scroll it without threading props through every component.
import type { Editor } from '@tiptap/core'
import type { Source } from '@shared/schema'
import { buildTextMap, offsetAtPos, posAtOffset, type TextMap } from './text-map'

interface ReaderHandle {
  editor: Editor
  source: Source
}
let current: ReaderHandle | null = null
let cachedMap: { doc: unknown; map: TextMap } | null = null

export const readerRef = {
  set(handle: ReaderHandle | null) {
    current = handle
  },
  get: () => current,
}

export function textMapOf(editor: Editor): TextMap {
  const doc = editor.state.doc
  if (cachedMap?.doc !== doc) cachedMap = { doc, map: buildTextMap(doc) }
  return cachedMap.map
}

/** The reader's selection as plain-text offsets, or null when nothing (or only space) is selected. */
export function selectedRange(editor: Editor): { start: number; end: number } | null {
  const { from, to, empty } = editor.state.selection
  if (empty) return null
  const map = textMapOf(editor)
  let start = offsetAtPos(map, from)
  let end = offsetAtPos(map, to)
  // Trim surrounding whitespace: a passage starts and ends on text.
  while (start < end && /\s/.test(map.text[start])) start++
  while (end > start && /\s/.test(map.text[end - 1])) end--
  return end > start ? { start, end } : null
}

export function rangeToPositions(editor: Editor, start: number, end: number): { from: number; to: number } {
  const map = textMapOf(editor)
  return { from: posAtOffset(map, start, 'start'), to: posAtOffset(map, end, 'end') }
}
