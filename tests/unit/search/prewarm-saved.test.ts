// The window's search index and its saved copy (search-index.ts): loaded when the core has one
// for the notebook file as opened, otherwise built in slices and saved once idle; a refused
// copy is built again; an index of an edited notebook is never saved.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { generateNotebook } from '../../../bench/generate'
import { NotebookSearch } from '../../../src/shared/search'
import type { Notebook } from '../../../src/shared/schema'
import {
  prewarmSearch,
  searchNotebook,
  type SavedIndexes,
} from '../../../src/renderer/src/state/search-index'
import type { NotebookSession } from '../../../src/renderer/src/state/session'

const nb = generateNotebook(
  { passages: 900, sources: 10, words: 600, tags: 30, facets: 3, links: 50, notes: 25 },
  8,
)
const KEY = 'a'.repeat(64)
const QUERIES = ['the', 'pol', `tag:${nb.tags[0].name}`, 'is:orphaned']
const expected = (() => {
  const whole = NotebookSearch.build(nb)
  return QUERIES.map((q) => whole.search(q, 20).map((r) => `${r.kind}:${r.id}`))
})()
const answers = (s: NotebookSession) =>
  QUERIES.map((q) => searchNotebook(s, q, 20).map((r) => `${r.kind}:${r.id}`))

/** The core's store, in memory: what was saved under which key. */
function store(initial?: Uint8Array) {
  const files = new Map<string, { key: string; bytes: Uint8Array }>()
  if (initial) files.set(nb.id, { key: KEY, bytes: initial })
  const saved: SavedIndexes = {
    load: vi.fn(async (id: string, key: string) =>
      files.get(id)?.key === key ? files.get(id)!.bytes : null,
    ),
    save: vi.fn(async (id: string, key: string, bytes: Uint8Array) => void files.set(id, { key, bytes })),
  }
  return { saved, files }
}

const session = (notebook: Notebook, key: string | null = KEY) =>
  ({ notebook, opened: { notebook, searchIndexKey: key ?? undefined } }) as NotebookSession

let idle: ((d: { timeRemaining(): number }) => void)[]
/** Runs the slices, the load's answer and every idle callback asked for. */
async function settle(): Promise<void> {
  for (let round = 0; round < 50; round++) {
    await vi.runAllTimersAsync()
    const next = idle.shift()
    if (!next) return
    next({ timeRemaining: () => 50 })
  }
}

beforeEach(() => {
  idle = []
  vi.stubGlobal('requestIdleCallback', (cb: (typeof idle)[number]) => idle.push(cb))
  vi.stubGlobal('cancelIdleCallback', () => {})
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('the saved search index in the window', () => {
  it('builds and saves the index of a notebook opened without one, then the next open loads it', async () => {
    const { saved, files } = store()
    const first = session(nb)
    prewarmSearch(first, saved)
    await settle()
    expect(saved.load).toHaveBeenCalledWith(nb.id, KEY)
    expect(saved.save).toHaveBeenCalledTimes(1)
    expect(answers(first)).toEqual(expected)

    const build = vi.spyOn(NotebookSearch.prototype, 'update')
    const adopt = vi.spyOn(NotebookSearch, 'adopt')
    const second = session(nb)
    prewarmSearch(second, saved)
    await settle()
    expect(adopt).toHaveBeenCalledWith(nb, files.get(nb.id)!.bytes)
    // Loaded, not built: the one update adopting ran, no slice.
    expect(build).toHaveBeenCalledTimes(1)
    expect(saved.save).toHaveBeenCalledTimes(1)
    expect(answers(second)).toEqual(expected)
  })

  it('builds again, and saves a good copy, when the saved one is refused', async () => {
    const { saved, files } = store(new Uint8Array([1, 2, 3]))
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const s = session(nb)
    prewarmSearch(s, saved)
    await settle()
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('not a saved search index'))
    expect(answers(s)).toEqual(expected)
    expect(saved.save).toHaveBeenCalledTimes(1)
    expect(() => NotebookSearch.adopt(nb, files.get(nb.id)!.bytes)).not.toThrow()
  })

  it('builds when the saved copy cannot be read, and never saves an index of an edited notebook', async () => {
    const { saved } = store()
    vi.mocked(saved.load).mockRejectedValue(new Error('offline'))
    const s = session(nb)
    prewarmSearch(s, saved)
    s.notebook = { ...nb, notes: nb.notes.slice(1) } // an edit before the build is done
    await settle()
    expect(saved.save).not.toHaveBeenCalled()
    expect(searchNotebook(s, nb.notes[0].title).some((r) => r.id === nb.notes[0].id)).toBe(false)
  })

  it('neither loads nor saves without the key the core gives an unchanged file', async () => {
    const { saved } = store()
    const s = session(nb, null)
    prewarmSearch(s, saved)
    await settle()
    expect(saved.load).not.toHaveBeenCalled()
    expect(saved.save).not.toHaveBeenCalled()
    expect(answers(s)).toEqual(expected)
  })

  it('saves the index a query built while the saved one was being asked for', async () => {
    const { saved, files } = store()
    const s = session(nb)
    prewarmSearch(s, saved)
    expect(answers(s)).toEqual(expected) // Ctrl+K before the core answered: built at once
    await settle()
    expect(saved.save).toHaveBeenCalledTimes(1)
    expect(() => NotebookSearch.adopt(nb, files.get(nb.id)!.bytes)).not.toThrow()
  })

  it('does not save again an index a query built while a saved one was on its way', async () => {
    const { saved } = store(NotebookSearch.build(nb).snapshot()!)
    const s = session(nb)
    prewarmSearch(s, saved)
    expect(answers(s)).toEqual(expected)
    await settle()
    expect(saved.save).not.toHaveBeenCalled()
  })

  it('saves without idle callbacks too (a timer stands in: Safari on the browser host)', async () => {
    vi.stubGlobal('requestIdleCallback', undefined)
    const { saved } = store()
    prewarmSearch(session(nb), saved)
    await vi.runAllTimersAsync()
    expect(saved.save).toHaveBeenCalledTimes(1)
  })

  it('stops loading when the notebook is closed first', async () => {
    const { saved } = store(NotebookSearch.build(nb).snapshot()!)
    const adopt = vi.spyOn(NotebookSearch, 'adopt')
    const stop = prewarmSearch(session(nb), saved)
    stop()
    await settle()
    expect(adopt).not.toHaveBeenCalled()
  })
})
