// The tag picker: focus in its input, type-ahead over existing tags grouped by facet, Enter on
// a new name creates it, Backspace in the empty input removes the last tag. With nothing typed
// no option is highlighted until an arrow key moves to one, so Enter in the empty field adds
// nothing: it closes the picker (as Done does).
import { useMemo, useState } from 'react'
import { facetCounts } from '@shared/filter'
import type { Tag } from '@shared/schema'
import { addTagToPassage, removeTagFromPassage } from '../../state/tag-actions'
import { errorMessage } from '../../api/client'
import { useNotebook, useSession } from '../../state/use-session'
import { Dialog } from '../Dialog'
import { TagChip } from './TagChip'
import { FieldError } from '../FieldError'

export function TagPicker({ passageId, onClose }: { passageId: string; onClose: () => void }) {
  const session = useSession()
  const notebook = useNotebook()
  const passage = notebook.annotations.find((a) => a.id === passageId)
  const [query, setQuery] = useState('')
  /** The highlighted option; -1: none (nothing typed and no arrow key pressed yet). */
  const [active, setActive] = useState(-1)
  const [error, setError] = useState<string | null>(null)

  const groups = useMemo(() => {
    const q = query.trim().toLowerCase()
    const taken = new Set(passage?.tagIds ?? [])
    return facetCounts(notebook)
      .map((g) => ({
        name: g.facet.name,
        tags: g.tags
          .map((t) => t.tag)
          .filter(
            (t) =>
              !taken.has(t.id) &&
              (!q || t.name.toLowerCase().includes(q) || t.label.toLowerCase().includes(q)),
          ),
      }))
      .filter((g) => g.tags.length > 0)
  }, [notebook, passage, query])
  const options = groups.flatMap((g) => g.tags)
  const exact = notebook.tags.find((t) => t.name.toLowerCase() === query.trim().toLowerCase())
  const canCreate = query.trim().length > 0 && !exact

  if (!passage) return null
  const current = passage.tagIds
    .map((id) => notebook.tags.find((t) => t.id === id))
    .filter((t): t is Tag => Boolean(t))

  const choose = (tag: Tag | { create: string }) => {
    try {
      addTagToPassage(session, passageId, tag)
      setQuery('')
      setActive(-1)
      setError(null)
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, options.length - 1 + (canCreate ? 1 : 0)))
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0))
    else if (e.key === 'Enter') {
      // The highlighted option wins; past the options sits "Create tag …".
      if (options[active]) choose(options[active])
      else if (active === options.length && canCreate) choose({ create: query })
      else if (exact) choose(exact)
      else if (query.trim() === '') onClose()
    } else if (e.key === 'Backspace' && query === '' && current.length > 0) {
      removeTagFromPassage(session, passageId, current[current.length - 1].id)
    } else return
    if (e.key !== 'Backspace') e.preventDefault()
  }

  let index = -1
  return (
    <Dialog title="Add tag" onClose={onClose}>
      <p className="picker-quote">
        “{passage.target.quote.exact.slice(0, 140)}
        {passage.target.quote.exact.length > 140 ? '…' : ''}”
      </p>
      <div className="passage-tags">
        {current.map((t) => (
          <TagChip key={t.id} tag={t} onRemove={() => removeTagFromPassage(session, passageId, t.id)} />
        ))}
      </div>
      <input
        className="picker-input"
        autoFocus
        role="combobox"
        aria-expanded="true"
        aria-controls="tag-options"
        aria-activedescendant={
          active >= 0 && (options.length || canCreate) ? `tag-option-${active}` : undefined
        }
        aria-label="Tag name"
        placeholder="Type to find or create a tag, e.g. base/harir"
        value={query}
        maxLength={200}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(e.target.value.trim() ? 0 : -1)
          setError(null)
        }}
        onKeyDown={onKeyDown}
      />
      <FieldError error={error} />
      <div id="tag-options" role="listbox" aria-label="Tags" className="picker-options">
        {groups.map((g) => (
          <div key={g.name} role="group" aria-label={g.name}>
            <div className="picker-group">{g.name}</div>
            {g.tags.map((t) => {
              index++
              const i = index
              return (
                <div
                  key={t.id}
                  id={`tag-option-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className="picker-option"
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => choose(t)}
                >
                  <span className="dot" style={{ background: t.color }} /> {t.name}
                  {t.label && <span className="muted"> — {t.label}</span>}
                </div>
              )
            })}
          </div>
        ))}
        {canCreate && (
          <div
            id={`tag-option-${options.length}`}
            role="option"
            aria-selected={active === options.length}
            className="picker-option create"
            onClick={() => choose({ create: query })}
          >
            Create tag “{query.trim()}”
          </div>
        )}
      </div>
      <div className="dialog-footer">
        <button className="button primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  )
}
