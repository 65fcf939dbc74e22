// Country outlines for the offline map: Natural Earth 1:110m from the world-atlas package,
// bundled with the app (about 100 KB) — no tiles or requests leave the machine.
import type { FeatureCollection, Geometry } from 'geojson'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import countries from 'world-atlas/countries-110m.json'

let cached: FeatureCollection<Geometry> | null = null

export function countryOutlines(): FeatureCollection<Geometry> {
  if (!cached) {
    const topology = countries as unknown as Topology<{ countries: GeometryCollection }>
    cached = feature(topology, topology.objects.countries) as FeatureCollection<Geometry>
  }
  return cached
}
