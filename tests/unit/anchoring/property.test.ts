// Seeded random edits: deterministic, so a failure reproduces with the same seed.
import { describe, expect, it } from 'vitest'
import seed from '../../../resources/seed-article.json'
import { anchorTarget, describeRange, MAX_ERROR_RATE } from '../../../src/shared/anchoring'

/** mulberry32: a tiny deterministic PRNG (no new dependency). */
function prng(s: number): () => number {
  return () => {
    s = (s + 0x6d2b79f5) | 0
    let t = Math.imul(s ^ (s >>> 15), 1 | s)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const T = seed.paragraphs.join('\n')
const WORDS = ['the', 'troops', 'agreement', 'of', 'region', 'phase', 'and', 'officials', ', ', '. ']

interface State {
  text: string
  start: number
  end: number
}
/** Insert, delete or replace a few characters at least `gap` characters away from [start, end). */
function editAway(st: State, rnd: () => number, gap: number): State {
  const len = 1 + Math.floor(rnd() * 12)
  const left = rnd() < 0.5 && st.start - gap - len > 0
  const at = left
    ? Math.floor(rnd() * (st.start - gap - len))
    : st.end + gap + Math.floor(rnd() * Math.max(0, st.text.length - st.end - gap - len))
  if (at + len > st.text.length) return st
  const insert = ' ' + WORDS[Math.floor(rnd() * WORDS.length)]
  const del = [0, len, len][Math.floor(rnd() * 3)] // insert, delete or replace
  const ins = rnd() < 0.5 || del === 0 ? insert : ''
  const text = st.text.slice(0, at) + ins + st.text.slice(at + del)
  const shift = left ? ins.length - del : 0
  return { text, start: st.start + shift, end: st.end + shift }
}

function run(trials: number, seedNo: number, base: string, edit: (st: State, rnd: () => number) => State) {
  const rnd = prng(seedNo)
  const tally = { right: 0, wrong: 0, orphaned: 0, fuzzy: 0 }
  for (let n = 0; n < trials; n++) {
    const len = 12 + Math.floor(rnd() * 140)
    const start = Math.floor(rnd() * (base.length - len))
    const target = describeRange(base, start, start + len)
    let st: State = { text: base, start, end: start + len }
    st = edit(st, rnd)
    const r = anchorTarget(st.text, target)
    if (!r) tally.orphaned++
    else if (r.start === st.start && r.end === st.end) tally.right++
    else tally.wrong++
    if (r?.strategy === 'fuzzy') tally.fuzzy++
  }
  return tally
}

describe('randomized edits (seeded)', () => {
  it('edits away from a quote never lose it or move it, even with an identical twin passage', () => {
    const doubled = T + '\n' + T // every quote has a twin with the same context 3.5k chars away
    const tally = run(400, 42, doubled, (st, rnd) => {
      const k = 1 + Math.floor(rnd() * 6)
      for (let i = 0; i < k; i++) st = editAway(st, rnd, 40)
      return st
    })
    expect(tally).toEqual({ right: 400, wrong: 0, orphaned: 0, fuzzy: 0 })
  })

  it('a one-character typo inside a quote (plus edits elsewhere) re-anchors fuzzily to the same span', () => {
    const tally = run(300, 7, T, (st, rnd) => {
      // Substitute one interior character: the span's length and place stay the same.
      const at = st.start + 3 + Math.floor(rnd() * (st.end - st.start - 6))
      const ch = st.text[at] === 'x' ? 'y' : 'x'
      st = { ...st, text: st.text.slice(0, at) + ch + st.text.slice(at + 1) }
      for (let i = 0; i < 3; i++) st = editAway(st, rnd, 40)
      return st
    })
    expect(tally.wrong).toBe(0)
    expect(tally.orphaned).toBe(0)
    expect(tally.fuzzy).toBe(300)
  })

  it('1–2 characters inserted or deleted inside a quote (within its error budget) keep it on the edited span', () => {
    const tally = run(300, 11, T, (st, rnd) => {
      const at = st.start + 4 + Math.floor(rnd() * (st.end - st.start - 8))
      const n = Math.min(1 + Math.floor(rnd() * 2), Math.floor((st.end - st.start) * MAX_ERROR_RATE))
      const del = rnd() < 0.5 ? n : 0
      const ins = del ? '' : 'zq'.slice(0, n)
      st = {
        text: st.text.slice(0, at) + ins + st.text.slice(at + del),
        start: st.start,
        end: st.end + ins.length - del,
      }
      for (let i = 0; i < 3; i++) st = editAway(st, rnd, 40)
      return st
    })
    expect(tally).toEqual({ right: 300, wrong: 0, orphaned: 0, fuzzy: 300 })
  })

  it('a deleted quote is orphaned, never attached elsewhere', () => {
    const rnd = prng(99)
    let attached = 0
    for (let n = 0; n < 300; n++) {
      const len = 12 + Math.floor(rnd() * 140)
      const start = 40 + Math.floor(rnd() * (T.length - len - 80))
      const target = describeRange(T, start, start + len)
      // Remove the quote and its context, then scramble nearby text a little.
      let st: State = {
        text: T.slice(0, start - 40) + T.slice(start + len + 40),
        start: start - 40,
        end: start - 40,
      }
      for (let i = 0; i < 3; i++) st = editAway(st, rnd, 0)
      if (anchorTarget(st.text, target) !== null) attached++
    }
    expect(attached).toBe(0)
  })
})
