// The window builds an export step by step (components/export/export-actions.ts): it reports
// how far it got, yields to the page between steps, and stops when cancelled.
import { describe, expect, it } from 'vitest'
import { buildExport } from '../../../src/renderer/src/components/export/build-export'
import { exportMarkdown } from '../../../src/shared/export/markdown/index'
import { generateNotebook } from '../../../bench/generate'

const nb = generateNotebook(
  { passages: 3_000, sources: 30, words: 2_000, tags: 50, facets: 4, links: 800, notes: 10 },
  3,
)

describe('building an export in the window', () => {
  it('reports progress and gives the same files as the one-shot export', async () => {
    const shares: number[] = []
    const controller = new AbortController()
    const result = await buildExport(nb, 'md-folder', controller.signal, (share) => shares.push(share))
    expect(result).toEqual({ kind: 'folder', files: exportMarkdown(nb, { layout: 'folder' }).files })
    expect(shares.every((s, i) => s > 0 && s <= 1 && (i === 0 || s >= shares[i - 1]))).toBe(true)
  })

  it('stops between two steps when cancelled', async () => {
    const controller = new AbortController()
    let steps = 0
    // sliceMs 0: it yields after every step, so the first report is the first chance to stop.
    const building = buildExport(
      nb,
      'md',
      controller.signal,
      () => {
        steps++
        controller.abort()
      },
      0,
    )
    await expect(building).rejects.toThrow('The export was cancelled.')
    expect(steps).toBe(1)
  })

  it('stops before starting when already cancelled', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(buildExport(nb, 'md', controller.signal, () => {})).rejects.toThrow('cancelled')
  })
})
