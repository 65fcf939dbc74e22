// Ctrl/Cmd+K: one search box over source text, passage quotes, notes and tag names. Results
// show a snippet with the match marked; Enter jumps to it, also into another source.
import { useMemo, useState } from 'react'
import type { SearchResult } from '@shared/search'
import { parseQuery } from '@shared/search/query'
import { navigate } from '../../state/route'
import { revealPassage } from '../../state/passage-actions'
import { searchNotebook } from '../../state/search-index'
import { ui } from '../../state/ui-store'
import { useNotebook, useSession } from '../../state/use-session'
import type { NotebookSession } from '../../state/session'
import { Dialog } from '../Dialog'
import { Snippet } from './Snippet'

const KIND_LABEL = { source: 'Source text', passage: 'Passage', note: 'Note', tag: 'Tag' } as const

export function SearchPalette({ onClose }: { onClose: () => void }) {
  const session = useSession()
  const notebook = useNotebook()
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  // What the parser could not use ("tag: needs a value"): said instead of a bare "No results".
  const problems = useMemo(() => parseQuery(query).errors ?? [], [query])
  const results = useMemo(() => {
    if (!query.trim()) return []
    try {
      return searchNotebook(session, query)
    } catch {
      return [] // a query the index cannot answer shows "no results", never a blank screen
    }
  }, [session, notebook, query]) // eslint-disable-line react-hooks/exhaustive-deps

  const open = (r: SearchResult | undefined) => {
    if (!r) return
    onClose()
    jumpTo(session, r)
  }
  return (
    <Dialog title="Search" onClose={onClose} wide>
      <input
        className="picker-input"
        role="combobox"
        aria-label="Search the notebook"
        aria-expanded={results.length > 0}
        aria-controls="search-results"
        aria-describedby={problems.length > 0 ? 'search-problems' : undefined}
        aria-activedescendant={results.length ? `search-result-${active}` : undefined}
        placeholder='Words, "a phrase", tag:base/harir, source:…, is:orphaned'
        autoFocus
        value={query}
        maxLength={500}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, results.length - 1))
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0))
          else if (e.key === 'Enter') open(results[active])
          else return
          e.preventDefault()
        }}
      />
      {problems.length > 0 && (
        <p id="search-problems" role="status" className="search-problems">
          {problems.join('; ')}
        </p>
      )}
      <ul id="search-results" role="listbox" aria-label="Search results" className="search-results">
        {query.trim() && results.length === 0 && problems.length === 0 && (
          <li className="muted empty-state small">No results.</li>
        )}
        {results.map((r, i) => (
          <li
            key={`${r.kind}:${r.id}`}
            id={`search-result-${i}`}
            role="option"
            aria-selected={i === active}
            className="search-result"
            onClick={() => open(r)}
            onMouseMove={() => setActive(i)}
          >
            <div className="search-result-head">
              <span className="search-kind">{KIND_LABEL[r.kind]}</span>
              <span className="search-title">{r.title}</span>
            </div>
            <Snippet snippet={r.snippet} />
          </li>
        ))}
      </ul>
    </Dialog>
  )
}

export function jumpTo(session: NotebookSession, r: SearchResult): void {
  const notebookId = session.notebook.id
  // A passage opened from the search is one to work on: the keys go to its note next.
  if (r.kind === 'passage') return revealPassage(session, r.id, { focus: true })
  if (r.kind === 'note') return navigate({ screen: 'notebook', notebookId, noteId: r.id })
  if (r.kind === 'tag')
    return ui.set({ filter: { tagIds: [r.id], mode: 'or', untagged: false }, filterOpen: true })
  if (r.sourceId) {
    navigate({ screen: 'notebook', notebookId, sourceId: r.sourceId })
    if (r.start !== undefined && r.end !== undefined)
      ui.set({ flashRange: { sourceId: r.sourceId, start: r.start, end: r.end, at: Date.now() } })
  }
}
