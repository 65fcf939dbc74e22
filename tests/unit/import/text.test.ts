import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { convertSource } from '../../../src/core/import/index'
import { textToDoc } from '../../../src/core/import/text'
import { plainText } from '../../../src/shared/plain-text'
import { assertSafeDoc } from './assert-safe'

const p = (...content: object[]) => ({ type: 'paragraph', content })
const t = (text: string) => ({ type: 'text', text })
const br = { type: 'hardBreak' }

describe('plain text import', () => {
  it('splits paragraphs on blank lines and turns single newlines into hard breaks', () => {
    const doc = textToDoc('One\r\ntwo\r\n\r\nThree\rfour\n\n\n\nFive')
    expect(doc).toEqual({
      type: 'doc',
      content: [p(t('One'), br, t('two')), p(t('Three'), br, t('four')), p(t('Five'))],
    })
    assertSafeDoc(doc)
  })

  it('treats whitespace-only lines as blank and keeps other text verbatim', () => {
    const doc = textToDoc('\n  \n a  b\t\n \t \nc ')
    expect(doc.content).toEqual([p(t(' a  b\t')), p(t('c '))])
  })

  it('round-trips the seed article: plainText equals the paragraphs joined by newlines', () => {
    const seed = JSON.parse(
      readFileSync(new URL('../../../resources/seed-article.json', import.meta.url), 'utf8'),
    ) as { paragraphs: string[] }
    const { doc } = convertSource({ format: 'text', content: seed.paragraphs.join('\n\n') })
    expect(doc.content).toHaveLength(seed.paragraphs.length)
    expect(plainText(doc)).toBe(seed.paragraphs.join('\n'))
    assertSafeDoc(doc)
  })

  it('keeps markup-looking text as inert text', () => {
    const { doc } = convertSource({ format: 'text', content: '<b>not bold</b> **nor this**' })
    expect(doc.content).toEqual([p(t('<b>not bold</b> **nor this**'))])
  })
})
