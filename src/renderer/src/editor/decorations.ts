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

/**
 * The anchored passages of each source and the tags by id, once per notebook version (the
 * arrays are immutable): a filter change or a selection rebuilds the open source's highlights,
 * and at 20,000 passages walking them all each time was most of it (docs/PERFORMANCE.md).
 */
const bySource = new WeakMap<readonly Annotation[], Map<string, Annotation[]>>()
const tagMaps = new WeakMap<readonly Tag[], Map<string, Tag>>()

function anchoredOf(annotations: readonly Annotation[], sourceId: string): Annotation[] {
  let map = bySource.get(annotations)
  if (!map) {
    map = new Map()
    for (const a of annotations) {
      if (a.status !== 'anchored') continue
      const list = map.get(a.sourceId)
      if (list) list.push(a)
      else map.set(a.sourceId, [a])
    }
    bySource.set(annotations, map)
  }
  return map.get(sourceId) ?? []
}

function tagsByIdOf(tags: readonly Tag[]): Map<string, Tag> {
  let map = tagMaps.get(tags)
  if (!map) tagMaps.set(tags, (map = new Map(tags.map((t) => [t.id, t]))))
  return map
}

export function buildDecorations(
  editor: Editor,
  notebook: Notebook,
  sourceId: string,
  options: { selectedId: string | null; matches: (a: Annotation) => boolean },
): PassageDecor[] {
  const tagsById = tagsByIdOf(notebook.tags)
  return anchoredOf(notebook.annotations, sourceId).map((a) => {
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
