// How the graph looks in Cytoscape, and which layout it gets at which size. Labels disappear
// when zoomed out (min-zoomed-font-size), so a large notebook stays readable and fast.
import type cytoscape from 'cytoscape'

/** Up to this many nodes the force-directed 'cose' layout runs (without animation). */
export const COSE_LIMIT = 300

export function graphStyle(dark: boolean): cytoscape.StylesheetJson {
  const text = dark ? '#e9e7e2' : '#1f1e1c'
  const halo = dark ? '#18181b' : '#f7f6f3'
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        label: 'data(label)',
        'font-size': 11,
        color: text,
        'text-outline-color': halo,
        'text-outline-width': 2.5,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': '110px',
        'min-zoomed-font-size': 5,
        width: 18,
        height: 18,
        'border-width': 2,
        'border-color': halo,
        'transition-property': 'opacity',
        'transition-duration': 150,
      },
    },
    { selector: 'node[kind = "note"]', style: { shape: 'round-rectangle', width: 24, height: 18 } },
    {
      selector: 'node[kind = "tag"]',
      style: { shape: 'diamond', width: 22, height: 22, 'font-weight': 'bold' },
    },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': text } },
    {
      selector: 'edge',
      style: {
        width: 1.6,
        'line-color': 'data(color)',
        'target-arrow-color': 'data(color)',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-size': 10,
        color: text,
        'text-outline-color': halo,
        'text-outline-width': 2.5,
        'text-rotation': 'autorotate',
        // At rest edge labels stay hidden (they would cross node labels); hovering a node shows
        // its links' names, and the list beside the graph has them all.
        'text-opacity': 0,
        'min-zoomed-font-size': 8,
        'transition-property': 'opacity',
        'transition-duration': 150,
      },
    },
    { selector: 'edge[kind = "reference"]', style: { 'line-style': 'dashed' } },
    {
      selector: 'edge[kind = "tag"]',
      style: { width: 1, 'line-opacity': 0.45, 'target-arrow-shape': 'none' },
    },
    // Hover: the node and its neighbours stand out, everything else steps back.
    { selector: '.faded', style: { opacity: 0.15 } },
    { selector: 'node.focus', style: { 'border-width': 3, 'border-color': text, 'z-index': 10 } },
    { selector: 'edge.near', style: { 'text-opacity': 1, width: 2.4, 'z-index': 9 } },
  ]
}

/** How opaque labels are at a zoom level: fading out as the graph is zoomed out (Obsidian-like). */
export function labelOpacity(zoom: number): number {
  return Math.round(Math.min(1, Math.max(0, (zoom - 0.2) / 0.3)) * 10) / 10
}

export function layoutFor(nodeCount: number): cytoscape.LayoutOptions {
  if (nodeCount <= COSE_LIMIT)
    return {
      name: 'cose',
      animate: false,
      randomize: true,
      numIter: 1000,
      // Labels count as part of a node, so at rest no label lies over another node or label.
      nodeDimensionsIncludeLabels: true,
      // Compact enough that the fitted graph keeps labels at a readable size.
      idealEdgeLength: () => 60,
      nodeRepulsion: () => 6000,
      nodeOverlap: 12,
      gravity: 0.8,
      componentSpacing: 90,
      padding: 30,
    }
  // Above the limit a force layout costs seconds; rings by degree put linked passages inside.
  return {
    name: 'concentric',
    animate: false,
    concentric: (n) => n.degree(false),
    levelWidth: () => 1,
    minNodeSpacing: 4,
    padding: 20,
  }
}
