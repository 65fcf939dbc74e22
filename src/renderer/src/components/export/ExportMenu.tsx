// The notebook's "Export" menu: a disclosure button with one button per format, the busy
// state while an export runs (the menu is disabled meanwhile; Cancel stops it), "Bring back
// edits from Markdown…", and the desktop menu's "Export as …" commands.
import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { useSession } from '../../state/use-session'
import { EXPORT_CHOICES, EXPORT_MENU_COMMANDS, exportNotebookAs, useExportState } from './export-actions'
import './export.css'

// The Markdown reader behind "Bring back edits" loads when first asked for, not with the window.
const ReimportDialog = lazy(() => import('./ReimportDialog').then((m) => ({ default: m.ReimportDialog })))

export function ExportMenu() {
  const session = useSession()
  const state = useExportState()
  const [open, setOpen] = useState(false)
  const [reimporting, setReimporting] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const toggle = useRef<HTMLButtonElement>(null)

  useEffect(
    () =>
      window.glossa?.onMenuCommand?.((command) => {
        const format = EXPORT_MENU_COMMANDS[command]
        if (format) void exportNotebookAs(session, format)
      }),
    [session],
  )

  useEffect(() => {
    if (!open) return
    const onPointer = (e: PointerEvent) => !root.current?.contains(e.target as Node) && setOpen(false)
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      setOpen(false)
      toggle.current?.focus()
    }
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])

  return (
    <div className="export-menu" ref={root}>
      {state.busy && (
        <span className="export-progress" role="status">
          <progress aria-label="Export progress" max={1} value={state.progress} />
          <span>
            Exporting… {state.progress !== undefined ? `${Math.round(state.progress * 100)}% · ` : ''}
            {state.step}
          </span>
        </span>
      )}
      {state.busy && state.cancel && (
        <button className="button" onClick={state.cancel}>
          Cancel export
        </button>
      )}
      <button
        ref={toggle}
        className="button"
        aria-expanded={open}
        aria-controls="export-choices"
        disabled={state.busy}
        onClick={() => setOpen((o) => !o)}
      >
        Export ▾
      </button>
      {open && !state.busy && (
        <div id="export-choices" className="export-choices" role="group" aria-label="Export formats">
          {EXPORT_CHOICES.map((choice, i) => (
            <button
              key={choice.format}
              className="export-choice"
              aria-label={choice.label}
              autoFocus={i === 0}
              onClick={() => {
                setOpen(false)
                void exportNotebookAs(session, choice.format)
              }}
            >
              <span>{choice.label}…</span>
              <span className="export-hint" aria-hidden="true">
                {choice.hint}
              </span>
            </button>
          ))}
          <button
            className="export-choice"
            onClick={() => {
              setOpen(false)
              setReimporting(true)
            }}
          >
            <span>Bring back edits from Markdown…</span>
            <span className="export-hint" aria-hidden="true">
              an export edited in Obsidian
            </span>
          </button>
        </div>
      )}
      {reimporting && (
        <Suspense fallback={null}>
          <ReimportDialog onClose={() => setReimporting(false)} />
        </Suspense>
      )}
    </div>
  )
}
