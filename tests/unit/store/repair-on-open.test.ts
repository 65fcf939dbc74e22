// The core repairs a notebook as it opens and as it reloads after an outside change: passages of
// a changed source are re-anchored, broken references mended, the fix saved to disk, and the
// window told what was fixed.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeRange } from '../../../src/shared/anchoring'
import { integrityProblems } from '../../../src/shared/ops/integrity'
import { docFromParagraphs, plainText } from '../../../src/shared/plain-text'
import type { Notebook } from '../../../src/shared/schema'
import { useTempDirs } from '../../helpers/temp-dir'
import { serviceIn } from '../library/service-fixture'

const tempDir = useTempDirs()

async function seeded() {
  const dataDir = await tempDir()
  const { service, h } = await serviceIn(dataDir)
  const [summary] = (await h.listNotebooks({})).notebooks
  const path = join(dataDir, 'notebooks', summary.file)
  const read = async () => JSON.parse(await readFile(path, 'utf8')) as Notebook
  return { service, h, id: summary.id, path, read }
}

/** The seed notebook with a passage on "Harir" and a link from it to a passage that is gone. */
function damaged(nb: Notebook): Notebook {
  const source = nb.sources[0]
  const text = plainText(source.doc)
  const start = text.indexOf('Hareer')
  const passage = {
    id: 'p-hareer',
    sourceId: source.id,
    target: describeRange(text, start, start + 'Hareer'.length),
    anchoredHash: source.textHash,
    note: null,
    tagIds: ['no-such-tag'],
    color: null,
    status: 'anchored' as const,
    createdAt: nb.createdAt,
    updatedAt: nb.createdAt,
  }
  const link = {
    id: 'l-broken',
    from: { kind: 'annotation' as const, id: 'p-hareer' },
    to: { kind: 'annotation' as const, id: 'deleted' },
    relationId: nb.relations[0].id,
    comment: '',
    createdAt: nb.createdAt,
  }
  return { ...nb, annotations: [passage], links: [link] }
}

describe('repair as the core opens a notebook', () => {
  it('mends a hand-edited file on open, saves the fix and says what it did', async () => {
    const { h, id, path, read } = await seeded()
    await writeFile(path, JSON.stringify(damaged(await read())))
    const { notebook, notices } = await h.openNotebook({ id })
    expect(integrityProblems(notebook)).toEqual([])
    expect(notebook.links).toEqual([])
    expect(notebook.annotations[0].tagIds).toEqual([])
    expect(notices).toEqual(expect.arrayContaining([expect.stringMatching(/Removed 1 broken link/)]))
    expect(await read()).toMatchObject({ links: [], annotations: [{ id: 'p-hareer', tagIds: [] }] })
    // Told once: opening again has nothing new to say.
    expect((await h.openNotebook({ id })).notices).toEqual([])
  })

  it('re-anchors passages when another program changed the source text, on reload', async () => {
    const { h, id, path, read } = await seeded()
    await writeFile(path, JSON.stringify({ ...damaged(await read()), links: [] }))
    await h.openNotebook({ id })
    const theirs = await read()
    const text = 'Added by another program. ' + plainText(theirs.sources[0].doc)
    const doc = docFromParagraphs(text.split('\n'))
    await writeFile(path, JSON.stringify({ ...theirs, sources: [{ ...theirs.sources[0], doc }] }))
    expect((await h.checkExternalChange({ id })).changed).toBe(true)
    const { notebook } = await h.reloadNotebook({ id, discardUnsaved: false })
    const passage = notebook.annotations[0]
    expect(passage.status).toBe('anchored')
    expect(text.slice(passage.target.position.start, passage.target.position.end)).toBe('Hareer')
    expect(passage.anchoredHash).toBe(notebook.sources[0].textHash)
    expect((await read()).annotations[0].anchoredHash).toBe(notebook.sources[0].textHash)
  })
})
