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
        'font-size': 10,
        color: text,
        'text-outline-color': halo,
        'text-outline-width': 2,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        'min-zoomed-font-size': 7,
        width: 16,
        height: 16,
      },
    },
    { selector: 'node[kind = "note"]', style: { shape: 'round-rectangle', width: 22, height: 16 } },
    {
      selector: 'node[kind = "tag"]',
      style: { shape: 'diamond', width: 20, height: 20, 'font-weight': 'bold' },
    },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': text } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': 'data(color)',
        'target-arrow-color': 'data(color)',
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-size': 9,
        color: text,
        'text-outline-color': halo,
        'text-outline-width': 2,
        'text-rotation': 'autorotate',
        'min-zoomed-font-size': 8,
      },
    },
    { selector: 'edge[kind = "reference"]', style: { 'line-style': 'dashed' } },
    {
      selector: 'edge[kind = "tag"]',
      style: { width: 1, 'line-opacity': 0.45, 'target-arrow-shape': 'none' },
    },
  ]
}

export function layoutFor(nodeCount: number): cytoscape.LayoutOptions {
  if (nodeCount <= COSE_LIMIT)
    return {
      name: 'cose',
      animate: false,
      randomize: true,
      numIter: 600,
      nodeDimensionsIncludeLabels: false,
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
