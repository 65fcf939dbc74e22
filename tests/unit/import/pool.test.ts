// Conversions run in import workers with a time and a memory budget (src/core/import/pool.ts).
// These run the worker from source (worker-entry.ts starts it through tsx), with budgets made
// small through the pool's options; no assertion is about how long anything took.
import { afterEach, describe, expect, it } from 'vitest'
import { ConversionPool } from '../../../src/core/import/pool'
import { ImportError } from '../../../src/core/import/index'

/** Just under the complexity pre-check per paragraph, so only the time budget can stop it:
 * each paragraph costs the parser about half a second, 200 of them far more than any budget here. */
const SLOW_MARKDOWN = ('*_'.repeat(4_500) + '\n\n').repeat(200)
const SMALL = { format: 'markdown', content: '# Small\n\nA *small* source.' } as const

let pool: ConversionPool | undefined
afterEach(async () => {
  await pool?.close()
  pool = undefined
})

async function failure(promise: Promise<unknown>): Promise<ImportError> {
  const error: unknown = await promise.then(
    () => new Error('expected the conversion to fail'),
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ImportError)
  return error as ImportError
}

describe('conversion pool', () => {
  it('refuses 80 KB of brackets as too complex, saying nothing was added', async () => {
    pool = new ConversionPool()
    const error = await failure(
      pool.convert({ format: 'markdown', content: '['.repeat(80_000), fileName: 'brackets.md' }),
    )
    expect(error.code).toBe('import/too-complex')
    expect(error.message).toMatch(/The file “brackets\.md” is too complex to convert.*Nothing was added\./)
  })

  it('answers a small conversion while a slow one runs, then stops the slow one at its budget', async () => {
    pool = new ConversionPool({ baseMs: 5_000, perMillionCharsMs: 0, maxWorkers: 2 })
    // Two workers loaded first, so the budgets below count conversion time only.
    await Promise.all([pool.convert(SMALL), pool.convert(SMALL)])

    let slowSettled = false
    const slow = pool.convert({ format: 'markdown', content: SLOW_MARKDOWN, fileName: 'slow.md' })
    void slow.catch(() => {}).finally(() => (slowSettled = true))
    const small = await pool.convert({ format: 'text', content: 'Answered meanwhile.' })

    expect(small.doc.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Answered meanwhile.' }] },
    ])
    expect(slowSettled).toBe(false)
    const error = await failure(slow)
    expect(error.code).toBe('import/too-complex')
    expect(error.message).toBe(
      'The file “slow.md” is too complex to convert: it took longer than 5 seconds. Nothing was added.',
    )
    // The pool replaced the stopped worker and still converts.
    expect((await pool.convert(SMALL)).title).toBe('Small')
  }, 120_000)

  it('stops a conversion that outgrows its heap, with the same clear error', async () => {
    pool = new ConversionPool({ heapMb: 48, baseMs: 600_000 })
    const big = '- item with [a link](https://example.org) and *emphasis*\n'.repeat(60_000)
    const error = await failure(pool.convert({ format: 'markdown', content: big }))
    expect(error.code).toBe('import/too-complex')
    expect(error.message).toBe(
      'The pasted text is too complex to convert: it needed more than 48 MB of memory. Nothing was added.',
    )
  }, 120_000)

  it('passes the converter’s own errors through and keeps the worker', async () => {
    pool = new ConversionPool({ maxWorkers: 1 })
    const error = await failure(pool.convert({ format: 'html', content: '<p> </p>' }))
    expect(error.toJSON()).toEqual({ code: 'import/empty', message: 'The file has no readable text.' })
    expect((await pool.convert(SMALL)).title).toBe('Small')
  }, 60_000)

  it('runs conversions beyond maxWorkers in turn, each answered', async () => {
    pool = new ConversionPool({ maxWorkers: 1 })
    const titles = await Promise.all(
      ['One', 'Two', 'Three'].map(
        async (t) => (await pool!.convert({ format: 'markdown', content: `# ${t}\n\nx` })).title,
      ),
    )
    expect(titles).toEqual(['One', 'Two', 'Three'])
  }, 60_000)

  it('fails conversions still waiting or running when closed', async () => {
    pool = new ConversionPool({ maxWorkers: 1 })
    const running = failure(pool.convert({ format: 'markdown', content: SLOW_MARKDOWN }))
    const waiting = failure(pool.convert(SMALL))
    await expect.poll(() => pool!.busyWorkers).toBe(1)
    await pool.close()
    expect((await running).code).toBe('import/unavailable')
    expect((await waiting).code).toBe('import/unavailable')
  }, 60_000)
})
