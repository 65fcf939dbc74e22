// TipTap inline content → mdast phrasing. Marks are flattened to runs first and rebuilt as
// a tree, so a highlight that cuts through a bold span still yields well-nested output:
// highlights are the outermost layer, marks are re-opened inside each highlighted run.
import type { PhrasingContent } from 'mdast'
import type { DocNode } from '../../schema'

export interface InlineOptions {
  /** Sorted, non-overlapping [start, end) ranges to highlight, in this block's offsets. */
  highlights?: [number, number][]
  /** Renders a `passageRef` node. */
  ref: (annotationId: string) => PhrasingContent[]
}

type Run =
  | { kind: 'text'; text: string; marks: string[]; code: boolean; at: number; hl?: boolean }
  | { kind: 'break'; at: number }
  | { kind: 'ref'; id: string }

// Only links a reader can safely follow survive; `javascript:` and friends lose the link.
const SAFE_URL = /^(?:https?:|mailto:)/i
const RANK: Record<string, number> = { strong: 1, emphasis: 2, delete: 3 }
const rank = (mark: string): number => RANK[mark] ?? 0 // links (rank 0) must be outermost

function markKeys(node: DocNode): { marks: string[]; code: boolean } {
  const marks: string[] = []
  let code = false
  for (const m of node.marks ?? []) {
    if (m.type === 'bold') marks.push('strong')
    else if (m.type === 'italic') marks.push('emphasis')
    else if (m.type === 'strike') marks.push('delete')
    else if (m.type === 'code') code = true
    else if (m.type === 'link') {
      const href = typeof m.attrs?.href === 'string' ? m.attrs.href.trim() : ''
      if (SAFE_URL.test(href)) marks.push('link\u0000' + href)
    }
  }
  return { marks: marks.sort((a, b) => rank(a) - rank(b)), code }
}

function flatten(nodes: DocNode[], out: Run[], at: { n: number }): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      const text = node.text ?? ''
      if (text) out.push({ kind: 'text', text, ...markKeys(node), at: at.n })
      at.n += text.length
    } else if (node.type === 'hardBreak') {
      out.push({ kind: 'break', at: at.n })
      at.n += 1
    } else if (node.type === 'passageRef' && typeof node.attrs?.annotationId === 'string') {
      out.push({ kind: 'ref', id: node.attrs.annotationId })
    } else if (node.content) flatten(node.content, out, at)
  }
}

/** Cuts text runs at highlight boundaries and flags the highlighted pieces. */
function split(runs: Run[], ranges: [number, number][]): Run[] {
  if (ranges.length === 0) return runs
  const out: Run[] = []
  for (const run of runs) {
    if (run.kind !== 'text') {
      out.push(run)
      continue
    }
    const cuts = new Set([0, run.text.length])
    for (const [a, b] of ranges)
      for (const c of [a - run.at, b - run.at]) if (c > 0 && c < run.text.length) cuts.add(c)
    const points = [...cuts].sort((x, y) => x - y)
    for (let i = 0; i + 1 < points.length; i++) {
      const at = run.at + points[i]
      const hl = ranges.some(([a, b]) => a <= at && at < b)
      out.push({ ...run, text: run.text.slice(points[i], points[i + 1]), at, hl })
    }
  }
  return out
}

function leaf(run: Run, opts: InlineOptions): PhrasingContent[] {
  if (run.kind === 'break') return [{ type: 'break' }]
  if (run.kind === 'ref') return opts.ref(run.id)
  return [run.code ? { type: 'inlineCode', value: run.text } : { type: 'text', value: run.text }]
}

/** Greedy nesting: wrap the longest stretch sharing the first outstanding mark. */
function build(runs: Run[], opts: InlineOptions): PhrasingContent[] {
  const out: PhrasingContent[] = []
  let i = 0
  while (i < runs.length) {
    const run = runs[i]
    const mark = run.kind === 'text' ? run.marks[0] : undefined
    if (mark === undefined) {
      const prev = out[out.length - 1]
      // Adjacent plain runs (split only by a highlight elsewhere) merge back into one text.
      if (run.kind === 'text' && !run.code && prev?.type === 'text') prev.value += run.text
      else out.push(...leaf(run, opts))
      i++
      continue
    }
    let j = i
    const group: Run[] = []
    for (; j < runs.length; j++) {
      const r = runs[j]
      if (r.kind !== 'text' || !r.marks.includes(mark)) break
      group.push({ ...r, marks: r.marks.filter((m) => m !== mark) })
    }
    const children = build(group, opts)
    if (mark.startsWith('link\u0000')) out.push({ type: 'link', url: mark.slice(5), children })
    else out.push({ type: mark as 'strong' | 'emphasis' | 'delete', children })
    i = j
  }
  return out
}

const isHighlighted = (r: Run): boolean => r.kind === 'text' && r.hl === true

export function inlineToMdast(nodes: DocNode[], opts: InlineOptions): PhrasingContent[] {
  const runs: Run[] = []
  flatten(nodes, runs, { n: 0 })
  const pieces = split(runs, opts.highlights ?? [])
  const out: PhrasingContent[] = []
  for (let i = 0; i < pieces.length;) {
    const hl = isHighlighted(pieces[i])
    let j = i
    while (j < pieces.length && isHighlighted(pieces[j]) === hl) j++
    const run = pieces.slice(i, j)
    if (hl) out.push({ type: 'highlight', children: build(run, opts) })
    else out.push(...build(run, opts))
    i = j
  }
  return out
}
