// The "link to" half of the picker: a search box over the notebook's passages and note pages,
// and the matches as radio buttons (so arrow keys move between them).
import { useMemo, useState } from 'react'
import type { Endpoint } from '@shared/schema'
import { useNotebook } from '../../state/use-session'
import { findTargets } from './find-targets'

const same = (a: Endpoint | null, b: Endpoint) => a?.kind === b.kind && a.id === b.id

export function TargetPicker({
  fromId,
  value,
  onChange,
}: {
  fromId: string
  value: Endpoint | null
  onChange: (e: Endpoint) => void
}) {
  const nb = useNotebook()
  const [query, setQuery] = useState('')
  const results = useMemo(() => findTargets(nb, query, { limit: 40 }), [nb, query])
  return (
    <div className="target-picker">
      <label className="field">
        <span>Find a passage or note page</span>
        <input
          type="search"
          autoFocus
          value={query}
          placeholder="Words from the quote, its note or tags"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // Enter picks the first match (another Enter then links), rather than submitting nothing.
            if (e.key !== 'Enter' || value || results.length === 0) return
            e.preventDefault()
            onChange(results[0].endpoint)
          }}
        />
      </label>
      <fieldset className="target-list">
        <legend className="visually-hidden">Link to</legend>
        {results.length === 0 && <p className="muted">Nothing matches “{query}”.</p>}
        {results.map((t) => {
          const self = t.endpoint.kind === 'annotation' && t.endpoint.id === fromId
          return (
            <label
              key={`${t.endpoint.kind}:${t.endpoint.id}`}
              className={`target${same(value, t.endpoint) ? ' is-chosen' : ''}`}
            >
              <input
                type="radio"
                name="link-target"
                checked={same(value, t.endpoint)}
                onChange={() => onChange(t.endpoint)}
              />
              <span className="target-title">{t.title}</span>
              <span className="target-detail">{self ? 'this passage' : t.detail}</span>
            </label>
          )
        })}
      </fieldset>
    </div>
  )
}
