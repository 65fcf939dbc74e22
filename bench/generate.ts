// Deterministic synthetic notebooks for benchmarks and tests: the same scale and seed always
// give the same JSON. Written through the real store (Library.add), so every file validates.
import { Library } from '../src/core/store/library'
import { DEFAULT_RELATIONS } from '../src/shared/defaults'
import {
  SCHEMA_VERSION,
  type Facet,
  type Notebook,
  type NotebookSummary,
  type Source,
  type Tag,
} from '../src/shared/schema'
import { join } from 'node:path'
import { makeLinks, makeNotePages, makePassages } from './generate-parts'
import { isoAt, pad } from './ids'
import { mulberry32, type Rng } from './prng'
import { makeSourceDoc } from './source-text'
import { Vocabulary } from './vocabulary'

export interface ScaleSpec {
  passages: number
  sources: number
  /** Words per source (each source gets this ±10 %). */
  words: number
  tags: number
  facets: number
  links: number
  notes: number
}
export type ScaleName = 'S' | 'M' | 'L'
export const SCALES: Record<ScaleName, ScaleSpec> = {
  S: { passages: 1_000, sources: 20, words: 5_000, tags: 100, facets: 5, links: 500, notes: 10 },
  M: { passages: 5_000, sources: 100, words: 5_000, tags: 400, facets: 8, links: 2_500, notes: 50 },
  L: { passages: 20_000, sources: 200, words: 5_000, tags: 1_000, facets: 10, links: 10_000, notes: 200 },
}

/** Bump when the output changes, so cached files (bench/.cache) are regenerated. */
export const GENERATOR_VERSION = 3

const FACETS: [string, string][] = [
  ['phase', 'Phases'],
  ['base', 'Bases'],
  ['policy', 'Policy context'],
  ['actor', 'Actors'],
  ['region', 'Regions'],
  ['theme', 'Themes'],
  ['period', 'Periods'],
  ['claim', 'Claims'],
  ['method', 'Methods'],
  ['genre', 'Source types'],
]
const ORIGINS = [
  'apnews.com',
  'reuters.com',
  'state.gov',
  'defense.gov',
  'crisisgroup.org',
  'un.org',
  'bbc.co.uk',
  'aljazeera.com',
]

let vocabulary: Vocabulary | undefined
const vocab = (): Vocabulary => (vocabulary ??= new Vocabulary())

export function scaleLabel(scale: ScaleName | ScaleSpec): string {
  if (typeof scale === 'string') return scale
  const s = scale
  return `p${s.passages}-s${s.sources}-w${s.words}-t${s.tags}-f${s.facets}-l${s.links}-n${s.notes}`
}

export function generateNotebook(scale: ScaleName | ScaleSpec, seed: number): Notebook {
  const spec = typeof scale === 'string' ? SCALES[scale] : scale
  const rng = mulberry32(seed)
  const v = vocab()
  const facets = makeFacets(rng, spec.facets)
  const tags = makeTags(rng, v, facets, spec.tags)
  const sources: Source[] = []
  const texts: string[] = []
  for (let i = 0; i < spec.sources; i++) {
    const { doc, text, hash } = makeSourceDoc(rng, v, Math.round(spec.words * (0.9 + rng.next() * 0.2)))
    const at = isoAt(i * 3_600_000)
    sources.push({
      id: `src-${pad(i, 4)}`,
      title: titleCase(v.phrase(rng, rng.int(3, 7))),
      origin: rng.pick(ORIGINS),
      doc,
      textHash: hash,
      createdAt: at,
      updatedAt: at,
    })
    texts.push(text)
  }
  const annotations = makePassages(rng, v, sources, texts, tags, spec.passages)
  const notes = makeNotePages(rng, v, annotations, spec.notes)
  const links = makeLinks(rng, v, annotations, spec.links)
  return {
    schemaVersion: SCHEMA_VERSION,
    id: `bench-${scaleLabel(scale)}-${seed}`.slice(0, 64),
    title: `Benchmark ${scaleLabel(scale)} (seed ${seed})`,
    createdAt: isoAt(0),
    updatedAt: isoAt(400 * 86_400_000),
    sources,
    annotations,
    facets,
    tags,
    relations: DEFAULT_RELATIONS.map((r) => ({ ...r })),
    links,
    notes,
  }
}

/** Writes `nb` as a new notebook file in <dataDir>/notebooks through the store (validated). */
export async function writeNotebookFile(
  dataDir: string,
  nb: Notebook,
): Promise<NotebookSummary & { path: string }> {
  const library = new Library({ dataDir })
  const summary = await library.add(nb)
  return { ...summary, path: join(library.notebooksDir, summary.file) }
}

function makeFacets(rng: Rng, n: number): Facet[] {
  return FACETS.slice(0, Math.min(n, FACETS.length)).map(([key, name]) => ({ key, name, color: color(rng) }))
}

function makeTags(rng: Rng, v: Vocabulary, facets: Facet[], n: number): Tag[] {
  const tags: Tag[] = []
  const names = new Set<string>()
  while (tags.length < n) {
    const facet = facets[tags.length % facets.length]
    // Some tags nest under another tag of the same facet ("region/north/coast").
    const parents = tags.filter((t) => t.name.startsWith(`${facet.key}/`) && t.name.split('/').length === 2)
    const base = parents.length > 0 && rng.chance(0.2) ? rng.pick(parents).name : facet.key
    const words = v.phrase(rng, rng.int(1, 2))
    const name = `${base}/${words.join('-').toLowerCase()}`
    if (names.has(name)) continue
    names.add(name)
    tags.push({
      id: `tag-${pad(tags.length, 4)}`,
      name,
      label: titleCase(words),
      color: color(rng),
      description: rng.chance(0.3) ? v.sentence(rng) : '',
    })
  }
  return tags
}

function titleCase(words: string[]): string {
  return words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ')
}

function color(rng: Rng): string {
  return `#${rng.int(0, 0xffffff).toString(16).padStart(6, '0')}`
}
