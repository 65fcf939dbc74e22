// One tag in the tag manager, with its actions.
import { useState } from 'react'
import { tagFacetKey } from '@shared/filter'
import type { Op } from '@shared/ops'
import type { Notebook, Tag } from '@shared/schema'
import { Icon } from '../Icon'

interface TagRowProps {
  tag: Tag
  count: number
  notebook: Notebook
  run: (ops: Op[], label: string) => boolean
}

export function TagRow({ tag, count, notebook, run }: TagRowProps) {
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
          if (name !== tag.name && !run([{ type: 'updateTag', id: tag.id, patch: { name } }], 'Rename tag'))
            setName(tag.name)
        }}
      >
        <input
          aria-label={`Name of tag ${tag.name}`}
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          onBlur={(e) => e.currentTarget.form?.requestSubmit()}
        />
      </form>
      <span className="tm-count" title="Passages with this tag">
        {count}
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
        value={tagFacetKey(tag.name) ?? ''}
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
          {count > 0 ? `${count} passage${count === 1 ? '' : 's'} will lose it.` : 'No passage uses it.'}
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
