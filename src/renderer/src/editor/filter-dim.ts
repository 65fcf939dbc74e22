// Dimming the source's highlights that the tag filter leaves out, with one style rule instead
// of new decorations: each highlight carries its passage's tag ids (`data-tags`) and whether it
// is untagged (`data-untagged`), and a filter change only rewrites the rule. Rebuilding and
// redrawing every highlight on a filter change cost a ProseMirror update of the whole source
// (docs/PERFORMANCE.md, filter change).
import { isUntagged, type TagFilter } from '@shared/filter'
import type { Annotation } from '@shared/schema'

/** The attributes a passage's highlight carries for the filter rule. */
export function filterAttrs(a: Annotation, knownTags: ReadonlySet<string>): Record<string, string> {
  const attrs: Record<string, string> = { 'data-tags': a.tagIds.join(' ') }
  if (isUntagged(a, knownTags)) attrs['data-untagged'] = ''
  return attrs
}

/** An attribute value as a quoted CSS string (tag ids are the user's data, not trusted CSS). */
export function cssString(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`
}

/**
 * The selector of the highlights `filter` keeps, the same test as `filterPassages`
 * (src/shared/filter.ts): any selected tag (OR) or every one (AND), or untagged; null when the
 * filter keeps nothing.
 */
export function keptSelector(filter: TagFilter): string | null {
  // ~= matches one word of a space-separated list; an id holding a space could never match.
  const ids = [...new Set(filter.tagIds)].map((id) => (/\s/.test(id) || id === '' ? null : id))
  const has = (id: string | null) => (id === null ? ':not(*)' : `[data-tags~=${cssString(id)}]`)
  const parts: string[] = []
  if (ids.length > 0) parts.push(...(filter.mode === 'or' ? ids.map(has) : [ids.map(has).join('')]))
  if (filter.untagged) parts.push('[data-untagged]')
  return parts.length > 0 ? parts.join(', ') : null
}

/**
 * The style sheet dimming what the filter leaves out ('' with no filter). Its specificity is
 * one class, as the `.passage-dim` class it replaces: a dimmed passage nested in another keeps
 * the nested tint (`.passage .passage`).
 */
export function dimRule(filter: TagFilter): string {
  if (filter.tagIds.length === 0 && !filter.untagged) return ''
  const kept = keptSelector(filter)
  const dimmed = kept ? `.source-text .passage:not(:is(${kept}))` : '.source-text .passage'
  return `.passage:where(${dimmed}) { background: color-mix(in srgb, var(--hl) 10%, transparent); }`
}
