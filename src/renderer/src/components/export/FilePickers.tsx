// Two ways to pick Markdown: a file (.md, or a .zip of a folder export) or a whole folder.
import { useRef } from 'react'
import './export.css'

export function FilePickers({
  onPick,
  disabled,
  label,
  accept = '.md,.markdown,.zip,text/markdown,application/zip',
}: {
  onPick: (files: File[]) => void
  disabled?: boolean
  /** What is being picked, for the inputs' accessible names ("the edited export"). */
  label: string
  accept?: string
}) {
  const file = useRef<HTMLInputElement>(null)
  const folder = useRef<HTMLInputElement>(null)
  const picked = (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])]
    input.value = '' // the same files can be picked again
    if (files.length) onPick(files)
  }
  return (
    <div className="file-pickers">
      <button className="button" disabled={disabled} onClick={() => file.current?.click()}>
        Choose a file or zip…
      </button>
      <button className="button" disabled={disabled} onClick={() => folder.current?.click()}>
        Choose a folder…
      </button>
      <input
        ref={file}
        type="file"
        accept={accept}
        hidden
        aria-label={`File with ${label}`}
        onChange={(e) => picked(e.target)}
      />
      <input
        ref={(el) => {
          folder.current = el
          // React has no prop for these; they make the picker choose a folder.
          el?.setAttribute('webkitdirectory', '')
          el?.setAttribute('directory', '')
        }}
        type="file"
        multiple
        hidden
        aria-label={`Folder with ${label}`}
        onChange={(e) => picked(e.target)}
      />
    </div>
  )
}
