import { describe, expect, it } from 'vitest'
import { safeFileName } from '../../../src/shared/export/safe-file-name'

const one = (title: string): string => safeFileName(title, new Set())

describe('safeFileName', () => {
  it.each([
    ['Reading notes', 'Reading notes'],
    ['../x', '-x'],
    ['..', 'Untitled'],
    ['a/b', 'a-b'],
    ['a\\b:c*d?e"f<g>h|i', 'a-b-c-d-e-f-g-h-i'],
    ['#tag [x] ^y', '-tag -x- -y'],
    ['', 'Untitled'],
    ['   ', 'Untitled'],
    ['trailing dots...', 'trailing dots'],
    ['trailing spaces   ', 'trailing spaces'],
    ['.hidden', 'hidden'],
    ['con', 'con_'],
    ['CON', 'CON_'],
    ['Con.txt', 'Con_.txt'],
    ['nul', 'nul_'],
    ['COM1', 'COM1_'],
    ['lpt9.md', 'lpt9_.md'],
    ['COM0', 'COM0'],
    ['console', 'console'],
    ['tab\there\nnewline', 'tab here newline'],
    ['Notes 📚 on Iraq', 'Notes 📚 on Iraq'],
    ['Cafe\u0301', 'Café'],
  ])('%j → %j', (title, expected) => {
    expect(one(title)).toBe(expected)
  })

  it('caps long names at 100 characters without splitting an emoji', () => {
    expect(one('x'.repeat(300))).toBe('x'.repeat(100))
    const emoji = one('👩‍👩‍👧'.repeat(40))
    expect(emoji.length).toBeLessThanOrEqual(100)
    expect(new TextEncoder().encode(emoji).length).toBeLessThanOrEqual(200)
    expect(emoji.replaceAll('👩‍👩‍👧', '')).toBe('')
  })

  it('makes names unique case-insensitively with " (2)", " (3)" and stays within the cap', () => {
    const taken = new Set<string>()
    expect(safeFileName('Notes', taken)).toBe('Notes')
    expect(safeFileName('notes', taken)).toBe('notes (2)')
    expect(safeFileName('NOTES', taken)).toBe('NOTES (3)')
    expect(safeFileName('notes (2)', taken)).toBe('notes (2) (2)')
    expect(taken.has('notes (3)')).toBe(true)
    const long = 'y'.repeat(150)
    expect(safeFileName(long, taken)).toBe('y'.repeat(100))
    expect(safeFileName(long, taken)).toBe(`${'y'.repeat(96)} (2)`)
  })
})
