import type { ReactNode } from 'react'
import type { Snippet as SnippetData } from '@shared/search'

/** Snippet text with the matched ranges in <mark>. */
export function Snippet({ snippet }: { snippet: SnippetData }) {
  const parts: ReactNode[] = []
  let at = 0
  snippet.marks.forEach(([start, end], i) => {
    if (start < at) return
    parts.push(snippet.text.slice(at, start))
    parts.push(<mark key={i}>{snippet.text.slice(start, end)}</mark>)
    at = end
  })
  parts.push(snippet.text.slice(at))
  return <p className="search-snippet">{parts}</p>
}
