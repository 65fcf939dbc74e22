// Schema migrations: a test per step (a fixture of the old shape must migrate to a notebook that
// validates, keeping its content), the runner's edges, and the library keeping the original
// file as backups/<file>/pre-migration-v<n>.json before the migrated notebook is first written.
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Library } from '../../../src/core/store/library'
import { MIGRATIONS, migrateToCurrent } from '../../../src/core/store/migrations'
import { parseNotebookText } from '../../../src/core/store/validate'
import { DEFAULT_RELATIONS } from '../../../src/shared/defaults'
import { NotebookSchema, SCHEMA_VERSION } from '../../../src/shared/schema'
import { AT, notebookWithSource, passage } from '../../helpers/notebook'
import { useTempDirs } from '../../helpers/temp-dir'

const tempDir = useTempDirs()

/** A notebook as the pre-release build wrote it (version 0). */
function v0Notebook(): Record<string, unknown> {
  const { nb, source, text } = notebookWithSource(['The coalition mission ends in September.'])
  const { anchoredHash: _dropped, ...oldPassage } = passage('p1', source, text, 'coalition mission', {
    note: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Why?' }] }] },
  })
  return {
    schemaVersion: 0,
    id: nb.id,
    title: 'Pre-release notes',
    createdAt: AT,
    updatedAt: AT,
    sources: nb.sources,
    annotations: [oldPassage],
    tags: [{ id: 't1', name: 'phase/1', color: '#123456' }],
  }
}

/** A notebook as version 1 wrote it: no entities, no dates, grades or publication dates. */
function v1Notebook(): Record<string, unknown> {
  const { nb, source, text } = notebookWithSource(['Troops move to Hareer base until 2026.'])
  const { entities: _none, ...rest } = nb
  return { ...rest, schemaVersion: 1, annotations: [passage('p1', source, text, 'until 2026')] }
}

/** One fixture per migration step, keyed by the version it migrates from. */
const FIXTURES: Record<number, () => Record<string, unknown>> = { 0: v0Notebook, 1: v1Notebook }

describe('migration steps', () => {
  it('has a fixture for every step, and the steps chain up to the current version', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(Object.keys(FIXTURES).map(Number))
    MIGRATIONS.forEach((m, i) => expect([m.from, m.to]).toEqual([i, i + 1]))
    expect(MIGRATIONS.at(-1)?.to).toBe(SCHEMA_VERSION)
  })

  it('0 → 1 adds facets, relations, links and notes, and anchors passages to their source text', () => {
    const old = v0Notebook()
    const step = MIGRATIONS.find((m) => m.from === 0)!
    const migrated = step.migrate(structuredClone(old))
    // Later versions only add optional fields, so a version 1 shape validates as the current one.
    const nb = NotebookSchema.parse({ ...migrated, schemaVersion: SCHEMA_VERSION })
    expect(nb.facets).toEqual([])
    expect(nb.links).toEqual([])
    expect(nb.notes).toEqual([])
    expect(nb.relations).toEqual(DEFAULT_RELATIONS)
    const [source] = nb.sources
    expect(nb.annotations[0].anchoredHash).toBe(source.textHash)
    // Content survives untouched.
    expect(nb.title).toBe('Pre-release notes')
    expect(nb.annotations[0].target).toEqual((old.annotations as { target: unknown }[])[0].target)
    expect(nb.annotations[0].note).toEqual((old.annotations as { note: unknown }[])[0].note)
    expect(nb.tags[0]).toMatchObject({ id: 't1', name: 'phase/1', label: '', description: '' })
  })

  it('1 → 2 adds an empty list of entities and keeps passages and sources as they are', () => {
    const old = v1Notebook()
    const step = MIGRATIONS.find((m) => m.from === 1)!
    const nb = NotebookSchema.parse({ ...step.migrate(structuredClone(old)), schemaVersion: step.to })
    expect(nb.entities).toEqual([])
    expect(nb.annotations).toEqual(old.annotations)
    expect(nb.sources).toEqual(old.sources)
    expect(nb.annotations[0].dates).toBeUndefined()
    expect(nb.sources[0].reliability).toBeUndefined()
    // Entities already there (a file written by a newer build, then downgraded) are kept.
    const kept = step.migrate({ ...old, entities: [{ id: 'e1' }] })
    expect(kept.entities).toEqual([{ id: 'e1' }])
  })

  it('0 → 1 keeps arrays that are already there and tolerates odd input', () => {
    const old = {
      ...v0Notebook(),
      relations: [],
      notes: 'nope',
      annotations: [null, { sourceId: 'missing' }],
    }
    const migrated = MIGRATIONS[0].migrate(old)
    expect(migrated.relations).toEqual([]) // a notebook that removed every relation keeps none
    expect(migrated.notes).toEqual([])
    expect(migrated.annotations).toEqual([null, { sourceId: 'missing', anchoredHash: '' }])
  })
})

