// A note shown, not edited: its document as plain React elements, keeping what the writer
// formatted (bold, italic, lists, quotes, headings) without the cost of a live editor per card.
// Links are shown as links' text only: the preview is one click target ("edit the note").
import { Fragment, type ReactNode } from 'react'
import type { DocNode } from '@shared/schema'

const BLOCKS: Record<string, keyof React.JSX.IntrinsicElements> = {
  paragraph: 'p',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
  blockquote: 'blockquote',
  codeBlock: 'pre',
}
const MARKS: Record<string, keyof React.JSX.IntrinsicElements> = {
  bold: 'strong',
  italic: 'em',
  strike: 's',
  code: 'code',
  underline: 'u',
  link: 'span',
}

export function NoteText({ doc, className }: { doc: DocNode; className?: string }) {
  return <div className={className}>{children(doc)}</div>
}

function children(node: DocNode): ReactNode[] {
  return (node.content ?? []).map((child, i) => <Fragment key={i}>{render(child)}</Fragment>)
}

function render(node: DocNode): ReactNode {
  if (node.type === 'text') return marked(node.text ?? '', node.marks ?? [])
  if (node.type === 'hardBreak') return <br />
  // Headings in a small card read as strong paragraphs.
  if (node.type === 'heading') return <p className="note-heading">{children(node)}</p>
  const Tag = BLOCKS[node.type]
  // Unknown nodes (from a newer version, an import) still show their text.
  return Tag ? <Tag>{children(node)}</Tag> : children(node)
}

function marked(text: string, marks: NonNullable<DocNode['marks']>): ReactNode {
  return marks.reduceRight<ReactNode>((inner, mark) => {
    const Tag = MARKS[mark.type]
    if (!Tag) return inner
    return <Tag className={mark.type === 'link' ? 'note-link' : undefined}>{inner}</Tag>
  }, text)
}
