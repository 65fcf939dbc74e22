// Each source's plain text, computed once per version of its document.
import { plainText } from '@shared/plain-text'
import type { DocNode, Notebook } from '@shared/schema'

const cache = new WeakMap<DocNode, string>()

export function sourceTexts(nb: Notebook): Map<string, string> {
  return new Map(
    nb.sources.map((s) => {
      let text = cache.get(s.doc)
      if (text === undefined) cache.set(s.doc, (text = plainText(s.doc)))
      return [s.id, text]
    }),
  )
}
