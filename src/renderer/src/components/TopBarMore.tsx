// The top bar's overflow at narrow widths (below 1200 px, where the theme buttons would crowd
// the title): a "More" button opening the theme and the shortcuts. A disclosure, not an ARIA
// menu, since it holds a radio group; Escape or a click outside closes it.
import { useEffect, useId, useRef, useState } from 'react'
import { COMMANDS, shortcutLabel } from '../commands/registry'
import { ui } from '../state/ui-store'
import { Icon } from './Icon'
import { ThemeSelect } from './ThemeSelect'

export function TopBarMore() {
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const toggle = useRef<HTMLButtonElement>(null)
  const panelId = useId()
  useEffect(() => {
    if (!open) return
    const onPointer = (e: PointerEvent) => !root.current?.contains(e.target as Node) && setOpen(false)
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      e.stopPropagation()
      setOpen(false)
      toggle.current?.focus()
    }
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('keydown', onKey, true)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('keydown', onKey, true)
    }
  }, [open])
  return (
    <div className="topbar-more" ref={root}>
      <button
        ref={toggle}
        className="icon-button topbar-more-toggle"
        aria-label="More"
        title="Theme and shortcuts"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <Icon name="more" size={18} />
      </button>
      {open && (
        <div id={panelId} className="topbar-more-panel" role="group" aria-label="More">
          <span className="topbar-more-label">Theme</span>
          <ThemeSelect />
          <button
            className="topbar-more-item"
            onClick={() => {
              setOpen(false)
              ui.set({ panel: 'shortcuts' })
            }}
          >
            Keyboard shortcuts <kbd>{shortcutLabel(COMMANDS.shortcuts)}</kbd>
          </button>
        </div>
      )}
    </div>
  )
}
