import { describe, expect, it } from 'vitest'
import { dispatch } from '../../src/core/dispatch'
import { createService } from '../../src/core/service'
import { contract, METHOD_NAMES } from '../../src/shared/contract'
import { RESOURCES, useTempDirs } from '../helpers/temp-dir'

const tempDir = useTempDirs()

describe('contract dispatch', () => {
  it('lists every method of the table', () => {
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(contract).sort())
  })

  it('answers bad arguments with a typed error and unknown methods too', async () => {
    const { handlers } = await createService({
      dataDir: await tempDir(),
      resourcesDir: RESOURCES,
      host: 'web',
      version: 't',
    })
    const cases: [string, unknown, string][] = [
      ['createNotebook', { title: '' }, 'invalid-arguments'],
      ['createNotebook', { title: 42 }, 'invalid-arguments'],
      ['createNotebook', null, 'invalid-arguments'],
      ['openNotebook', { id: '../../etc/passwd' }, 'invalid-arguments'],
      ['openNotebook', { id: 'nope' }, 'not-found'],
      ['applyOps', { id: 'x', at: 'yesterday', ops: [] }, 'invalid-arguments'],
      [
        'applyOps',
        { id: 'x', at: new Date().toISOString(), ops: [{ type: 'dropTables' }] },
        'invalid-arguments',
      ],
      ['__proto__', {}, 'unknown-method'],
      ['toString', {}, 'unknown-method'],
    ]
    for (const [name, args, code] of cases) {
      const outcome = await dispatch(handlers, name, args)
      expect(outcome.ok, `${name} ${JSON.stringify(args)}`).toBe(false)
      if (!outcome.ok) {
        expect(outcome.error.code).toBe(code)
        expect(outcome.error.message.length).toBeGreaterThan(5)
      }
    }
  })

  it('refuses an op batch as a whole when one op is refused', async () => {
    const { handlers } = await createService({
      dataDir: await tempDir(),
      resourcesDir: RESOURCES,
      host: 'web',
      version: 't',
    })
    const [summary] = (await handlers.listNotebooks({})).notebooks
    const outcome = await dispatch(handlers, 'applyOps', {
      id: summary.id,
      at: new Date().toISOString(),
      ops: [
        { type: 'renameNotebook', title: 'Renamed' },
        { type: 'deleteAnnotation', id: 'missing' },
      ],
    })
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not-found' } })
    const { notebook } = await handlers.openNotebook({ id: summary.id })
    expect(notebook.title).not.toBe('Renamed')
  })
})
