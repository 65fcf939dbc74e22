// What the core does to a notebook as it opens it, as ordinary operations (so the fix is
// written to disk, undo-free, and every reader of the notebook — the window, the command-line
// export — sees the same repaired notebook): put passages whose source text changed back in
// place (or orphan them), and mend references a hand-edited or older file left broken.
import { describeRange, reanchorAnnotations, splitBetween } from '../anchoring'
import { brokenLinks } from '../links'
import { docFromParagraphs, plainText, textHash } from '../plain-text'
import { count } from '../plural'
import type { Annotation, Notebook, Source } from '../schema'
import { applyOps } from './apply'
import type { Op } from './schema'

export interface Repair {
  ops: Op[]
  /** One sentence per kind of fix, for the person opening the notebook. */
  notices: string[]
}

/** The operations that bring a notebook up to date with its rules; empty when it already is. */
export function repairOps(nb: Notebook, at: string): Repair {
  const notices: string[] = []
  // Stage 1: sources (a passage needs its source before anything else can be checked).
  const sourceOps = [...missingSourceOps(nb, at, notices), ...staleHashOps(nb)]
  const staged = sourceOps.length ? applyOps(nb, sourceOps, at).notebook : nb
  // Stage 2: passages' tags and places, then links whose ends or relation are gone.
  const passageOps = [
    ...tagOps(staged, notices),
    ...reanchorOps(staged, notices),
    ...splitCharacterOps(staged),
  ]
  const broken = brokenLinks(staged)
  if (broken.length)
    notices.push(`Removed ${count(broken.length, 'broken link')}. Their passages or notes no longer exist.`)
  return {
    ops: [...sourceOps, ...passageOps, ...broken.map((l): Op => ({ type: 'deleteLink', id: l.id }))],
    notices,
  }
}

/** Operations re-anchoring a source's passages (`own`) to its current text (empty if none needed). */
function reanchorSourceOps(source: Source, own: Annotation[]): { ops: Op[]; orphaned: number } {
  if (own.every((a) => a.anchoredHash === source.textHash)) return { ops: [], orphaned: 0 }
  const result = reanchorAnnotations(plainText(source.doc), source.textHash, own)
  const changed = new Set(result.changed)
  const ops = result.annotations
    .filter((a) => changed.has(a.id))
    .map((a): Op => ({
      type: 'updateAnnotation',
      id: a.id,
      patch: { target: a.target, anchoredHash: a.anchoredHash, status: a.status },
    }))
  const orphaned = result.annotations.filter((a) => changed.has(a.id) && a.status === 'orphaned').length
  return { ops, orphaned }
}

function reanchorOps(nb: Notebook, notices: string[]): Op[] {
  // Grouped once: filtering every passage for each source was ~11 ms of an open at L (200 × 20,000).
  const bySource = new Map<string, Annotation[]>()
  for (const a of nb.annotations) {
    const own = bySource.get(a.sourceId)
    if (own) own.push(a)
    else bySource.set(a.sourceId, [a])
  }
  const ops: Op[] = []
  let orphaned = 0
  for (const source of nb.sources) {
    const r = reanchorSourceOps(source, bySource.get(source.id) ?? [])
    ops.push(...r.ops)
    orphaned += r.orphaned
  }
  if (orphaned > 0)
    notices.push(`${count(orphaned, 'passage')} could not be found in changed source text; see Orphans.`)
  return ops
}

/**
 * A passage whose range ends inside a character (half an emoji: a file from before ranges
 * were kept whole, or edited by hand) is widened to the whole character, so every export can
 * write it. Read off the quote's edges, so the source's text is only built when one does.
 */
function splitCharacterOps(nb: Notebook): Op[] {
  const sources = new Map(nb.sources.map((s) => [s.id, s]))
  const texts = new Map<string, string>()
  const ops: Op[] = []
  for (const a of nb.annotations) {
    const source = sources.get(a.sourceId)
    const { exact, prefix, suffix } = a.target.quote
    if (a.status !== 'anchored' || !source || a.anchoredHash !== source.textHash) continue
    if (!splitBetween(prefix, exact) && !splitBetween(exact, suffix)) continue
    const text = texts.get(source.id) ?? plainText(source.doc)
    texts.set(source.id, text)
    const { start, end } = a.target.position
    if (text.slice(start, end) !== exact) continue // re-anchoring owns a passage out of place
    ops.push({ type: 'updateAnnotation', id: a.id, patch: { target: describeRange(text, start, end) } })
  }
  return ops
}

/** A file whose stored text hash is wrong (edited by hand) gets the right one. */
function staleHashOps(nb: Notebook): Op[] {
  return nb.sources
    .filter((s) => textHash(plainText(s.doc)) !== s.textHash)
    .map((s): Op => ({ type: 'updateSource', id: s.id, patch: { doc: s.doc } }))
}

/**
 * Passages whose source is gone keep their quotes: a stand-in source holding those quotes is
 * added under the missing id, so the passages re-anchor to it and nothing is dropped.
 */
function missingSourceOps(nb: Notebook, at: string, notices: string[]): Op[] {
  const known = new Set(nb.sources.map((s) => s.id))
  const orphansBySource = new Map<string, Annotation[]>()
  for (const a of nb.annotations)
    if (!known.has(a.sourceId))
      orphansBySource.set(a.sourceId, [...(orphansBySource.get(a.sourceId) ?? []), a])
  if (orphansBySource.size)
    notices.push(
      `${count(orphansBySource.size, 'source')} missing from the file; its passages are kept in “Recovered passages”.`,
    )
  return [...orphansBySource].flatMap(([id, passages]): Op[] => {
    // One paragraph per quote; each passage is placed on its own paragraph directly (its old
    // context is not in this text, so searching for the quote could refuse short ones).
    const doc = docFromParagraphs(passages.map((p) => p.target.quote.exact))
    const text = plainText(doc)
    const hash = textHash(text)
    const source: Source = {
      id,
      title: 'Recovered passages',
      origin: '',
      doc,
      textHash: hash,
      createdAt: at,
      updatedAt: at,
    }
    let start = 0
    const place = passages.map((p): Op => {
      const target = describeRange(text, start, start + p.target.quote.exact.length)
      start += p.target.quote.exact.length + 1
      return { type: 'updateAnnotation', id: p.id, patch: { target, anchoredHash: hash, status: 'anchored' } }
    })
    return [{ type: 'addSource', source }, ...place]
  })
}

/** Tag ids that name no tag are dropped from passages, and a tag carried twice is kept once. */
function tagOps(nb: Notebook, notices: string[]): Op[] {
  const known = new Set(nb.tags.map((t) => t.id))
  const ops: Op[] = []
  for (const a of nb.annotations) {
    const tagIds = [...new Set(a.tagIds.filter((id) => known.has(id)))]
    if (tagIds.length !== a.tagIds.length) ops.push({ type: 'updateAnnotation', id: a.id, patch: { tagIds } })
  }
  if (ops.length) notices.push(`Removed unknown tags from ${count(ops.length, 'passage')}.`)
  return ops
}
