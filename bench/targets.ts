// The targets, checked on the figures of one scale (L when it ran).
import type { FigureResult, TargetResult } from './types'

const x = (r: number | undefined): string => (r === undefined ? 'n/a' : `${r.toFixed(2)}×`)
const t = (v: number | undefined): string =>
  v === undefined || Number.isNaN(v) ? 'n/a' : `${v.toFixed(1)} ms`

export function checkTargets(figures: FigureResult[], scale: string): TargetResult[] {
  const f = (id: string, anyScale = false) =>
    figures.find((r) => r.id === id && (anyScale || r.scale === scale))
  const open = f('open')
  const openNoIndex = f('open.noindex')
  const save = f('save')
  const block = f('save.block')
  const search = f('search')
  const exp = f('export')
  const csv = f('export.csv')
  const imp = f('import.md')
  const re = f('reanchor', true)
  const note = f('renderer.typing.note', true)
  const source = f('renderer.typing.source', true)
  const open2000 = f('renderer.open2000', true)
  const memory = f('memory.core', true)
  const firstPaint = f('renderer.firstPaint', true)
  const filter = f('renderer.filter.common', true)
  const check = (
    id: string,
    description: string,
    actual: string,
    pass: boolean | null,
    note?: string,
  ): TargetResult => ({ id, description, actual, pass, note })
  const ratio = (r: FigureResult | undefined, limit: number) =>
    r?.ratio === undefined ? null : r.ratio <= limit
  return [
    check(
      'open',
      'open with the search index ready ≤ 2× JSON.parse',
      x(open?.ratio),
      ratio(open, 2),
      'an unchanged notebook: its saved index is loaded; open.built is a changed one, which builds it',
    ),
    check(
      'open.noindex',
      'open without the search index ≤ 2× JSON.parse',
      x(openNoIndex?.ratio),
      ratio(openNoIndex, 2),
      'the same without NotebookSearch.build, which need not block opening',
    ),
    check('save', 'save one edit ≤ 1.5× stringify+write+fsync', x(save?.ratio), ratio(save, 1.5)),
    check(
      'save.block',
      'a save never blocks the event loop > 50 ms',
      `max ${t(block?.measured.value.max)}`,
      block ? block.measured.value.max <= 50 : null,
    ),
    check(
      'search',
      'search p95 ≤ 5 ms',
      t(search?.measured.value.p95),
      search ? search.measured.value.p95 <= 5 : null,
    ),
    check('export', 'Markdown export ≤ 5× JSON.stringify', x(exp?.ratio), ratio(exp, 5)),
    check(
      'export.memory',
      'Markdown export holds < 2× the notebook’s heap',
      exp?.extra?.memoryRatio === undefined ? 'n/a' : `${exp.extra.memoryRatio}×`,
      typeof exp?.extra?.memoryRatio === 'number' ? exp.extra.memoryRatio < 2 : null,
    ),
    check('export.csv', 'CSV export ≤ 3× JSON.stringify', x(csv?.ratio), ratio(csv, 3)),
    check(
      'import.md',
      'Markdown import of the notebook’s own export (reported, no target yet)',
      typeof imp?.extra?.vsExport === 'number'
        ? `${imp.extra.vsExport}× the export, ${x(imp.ratio)} JSON.parse`
        : 'n/a',
      null,
      'remark builds a syntax tree of every block; see docs/PERFORMANCE.md',
    ),
    check(
      'reanchor',
      're-anchor faster than the baseline, 0 wrong',
      `${x(re?.ratio)}, ${re?.extra?.wrong ?? 'n/a'} wrong`,
      re?.ratio === undefined ? null : re.ratio < 1 && re.extra?.wrong === 0,
    ),
    check(
      'typing.note',
      'typing in a passage note ≤ 1.25× the one-passage source',
      x(note?.ratio),
      ratio(note, 1.25),
    ),
    check(
      'typing.source',
      'typing in the source (edit mode) ≤ 1.25× the one-passage source',
      x(source?.ratio),
      ratio(source, 1.25),
    ),
    check(
      'open2000',
      'open a source with 2,000 passages ≤ 1 s',
      t(open2000?.measured.value.median),
      open2000 && !Number.isNaN(open2000.measured.value.median)
        ? open2000.measured.value.median <= 1000
        : null,
    ),
    check('memory', 'core memory after open ≤ 1.5× JSON.parse alone', x(memory?.ratio), ratio(memory, 1.5)),
    check(
      'firstPaint',
      'first paint of the library on a cold start ≤ 1 s',
      t(firstPaint?.measured.value.median),
      firstPaint ? firstPaint.measured.value.median <= 1000 : null,
    ),
    check(
      'filter',
      'filter change on the most used tag ≤ 50 ms, p95',
      t(filter?.measured.value.p95),
      filter ? filter.measured.value.p95 <= 50 : null,
    ),
  ]
}
