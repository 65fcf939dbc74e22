// Exports at benchmark scale: 20,000 passages and 10,000 links, as bench/figures/export.ts
// measures them. The old export crashed with "Maximum call stack size exceeded" at this size
// and sorted every link once per passage (13 s for the CSV); these check that both finish and
// that nothing is dropped. The timeout catches a return to quadratic time.
import { describe, expect, it } from 'vitest'
import { generateNotebook } from '../../../bench/generate'
import { exportCsv } from '../../../src/shared/export/csv'
import { exportMarkdown } from '../../../src/shared/export/markdown/index'

const nb = generateNotebook(
  { passages: 20_000, sources: 40, words: 2_500, tags: 300, facets: 6, links: 10_000, notes: 40 },
  7,
)

describe('exports of a large notebook', () => {
  it('writes one block per passage and each link at both ends (single file)', () => {
    const [file] = exportMarkdown(nb, { layout: 'single' }).files
    expect(file.content.match(/^\^p-/gm)).toHaveLength(nb.annotations.length)
    const rows = file.content.match(/ [→←] \[\[/g) ?? []
    expect(rows).toHaveLength(nb.links.length * 2)
  }, 20_000)

  it('writes the folder layout and the CSV, one row per passage', () => {
    const { files } = exportMarkdown(nb, { layout: 'folder' })
    expect(files).toHaveLength(1 + nb.sources.length + nb.notes.length)
    const csv = exportCsv(nb)
    expect(csv.match(/,psg-\d+,src-\d+,/g)).toHaveLength(nb.annotations.length)
  }, 20_000)
})
