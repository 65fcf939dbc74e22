// The notebooks the renderer figures open: one source with 2,000 passages, and beside it the
// same text with a single passage (the comparison editor: same document, no highlight load).
import { copyFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Notebook } from '../../src/shared/schema'
import { generateNotebook, writeNotebookFile } from '../generate'

export const BIG_SOURCE = 'src-0000'
export const PLAIN_SOURCE = 'src-plain'

export function rendererNotebook(): Notebook {
  const nb = generateNotebook(
    { passages: 2_000, sources: 1, words: 20_000, tags: 60, facets: 6, links: 1_000, notes: 5 },
    7,
  )
  const big = nb.sources[0]
  const first = nb.annotations.find((a) => a.status === 'anchored')!
  return {
    ...nb,
    title: 'Renderer benchmark',
    sources: [big, { ...big, id: PLAIN_SOURCE, title: `${big.title} (one passage)` }],
    annotations: [
      ...nb.annotations,
      { ...first, id: 'psg-plain', sourceId: PLAIN_SOURCE, note: null, tagIds: [] },
    ],
  }
}

/** Writes the renderer notebook (through the store) and copies the scale notebook beside it. */
export async function prepareDataDir(dataDir: string, scaleFile: string): Promise<{ renderer: Notebook }> {
  const renderer = rendererNotebook()
  await writeNotebookFile(dataDir, renderer)
  await mkdir(join(dataDir, 'notebooks'), { recursive: true })
  await copyFile(scaleFile, join(dataDir, 'notebooks', 'scale.json'))
  return { renderer }
}
