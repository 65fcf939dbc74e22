// The drawn graph: one Cytoscape instance, its elements replaced when the model changes. Large graphs use textures while panning and zooming, and hide edges
// during the gesture, so 2,000 nodes stay responsive.
import cytoscape from 'cytoscape'
import { useEffect, useRef } from 'react'
import { isDark, useDarkTheme } from '../../state/theme'
import { graphStyle, labelOpacity, layoutFor } from './cy-style'
import type { GraphModel, GraphNode } from './graph-model'

const LARGE = 500
const MAX_FIT_ZOOM = 1.8
const SMALL = 60
const MIN_SMALL_ZOOM = 0.8

interface GraphCanvasProps {
  model: GraphModel
  onOpen: (node: GraphNode) => void
}

/**
 * The whole graph in view, but a handful of nodes not blown up to fill the canvas, and a small
 * graph not shrunk past readable labels (it can be panned instead).
 */
function fit(instance: cytoscape.Core | null): void {
  if (!instance) return
  instance.fit(undefined, 30)
  const least = instance.nodes().length <= SMALL ? MIN_SMALL_ZOOM : 0
  const zoom = Math.min(Math.max(instance.zoom(), least), MAX_FIT_ZOOM)
  if (zoom !== instance.zoom()) {
    instance.zoom(zoom)
    instance.center()
  }
}

export function GraphCanvas({ model, onOpen }: GraphCanvasProps) {
  const container = useRef<HTMLDivElement>(null)
  const cy = useRef<cytoscape.Core | null>(null)
  const open = useRef(onOpen)
  open.current = onOpen
  const large = model.nodes.length > LARGE

  // A new instance when the graph crosses the size where speed beats looks.
  useEffect(() => {
    const instance = cytoscape({
      container: container.current,
      style: graphStyle(isDark()),
      minZoom: 0.05,
      maxZoom: 4,
      textureOnViewport: true,
      hideEdgesOnViewport: large,
      pixelRatio: 1,
      boxSelectionEnabled: false,
    })
    instance.on('tap', 'node', (event) => open.current(event.target.data('node') as GraphNode))
    // Hover a node: it and its neighbours stand out, with the names of its links.
    instance.on('mouseover', 'node', (event) => {
      const near = (event.target as cytoscape.NodeSingular).closedNeighborhood()
      instance.batch(() => {
        instance.elements().not(near).addClass('faded')
        near.edges().addClass('near')
        event.target.addClass('focus')
      })
    })
    instance.on('mouseout', 'node', () =>
      instance.batch(() => instance.elements().removeClass('faded near focus')),
    )
    // Labels fade out as the graph is zoomed out (per step of 0.1, so a pinch restyles ~10 times).
    let shown = -1
    const fade = () => {
      const opacity = labelOpacity(instance.zoom())
      if (opacity === shown) return
      shown = opacity
      instance.style().selector('node').style('text-opacity', opacity).update()
    }
    // Not for large graphs: restyling thousands of labels per zoom step costs more than it shows.
    if (!large) {
      instance.on('zoom', fade)
      instance.one('layoutstop', fade)
    }
    cy.current = instance
    return () => {
      instance.destroy()
      cy.current = null
    }
  }, [large])

  // Colors follow the theme live (the app's setting or the system's).
  const dark = useDarkTheme()
  useEffect(() => {
    cy.current?.style(graphStyle(dark))
  }, [dark, large])

  useEffect(() => {
    const instance = cy.current
    if (!instance) return
    const started = performance.now()
    instance.batch(() => {
      instance.elements().remove()
      instance.add([
        ...model.nodes.map((n) => ({
          group: 'nodes' as const,
          data: { id: n.id, label: n.label, color: n.color, kind: n.kind, node: n },
        })),
        ...model.edges.map((e) => ({
          group: 'edges' as const,
          data: {
            id: e.id,
            source: e.source,
            target: e.target,
            label: e.label,
            color: e.color,
            kind: e.kind,
          },
        })),
      ])
    })
    instance.layout(layoutFor(model.nodes.length)).run()
    fit(instance)
    const el = container.current
    if (el) {
      // What Cytoscape actually holds, for tests and for the curious (no secrets here).
      el.dataset.nodes = String(instance.nodes().length)
      el.dataset.edges = String(instance.edges().length)
      el.dataset.layoutMs = String(Math.round(performance.now() - started))
    }
  }, [model, large])

  const zoomBy = (factor: number) => {
    const instance = cy.current
    instance?.zoom({
      level: instance.zoom() * factor,
      renderedPosition: { x: instance.width() / 2, y: instance.height() / 2 },
    })
  }
  return (
    <div className="graph-stage">
      <div
        ref={container}
        className="graph-canvas"
        role="img"
        aria-label={`Graph of ${model.nodes.length} nodes and ${model.edges.length} links; the list beside it says the same in words`}
      />
      <div className="graph-zoom" role="group" aria-label="Zoom">
        <button
          className="icon-button"
          aria-label="Zoom in"
          title="Zoom in (or scroll)"
          onClick={() => zoomBy(1.4)}
        >
          +
        </button>
        <button
          className="icon-button"
          aria-label="Zoom out"
          title="Zoom out"
          onClick={() => zoomBy(1 / 1.4)}
        >
          −
        </button>
        <button
          className="icon-button"
          aria-label="Fit the graph"
          title="Fit the graph"
          onClick={() => fit(cy.current)}
        >
          ⤢
        </button>
      </div>
    </div>
  )
}
