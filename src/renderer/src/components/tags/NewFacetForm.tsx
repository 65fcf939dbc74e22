// Declaring a facet: a display name for the first segment of tag names ("Actors" for actor/…).
import { useState } from 'react'
import { TAG_PALETTE } from '@shared/tag-colors'
import { useRun } from '../../state/use-run'
import { useNotebook } from '../../state/use-session'

export function NewFacetForm() {
  const notebook = useNotebook()
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
    // Facets take palette colors in turn, so two new facets do not start alike.
    const color = TAG_PALETTE[notebook.facets.length % TAG_PALETTE.length]
    if (run([{ type: 'putFacet', facet: { key, name, color } }], 'Add facet')) setFacetName('')
  }
  return (
    <form
      className="cb-new-facet"
      onSubmit={(e) => {
        e.preventDefault()
        addFacet()
      }}
    >
      <input
        aria-label="New facet"
        value={facetName}
        onChange={(e) => setFacetName(e.target.value)}
        placeholder="New facet, e.g. Actors"
        maxLength={60}
      />
      <button className="button small" type="submit">
        Add facet
      </button>
      {error && (
        <p role="alert" className="field-error cb-new-error">
          {error}
        </p>
      )}
    </form>
  )
}
