// What every new notebook starts with: the managed vocabulary of link relations.
import type { Relation } from './schema'

export const DEFAULT_RELATIONS: Relation[] = [
  { id: 'supports', name: 'supports', inverse: 'supported by', color: '#2e7d4f' },
  { id: 'contradicts', name: 'contradicts', inverse: 'contradicted by', color: '#b3261e' },
  { id: 'elaborates', name: 'elaborates', inverse: 'elaborated by', color: '#2f6fb3' },
  { id: 'causes', name: 'causes', inverse: 'caused by', color: '#a35c00' },
  { id: 'precedes', name: 'precedes', inverse: 'follows', color: '#5a5fb0' },
  { id: 'same-place', name: 'same place', inverse: 'same place as', color: '#6b6b6b' },
]

export const HIGHLIGHT_COLORS = ['#f6d860', '#9fd9a0', '#9cc7f2', '#f2a7c3', '#c9b3f0'] as const
export const DEFAULT_HIGHLIGHT = HIGHLIGHT_COLORS[0]
