// File names from titles: two titles whose names the file system would store as the same
// bytes (a lone surrogate becomes U+FFFD in UTF-8; macOS stores names decomposed) are two names.
import { describe, expect, it } from 'vitest'
import { notebookFileName } from '../../../src/core/store/file-names'

describe('notebookFileName', () => {
  it('treats a lone surrogate as the U+FFFD the file system will store', () => {
    expect(notebookFileName('\ud800', new Set(['\ufffd.json']))).toBe('\ufffd (2).json')
    expect(notebookFileName('a\udc00b', new Set())).toBe('a\ufffdb.json')
  })

  it('compares names in one Unicode form (NFC), case-insensitively', () => {
    const decomposed = 'Cafe\u0301.json' // as macOS lists "Café.json"
    expect(notebookFileName('Café', new Set([decomposed]))).toBe('Café (2).json')
    expect(notebookFileName('CAFÉ', new Set([decomposed]))).toBe('CAFÉ (2).json')
    expect(notebookFileName('Cafe\u0301', new Set())).toBe('Café.json')
  })
})
