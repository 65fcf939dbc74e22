// A seeded pseudo-random generator, so the same seed always yields the same notebook.
// mulberry32: tiny, fast, good enough for test data (not for anything secret).

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number
  /** Integer in [min, max] (both inclusive). */
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  chance(p: number): boolean
}

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  }
}

/**
 * Samples ranks 0..n-1 with probability ∝ 1 / (rank + 1)^s: word frequencies in natural text
 * (and tag usage) follow this law, which is what makes common words costly in a search index.
 */
export function zipfSampler(n: number, s = 1.05): (rng: Rng) => number {
  const cumulative = new Float64Array(n)
  let total = 0
  for (let r = 0; r < n; r++) cumulative[r] = total += 1 / Math.pow(r + 1, s)
  return (rng) => {
    const x = rng.next() * total
    let lo = 0
    let hi = n - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid] < x) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}