describe('migrateToCurrent', () => {
  it('runs every fixture through the chain to a valid current notebook', () => {
    for (const [from, fixture] of Object.entries(FIXTURES)) {
      const { value, from: migratedFrom } = migrateToCurrent(fixture())
      expect(migratedFrom).toBe(Number(from))
      expect(NotebookSchema.safeParse(value).success).toBe(true)
      expect(parseNotebookText(JSON.stringify(fixture()), 'old.json').schemaVersion).toBe(SCHEMA_VERSION)
    }
  })

  it('leaves current, newer, unknown and non-notebook input alone', () => {
    const current = { schemaVersion: SCHEMA_VERSION, id: 'x' }
    expect(migrateToCurrent(current)).toEqual({ value: current })
    for (const raw of [
      { schemaVersion: 99 },
      { schemaVersion: -1 },
      { schemaVersion: 0.5 },
      { schemaVersion: '0' },
      null,
      [],
      'text',
    ]) {
      expect(migrateToCurrent(raw)).toEqual({ value: raw })
    }
  })

  it('stops when the table has no path from a version', () => {
    expect(migrateToCurrent({ schemaVersion: 0 }, [])).toEqual({ value: { schemaVersion: 0 } })
  })
})

describe('library and migrated files', () => {
  it('opens an old file without writing it, then keeps the original before the first save', async () => {
    const dataDir = await tempDir()
    const dir = join(dataDir, 'notebooks')
    await mkdir(dir, { recursive: true })
    const original = JSON.stringify(v0Notebook(), null, 2)
    await writeFile(join(dir, 'old.json'), original)
    const library = new Library({ dataDir, coalesce: { delayMs: 1, maxWaitMs: 5 } })
    const { notebooks, damaged } = await library.list()
    expect(damaged).toEqual([])
    expect(notebooks.map((n) => n.title)).toEqual(['Pre-release notes'])
    const handle = await library.openNotebook(notebooks[0].id)
    expect(await readFile(join(dir, 'old.json'), 'utf8')).toBe(original) // reading never writes
    const backupDir = join(dataDir, 'backups', 'old.json')
    expect(await readdir(backupDir).catch(() => [])).toEqual([])

    expect((await handle.apply([{ type: 'renameNotebook', title: 'Migrated' }], AT)).saved).toBe(true)
    expect(await readFile(join(backupDir, 'pre-migration-v0.json'), 'utf8')).toBe(original)
    const saved = JSON.parse(await readFile(join(dir, 'old.json'), 'utf8'))
    expect(saved).toMatchObject({ schemaVersion: SCHEMA_VERSION, title: 'Migrated', facets: [], notes: [] })

    // Later saves leave the pre-migration copy alone, and it is not one of the rolling backups.
    expect((await handle.apply([{ type: 'renameNotebook', title: 'Again' }], AT)).saved).toBe(true)
    expect(await readFile(join(backupDir, 'pre-migration-v0.json'), 'utf8')).toBe(original)
    const rolling = await library.backups.list('old.json')
    expect(rolling).toHaveLength(1) // the second save backed up the migrated (current version) file
    expect(JSON.parse(await readFile(rolling[0], 'utf8')).schemaVersion).toBe(SCHEMA_VERSION)
  })
})
