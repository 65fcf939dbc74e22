// Add a source by pasting text or importing a .txt, .md or .html file. The core converts and
// sanitizes it; the result is added with an undoable operation.
import { nanoid } from 'nanoid'
import { useState } from 'react'
import { plainText, textHash } from '@shared/plain-text'
import { LIMITS } from '@shared/schema'
import { api, errorMessage } from '../api/client'
import { navigate } from '../state/route'
import { useSession } from '../state/use-session'
import { Dialog } from './Dialog'
import { FieldError } from './FieldError'

type Format = 'text' | 'markdown' | 'html'
const MAX_FILE_BYTES = LIMITS.sourceTextChars * 2

export function formatOfFile(name: string): Format | null {
  const ext = name.toLowerCase().split('.').pop()
  if (ext === 'txt' || ext === 'text') return 'text'
  if (ext === 'md' || ext === 'markdown') return 'markdown'
  if (ext === 'html' || ext === 'htm') return 'html'
  return null
}

export function AddSourceDialog({ onClose }: { onClose: () => void }) {
  const session = useSession()
  const [mode, setMode] = useState<'paste' | 'file'>('paste')
  const [title, setTitle] = useState('')
  const [origin, setOrigin] = useState('')
  const [content, setContent] = useState('')
  const [format, setFormat] = useState<Format>('text')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const add = async (input: { format: Format; content: string; fileName?: string }) => {
    setBusy(true)
    setError(null)
    try {
      // The core takes the title from the text unless one was typed, and then does not keep
      // that first line twice (as the title and as the first paragraph).
      const converted = await api.convertSource({ ...input, title: title.trim() || undefined })
      const now = new Date().toISOString()
      const source = {
        id: nanoid(12),
        title: converted.title,
        origin: origin.trim(),
        doc: converted.doc,
        textHash: textHash(plainText(converted.doc)),
        createdAt: now,
        updatedAt: now,
      }
      session.run([{ type: 'addSource', source }], { label: 'Add source' })
      navigate({ screen: 'notebook', notebookId: session.notebook.id, sourceId: source.id })
      onClose()
    } catch (e) {
      setError(errorMessage(e))
      setBusy(false)
    }
  }

  const onFile = async (file: File | undefined) => {
    if (!file) return
    const fileFormat = formatOfFile(file.name)
    if (!fileFormat) return setError(`“${file.name}” is not a .txt, .md or .html file.`)
    if (file.size > MAX_FILE_BYTES)
      return setError(
        `“${file.name}” is ${(file.size / 1048576).toFixed(1)} MB; sources can hold up to about ${LIMITS.sourceTextChars / 1_000_000} MB of text.`,
      )
    await add({ format: fileFormat, content: await file.text(), fileName: file.name })
  }

  return (
    <Dialog title="Add source" onClose={onClose}>
      <div className="segmented" role="tablist" aria-label="How to add the source">
        <button role="tab" aria-selected={mode === 'paste'} onClick={() => setMode('paste')}>
          Paste text
        </button>
        <button role="tab" aria-selected={mode === 'file'} onClick={() => setMode('file')}>
          Import file
        </button>
      </div>
      <label className="field">
        <span>Title (optional)</span>
        <input
          value={title}
          maxLength={LIMITS.titleLength}
          onChange={(e) => setTitle(e.target.value)}
          placeholder="Taken from the text when empty"
        />
      </label>
      <label className="field">
        <span>Origin (optional)</span>
        <input
          value={origin}
          maxLength={LIMITS.originLength}
          onChange={(e) => setOrigin(e.target.value)}
          placeholder="e.g. apnews.com"
        />
      </label>
      {mode === 'paste' ? (
        <>
          <label className="field">
            <span>Text</span>
            <textarea rows={8} value={content} onChange={(e) => setContent(e.target.value)} />
          </label>
          <label className="field">
            <span>Format</span>
            <select value={format} onChange={(e) => setFormat(e.target.value as Format)}>
              <option value="text">Plain text</option>
              <option value="markdown">Markdown</option>
              <option value="html">HTML</option>
            </select>
          </label>
        </>
      ) : (
        <label className="field">
          <span>File (.txt, .md, .html)</span>
          <input
            type="file"
            accept=".txt,.text,.md,.markdown,.html,.htm"
            disabled={busy}
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </label>
      )}
      {busy && (
        <p role="status" className="busy-line">
          <span className="spinner" aria-hidden="true" /> Converting and sanitizing the text… large Markdown
          files take a few seconds per megabyte.
        </p>
      )}
      <FieldError error={error} />
      <div className="dialog-footer">
        <button className="button" onClick={onClose}>
          Cancel
        </button>
        {mode === 'paste' && (
          <button
            className="button primary"
            disabled={busy}
            onClick={() =>
              content.trim() ? void add({ format, content }) : setError('Paste some text first.')
            }
          >
            Add source
          </button>
        )}
      </div>
    </Dialog>
  )
}
