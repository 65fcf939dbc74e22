// Fuzzes every contract method with 10,000 random and malformed payloads through the shared
// dispatcher (what main's IPC and the browser host call), a share of them over real HTTP.
// Each must get a typed error or a result valid against the method's result schema, the
// process must stay up, and no notebook file may change unless the call succeeded.
import { createHash } from 'node:crypto'
import { lstat, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch, type Outcome } from '../../src/core/dispatch'
import { seedNotebook } from '../../src/core/seed'
import { contract, METHOD_NAMES, type MethodName } from '../../src/shared/contract'
import { ApiErrorSchema } from '../../src/shared/errors'
import { payloadFor, type FuzzContext } from '../helpers/fuzz-payloads'
import { RESOURCES } from '../helpers/temp-dir'
import { send, startTestHost, type TestHost } from './web/host'

const RUNS = Number(process.env.GLOSSA_FUZZ_RUNS ?? 10_000)
const SEED = Number(process.env.GLOSSA_FUZZ_SEED ?? 20260304)
/** Fuzz only these methods (comma list) while debugging one; all of them by default. */
const METHODS = (process.env.GLOSSA_FUZZ_METHODS?.split(',') ?? METHOD_NAMES) as MethodName[]
/** Methods that never change the library (the rest may, when valid). */
const READ_ONLY = new Set([
  'appInfo',
  'listNotebooks',
  'openNotebook',
  'exportNotebook',
  'convertSource',
  'listTrash',
  'checkExternalChange',
])
/** One call in this many goes over HTTP instead of straight to the dispatcher. */
const HTTP_EVERY = 8

let host: TestHost
const ctx: FuzzContext = {
  notebookIds: [],
  sourceIds: [],
  tagIds: [],
  relationIds: [],
  annotationIds: [],
  noteIds: [],
}
const stats = {
  valid: 0,
  typedErrors: 0,
  http: 0,
  codes: new Map<string, number>(),
  validBy: new Map<string, number>(),
}

beforeAll(async () => {
  host = await startTestHost(await mkdtemp(join(tmpdir(), 'glossa-fuzz-')))
  await refreshContext()
})
afterAll(async () => {
  await host?.close()
  if (host) await rm(host.root, { recursive: true, force: true })
})

const notebooksDir = () => join(host.root, 'data', 'notebooks')

/** Each file's last hash, with the inode, size and mtime (ns) it was read at. */
const hashed = new Map<string, { key: string; hash: string }>()

/**
 * name → sha256 of every file in the notebooks folder (temp files would show up too). A file is
 * hashed again only when its inode, size or nanosecond mtime moved: every write of the store
 * renames a new file in (a new inode), and re-reading unchanged files twice per payload was
 * most of this test's time.
 */
async function hashes(): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const name of (await readdir(notebooksDir())).sort()) {
    const path = join(notebooksDir(), name)
    const st = await lstat(path, { bigint: true })
    const key = `${st.ino}:${st.size}:${st.mtimeNs}`
    let entry = hashed.get(name)
    if (entry?.key !== key) {
      entry = {
        key,
        hash: createHash('sha256')
          .update(await readFile(path))
          .digest('hex'),
      }
      hashed.set(name, entry)
    }
    out[name] = entry.hash
  }
  return out
}

/** Re-reads the ids the payloads aim at; keeps two to four notebooks in the library. */
async function refreshContext(): Promise<void> {
  const { library } = host.service
  let { notebooks } = await library.list()
  for (const extra of notebooks.slice(4)) await library.trash(extra.id)
  if (notebooks.length < 2) await library.add(await seedNotebook(RESOURCES, new Date().toISOString()))
  notebooks = (await library.list()).notebooks
  // Aim at the notebook with the most in it (the payloads' ids come from it), listed first.
  const target = [...notebooks].sort(
    (a, b) => b.sourceCount + b.annotationCount - (a.sourceCount + a.annotationCount),
  )[0]
  const nb = (await library.openNotebook(target.id)).data
  Object.assign(ctx, {
    notebookIds: [target.id, ...notebooks.filter((n) => n !== target).map((n) => n.id)],
    sourceIds: nb.sources.map((s) => s.id),
    tagIds: nb.tags.map((t) => t.id),
    relationIds: nb.relations.map((r) => r.id),
    annotationIds: nb.annotations.map((a) => a.id),
    noteIds: nb.notes.map((n) => n.id),
  })
}

async function overHttp(method: string, payload: unknown): Promise<Outcome> {
  let body: string
  try {
    body = JSON.stringify(payload ?? null) ?? 'null'
  } catch {
    // Too deep for JSON.stringify here: send deep JSON text built by hand instead.
    body = `{"id":${'['.repeat(20_000)}${']'.repeat(20_000)}}`
  }
  const response = await send(host.port, { method: 'POST', path: `/api/${method}`, body })
  const answer = JSON.parse(response.body) as unknown
  if (response.status === 200) return { ok: true, result: answer }
  expect(response.status, response.body).toBeGreaterThanOrEqual(400)
  expect(response.status, response.body).toBeLessThan(500)
  return { ok: false, error: answer as { code: string; message: string } }
}

