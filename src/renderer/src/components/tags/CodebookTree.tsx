// The codebook as an ARIA tree: facets, then tags by path segment, each with its count of
// passages. One tab stop; arrows move (selection follows), Left/Right fold and unfold, Home/End
// jump — as a file tree in any editor.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { CodeGroup, CodeNode } from '@shared/codebook'
import { count } from '@shared/plural'

/** What the panel has selected: a tag (by id, so a rename keeps it), a facet, or a branch. */
export type CodeSelection =
  { kind: 'tag'; id: string } | { kind: 'facet'; key: string } | { kind: 'branch'; key: string }

interface Item {
  id: string
  selection: CodeSelection
  label: string
  name: string
  color: string | null
  total: number
  level: number
  parent: string | null
  children: Item[]
}

export const selectionId = (s: CodeSelection): string =>
  s.kind === 'tag' ? `t:${s.id}` : s.kind === 'facet' ? `f:${s.key}` : `b:${s.key}`

function toItems(groups: CodeGroup[]): Item[] {
  const node = (n: CodeNode, level: number, parent: string): Item => {
    const selection: CodeSelection = n.tag ? { kind: 'tag', id: n.tag.id } : { kind: 'branch', key: n.key }
    const id = selectionId(selection)
    return {
      id,
      selection,
      label: n.label,
      name: `${n.path}, ${count(n.total, 'passage')}`,
      color: n.tag?.color ?? null,
      total: n.total,
      level,
      parent,
      children: n.children.map((c) => node(c, level + 1, id)),
    }
  }
  return groups.map((g) => {
    const selection: CodeSelection = { kind: 'facet', key: g.facet.key }
    const id = selectionId(selection)
    return {
      id,
      selection,
      label: g.facet.name,
      name: `${g.facet.name}, ${count(g.tagCount, 'tag')}, ${count(g.total, 'passage')}`,
      color: 'color' in g.facet ? g.facet.color : null,
      total: g.total,
      level: 1,
      parent: null,
      children: g.children.map((c) => node(c, 2, id)),
    }
  })
}

export function CodebookTree({
  groups,
  selected,
  onSelect,
}: {
  groups: CodeGroup[]
  selected: CodeSelection | null
  onSelect: (s: CodeSelection) => void
}) {
  const items = useMemo(() => toItems(groups), [groups])
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set())
  const refs = useRef(new Map<string, HTMLLIElement>())
  const focusNext = useRef(false)
  const visible = useMemo(() => {
    const out: Item[] = []
    const walk = (list: Item[]) => {
      for (const item of list) {
        out.push(item)
        if (!collapsed.has(item.id)) walk(item.children)
      }
    }
    walk(items)
    return out
  }, [items, collapsed])
  const selectedId = selected ? selectionId(selected) : null
  // The tab stop: the selected item if shown, else the first.
  const current = visible.find((i) => i.id === selectedId) ?? visible[0]

  useEffect(() => {
    if (!focusNext.current || !current) return
    focusNext.current = false
    refs.current.get(current.id)?.focus()
  }, [current])

  const move = (item: Item | undefined) => {
    if (!item) return
    focusNext.current = true
    onSelect(item.selection)
  }
  const fold = (item: Item, open: boolean) => {
    const next = new Set(collapsed)
    if (open) next.delete(item.id)
    else next.add(item.id)
    setCollapsed(next)
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if (!current || e.target !== refs.current.get(current.id)) return
    const at = visible.indexOf(current)
    const open = current.children.length > 0 && !collapsed.has(current.id)
    const handled: Record<string, () => void> = {
      ArrowDown: () => move(visible[at + 1]),
      ArrowUp: () => move(visible[at - 1]),
      Home: () => move(visible[0]),
      End: () => move(visible[visible.length - 1]),
      ArrowRight: () => (open ? move(current.children[0]) : current.children.length && fold(current, true)),
      ArrowLeft: () => (open ? fold(current, false) : move(visible.find((i) => i.id === current.parent))),
    }
    const action = handled[e.key]
    if (!action) return
    e.preventDefault()
    action()
  }

  const render = (item: Item) => {
    const expandable = item.children.length > 0
    const open = expandable && !collapsed.has(item.id)
    return (
      <li
        key={item.id}
        ref={(el) => {
          if (el) refs.current.set(item.id, el)
          else refs.current.delete(item.id)
        }}
        role="treeitem"
        aria-label={item.name}
        aria-level={item.level}
        aria-selected={item.id === selectedId}
        aria-expanded={expandable ? open : undefined}
        tabIndex={item === current ? 0 : -1}
        className={`cb-item level-${Math.min(item.level, 4)}`}
        onClick={(e) => {
          e.stopPropagation()
          onSelect(item.selection)
        }}
      >
        <div className="cb-row" style={{ paddingInlineStart: `${(item.level - 1) * 16 + 4}px` }}>
          <span
            className={`cb-twisty${expandable ? '' : ' is-leaf'}`}
            aria-hidden="true"
            onClick={(e) => {
              e.stopPropagation()
              if (expandable) fold(item, !open)
            }}
          >
            {expandable ? (open ? '▾' : '▸') : ''}
          </span>
          {item.color && <span className="dot" style={{ background: item.color }} aria-hidden="true" />}
          <span className={item.level === 1 ? 'cb-label cb-facet' : 'cb-label'}>{item.label}</span>
          <span className="cb-count" aria-hidden="true">
            {item.total}
          </span>
        </div>
        {open && (
          <ul role="group" className="cb-group">
            {item.children.map(render)}
          </ul>
        )}
      </li>
    )
  }

  return (
    <ul role="tree" aria-label="Codebook" className="cb-tree" onKeyDown={onKeyDown}>
      {items.map(render)}
    </ul>
  )
}
