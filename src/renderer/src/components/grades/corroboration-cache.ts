// Corroboration for every passage, computed once per change of links, passages or sources
// (each card asks for its own; at 10,000 links a per-card pass would show).
import type { Notebook } from '@shared/schema'
import { corroborationIndex, type Corroboration } from '@shared/views/corroboration'

let last: {
  links: unknown
  annotations: unknown
  sources: unknown
  index: Map<string, Corroboration>
} | null = null

export function corroborationOf(nb: Notebook, passageId: string): Corroboration | undefined {
  if (!last || last.links !== nb.links || last.annotations !== nb.annotations || last.sources !== nb.sources)
    last = {
      links: nb.links,
      annotations: nb.annotations,
      sources: nb.sources,
      index: corroborationIndex(nb),
    }
  return last.index.get(passageId)
}
