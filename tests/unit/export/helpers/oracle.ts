// An independent reading of an export: remark (CommonMark + GFM + front matter) with the
// Obsidian scanner of markdown-import, then Obsidian's documented rules checked on the tree —
// every [[link]] lands on a file and block that exist, block ids are unique, tags are valid.
import type { Nodes, Root } from 'mdast'
import { parse as parseYaml } from 'yaml'
import type { ExportFile } from '../../../../src/shared/export/markdown/index'
import { OBSIDIAN_TAG } from '../../../../src/shared/export/markdown/tags'
import { parseMarkdown } from '../../../../src/shared/markdown-import/parse'

export interface Reading {
  files: Map<string, { root: Root; front: Record<string, unknown>; blockIds: string[] }>
  /** Every wikilink: the file it is in and its target. */
  wikiLinks: { file: string; target: string; alias: string | null }[]
  hashtags: string[]
  html: string[]
  problems: string[]
}

export function all(node: Nodes): Nodes[] {
  const out: Nodes[] = []
  const stack: Nodes[] = [node]
  while (stack.length) {
    const n = stack.pop()!
    out.push(n)
    if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Nodes)
  }
  return out
}

export function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value
  if (node.type === 'break') return '\n'
  return 'children' in node ? (node.children as Nodes[]).map(textOf).join('') : ''
}

/** Block ids a file defines: a paragraph that is only `^id`, or ` ^id` closing a paragraph. */
function blockIdsOf(root: Root): string[] {
  const ids: string[] = []
  for (const n of all(root)) {
    if (n.type !== 'paragraph') continue
    const last = n.children[n.children.length - 1]
    if (last?.type === 'blockId') ids.push(last.value)
  }
  return ids
}

export function readExportFiles(files: readonly ExportFile[]): Reading {
  const reading: Reading = { files: new Map(), wikiLinks: [], hashtags: [], html: [], problems: [] }
  for (const f of files) {
    const root = parseMarkdown(f.content)
    const yaml = root.children[0]?.type === 'yaml' ? root.children[0].value : ''
    const front = (yaml ? parseYaml(yaml) : {}) as Record<string, unknown>
    const ids = blockIdsOf(root)
    const lower = ids.map((id) => id.toLowerCase())
    const dupes = lower.filter((id, i) => lower.indexOf(id) !== i)
    if (dupes.length) reading.problems.push(`${f.path}: duplicate block ids ${dupes.join(', ')}`)
    reading.files.set(f.path, { root, front, blockIds: ids })
    for (const n of all(root)) {
      if (n.type === 'wikiLink') reading.wikiLinks.push({ file: f.path, target: n.target, alias: n.alias })
      if (n.type === 'hashtag') reading.hashtags.push(n.value)
      if (n.type === 'html') reading.html.push(n.value)
    }
    const tags = front.tags
    if (tags !== undefined && !Array.isArray(tags)) reading.problems.push(`${f.path}: tags is not a list`)
    for (const t of Array.isArray(tags) ? tags : [])
      if (typeof t !== 'string' || !OBSIDIAN_TAG.test(t))
        reading.problems.push(`${f.path}: front matter tag ${t}`)
  }
  for (const t of reading.hashtags) if (!OBSIDIAN_TAG.test(t)) reading.problems.push(`invalid tag #${t}`)
  for (const h of reading.html) if (!/^(?:<br>)+$/.test(h)) reading.problems.push(`HTML in the export: ${h}`)
  for (const link of reading.wikiLinks) {
    const problem = resolveProblem(reading, link.file, link.target)
    if (problem) reading.problems.push(`${link.file}: [[${link.target}]] ${problem}`)
  }
  return reading
}

/** Obsidian's resolution: `#^id` in the same file; `path#^id` in path.md (relative to the export's root). */
function resolveProblem(reading: Reading, file: string, target: string): string | null {
  const hash = target.indexOf('#')
  const stem = hash < 0 ? target : target.slice(0, hash)
  const anchor = hash < 0 ? '' : target.slice(hash + 1)
  const path = stem === '' ? file : `${stem}.md`
  const dest = reading.files.get(path)
  if (!dest) return `names a file that does not exist (${path})`
  if (anchor === '') return null
  if (!anchor.startsWith('^')) return 'links to a heading'
  return dest.blockIds.some((id) => id.toLowerCase() === anchor.slice(1).toLowerCase())
    ? null
    : `names block ${anchor} that ${path} does not define`
}
