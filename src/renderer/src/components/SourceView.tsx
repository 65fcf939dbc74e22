// The reading view of one source, with its passages in the margin.
import type { Source } from '../../../shared/schema'
import { Reader } from '../editor/Reader'

export function SourceView({ source }: { source: Source }) {
  return (
    <>
      <main className="reader" aria-label="Source">
        <article className="reader-page">
          <header className="source-header">
            <p className="source-origin">{source.origin}</p>
            <h1 className="source-title">{source.title}</h1>
            {source.summary && <p className="source-summary">{source.summary}</p>}
          </header>
          <Reader doc={source.doc} />
        </article>
      </main>
      <aside className="margin" aria-label="Passages">
        <h2 className="margin-heading">Passages</h2>
        <div className="empty-state small">
          <p>Select text in the source to mark a passage.</p>
        </div>
      </aside>
    </>
  )
}
