// Tag colors that tell tags apart: ten hues at one lightness (OKLCH L 0.6, C 0.13), ordered so
// that colors picked one after another are far apart on the wheel. Every one keeps 3:1 contrast
// (WCAG 1.4.11, non-text) against the light and the dark surfaces (3.4–4.9:1), so a tag's dot
// or swatch is visible in both themes.
import { facetOf, tagFacetKey } from './filter'
import type { Notebook, Tag } from './schema'

export const TAG_PALETTE = [
  '#4682cc', // blue
  '#b76b1c', // orange
  '#539344', // green
  '#a763ab', // magenta
  '#00987c', // teal
  '#c25d58', // red
  '#997e00', // olive
  '#8071c8', // violet
  '#0092b0', // cyan
  '#bd5b7d', // rose
] as const

/** What each palette color is called, for screen readers and tooltips. */
export const TAG_COLOR_NAMES = [
  'Blue',
  'Orange',
  'Green',
  'Magenta',
  'Teal',
  'Red',
  'Olive',
  'Violet',
  'Cyan',
  'Rose',
]

/** Tags in the same group as `name`: its facet (ignoring case), or the tags with no facet. */
export function facetSiblings(tags: readonly Tag[], name: string): Tag[] {
  const key = tagFacetKey(name)?.toLowerCase() ?? null
  return tags.filter((t) => (tagFacetKey(t.name)?.toLowerCase() ?? null) === key)
}

/**
 * The color for a new tag: the first palette color unlike every tag of its facet, else the one
 * fewest of them look like, so tags of one facet differ until the palette runs out.
 */
export function distinctColor(nb: Pick<Notebook, 'tags' | 'facets'>, name: string): string {
  const siblings = facetSiblings(nb.tags, name).map((t) => t.color.toLowerCase())
  // A facet's own color goes first, if it is one of ours, so a facet keeps its look.
  const facetColor = facetOf(nb.facets, name)?.color.toLowerCase()
  const order: string[] = TAG_PALETTE.includes(facetColor as (typeof TAG_PALETTE)[number])
    ? [facetColor!, ...TAG_PALETTE.filter((c) => c !== facetColor)]
    : [...TAG_PALETTE]
  const likeness = (c: string) => siblings.filter((s) => colorsAlike(s, c)).length
  let best = order[0]
  let fewest = likeness(best)
  for (const c of order.slice(1)) {
    if (fewest === 0) break
    const n = likeness(c)
    if (n < fewest) [best, fewest] = [c, n]
  }
  return best
}

/**
 * Colors for the tags of one facet, in the given order, all different while the palette lasts:
 * what "Distinct colors" gives a facet whose tags look alike.
 */
export function spreadColors(tags: readonly Tag[]): { id: string; color: string }[] {
  return tags.map((t, i) => ({ id: t.id, color: TAG_PALETTE[i % TAG_PALETTE.length] }))
}

/**
 * Whether two colors are hard to tell apart as tag colors: hues within 20° in OKLCH (a lighter
 * and a darker blue look like one code), or, for greys, close in OKLab. The palette's nearest
 * hues are 25° apart; the seed's facets used shades of one hue (0–17° apart).
 */
export function colorsAlike(a: string, b: string): boolean {
  const [x, y] = [oklab(a), oklab(b)]
  const chroma = (c: number[]) => Math.hypot(c[1], c[2])
  if (chroma(x) < 0.04 || chroma(y) < 0.04) return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]) < 0.1
  const turn = Math.abs(Math.atan2(x[2], x[1]) - Math.atan2(y[2], y[1])) * (180 / Math.PI)
  return Math.min(turn, 360 - turn) < 20
}

/** Whether some two of these colors are alike (what "Distinct colors" would fix). */
export function someAlike(colors: readonly string[]): boolean {
  return colors.some((a, i) => colors.slice(i + 1).some((b) => colorsAlike(a, b)))
}

/** WCAG contrast ratio of two #rrggbb colors (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

/** sRGB channel i (1, 3, 5 in "#rrggbb") in linear light. */
function linear(hex: string, i: number): number {
  const c = parseInt(hex.slice(i, i + 2), 16) / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

function luminance(hex: string): number {
  return 0.2126 * linear(hex, 1) + 0.7152 * linear(hex, 3) + 0.0722 * linear(hex, 5)
}

/** OKLab (Björn Ottosson's matrices): [lightness, a, b]. */
function oklab(hex: string): number[] {
  const [r, g, b] = [1, 3, 5].map((i) => linear(hex, i))
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b)
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b)
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b)
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ]
}