/** A short, safe rendering of a failing payload (it may be 3,000 levels deep). */
function summarize(payload: unknown): string {
  try {
    return JSON.stringify(payload, (_k, v: unknown) =>
      typeof v === 'string' && v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v,
    ).slice(0, 600)
  } catch {
    return `${String(payload).slice(0, 200)} (too deep to print)`
  }
}

function check(method: MethodName, outcome: Outcome): void {
  if (outcome.ok) {
    const parsed = contract[method].result.safeParse(outcome.result)
    expect(parsed.success, `${method} result: ${parsed.error?.message}`).toBe(true)
    stats.valid++
    stats.validBy.set(method, (stats.validBy.get(method) ?? 0) + 1)
    return
  }
  expect(ApiErrorSchema.safeParse(outcome.error).success, JSON.stringify(outcome.error)).toBe(true)
  // 'internal' means a handler threw something it did not mean to: a bug, not a typed error.
  expect(outcome.error.code, outcome.error.message).not.toBe('internal')
  stats.typedErrors++
  // GLOSSA_FUZZ_DEBUG=<method> prints that method's error messages, to tune the payload mix.
  if (process.env.GLOSSA_FUZZ_DEBUG === method) console.log(outcome.error.message.slice(0, 160))
  stats.codes.set(outcome.error.code, (stats.codes.get(outcome.error.code) ?? 0) + 1)
}

describe('contract fuzz', () => {
  it('refuses arguments nested too deeply, or cyclic ones (possible over IPC), with a typed error', async () => {
    const cyclic: Record<string, unknown> = { id: 'x' }
    cyclic.self = cyclic
    let deep: unknown = { type: 'paragraph' }
    for (let i = 0; i < 5_000; i++) deep = { type: 'blockquote', content: [deep] }
    const note = {
      id: 'n1',
      title: 't',
      doc: { type: 'doc', content: [deep] },
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    }
    const cases: [MethodName, unknown][] = [
      ['openNotebook', cyclic],
      ['applyOps', { id: ctx.notebookIds[0], at: '2026-01-01T00:00:00Z', ops: [{ type: 'addNote', note }] }],
    ]
    for (const [method, args] of cases) {
      const outcome = await dispatch(host.service.handlers, method, args)
      expect(outcome).toEqual({
        ok: false,
        error: { code: 'invalid-arguments', message: expect.stringMatching(/nested more than/) },
      })
    }
  })

  it(`answers ${RUNS} random and malformed payloads with typed errors or valid results`, async () => {
    let run = 0
    // applyOps, the method with the most to validate, gets three shares of the calls.
    const method = fc.oneof(
      { weight: METHODS.length, arbitrary: fc.constantFrom(...METHODS) },
      { weight: METHODS.includes('applyOps') ? 2 : 0, arbitrary: fc.constant('applyOps' as const) },
    )
    const call = method.chain((m) => fc.tuple(fc.constant(m), payloadFor(m, ctx)))
    // fc.check, not fc.assert: the default report would stringify a 3,000-deep payload.
    const details = await fc.check(
      fc.asyncProperty(call, async ([method, payload]) => {
        const viaHttp = run++ % HTTP_EVERY === 0
        const before = await hashes()
        const outcome = viaHttp
          ? await overHttp(method, payload)
          : await dispatch(host.service.handlers, method, payload)
        if (viaHttp) stats.http++
        check(method, outcome)
        if (outcome.ok) {
          if (!READ_ONLY.has(method)) await refreshContext()
        } else {
          expect(
            await hashes(),
            `${method} failed (${outcome.error.code}) yet changed a notebook file`,
          ).toEqual(before)
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    )
    if (details.failed) {
      const [[method, payload]] = details.counterexample ?? [['?', undefined]]
      const shown = summarize(payload)
      throw new Error(
        `run ${details.numRuns} (seed ${SEED}): ${method} ${shown}\n${(details.errorInstance as Error)?.stack?.split('\\n').slice(0, 8).join('\\n')}`,
      )
    }
    console.log(
      `fuzz: ${RUNS} calls (${stats.http} over HTTP), ${stats.valid} valid, ${stats.typedErrors} typed errors`,
      Object.fromEntries(stats.codes),
      'valid by method:',
      Object.fromEntries(stats.validBy),
    )
    // The mix must reach the handlers, not only the argument check.
    expect(stats.valid).toBeGreaterThan(RUNS / 10)
    expect([...stats.codes.keys()].filter((c) => c !== 'invalid-arguments').length).toBeGreaterThanOrEqual(2)
    if (METHODS.includes('applyOps')) expect(stats.validBy.get('applyOps') ?? 0).toBeGreaterThan(RUNS / 200)
    // Nothing leaked onto Object.prototype, and the host still answers.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const alive = await send(host.port, { method: 'POST', path: '/api/listNotebooks', body: '{}' })
    expect(alive.status).toBe(200)
    expect((await host.service.library.list()).damaged).toEqual([])
  }, 900_000) // a bound for a hang on a busy machine, not a timing check
})
