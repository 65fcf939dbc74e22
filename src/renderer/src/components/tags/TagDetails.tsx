// The selected tag in the codebook: what it is (count, facet, what it appears with) and what can
// be done to it — rename, describe, recolor, move, merge, delete — each one undoable step. A
// refused change is said next to its field, which keeps what was typed so it can be fixed.
import { useEffect, useId, useRef, useState } from 'react'
import { coOccurringWith, type CoOccurrence } from '@shared/codebook'
import { facetOf } from '@shared/filter'
import { count } from '@shared/plural'
import type { Notebook, Tag } from '@shared/schema'
import { useRun } from '../../state/use-run'
import { showPassages } from './show-passages'
import { TagColorPicker } from './TagColorPicker'

interface TagDetailsProps {
  tag: Tag
  uses: number
  notebook: Notebook
  pairs: readonly CoOccurrence[]
  onSelect: (tagId: string) => void
}

export function TagDetails({ tag, uses, notebook, pairs, onSelect }: TagDetailsProps) {
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
  const facet = facetOf(notebook.facets, tag.name)
  const together = coOccurringWith(pairs, tag.id)

  return (
    <section className="cb-details" aria-label={`Tag ${tag.name}`}>
      <h3 className="cb-title">
        <span className="dot" style={{ background: tag.color }} aria-hidden="true" />
        {tag.name}
      </h3>
      <p className="muted small-text cb-summary">
        {count(uses, 'passage')}
        {facet ? ` · facet ${facet.name}` : ''}
        {uses > 0 && (
          <button className="cb-link" onClick={() => showPassages([tag.id])}>
            Show its passages
          </button>
        )}
      </p>

      <form
        className="field"
        onSubmit={(e) => {
          e.preventDefault()
          if (name !== tag.name) run([{ type: 'updateTag', id: tag.id, patch: { name } }], 'Rename tag')
        }}
      >
        <span>Name</span>
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
      {error && (
        <p id={errorId} ref={errorRef} role="alert" className="field-error">
          {error}
        </p>
      )}
      <label className="field">
        <span>Description</span>
        <textarea
          aria-label={`Description of tag ${tag.name}`}
          placeholder="What this tag means, when to use it"
          rows={2}
          value={description}
          maxLength={2000}
          onChange={(e) => setDescription(e.target.value)}
          onBlur={() =>
            description !== tag.description &&
            run([{ type: 'updateTag', id: tag.id, patch: { description } }], 'Describe tag')
          }
        />
      </label>
      <TagColorPicker
        tag={tag}
        onPick={(color) => run([{ type: 'updateTag', id: tag.id, patch: { color } }], 'Recolor tag')}
      />

      <h4 className="cb-subhead">Appears with</h4>
      {together.length === 0 ? (
        <p className="muted small-text">No passage has this tag together with another.</p>
      ) : (
        <ul className="cb-together" aria-label={`Tags that appear with ${tag.name}`}>
          {together.map(({ tag: other, count: n }) => (
            <li key={other.id}>
              <span className="dot" style={{ background: other.color }} aria-hidden="true" />
              <button className="cb-link" onClick={() => onSelect(other.id)}>
                {other.name}
              </button>
              <button
                className="cb-pair-count"
                aria-label={`Show the ${count(n, 'passage')} with ${tag.name} and ${other.name}`}
                title="Show these passages"
                onClick={() => showPassages([tag.id, other.id])}
              >
                {n}
              </button>
            </li>
          ))}
        </ul>
      )}

      <div className="cb-actions">
        <label className="cb-inline">
          <span>Facet</span>
          <select
            aria-label={`Move tag ${tag.name} to facet`}
            value={facet?.key ?? ''}
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
        </label>
        <label className="cb-inline">
          <span>Merge into</span>
          <select
            aria-label={`Merge tag ${tag.name} into`}
            value=""
            onChange={(e) =>
              e.target.value &&
              run([{ type: 'mergeTags', fromId: tag.id, intoId: e.target.value }], 'Merge tags')
            }
          >
            <option value="">Choose a tag…</option>
            {others.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
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
            className="button small"
            aria-label={`Delete tag ${tag.name}`}
            onClick={() => setConfirming(true)}
          >
            Delete…
          </button>
        )}
      </div>
    </section>
  )
}
