// Exports at benchmark scale (bench/figures/export.ts) crashed with "Maximum call stack size
// exceeded" — push(...blocks) of several hundred thousand blocks — and sorted every link
// once per passage. These check the section builders on a notebook of 60,000 passages.
import { describe, expect, it } from 'vitest'
import { append } from '../../../src/shared/export/markdown/append'
import { buildModel } from '../../../src/shared/export/markdown/model'
import { passageSections } from '../../../src/shared/export/markdown/passages'
import type { Ctx } from '../../../src/shared/export/markdown/links'
import { describeRange } from '../../../src/shared/anchoring'
import type { Annotation, Link } from '../../../src/shared/schema'
import { AT, notebookWithSource } from '../../helpers/notebook'

describe('Markdown export of a large notebook', () => {
  it('append() takes more items than fit on the call stack', () => {
    const many = Array.from({ length: 500_000 }, (_, i) => i)
    expect(append([-1], many)).toHaveLength(500_001)
  })

  it('builds the passage sections of 60,000 passages, links listed at both ends', () => {
    const words = Array.from({ length: 2_000 }, (_, i) => `word${i}`)
    const { nb, source, text } = notebookWithSource([words.join(' ')])
    const starts: number[] = []
    words.reduce((at, w) => (starts.push(at), at + w.length + 1), 0)
    const annotations: Annotation[] = Array.from({ length: 60_000 }, (_, i) => {
      const start = starts[i % 2_000]
      return {
        id: `a${i}`,
        sourceId: source.id,
        target: describeRange(text, start, start + 4),
        anchoredHash: source.textHash,
        note: null,
        tagIds: [],
        color: null,
        status: 'anchored',
        createdAt: AT,
        updatedAt: AT,
      }
    })
    const links: Link[] = Array.from({ length: 3_000 }, (_, i) => ({
      id: `l${i}`,
      from: { kind: 'annotation', id: `a${i}` },
      to: { kind: 'annotation', id: `a${i + 1}` },
      relationId: 'supports',
      comment: '',
      createdAt: AT,
    }))
    const model = buildModel({ ...nb, annotations, links })
    const ctx: Ctx = { model, layout: 'single', files: new Map(), dir: '' }
    const blocks = passageSections(ctx, model.passages)
    expect(blocks.length).toBeGreaterThan(120_000)
    const lists = blocks.filter((b) => b.type === 'list')
    expect(lists).toHaveLength(3_001) // a0 … a3000 each have a link list (both ends)
    // ~1 s here; sorting all links per passage took 15 s, so the timeout catches a regression.
  }, 10_000)
})
