// The YAML front matter of a parsed file, read with the `yaml` package's YAML 1.2 core schema
// (a quoted or unquoted 2025-01-15 is a string, never a date), with typed accessors that
// never throw on a missing or odd value: an Obsidian user may have edited any of it.
import type { Root } from 'mdast'
import { parse as parseYaml } from 'yaml'
import { ImportProblem } from './files'

type Rec = Record<string, unknown>

export interface Section {
  present: boolean
  data: Rec
  str(key: string): string | undefined
  record(key: string): Rec
  records(key: string): Rec[]
}
export interface FrontMatter extends Section {
  glossa: Section
}

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v)

function section(data: unknown): Section {
  const rec = isRec(data) ? data : {}
  return {
    present: isRec(data),
    data: rec,
    str: (key) => {
      const v = rec[key]
      return typeof v === 'string'
        ? v
        : typeof v === 'number' || typeof v === 'boolean'
          ? String(v)
          : undefined
    },
    record: (key) => (isRec(rec[key]) ? (rec[key] as Rec) : {}),
    records: (key) => (Array.isArray(rec[key]) ? (rec[key] as unknown[]).filter(isRec) : []),
  }
}

export function readFrontMatter(root: Root, path: string): FrontMatter {
  const first = root.children[0]
  if (first?.type !== 'yaml') return { ...section(undefined), glossa: section(undefined) }
  let data: unknown
  try {
    data = parseYaml(first.value, { maxAliasCount: 100 })
  } catch (error) {
    throw new ImportProblem(
      `The front matter of ${path} is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
    )
  }
  const top = section(data)
  return { ...top, present: true, glossa: section(top.data.glossa) }
}
