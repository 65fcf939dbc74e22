// Creating a tag without a passage, as a codebook is written before the coding starts. The
// name's first segment is its facet ("actor/us"); a refusal is said under the field.
import { useId, useState } from 'react'
import { errorMessage } from '../../api/client'
import { newTag } from '../../state/tag-actions'
import { useSession } from '../../state/use-session'

interface NewTagFormProps {
  /** A start for the name ("phase/"); the field takes the caret when there is one. */
  initial: string
  onCreated: (tagId: string) => void
}

export function NewTagForm({ initial, onCreated }: NewTagFormProps) {
  const session = useSession()
  const [name, setName] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  const errorId = useId()
  const create = () => {
    try {
      const tag = newTag(session.notebook, name)
      session.run([{ type: 'addTag', tag }], { label: 'Create tag' })
      setName('')
      setError(null)
      onCreated(tag.id)
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  return (
    <form
      className="cb-new-tag"
      onSubmit={(e) => {
        e.preventDefault()
        create()
      }}
    >
      <input
        autoFocus={initial !== ''}
        aria-label="New tag name"
        placeholder="New tag: facet/name"
        value={name}
        maxLength={200}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Escape' || !name) return
          e.preventDefault() // clear the field, keep the dialog open
          setName('')
          setError(null)
        }}
      />
      <button className="button small" type="submit">
        Create tag
      </button>
      {error && (
        <p id={errorId} role="alert" className="field-error cb-new-error">
          {error}
        </p>
      )}
    </form>
  )
}
