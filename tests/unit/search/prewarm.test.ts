import { describe, expect, it, vi } from 'vitest'
import { generateNotebook } from '../../../bench/generate'
import { NotebookSearch } from '../../../src/shared/search'
import { prefix, prewarmSearch, searchNotebook } from '../../../src/renderer/src/state/search-index'
import type { NotebookSession } from '../../../src/renderer/src/state/session'

const nb = generateNotebook(
  { passages: 900, sources: 10, words: 600, tags: 30, facets: 3, links: 50, notes: 25 },
  7,
)
const QUERIES = [
  'the',
  'pol',
  'tag:' + nb.tags[0].name,
  'is:orphaned',
  `"${nb.annotations[3].target.quote.exact.split(' ').slice(0, 2).join(' ')}"`,
]

describe('building the search index in slices', () => {
  it('cuts the notebook into growing prefixes that end with the notebook itself', () => {
    expect(prefix(nb, 1).annotations).toHaveLength(400)
    expect(prefix(nb, 2).sources).toHaveLength(8)
    expect(prefix(nb, 3)).toBe(nb)
  })

  it('answers exactly like an index built at once, whether the slices finished or not', () => {
    const whole = NotebookSearch.build(nb)
    const finished = { notebook: nb, opened: { notebook: nb } } as NotebookSession
    vi.useFakeTimers()
    try {
      prewarmSearch(finished)
      vi.runAllTimers() // every slice runs: the index was built slice by slice to the end
    } finally {
      vi.useRealTimers()
    }
    const interrupted = { notebook: nb, opened: { notebook: nb } } as NotebookSession
    const stop = prewarmSearch(interrupted)
    stop() // a query arrives before the first slice: it must finish the build itself
    for (const q of QUERIES) {
      const expected = whole.search(q, 20).map((r) => `${r.kind}:${r.id}`)
      expect(
        searchNotebook(finished, q, 20).map((r) => `${r.kind}:${r.id}`),
        q,
      ).toEqual(expected)
      expect(
        searchNotebook(interrupted, q, 20).map((r) => `${r.kind}:${r.id}`),
        q,
      ).toEqual(expected)
    }
  })

  it('warms the search code in idle time once built, a step at a time, and stops when stopped', () => {
    const warmStep = vi.spyOn(NotebookSearch, 'warmStep').mockReturnValue(true)
    const idle: ((d: { timeRemaining(): number }) => void)[] = []
    let cancelled = 0
    vi.stubGlobal('requestIdleCallback', (cb: (typeof idle)[number]) => idle.push(cb))
    vi.stubGlobal('cancelIdleCallback', () => cancelled++)
    vi.useFakeTimers()
    try {
      const stop = prewarmSearch({ notebook: nb, opened: { notebook: nb } } as NotebookSession)
      vi.runAllTimers() // the slices
      expect(warmStep).not.toHaveBeenCalled() // only once the window is idle
      let left = 3
      idle.shift()!({ timeRemaining: () => (left-- > 0 ? 10 : 0) })
      expect(warmStep).toHaveBeenCalledTimes(3) // while the idle period lasts
      expect(idle).toHaveLength(1) // then in the next one
      stop()
      expect(cancelled).toBe(1)
      warmStep.mockReturnValue(false)
      idle.shift()!({ timeRemaining: () => 10 })
      expect(warmStep).toHaveBeenCalledTimes(4) // done: no further idle callback asked for
      expect(idle).toHaveLength(0)
    } finally {
      vi.useRealTimers()
      vi.unstubAllGlobals()
      warmStep.mockRestore()
    }
  })
})
