// One tag in the tag manager, with its actions. A refused change (a duplicate name, say) is
// said in the row itself, next to the field, which keeps what was typed so it can be fixed:
// an error at the top of a scrolled list is one nobody sees.
import { useEffect, useId, useRef, useState } from 'react'
import { facetOf } from '@shared/filter'
import { count } from '@shared/plural'
import type { Notebook, Tag } from '@shared/schema'
import { useRun } from '../../state/use-run'
import { Icon } from '../Icon'

interface TagRowProps {
  tag: Tag
  uses: number
  notebook: Notebook
}

export function TagRow({ tag, uses, notebook }: TagRowProps) {
  const { error, setError, run } = useRun()
  const errorId = useId()
  const errorRef = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    if (error) errorRef.current?.scrollIntoView({ block: 'nearest' })
  }, [error])
  const [name, setName] = useState(tag.name)
  const [description, setDescription] = useState(tag.description)
  const [confirming, setConfirming] = useState(false)
  const rest = tag.name.includes('/') ? tag.name.slice(tag.name.indexOf('/') + 1) : tag.name
  const others = notebook.tags.filter((t) => t.id !== tag.id)

  return (
    <li className="tm-row">
      <span className="dot" style={{ background: tag.color }} />
      <form
        className="tm-name"
        onSubmit={(e) => {
          e.preventDefault()
          if (name !== tag.name) run([{ type: 'updateTag', id: tag.id, patch: { name } }], 'Rename tag')
        }}
      >
        <input
          aria-label={`Name of tag ${tag.name}`}
          value={name}
          maxLength={200}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setName(e.target.value)}
          onBlur={(e) => e.currentTarget.form?.requestSubmit()}
          onKeyDown={(e) => {
            // Escape gives the name back (and keeps the dialog open).
            if (e.key !== 'Escape' || name === tag.name) return
            e.preventDefault()
            setName(tag.name)
            setError(null)
          }}
        />
      </form>
      <span className="tm-count" title="Passages with this tag">
        {uses}
      </span>
      <input
        type="color"
        aria-label={`Color of tag ${tag.name}`}
        value={tag.color}
        onChange={(e) =>
          run([{ type: 'updateTag', id: tag.id, patch: { color: e.target.value } }], 'Recolor tag')
        }
      />
      <select
        aria-label={`Move tag ${tag.name} to facet`}
        value={facetOf(notebook.facets, tag.name)?.key ?? ''}
        onChange={(e) =>
          run(
            [
              {
                type: 'updateTag',
                id: tag.id,
                patch: { name: e.target.value ? `${e.target.value}/${rest}` : rest },
              },
            ],
            'Move tag',
          )
        }
      >
        <option value="">No facet</option>
        {notebook.facets.map((f) => (
          <option key={f.key} value={f.key}>
            {f.name}
          </option>
        ))}
      </select>
      <select
        aria-label={`Merge tag ${tag.name} into`}
        value=""
        onChange={(e) =>
          e.target.value && run([{ type: 'mergeTags', fromId: tag.id, intoId: e.target.value }], 'Merge tags')
        }
      >
        <option value="">Merge into…</option>
        {others.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      {confirming ? (
        <span className="tm-confirm" role="group" aria-label="Confirm delete">
          {uses > 0 ? `${count(uses, 'passage')} will lose it.` : 'No passage uses it.'}
          <button
            className="button small danger-fill"
            onClick={() => run([{ type: 'deleteTag', id: tag.id }], 'Delete tag')}
          >
            Delete tag
          </button>
          <button className="button small" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </span>
      ) : (
        <button
          className="icon-button"
          aria-label={`Delete tag ${tag.name}`}
          onClick={() => setConfirming(true)}
        >
          <Icon name="trash" />
        </button>
      )}
      {error && (
        <p id={errorId} ref={errorRef} role="alert" className="field-error tm-error">
          {error}
        </p>
      )}
      <input
        className="tm-description"
        aria-label={`Description of tag ${tag.name}`}
        placeholder="Description"
        value={description}
        maxLength={2000}
        onChange={(e) => setDescription(e.target.value)}
        onBlur={() =>
          description !== tag.description &&
          run([{ type: 'updateTag', id: tag.id, patch: { description } }], 'Describe tag')
        }
      />
    </li>
  )
}
