// A new source's title, and its text without a first line that only repeats it (issue 15: a
// pasted "Field report" line showed both as the title and as the first paragraph).
import type { DocNode } from '@shared/schema'
import { LIMITS } from '@shared/schema'
import { plainText } from '@shared/plain-text'
import { clipTitle as clip } from './clip-title'

const TITLE_FROM_TEXT_CHARS = 80

export interface TitleHints {
  /** What the user typed: it wins, and the text is kept whole. */
  userTitle?: string
  htmlTitle: string | null
  fileName?: string
}

/** `text` is the document's plain text. */
export function titleAndBody(doc: DocNode, text: string, hints: TitleHints): { title: string; doc: DocNode } {
  const own = normalize(hints.userTitle ?? '')
  if (own) return { title: clip(own, LIMITS.titleLength), doc }
  const title = pickTitle(doc, hints, text)
  return { title, doc: withoutTitleLine(doc, title) }
}

/** First h1, else the HTML <title>, else the file name, else the first line, else a placeholder. */
function pickTitle(doc: DocNode, hints: TitleHints, text: string): string {
  const h1 = doc.content?.find((n) => n.type === 'heading' && n.attrs?.level === 1)
  const candidates = [
    h1 ? plainText({ type: 'doc', content: [h1] }) : '',
    hints.htmlTitle ?? '',
    baseName(hints.fileName ?? ''),
    clip(text.split('\n').find((line) => line.trim()) ?? '', TITLE_FROM_TEXT_CHARS),
  ]
  const title = candidates.map(normalize).find((c) => c.length > 0)
  return clip(title ?? 'Untitled source', LIMITS.titleLength)
}

/** Drops the first line of the first block when it is a paragraph or heading and the line, as
 * a whole, is the title. Nothing else is dropped: not a line the title holds only in part,
 * not a line inside a list, quote or code, and not the only text there is. */
function withoutTitleLine(doc: DocNode, title: string): DocNode {
  const [first, ...rest] = doc.content ?? []
  if (!first || (first.type !== 'paragraph' && first.type !== 'heading')) return doc
  const inline = first.content ?? []
  const lineBreak = inline.findIndex((n) => n.type === 'hardBreak')
  const line = lineBreak < 0 ? inline : inline.slice(0, lineBreak)
  if (normalize(plainText({ type: 'doc', content: [{ ...first, content: line }] })) !== title) return doc
  const remainder = lineBreak < 0 ? [] : inline.slice(lineBreak + 1)
  const blocks = remainder.some((n) => n.type === 'text') ? [{ ...first, content: remainder }, ...rest] : rest
  return blocks.length ? { ...doc, content: blocks } : doc
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** "C:\\notes\\War Report.final.md" → "War Report.final" (either separator, last extension). */
function baseName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? ''
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(0, dot) : base
}
