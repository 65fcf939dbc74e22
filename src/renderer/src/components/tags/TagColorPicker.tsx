// A tag's color: the palette's ten distinct, contrast-checked colors as a radio group, and any
// other color through the system picker.
import { TAG_COLOR_NAMES, TAG_PALETTE } from '@shared/tag-colors'
import type { Tag } from '@shared/schema'

export function TagColorPicker({ tag, onPick }: { tag: Tag; onPick: (color: string) => void }) {
  const current = tag.color.toLowerCase()
  const inPalette = (TAG_PALETTE as readonly string[]).includes(current)
  const move = (e: React.KeyboardEvent) => {
    const step =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? 1
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? -1
          : 0
    if (!step) return
    e.preventDefault()
    const at = TAG_PALETTE.indexOf(current as (typeof TAG_PALETTE)[number])
    const next = TAG_PALETTE[(Math.max(at, 0) + step + TAG_PALETTE.length) % TAG_PALETTE.length]
    onPick(next)
    ;(e.currentTarget.querySelector(`[data-color="${next}"]`) as HTMLElement | null)?.focus()
  }
  return (
    <div className="field">
      <span id={`color-${tag.id}`}>Color</span>
      <div className="cb-colors">
        <div role="radiogroup" aria-labelledby={`color-${tag.id}`} className="cb-swatches" onKeyDown={move}>
          {TAG_PALETTE.map((c, i) => (
            <button
              key={c}
              role="radio"
              aria-checked={c === current}
              aria-label={TAG_COLOR_NAMES[i]}
              title={TAG_COLOR_NAMES[i]}
              tabIndex={c === current || (!inPalette && i === 0) ? 0 : -1}
              data-color={c}
              className="cb-swatch"
              style={{ background: c }}
              onClick={() => onPick(c)}
            />
          ))}
        </div>
        <input
          type="color"
          aria-label={`Color of tag ${tag.name}`}
          title="Another color"
          value={tag.color}
          onChange={(e) => onPick(e.target.value)}
        />
      </div>
    </div>
  )
}
