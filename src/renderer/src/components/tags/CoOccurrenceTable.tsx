// Which tags appear together on passages (ATLAS.ti's code co-occurrence table): each pair once,
// most frequent first, with the share of each tag's passages it covers, and a way to read them.
import type { CoOccurrence } from '@shared/codebook'
import { count } from '@shared/plural'
import type { Tag } from '@shared/schema'
import { showPassages } from './show-passages'

export function CoOccurrenceTable({
  pairs,
  uses,
}: {
  pairs: readonly CoOccurrence[]
  uses: ReadonlyMap<string, number>
}) {
  if (pairs.length === 0)
    return (
      <p className="muted cb-empty">
        No passage carries two tags yet. Pairs appear here as soon as one does.
      </p>
    )
  const share = (n: number, tag: Tag) => `${Math.round((100 * n) / Math.max(uses.get(tag.id) ?? n, 1))}%`
  const cell = (tag: Tag) => (
    <span className="cb-pair-tag">
      <span className="dot" style={{ background: tag.color }} aria-hidden="true" />
      {tag.name}
    </span>
  )
  return (
    <table className="cb-table" aria-label="Tags found together">
      <thead>
        <tr>
          <th scope="col">Tag</th>
          <th scope="col">With</th>
          <th scope="col" className="num">
            Passages
          </th>
          <th scope="col" className="num" title="Of each tag's passages, how many have the other too">
            Share of each
          </th>
        </tr>
      </thead>
      <tbody>
        {pairs.map(({ a, b, count: n }) => (
          <tr key={`${a.id}:${b.id}`}>
            <td>{cell(a)}</td>
            <td>{cell(b)}</td>
            <td className="num">
              <button
                className="cb-pair-count"
                aria-label={`Show the ${count(n, 'passage')} with ${a.name} and ${b.name}`}
                onClick={() => showPassages([a.id, b.id])}
              >
                {n}
              </button>
            </td>
            <td className="num muted">
              {share(n, a)} · {share(n, b)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
