// One search index per open notebook. A notebook unchanged since its index was last saved
// loads that index (shared/search/snapshot.ts); otherwise it is built in small slices while
// the notebook is open (so a large notebook never freezes the window for seconds on the first
// Ctrl+K), then saved for the next open. Queries bring it up to date incrementally.
import { NotebookSearch } from '@shared/search'
import type { Notebook } from '@shared/schema'
import type { NotebookSession } from './session'

const indexes = new WeakMap<NotebookSession, NotebookSearch>()
/** Items indexed per slice: ~a few tens of milliseconds at the benchmark's L scale. */
const SLICE = { sources: 4, annotations: 400, notes: 10 }

/** Where saved indexes live: the core, through the contract (saved-indexes.ts). */
export interface SavedIndexes {
  load(notebookId: string, key: string): Promise<Uint8Array | null>
  save(notebookId: string, key: string, bytes: Uint8Array): Promise<unknown>
}

export function searchNotebook(session: NotebookSession, query: string, limit = 30) {
  const index = indexOf(session)
  index.update(session.notebook) // also finishes a build still in progress
  return index.search(query, limit)
}

/**
 * Loads the notebook's saved index, or starts building one in the background and saves it
 * once built; returns a function that stops whatever is under way. `saved` and the key the
 * core gave with the notebook (session.opened) are both needed to load or save.
 */
export function prewarmSearch(session: NotebookSession, saved?: SavedIndexes): () => void {
  const { notebook: opened, searchIndexKey } = session.opened
  const key = saved ? searchIndexKey : undefined
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopIdle = () => {}
  let step = 0
  const warm = () => NotebookSearch.warmStep()
  const tick = () => {
    step++
    const index = indexOf(session)
    const partial = prefix(session.notebook, step)
    index.update(partial)
    if (partial !== session.notebook) timer = setTimeout(tick, 0)
    else stopIdle = whenIdle([warm, saveStep(index)])
  }
  const saveStep = (index: NotebookSearch) => () => {
    // Only an index of the notebook exactly as opened is the file's (a query may have brought
    // it past an edit meanwhile); the core refuses it anyway once the file has changed.
    if (!saved || !key || index.indexed !== opened) return false
    try {
      const bytes = index.snapshot()
      if (bytes) saved.save(opened.id, key, bytes).catch(() => {}) // a cache: the next open builds
    } catch (error) {
      console.warn(`Glossa did not save the search index: ${(error as Error).message}`)
    }
    return false
  }
  const build = () => {
    if (!stopped) timer = setTimeout(tick, 0)
  }
  if (saved && key)
    // One that cannot be read is none: the window builds, as without a saved index.
    void saved
      .load(opened.id, key)
      .catch(() => null)
      .then((bytes) => {
        if (stopped) return
        // A query meanwhile built the index itself (searchNotebook): nothing to load, but worth
        // saving if none was (and if it is of the notebook as opened).
        const built = indexes.get(session)
        if (built) stopIdle = whenIdle(bytes ? [warm] : [warm, saveStep(built)])
        else if (bytes && adopt(session, opened, bytes)) stopIdle = whenIdle([warm])
        else build()
      })
  else build()
  return () => {
    stopped = true
    clearTimeout(timer)
    stopIdle()
  }
}

function adopt(session: NotebookSession, opened: Notebook, bytes: Uint8Array): boolean {
  try {
    indexes.set(session, NotebookSearch.adopt(opened, bytes))
    return true
  } catch (error) {
    console.warn(
      `Glossa built the search index again: the saved one was refused (${(error as Error).message}).`,
    )
    return false
  }
}

/**
 * Runs the steps one after the other in idle time, each step until it returns false: warming
 * the search code on a tiny index (warm.ts), one query at a time (otherwise the first real
 * queries run unoptimised code: search p95, docs/PERFORMANCE.md; as one task of ~100 ms it
 * delayed the clicks that came meanwhile, the filter figure), then saving the index. Where
 * there is no idle callback (Safari on the browser host), a timer stands in for it.
 */
function whenIdle(steps: (() => boolean)[]): () => void {
  const idle = typeof requestIdleCallback === 'function'
  const next = (run: (deadline: IdleDeadline) => void): (() => void) => {
    if (idle) {
      const handle = requestIdleCallback(run)
      return () => cancelIdleCallback(handle)
    }
    // Time for one step per timer, as a short idle period would give.
    let left = 1
    const deadline = { didTimeout: true, timeRemaining: () => (left-- > 0 ? IDLE_MARGIN_MS + 1 : 0) }
    const timer = setTimeout(() => run(deadline), 50)
    return () => clearTimeout(timer)
  }
  let at = 0
  let cancel = () => {}
  const run = (deadline: IdleDeadline) => {
    while (at < steps.length && deadline.timeRemaining() > IDLE_MARGIN_MS) if (!steps[at]()) at++
    if (at < steps.length) cancel = next(run)
  }
  cancel = next(run)
  return () => cancel()
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
