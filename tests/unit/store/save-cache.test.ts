// The incremental save path: the same bytes as JSON.stringify(nb, null, 1) after any edits,
// the same refusals (and reasons) as a full parse, and turns for the event loop.
import fc from 'fast-check'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateNotebook } from '../../../bench/generate'
import { emptyNotebook } from '../../../src/core/seed'
import { DurableNotebookFile } from '../../../src/core/store/durable-file'
import { markValid, serializeAsync, serializeSync, validateForSave } from '../../../src/core/store/save-cache'
import { parseNotebookText } from '../../../src/core/store/validate'
import { applyOps, type Op } from '../../../src/shared/ops'
import type { Notebook } from '../../../src/shared/schema'
import { AT, notebookWithSource, passage } from '../../helpers/notebook'
import { useTempDirs } from '../../helpers/temp-dir'

const tempDir = useTempDirs()

const TINY = { passages: 30, sources: 3, words: 300, tags: 8, facets: 2, links: 12, notes: 3 }
const expected = (nb: Notebook): string => JSON.stringify(nb, null, 1)
const note = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
})

describe('serialize (save cache)', () => {
  it('writes exactly what JSON.stringify(nb, null, 1) writes', async () => {
    const generated = generateNotebook(TINY, 3)
    const {
      nb: small,
      source,
      text,
    } = notebookWithSource(['Quotes " and \\ backslashes', 'Line\nbreak\u2028and tab\t, emoji 🙂, ’curly’'])
    const tricky: Notebook = {
      ...small,
      annotations: [passage('a1', source, text, 'backslashes', { note: note('a\nb "c"') })],
    }
    for (const nb of [generated, emptyNotebook('Empty', AT), tricky]) {
      expect(serializeSync(nb)).toBe(expected(nb))
      expect(await serializeAsync(nb, 0)).toBe(expected(nb))
    }
  })

  it('leaves out undefined fields as JSON.stringify does', () => {
    const { nb, source } = notebookWithSource(['Text'])
    const withUndefined = { ...nb, sources: [{ ...source, url: undefined, summary: undefined }] } as Notebook
    expect(serializeSync(withUndefined)).toBe(expected(withUndefined))
  })

  it('stays exact through any sequence of edits (cached JSON is never stale)', () => {
    const base = generateNotebook(TINY, 9)
    markValid(base)
    serializeSync(base) // fill the cache
    const ids = base.annotations.map((a) => a.id)
    const op = fc.oneof(
      fc.record({ i: fc.nat(ids.length - 1), text: fc.string() }).map(({ i, text }): Op => ({
        type: 'updateAnnotation',
        id: ids[i],
        patch: { note: note(text || 'x') },
      })),
      fc
        .string({ minLength: 1, maxLength: 40 })
        .filter((t) => t.trim().length > 0)
        .map((title): Op => ({ type: 'renameNotebook', title })),
      fc
        .nat(ids.length - 1)
        .map((i): Op => ({ type: 'updateAnnotation', id: ids[i], patch: { color: '#123456' } })),
      fc.nat(ids.length - 1).map((i): Op => ({ type: 'deleteAnnotation', id: ids[i] })),
    )
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 12 }), (ops) => {
        let nb = base
        for (const o of ops) {
          try {
            nb = applyOps(nb, [o], AT).notebook
          } catch {
            continue // e.g. a passage already deleted: the reducer refuses, nothing changes
          }
          validateForSave(nb, 'test')
          expect(serializeSync(nb)).toBe(expected(nb))
        }
      }),
      { numRuns: 40 },
    )
  })

  it('writes a notebook of several chunks to disk byte for byte', async () => {
    const nb = generateNotebook(
      { passages: 800, sources: 10, words: 9_000, tags: 20, facets: 3, links: 200, notes: 5 },
      2,
    )
    const path = join(await tempDir(), 'big.json')
    await new DurableNotebookFile(path).write(nb)
    const text = await readFile(path, 'utf8')
    expect(text.length).toBeGreaterThan(1 << 20) // more than one chunk of 1M characters
    expect(text).toBe(expected(nb))
  })

  it('gives the event loop turns while it works', async () => {
    const nb = generateNotebook(TINY, 4)
    let turns = 0
    let running = true
    const tick = (): void => {
      turns++
      if (running) setImmediate(tick)
    }
    setImmediate(tick)
    // sliceMs 0: a turn after every piece; other callbacks queued meanwhile get to run.
    await serializeAsync({ ...nb, annotations: nb.annotations.map((a) => ({ ...a })) }, 0)
    running = false
    expect(turns).toBeGreaterThan(10)
  })
})

describe('validateForSave', () => {
  const valid = (): Notebook => generateNotebook(TINY, 5)
  const reason = (nb: unknown): string => {
    try {
      parseNotebookText(nb, 'test')
      return 'valid'
    } catch (error) {
      return (error as Error).message
    }
  }

  it('accepts a valid notebook, before and after an edit', () => {
    const nb = valid()
    expect(() => validateForSave(nb, 'test')).not.toThrow()
    const edited = applyOps(
      nb,
      [{ type: 'updateAnnotation', id: nb.annotations[0].id, patch: { note: note('ok') } }],
      AT,
    ).notebook
    expect(() => validateForSave(edited, 'test')).not.toThrow()
  })

  it('refuses a bad new object with the same reason as a full parse, even when the rest is cached', () => {
    const nb = valid()
    markValid(nb)
    const bad = {
      ...nb,
      annotations: [...nb.annotations.slice(1), { ...nb.annotations[0], color: 'red' }],
    } as Notebook
    expect(() => validateForSave(bad, 'test')).toThrow(reason(bad))
    expect(reason(bad)).not.toBe('valid')
  })

  it('refuses bad top-level fields and a collection that is not an array', () => {
    const nb = valid()
    markValid(nb)
    for (const bad of [
      { ...nb, title: '' },
      { ...nb, schemaVersion: 99 },
      { ...nb, links: {} },
    ]) {
      expect(() => validateForSave(bad as Notebook, 'test')).toThrow(reason(bad))
    }
  })

  it('does not trust an object valid in one collection when it sits in another', () => {
    const nb = valid()
    markValid(nb)
    const misplaced = { ...nb, tags: [...nb.tags, nb.annotations[0] as never] }
    expect(() => validateForSave(misplaced, 'test')).toThrow(reason(misplaced))
  })
})
