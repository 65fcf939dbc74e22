// A hidden <input type="file"> that a button of the caller's opens: one file, or with `folder` a
// whole folder (Chromium's webkitdirectory, which React has no prop for). It hands over what was
// picked and clears itself, so the same files can be picked again.
import type { RefObject } from 'react'

export function HiddenFileInput({
  inputRef,
  label,
  accept,
  folder = false,
  onFiles,
}: {
  inputRef: RefObject<HTMLInputElement | null>
  /** The input's accessible name. */
  label: string
  accept?: string
  folder?: boolean
  onFiles: (files: File[]) => void
}) {
  return (
    <input
      ref={(el) => {
        inputRef.current = el
        if (folder) {
          el?.setAttribute('webkitdirectory', '')
          el?.setAttribute('directory', '')
        }
      }}
      type="file"
      accept={accept}
      multiple={folder}
      hidden
      aria-label={label}
      onChange={(e) => {
        const files = [...(e.target.files ?? [])]
        e.target.value = ''
        if (files.length) onFiles(files)
      }}
    />
  )
}
