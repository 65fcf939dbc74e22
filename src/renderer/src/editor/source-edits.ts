// Re-anchoring in the renderer: when a source is opened whose text changed since its
// passages were anchored, and when an edit of the source is saved.
import type { Editor } from '@tiptap/core'
import { describeRange, reanchorAnnotations } from '@shared/anchoring'
import type { Op } from '@shared/ops'
import { plainText, textHash } from '@shared/plain-text'
import type { DocNode, Notebook, Source } from '@shared/schema'
import { passageRanges } from './passage-highlights'
import { buildTextMap, offsetAtPos } from './text-map'

/** Operations that re-anchor the source's passages to its current text (empty if none needed). */
export function reanchorOps(notebook: Notebook, source: Source): Op[] {
  const own = notebook.annotations.filter((a) => a.sourceId === source.id)
  if (own.every((a) => a.anchoredHash === source.textHash)) return []
  const result = reanchorAnnotations(plainText(source.doc), source.textHash, own)
  const changed = new Set(result.changed)
  return result.annotations
    .filter((a) => changed.has(a.id))
    .map((a) => ({
      type: 'updateAnnotation',
      id: a.id,
      patch: { target: a.target, anchoredHash: a.anchoredHash, status: a.status },
    }))
}

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
  const ops: Op[] = [{ type: 'updateSource', id: source.id, patch: { doc, textHash: hash } }]
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
