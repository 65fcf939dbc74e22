// The map drawn in SVG: country outlines, the moves as arrows, and each place as a dot with its
// name and first alias ("Harir (Hareer)"). Labels that would overlap are moved down a line.
import type { Move, PlacedPlace } from '@shared/views/map'

const LINE = 15

/** The name and its first short Latin-script alias: "Harir (Hareer)". */
function labelOf(p: PlacedPlace): string {
  const alias = p.entity.aliases.find((a) => /\p{Script=Latin}/u.test(a) && a.length <= 14)
  return alias ? `${p.entity.name} (${alias})` : p.entity.name
}

interface LabelAt {
  x: number
  y: number
  anchor: 'start' | 'end'
}

/**
 * Greedy: each label goes right of its dot (left of it near the right edge), a line lower when
 * it would cover one already placed.
 */
function placeLabels(places: PlacedPlace[], width: number): Map<string, LabelAt> {
  const boxes: { x0: number; x1: number; y0: number; y1: number }[] = []
  const at = new Map<string, LabelAt>()
  for (const p of [...places].sort((a, b) => a.y - b.y)) {
    const w = labelOf(p).length * 7
    const anchor = p.x + 8 + w > width - 4 ? 'end' : 'start'
    const [x0, x1] = anchor === 'start' ? [p.x + 8, p.x + 8 + w] : [p.x - 8 - w, p.x - 8]
    let y = p.y + 4
    for (let tries = 0; tries < 6; tries++) {
      if (!boxes.some((b) => b.x0 < x1 && x0 < b.x1 && b.y0 < y + 3 && y - 11 < b.y1)) break
      y += LINE
    }
    boxes.push({ x0, x1, y0: y - 11, y1: y + 3 })
    at.set(p.entity.id, { x: anchor === 'start' ? x0 : x1, y, anchor })
  }
  return at
}

export function PlacesMap({
  width,
  height,
  outlines,
  places,
  moves,
  onOpen,
}: {
  width: number
  height: number
  outlines: { id: string; d: string; name: string; centroid: [number, number] }[]
  places: PlacedPlace[]
  moves: Move[]
  onOpen: (entityId: string) => void
}) {
  const byId = new Map(places.map((p) => [p.entity.id, p]))
  const labels = placeLabels(places, width)
  return (
    <svg
      className="map"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="group"
      aria-label="Map"
    >
      <defs>
        <marker
          id="map-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" className="map-arrowhead" />
        </marker>
      </defs>
      <rect className="map-sea" width={width} height={height} />
      <g aria-hidden="true">
        {outlines.map((o) => (
          <path key={o.id} d={o.d} className="map-country" />
        ))}
        {outlines
          .filter((o) => o.name && o.centroid.every(Number.isFinite))
          .filter(
            (o) => o.centroid[0] > 0 && o.centroid[0] < width && o.centroid[1] > 0 && o.centroid[1] < height,
          )
          .map((o) => (
            <text key={`${o.id}-name`} x={o.centroid[0]} y={o.centroid[1]} className="map-country-name">
              {o.name}
            </text>
          ))}
      </g>
      <g aria-label="Moves">
        {moves.map((m) => {
          const [a, b] = [byId.get(m.from), byId.get(m.to)]
          if (!a || !b) return null
          // Stop short of the target's dot, and bend a little so two arrows to one place part.
          const [dx, dy] = [b.x - a.x, b.y - a.y]
          const len = Math.hypot(dx, dy) || 1
          const end = { x: b.x - (dx / len) * 9, y: b.y - (dy / len) * 9 }
          const mid = { x: (a.x + end.x) / 2 - (dy / len) * 24, y: (a.y + end.y) / 2 + (dx / len) * 24 }
          return (
            <path
              key={`${m.from}>${m.to}`}
              className="map-move"
              d={`M${a.x},${a.y} Q${mid.x},${mid.y} ${end.x},${end.y}`}
              markerEnd="url(#map-arrow)"
            >
              <title>{`${a.entity.name} → ${b.entity.name} (${m.relation})`}</title>
            </path>
          )
        })}
      </g>
      {places.map((p) => {
        const label = labels.get(p.entity.id)!
        return (
          <g
            key={p.entity.id}
            className="map-place"
            role="button"
            tabIndex={0}
            aria-label={[p.entity.name, ...p.entity.aliases].join(', ')}
            onClick={() => onOpen(p.entity.id)}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onOpen(p.entity.id)}
          >
            <circle cx={p.x} cy={p.y} r={5} />
            <text x={label.x} y={label.y} textAnchor={label.anchor}>
              {labelOf(p)}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
