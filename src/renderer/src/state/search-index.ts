// One search index per open notebook. It is built in small slices while the notebook is open
// (so a large notebook never freezes the window for seconds on the first Ctrl+K), and brought
// up to date incrementally before each query.
import { NotebookSearch } from '@shared/search'
import type { Notebook } from '@shared/schema'
import type { NotebookSession } from './session'

const indexes = new WeakMap<NotebookSession, NotebookSearch>()
/** Items indexed per slice: ~a few tens of milliseconds at the benchmark's L scale. */
const SLICE = { sources: 4, annotations: 400, notes: 10 }

export function searchNotebook(session: NotebookSession, query: string, limit = 30) {
  const index = indexOf(session)
  index.update(session.notebook) // also finishes a build still in progress
  return index.search(query, limit)
}

/** Starts building the index in the background; returns a function that stops it. */
export function prewarmSearch(session: NotebookSession): () => void {
  const index = indexOf(session)
  let step = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const tick = () => {
    step++
    const partial = prefix(session.notebook, step)
    index.update(partial)
    if (partial !== session.notebook) timer = setTimeout(tick, 0)
    else stopWarming = warmWhenIdle()
  }
  let stopWarming = () => {}
  timer = setTimeout(tick, 0)
  return () => {
    clearTimeout(timer)
    stopWarming()
  }
}

/**
 * Built: the search code is warmed on a tiny index (warm.ts), one query at a time in idle time.
 * Otherwise the first real queries run unoptimised code (search p95, docs/PERFORMANCE.md); as
 * one task of ~100 ms it delayed the clicks that came meanwhile (the filter figure).
 */
function warmWhenIdle(): () => void {
  if (typeof requestIdleCallback !== 'function') return () => {}
  let handle = 0
  const run = (deadline: IdleDeadline) => {
    while (deadline.timeRemaining() > IDLE_MARGIN_MS) if (!NotebookSearch.warmStep()) return
    handle = requestIdleCallback(run)
  }
  handle = requestIdleCallback(run)
  return () => cancelIdleCallback(handle)
}
/** A step is a query on a tiny index: well under this once warm, a few ms before. */
const IDLE_MARGIN_MS = 4

function indexOf(session: NotebookSession): NotebookSearch {
  let index = indexes.get(session)
  if (!index) {
    index = new NotebookSearch()
    indexes.set(session, index)
  }
  return index
}

/** The notebook cut to its first `step` slices (the whole notebook once they cover it). */
export function prefix(nb: Notebook, step: number): Notebook {
  const s = step * SLICE.sources
  const a = step * SLICE.annotations
  const n = step * SLICE.notes
  if (s >= nb.sources.length && a >= nb.annotations.length && n >= nb.notes.length) return nb
  return {
    ...nb,
    sources: nb.sources.slice(0, s),
    annotations: nb.annotations.slice(0, a),
    notes: nb.notes.slice(0, n),
  }
}
