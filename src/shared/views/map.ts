// The Places view's geometry: a Mercator projection fitted around the notebook's places (with
// a margin, and never closer than a few degrees so one place is not drawn alone in a void),
// country outlines as SVG paths, and arrows for the moves passages describe: a typed link from
// a passage about one place to a passage about another.
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo'
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import type { Entity, Notebook } from '../schema'
import { entitiesOfPassage, nameIndex } from './entities'

export interface PlacedPlace {
  entity: Entity
  x: number
  y: number
}
export interface Move {
  from: string
  to: string
  relation: string
  linkId: string
}

/** Relations read as a move between places (by id, or a user relation whose name says so). */
const MOVE_RELATIONS = new Set(['precedes', 'causes'])
const MOVE_WORDS = /\b(mov|reloc|transfer|redeploy|withdraw)/i

export function placesOf(nb: Notebook): (Entity & { coordinates: { lat: number; lon: number } })[] {
  return (nb.entities ?? []).filter(
    (e): e is Entity & { coordinates: { lat: number; lon: number } } => e.type === 'place' && !!e.coordinates,
  )
}

/** Moves from the links between passages about different places; one arrow per pair of places. */
export function movesOf(nb: Notebook): Move[] {
  const places = new Set(placesOf(nb).map((p) => p.id))
  const index = nameIndex(nb.entities ?? [])
  const relations = new Map(nb.relations.map((r) => [r.id, r]))
  const passages = new Map(nb.annotations.map((a) => [a.id, a]))
  const placesIn = new Map<string, string[]>()
  const about = (id: string) => {
    if (!placesIn.has(id)) {
      const a = passages.get(id)
      placesIn.set(id, a ? [...entitiesOfPassage(a, index)].filter((e) => places.has(e)) : [])
    }
    return placesIn.get(id)!
  }
  const moves = new Map<string, Move>()
  for (const link of nb.links) {
    const relation = relations.get(link.relationId)
    if (!relation || (!MOVE_RELATIONS.has(relation.id) && !MOVE_WORDS.test(relation.name))) continue
    if (link.from.kind !== 'annotation' || link.to.kind !== 'annotation') continue
    const [from, to] = [about(link.from.id), about(link.to.id)]
    for (const a of from)
      for (const b of to) {
        // A place named at both ends is where the move happens, not where it goes.
        if (a === b || to.includes(a) || from.includes(b)) continue
        const key = `${a}>${b}`
        if (!moves.has(key)) moves.set(key, { from: a, to: b, relation: relation.name, linkId: link.id })
      }
  }
  return [...moves.values()]
}

/** Projects places and outlines into a width × height box. */
export function projectMap(
  places: readonly (Entity & { coordinates: { lat: number; lon: number } })[],
  outlines: FeatureCollection<Geometry> | null,
  width: number,
  height: number,
  minSpanDegrees = 6,
): {
  places: PlacedPlace[]
  outlines: { id: string; d: string; name: string; centroid: [number, number] }[]
} {
  const lons = places.map((p) => p.coordinates.lon)
  const lats = places.map((p) => p.coordinates.lat)
  const [cx, cy] = places.length
    ? [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2]
    : [0, 20]
  const half = (values: number[], c: number) =>
    Math.max(minSpanDegrees / 2, ...values.map((v) => Math.abs(v - c) * 1.6))
  const [hx, hy] = places.length ? [half(lons, cx), half(lats, cy)] : [180, 70]
  const frame: GeoPermissibleObjects = {
    type: 'MultiPoint',
    coordinates: [
      [Math.max(-180, cx - hx), Math.max(-80, cy - hy)],
      [Math.min(180, cx + hx), Math.min(84, cy + hy)],
    ],
  }
  const projection = geoMercator().fitExtent(
    [
      [16, 16],
      [width - 16, height - 16],
    ],
    frame,
  )
  const path = geoPath(projection)
  return {
    places: places.map((entity) => {
      const [x, y] = projection([entity.coordinates.lon, entity.coordinates.lat]) ?? [0, 0]
      return { entity, x, y }
    }),
    outlines: (outlines?.features ?? []).map((f: Feature<Geometry>, i) => ({
      id: String(f.id ?? i),
      d: path(f) ?? '',
      name: typeof f.properties?.name === 'string' ? f.properties.name : '',
      centroid: path.centroid(f),
    })),
  }
}
