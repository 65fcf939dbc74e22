// Saving an edit of a source: where its passages go. (Passages of a source whose text changed
// elsewhere are re-anchored by the core when the notebook opens: shared/ops/repair.ts.)
import type { Editor } from '@tiptap/core'
import { describeRange, reanchorAnnotations } from '@shared/anchoring'
import type { Op } from '@shared/ops'
import { textHash } from '@shared/plain-text'
import type { DocNode, Notebook, Source } from '@shared/schema'
import { passageRanges } from './passage-highlights'
import { buildTextMap, offsetAtPos } from './text-map'

/**
 * Saving an edited source: passages follow the edit through ProseMirror's position mapping
 * (their decorations were mapped with every keystroke); a passage whose text was deleted
 * falls back to quote search, and is orphaned when that fails too.
 */
export function commitSourceEdit(editor: Editor, notebook: Notebook, source: Source): Op[] {
  const doc = editor.getJSON() as DocNode
  const map = buildTextMap(editor.state.doc)
  const hash = textHash(map.text)
  if (hash === source.textHash) return []
  const ranges = passageRanges(editor.state)
  const ops: Op[] = [{ type: 'updateSource', id: source.id, patch: { doc } }]
  const lost = []
  for (const a of notebook.annotations.filter((x) => x.sourceId === source.id && x.status === 'anchored')) {
    const r = ranges.get(a.id)
    const start = r ? offsetAtPos(map, r.from) : -1
    const end = r ? offsetAtPos(map, r.to) : -1
    if (r && end > start) {
      ops.push({
        type: 'updateAnnotation',
        id: a.id,
        patch: { target: describeRange(map.text, start, end), anchoredHash: hash },
      })
    } else lost.push(a)
  }
  const retried = reanchorAnnotations(map.text, hash, lost)
  for (const a of retried.annotations) {
    ops.push({
      type: 'updateAnnotation',
      id: a.id,
      patch: { target: a.target, anchoredHash: a.anchoredHash, status: a.status },
    })
  }
  return ops
}
