// The plain-text limit is checked again after conversion, because some input grows: a Markdown
// table row "a|b" becomes "a | b". A tiny mocked limit keeps this fast.
import { describe, expect, it, vi } from 'vitest'
import { convertSource, ImportError } from '../../../src/core/import/index'

vi.mock('../../../src/shared/schema', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/shared/schema')>()
  return { ...original, LIMITS: { ...original.LIMITS, sourceTextChars: 150 } }
})

describe('convertSource: plain text limit', () => {
  it('rejects a source whose converted text outgrows the limit although the raw content fits', () => {
    const table = ['a|b|c|d|e', '-|-|-|-|-', ...Array(10).fill('a|b|c|d|e')].join('\n')
    expect(table.length).toBeLessThanOrEqual(150)
    expect(() => convertSource({ format: 'markdown', content: table })).toThrow(
      expect.objectContaining({ code: 'import/too-large' }) as ImportError,
    )
  })
})
