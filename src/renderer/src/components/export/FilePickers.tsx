// Two ways to pick Markdown: a file (.md, or a .zip of a folder export) or a whole folder.
import { useRef } from 'react'
import { HiddenFileInput } from '../HiddenFileInput'
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
  return (
    <div className="file-pickers">
      <button className="button" disabled={disabled} onClick={() => file.current?.click()}>
        Choose a file or zip…
      </button>
      <button className="button" disabled={disabled} onClick={() => folder.current?.click()}>
        Choose a folder…
      </button>
      <HiddenFileInput inputRef={file} accept={accept} label={`File with ${label}`} onFiles={onPick} />
      <HiddenFileInput inputRef={folder} folder label={`Folder with ${label}`} onFiles={onPick} />
    </div>
  )
}
