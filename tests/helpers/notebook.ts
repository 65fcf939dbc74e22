// Small notebooks for unit tests, built through the real seed code.
import { emptyNotebook } from '../../src/core/seed'
import { describeRange } from '../../src/shared/anchoring'
import { docFromParagraphs, plainText, textHash } from '../../src/shared/plain-text'
import type { Annotation, Notebook, Source } from '../../src/shared/schema'

export const AT = '2026-01-02T03:04:05.000Z'

export function notebookWithSource(paragraphs: string[]): { nb: Notebook; source: Source; text: string } {
  const nb = emptyNotebook('Test notebook', AT)
  const doc = docFromParagraphs(paragraphs)
  const text = plainText(doc)
  const source: Source = {
    id: 'src1',
    title: 'Source one',
    origin: 'example.org',
    doc,
    textHash: textHash(text),
    createdAt: AT,
    updatedAt: AT,
  }
  return { nb: { ...nb, sources: [source] }, source, text }
}

export function passage(
  id: string,
  source: Source,
  text: string,
  quote: string,
  extra: Partial<Annotation> = {},
): Annotation {
  const start = text.indexOf(quote)
  if (start < 0) throw new Error(`quote not in text: ${quote}`)
  return {
    id,
    sourceId: source.id,
    target: describeRange(text, start, start + quote.length),
    anchoredHash: source.textHash,
    note: null,
    tagIds: [],
    color: null,
    status: 'anchored',
    createdAt: AT,
    updatedAt: AT,
    ...extra,
  }
}
