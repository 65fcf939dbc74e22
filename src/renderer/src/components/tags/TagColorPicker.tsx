// A tag's color: the palette's ten distinct, contrast-checked colors as a radio group, and any
// other color through the system picker.
import { TAG_COLOR_NAMES, TAG_PALETTE } from '@shared/tag-colors'
import type { Tag } from '@shared/schema'
import { radioArrowKeys } from '../radio-keys'

export function TagColorPicker({ tag, onPick }: { tag: Tag; onPick: (color: string) => void }) {
  const current = tag.color.toLowerCase()
  const inPalette = (TAG_PALETTE as readonly string[]).includes(current)
  const move = radioArrowKeys(TAG_PALETTE, current, onPick)
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
              data-choice={c}
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
