// Any Markdown notes (an Obsidian note, a README) → sources of a new notebook. The YAML front
// matter is read as the source's properties (title, origin, url, summary, publication date),
// never kept as text; the body goes through the ordinary source converter (src/core/import,
// in a worker with a time and memory budget), so it is sanitized like any imported file.
import { parse as parseYaml } from 'yaml'
import { nanoid } from 'nanoid'
import { plainText, textHash } from '@shared/plain-text'
import { LIMITS, PartialDateSchema, type Source } from '@shared/schema'
import type { InputFile } from '@shared/markdown-import/files'
import type { ImportInput, ImportResult } from '../import'
import { clipTitle } from '../import/clip-title'

export type Convert = (input: ImportInput) => Promise<ImportResult>

const FRONT = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/

/** Splits a file into its front matter (as data; {} when absent or not YAML) and its body. */
export function splitFrontMatter(content: string): {
  data: Record<string, unknown>
  body: string
  bad: boolean
} {
  const m = FRONT.exec(content)
  if (!m) return { data: {}, body: content, bad: false }
  try {
    const data: unknown = parseYaml(m[1], { maxAliasCount: 100 })
    const ok = typeof data === 'object' && data !== null && !Array.isArray(data)
    return {
      data: ok ? (data as Record<string, unknown>) : {},
      body: content.slice(m[0].length),
      bad: !ok && data !== null,
    }
  } catch {
    return { data: {}, body: content.slice(m[0].length), bad: true }
  }
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v.trim() || undefined : typeof v === 'number' ? String(v) : undefined
const first = (data: Record<string, unknown>, keys: string[]): string | undefined => {
  for (const k of keys) {
    const v = str(data[k]) ?? (Array.isArray(data[k]) ? str((data[k] as unknown[])[0]) : undefined)
    if (v) return v
  }
  return undefined
}
const clip = (s: string, max: number): string =>
  Array.from(s).length > max ? Array.from(s).slice(0, max).join('') : s

const TITLE = ['title', 'name']
const ORIGIN = ['origin', 'site', 'publisher', 'author', 'authors', 'source']
const URL_KEYS = ['url', 'link', 'source', 'href']
const SUMMARY = ['summary', 'description', 'abstract', 'excerpt']
const DATE = ['published', 'date', 'created']
const USED = new Set([...TITLE, ...ORIGIN, ...URL_KEYS, ...SUMMARY, ...DATE])

/** One Markdown file → a source; null when it holds no readable text (reported by the caller). */
export async function noteToSource(
  file: InputFile,
  convert: Convert,
  now: string,
): Promise<{ source: Source; warning?: string }> {
  const { data, body, bad } = splitFrontMatter(file.content)
  const fileName = file.path.split('/').pop() ?? file.path
  const title = first(data, TITLE)
  const { title: converted, doc } = await convert({ format: 'markdown', content: body, fileName, title })
  const url = first(data, URL_KEYS)
  const date = first(data, DATE)?.slice(0, 10)
  const summary = first(data, SUMMARY)
  const other = Object.entries(data).filter(
    ([k, v]) => !USED.has(k.toLowerCase()) && v !== null && v !== undefined,
  )
  // Properties the schema has no field for stay readable in the summary, not in the text.
  const extra = other.map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('\n')
  const fullSummary = [summary, extra].filter(Boolean).join('\n\n')
  const source: Source = {
    id: nanoid(12),
    title: clipTitle(title ?? converted, LIMITS.titleLength),
    origin: clip(
      first(data, ORIGIN) && !/^https?:/i.test(first(data, ORIGIN)!) ? first(data, ORIGIN)! : '',
      LIMITS.originLength,
    ),
    ...(url && /^https?:\/\//i.test(url) ? { url: clip(url, 2_000) } : {}),
    ...(fullSummary ? { summary: clip(fullSummary, 10_000) } : {}),
    ...(date && PartialDateSchema.safeParse(date).success ? { published: date } : {}),
    doc,
    textHash: textHash(plainText(doc)),
    createdAt: now,
    updatedAt: now,
  }
  return bad
    ? { source, warning: `${file.path}: its front matter is not valid YAML and was left out.` }
    : { source }
}
