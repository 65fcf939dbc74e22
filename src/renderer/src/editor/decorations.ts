// Which passages of a source are highlighted, where, and how.
import type { Editor } from '@tiptap/core'
import type { Annotation, Notebook, Tag } from '@shared/schema'
import { DEFAULT_HIGHLIGHT } from '@shared/defaults'
import { filterAttrs } from './filter-dim'
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
const tagSets = new WeakMap<readonly Tag[], Set<string>>()

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

function tagIdsOf(tags: readonly Tag[]): Set<string> {
  let set = tagSets.get(tags)
  if (!set) tagSets.set(tags, (set = new Set(tags.map((t) => t.id))))
  return set
}

/**
 * The highlights of a source. They do not depend on the tag filter: each carries its tags, and
 * the filter dims the others with one style rule (filter-dim.ts).
 */
export function buildDecorations(
  editor: Editor,
  notebook: Notebook,
  sourceId: string,
  options: { selectedId: string | null },
): PassageDecor[] {
  const tagsById = tagsByIdOf(notebook.tags)
  const known = tagIdsOf(notebook.tags)
  return anchoredOf(notebook.annotations, sourceId).map((a) => {
    const { from, to } = rangeToPositions(editor, a.target.position.start, a.target.position.end)
    return {
      id: a.id,
      from,
      to,
      color: passageColor(a, tagsById),
      selected: a.id === options.selectedId,
      attrs: filterAttrs(a, known),
    }
  })
}
