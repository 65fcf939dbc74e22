// YAML front matter, written by hand (the `yaml` package took a fifth of an L export). Every
// string is double-quoted, so a title like 2025-01-15, `yes`, `null` or `1e3` stays a string
// under YAML 1.1 (Obsidian) and 1.2 alike; records are one flow mapping per line.
import { yamlString } from './escape'

/** JSON-like data; `undefined` members are left out. */
export type FrontValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly FrontValue[]
  | { readonly [key: string]: FrontValue }

/** Format version of the Markdown export, read back by markdown-import. */
export const FORMAT_VERSION = 2

// Keys come from our own schema; anything else is quoted.
const key = (k: string): string => (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : yamlString(k))

/** One value in flow style: "…", 12, true, null, [a, b], { k: v }. */
export function flow(value: FrontValue): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') return yamlString(value)
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null'
  if (typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`
  const parts: string[] = []
  for (const [k, v] of Object.entries(value)) if (v !== undefined) parts.push(`${key(k)}: ${flow(v)}`)
  return parts.length ? `{ ${parts.join(', ')} }` : '{}'
}

function write(k: string, value: FrontValue, indent: string, out: string[]): void {
  if (value === undefined) return
  if (Array.isArray(value)) {
    if (value.length === 0) return void out.push(`${indent}${key(k)}: []`)
    out.push(`${indent}${key(k)}:`)
    for (const item of value) out.push(`${indent}  - ${flow(item)}`)
  } else if (value !== null && typeof value === 'object') {
    out.push(`${indent}${key(k)}:`)
    for (const [child, v] of Object.entries(value)) write(child, v, indent + '  ', out)
  } else out.push(`${indent}${key(k)}: ${flow(value)}`)
}

/** `---\n…\n---`: top-level lists one item per line, nested records in flow style. */
export function frontMatter(data: { readonly [key: string]: FrontValue }): string {
  const out = ['---']
  for (const [k, v] of Object.entries(data)) write(k, v, '', out)
  out.push('---')
  return out.join('\n')
}

/** `obj` without `keys` and without null, undefined or empty-array members (extras to carry). */
export function extras(obj: object, keys: readonly string[]): { [key: string]: FrontValue } | null {
  let out: { [key: string]: FrontValue } | null = null
  const rec = obj as Record<string, unknown>
  // for…in, not Object.entries: this runs once per passage and must not allocate for nothing.
  for (const k in rec) {
    const v = rec[k]
    if (v === null || v === undefined || keys.includes(k) || (Array.isArray(v) && v.length === 0)) continue
    ;(out ??= {})[k] = v as FrontValue
  }
  return out
}
