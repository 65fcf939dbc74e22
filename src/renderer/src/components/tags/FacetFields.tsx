// A declared facet's display name and color, and removing the declaration (its tags keep their
// names and colors; the facet is then listed under its key). Each one undoable step (putFacet,
// deleteFacet).
import { useState } from 'react'
import type { Facet } from '@shared/schema'
import { useRun } from '../../state/use-run'
import { FieldError } from '../FieldError'

export function FacetFields({ facet }: { facet: Facet }) {
  const { error, run } = useRun()
  const [name, setName] = useState(facet.name)
  const rename = () => {
    const trimmed = name.trim()
    if (!trimmed) return setName(facet.name)
    if (trimmed !== facet.name)
      run([{ type: 'putFacet', facet: { ...facet, name: trimmed } }], 'Rename facet')
  }
  return (
    <>
      <div className="cb-facet-fields">
        <label className="cb-inline">
          <span>Name</span>
          <input
            aria-label={`Name of facet ${facet.name}`}
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
            onBlur={rename}
            onKeyDown={(e) => e.key === 'Enter' && rename()}
          />
        </label>
        <label className="cb-inline">
          <span>Color</span>
          <input
            type="color"
            aria-label={`Color of facet ${facet.name}`}
            value={facet.color}
            onChange={(e) =>
              run([{ type: 'putFacet', facet: { ...facet, color: e.target.value } }], 'Recolor facet')
            }
          />
        </label>
        <button
          className="button small"
          title="Its tags keep their names; the facet is then shown by its key"
          onClick={() => run([{ type: 'deleteFacet', key: facet.key }], 'Remove facet')}
        >
          Remove facet
        </button>
      </div>
      <FieldError error={error} />
    </>
  )
}
