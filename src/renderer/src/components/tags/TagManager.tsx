// The "Tags" panel: every tag grouped by facet with its count; rename, recolor, describe,
// move to another facet, merge, delete — all undoable. Facets can be added.
import { useMemo, useState } from 'react'
import { facetCounts } from '@shared/filter'
import { useRun } from '../../state/use-run'
import { useNotebook } from '../../state/use-session'
import { Dialog } from '../Dialog'
import { TagRow } from './TagRow'

export function TagManager({ onClose }: { onClose: () => void }) {
  const notebook = useNotebook()
  const groups = useMemo(() => facetCounts(notebook), [notebook])
  const { error, setError, run } = useRun()
  const [facetName, setFacetName] = useState('')
  const addFacet = () => {
    const name = facetName.trim()
    const key = name
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
    if (!key) return setError('A facet needs a name with letters or digits.')
    if (notebook.facets.some((f) => f.key.toLowerCase() === key))
      return setError(`A facet “${key}” already exists.`)
    if (run([{ type: 'putFacet', facet: { key, name, color: '#5f6b7a' } }], 'Add facet')) setFacetName('')
  }

  return (
    <Dialog title="Tags" onClose={onClose} wide>
      <div className="tag-manager">
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        {groups.map((g) => (
          <section key={g.facet.key} aria-label={g.facet.name} className="tm-facet">
            <h3 className="facet-name">
              {g.facet.name} {g.facet.key && <span className="muted">({g.facet.key}/…)</span>}
            </h3>
            {g.tags.length === 0 && (
              <p className="muted small-text">
                No tags in this facet yet. Name a tag “{g.facet.key}/…” to add one.
              </p>
            )}
            <ul className="tm-list">
              {g.tags.map(({ tag, count }) => (
                <TagRow
                  key={`${tag.id}:${tag.name}:${tag.description}`}
                  tag={tag}
                  uses={count}
                  notebook={notebook}
                />
              ))}
            </ul>
          </section>
        ))}
        <form
          className="tm-add-facet"
          onSubmit={(e) => {
            e.preventDefault()
            addFacet()
          }}
        >
          <label className="field inline">
            <span>New facet</span>
            <input
              value={facetName}
              onChange={(e) => setFacetName(e.target.value)}
              placeholder="e.g. Actors"
              maxLength={60}
            />
          </label>
          <button className="button" type="submit">
            Add facet
          </button>
        </form>
      </div>
      <div className="dialog-footer">
        <button className="button primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  )
}
