// The "Tags" panel, read as a codebook: the tags as a tree by facet with their counts, the
// selected tag's details beside it, tags created before any passage has them, and which tags
// appear together. Every change is one undoable operation.
import { useMemo, useState } from 'react'
import { codebook, coOccurrences, type CodeGroup, type CodeNode } from '@shared/codebook'
import { useNotebook } from '../../state/use-session'
import { Dialog } from '../Dialog'
import { CodebookTree, type CodeSelection } from './CodebookTree'
import { CoOccurrenceTable } from './CoOccurrenceTable'
import { FacetDetails } from './FacetDetails'
import { NewFacetForm } from './NewFacetForm'
import { NewTagForm } from './NewTagForm'
import { TagDetails } from './TagDetails'

type Found = { group: CodeGroup; node: CodeNode | null }

/** The group and node a selection points at, if it still exists. */
function find(groups: CodeGroup[], s: CodeSelection | null): Found | null {
  if (!s) return null
  for (const group of groups) {
    if (s.kind === 'facet') {
      if (group.facet.key === s.key) return { group, node: null }
      continue
    }
    const stack = [...group.children]
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (s.kind === 'tag' ? node.tag?.id === s.id : !node.tag && node.key === s.key) return { group, node }
      stack.push(...node.children)
    }
  }
  return null
}

function firstTag(groups: CodeGroup[]): CodeSelection | null {
  for (const g of groups) {
    const stack = [...g.children].reverse()
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (node.tag) return { kind: 'tag', id: node.tag.id }
      stack.push(...[...node.children].reverse())
    }
  }
  return groups[0] ? { kind: 'facet', key: groups[0].facet.key } : null
}

export function TagManager({ onClose }: { onClose: () => void }) {
  const notebook = useNotebook()
  const groups = useMemo(() => codebook(notebook), [notebook])
  const pairs = useMemo(() => coOccurrences(notebook), [notebook])
  const uses = useMemo(() => {
    const m = new Map<string, number>()
    for (const a of notebook.annotations) for (const id of new Set(a.tagIds)) m.set(id, (m.get(id) ?? 0) + 1)
    return m
  }, [notebook])
  const [tab, setTab] = useState<'codebook' | 'pairs'>('codebook')
  const [picked, setPicked] = useState<CodeSelection | null>(null)
  const [prefill, setPrefill] = useState({ text: '', n: 0 })
  // A selection whose tag was deleted or merged falls back to the first tag.
  const selected = picked && find(groups, picked) ? picked : firstTag(groups)
  const found = find(groups, selected)
  const selectTag = (id: string) => setPicked({ kind: 'tag', id })

  const details = () => {
    if (!found) return <p className="muted cb-empty">No tags yet. Create the first one on the left.</p>
    const { group, node } = found
    if (node?.tag)
      return (
        <TagDetails
          key={`${node.tag.id}:${node.tag.name}:${node.tag.description}`}
          tag={node.tag}
          uses={node.count}
          notebook={notebook}
          pairs={pairs}
          onSelect={selectTag}
        />
      )
    const prefix = node ? `${node.path}/` : group.facet.key ? `${group.facet.key}/` : ''
    return (
      <FacetDetails
        title={node ? node.path : group.facet.name}
        prefix={prefix}
        node={node ?? group}
        facet={!node && 'color' in group.facet ? group.facet : undefined}
        onNewTag={(text) => setPrefill({ text, n: prefill.n + 1 })}
      />
    )
  }

  const tabButton = (id: typeof tab, label: string) => (
    <button
      role="tab"
      id={`tags-tab-${id}`}
      aria-selected={tab === id}
      aria-controls={`tags-panel-${id}`}
      tabIndex={tab === id ? 0 : -1}
      className="cb-tab"
      onClick={() => setTab(id)}
      onKeyDown={(e) => {
        if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return
        const next = id === 'codebook' ? 'pairs' : 'codebook'
        setTab(next)
        document.getElementById(`tags-tab-${next}`)?.focus()
      }}
    >
      {label}
    </button>
  )

  return (
    <Dialog title="Tags" onClose={onClose} wide>
      <div role="tablist" aria-label="Tags view" className="cb-tabs">
        {tabButton('codebook', 'Codebook')}
        {tabButton('pairs', `Co-occurrence (${pairs.length})`)}
      </div>
      {tab === 'codebook' ? (
        <div
          role="tabpanel"
          id="tags-panel-codebook"
          aria-labelledby="tags-tab-codebook"
          className="cb-layout"
        >
          <div className="cb-side">
            <NewTagForm key={prefill.n} initial={prefill.text} onCreated={(id) => selectTag(id)} />
            <CodebookTree groups={groups} selected={selected} onSelect={setPicked} />
            <NewFacetForm />
          </div>
          <div className="cb-main">{details()}</div>
        </div>
      ) : (
        <div role="tabpanel" id="tags-panel-pairs" aria-labelledby="tags-tab-pairs" className="cb-pairs">
          <CoOccurrenceTable pairs={pairs} uses={uses} />
        </div>
      )}
      <div className="dialog-footer">
        <button className="button primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  )
}
