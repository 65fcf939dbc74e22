import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveDataDir } from '../../../src/core/data-dir'

describe('resolveDataDir', () => {
  it('prefers --data-dir, then GLOSSA_DATA_DIR, then the default', () => {
    expect(resolveDataDir(['--data-dir', '/a'], { GLOSSA_DATA_DIR: '/b' }, '/c')).toBe(resolve('/a'))
    expect(resolveDataDir(['--data-dir=/a2'], {}, '/c')).toBe(resolve('/a2'))
    expect(resolveDataDir([], { GLOSSA_DATA_DIR: '/b' }, '/c')).toBe(resolve('/b'))
    expect(resolveDataDir([], { GLOSSA_DATA_DIR: '  ' }, '/c')).toBe(resolve('/c'))
  })
})
