// Which passages of a source are highlighted, where, and how.
import type { Editor } from '@tiptap/core'
import type { Annotation, Notebook, Tag } from '@shared/schema'
import { DEFAULT_HIGHLIGHT } from '@shared/defaults'
import type { PassageDecor } from './passage-highlights'
import { rangeToPositions } from './reader-ref'

/** A passage's highlight: the color the user chose, else its first tag's color. */
export function passageColor(a: Annotation, tagsById: Map<string, Tag>): string {
  if (a.color) return a.color
  const first = a.tagIds.map((id) => tagsById.get(id)).find(Boolean)
  return first?.color ?? DEFAULT_HIGHLIGHT
}

export function buildDecorations(
  editor: Editor,
  notebook: Notebook,
  sourceId: string,
  options: { selectedId: string | null; matches: (a: Annotation) => boolean },
): PassageDecor[] {
  const tagsById = new Map(notebook.tags.map((t) => [t.id, t]))
  return notebook.annotations
    .filter((a) => a.sourceId === sourceId && a.status === 'anchored')
    .map((a) => {
      const { from, to } = rangeToPositions(editor, a.target.position.start, a.target.position.end)
      return {
        id: a.id,
        from,
        to,
        color: passageColor(a, tagsById),
        dim: !options.matches(a),
        selected: a.id === options.selectedId,
      }
    })
}
