// re-anchor: 1,000 passages on one source, 50 random edits of that source, then
// reanchorAnnotations (position → exact → windowed fuzzy, context-checked) against the
// Hypothesis-style baseline that searches every quote over the whole text with
// approx-string-match alone (anchorWithoutHint: no position hint, no context). Accuracy is
// judged against where each quote really went (bench/edits.ts tracks it through the edits).
import { anchorWithoutHint, reanchorAnnotations } from '../../src/shared/anchoring'
import { plainText, textHash } from '../../src/shared/plain-text'
import { applyEdit, judge, randomEdit, type Truth } from '../edits'
import { generateNotebook } from '../generate'
import { mulberry32 } from '../prng'
import { measure, summarize } from '../stats'
import { ms, withRatio, type FigureContext, type FigureResult } from '../types'
import { Vocabulary } from '../vocabulary'

const PASSAGES = 1_000
const EDITS = 50
/** The baseline runs on every quote unless that is estimated to take longer than this. */
const BASELINE_BUDGET_MS = 60_000

export async function reanchorFigures(ctx: FigureContext): Promise<FigureResult[]> {
  const nb = generateNotebook(
    { passages: PASSAGES, sources: 1, words: 20_000, tags: 0, facets: 0, links: 0, notes: 0 },
    42,
  )
  const annotations = nb.annotations.filter((a) => a.status === 'anchored')
  let text = plainText(nb.sources[0].doc)
  const truths: Truth[] = annotations.map((a) => ({ ...a.target.position, state: 'intact' }))
  const rng = mulberry32(4242)
  const v = new Vocabulary()
  for (let i = 0; i < EDITS; i++) text = applyEdit(text, randomEdit(rng, v, text), truths)
  // An intact quote must still read the same at its tracked place (checks the bookkeeping).
  truths.forEach((t, i) => {
    if (t.state === 'intact' && text.slice(t.start, t.end) !== annotations[i].target.quote.exact)
      throw new Error(`truth lost track of ${annotations[i].id}`)
  })
  const hash = textHash(text)

  let ours: ReturnType<typeof reanchorAnnotations> | undefined
  const oursMs = summarize(
    await measure(() => (ours = reanchorAnnotations(text, hash, annotations)), {
      warmup: 1,
      runs: ctx.quick ? 3 : 5,
    }),
  )
  const orphaned = new Set(ours!.orphaned)
  const verdicts = annotations.map((a, i) =>
    judge(truths[i], orphaned.has(a.id) ? null : ours!.annotations[i].target.position),
  )
  const oursVerdicts = count(verdicts)
  // Orphaning a passage whose text is still there verbatim is a miss (visible, but a miss).
  const orphanedIntact = verdicts.filter((v, i) => v === 'orphaned' && truths[i].state === 'intact').length

  // Baseline: time a sample first; run all quotes if that fits the budget, else extrapolate.
  const order = annotations.map((_, i) => i)
  const probe = order.filter((i) => i % 20 === 0)
  const t0 = performance.now()
  const probed = probe.map((i) => anchorWithoutHint(text, annotations[i].target.quote.exact))
  const perQuote = (performance.now() - t0) / probe.length
  const sampled = perQuote * annotations.length > BASELINE_BUDGET_MS
  const idx = sampled ? probe : order
  let results = sampled ? probed : []
  const baseMs = summarize(
    await measure(
      () => (results = idx.map((i) => anchorWithoutHint(text, annotations[i].target.quote.exact))),
      { warmup: 0, runs: sampled ? 1 : ctx.quick ? 1 : 3 },
    ),
  )
  const scale = annotations.length / idx.length
  const baseline = {
    ...baseMs,
    median: baseMs.median * scale,
    p95: baseMs.p95 * scale,
    min: baseMs.min * scale,
    max: baseMs.max * scale,
  }
  const baseVerdicts = count(idx.map((i, k) => judge(truths[i], results[k])))
  const states = count(truths.map((t) => t.state))
  return [
    withRatio({
      id: 'reanchor',
      scale: `${annotations.length} passages, ${EDITS} edits`,
      measured: ms('reanchorAnnotations', oursMs),
      baseline: ms(
        sampled
          ? `approx-string-match only (${idx.length} sampled, ×${scale.toFixed(0)})`
          : 'approx-string-match only',
        baseline,
      ),
      extra: {
        correct: oursVerdicts.correct ?? 0,
        orphaned: oursVerdicts.orphaned ?? 0,
        wrong: oursVerdicts.wrong ?? 0,
        orphanedIntact,
        baselineCorrect: baseVerdicts.correct ?? 0,
        baselineOrphaned: baseVerdicts.orphaned ?? 0,
        baselineWrong: baseVerdicts.wrong ?? 0,
        baselineSampled: sampled ? idx.length : annotations.length,
        truthIntact: states.intact ?? 0,
        truthEdited: states.edited ?? 0,
        truthDeleted: states.deleted ?? 0,
        textChars: text.length,
      },
      note: sampled
        ? `baseline sampled: ${idx.length} of ${annotations.length} quotes, time extrapolated`
        : undefined,
    }),
  ]
}

function count<T extends string>(xs: T[]): Partial<Record<T, number>> {
  const out: Partial<Record<T, number>> = {}
  for (const x of xs) out[x] = (out[x] ?? 0) + 1
  return out
}
