// Add a source by pasting text or importing a .txt, .md or .html file. The core converts and
// sanitizes it; the result is added with an undoable operation. What is typed is kept as the
// notebook's draft when the dialog closes (state/source-drafts.ts): Escape never loses a paste.
import { nanoid } from 'nanoid'
import { useEffect, useId, useRef, useState } from 'react'
import { plainText, textHash } from '@shared/plain-text'
import { LIMITS } from '@shared/limits'
import { api, errorMessage } from '../api/client'
import { navigate } from '../state/route'
import {
  EMPTY_DRAFT,
  isEmptyDraft,
  keepSourceDraft,
  sourceDraft,
  type SourceDraft,
  type SourceFormat as Format,
} from '../state/source-drafts'
import { useSession } from '../state/use-session'
import { CharacterCount, tooLongMessage } from './CharacterCount'
import { Dialog } from './Dialog'
import { FieldError } from './FieldError'

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
  const notebookId = session.notebook.id
  const [mode, setMode] = useState<'paste' | 'file'>('paste')
  const [draft, setDraft] = useState<SourceDraft>(() => sourceDraft(notebookId))
  const [restored, setRestored] = useState(() => !isEmptyDraft(draft))
  const { title, origin, content, format } = draft
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const titleCount = useId()
  const originCount = useId()

  // Closing the dialog while the core converts cancels the add: nothing appears behind the
  // user's back, and the draft keeps what was typed.
  const open = useRef(true)
  useEffect(() => {
    open.current = true
    return () => void (open.current = false)
  }, [])

  // Every change is the draft at once, so however the dialog closes, nothing typed is lost.
  const edit = (patch: Partial<SourceDraft>) => {
    const next = { ...draft, ...patch }
    setDraft(next)
    keepSourceDraft(notebookId, next)
  }
  const clear = () => {
    setDraft(EMPTY_DRAFT)
    setRestored(false)
    keepSourceDraft(notebookId, EMPTY_DRAFT)
    setError(null)
  }

  const add = async (input: { format: Format; content: string; fileName?: string }) => {
    const tooLong =
      tooLongMessage('The title', title, LIMITS.titleLength) ??
      tooLongMessage('The origin', origin, LIMITS.originLength)
    if (tooLong) return setError(tooLong)
    setBusy(true)
    setError(null)
    try {
      // The core takes the title from the text unless one was typed, and then does not keep
      // that first line twice (as the title and as the first paragraph).
      const converted = await api.convertSource({ ...input, title: title.trim() || undefined })
      if (!open.current) return
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
      // The draft's text is forgotten once it is added; a file's import took only its title and
      // origin, and leaves a pasted text for later (as it is now: typing may go on meanwhile).
      const current = sourceDraft(notebookId)
      keepSourceDraft(notebookId, input.fileName ? { ...current, title: '', origin: '' } : EMPTY_DRAFT)
      navigate({ screen: 'notebook', notebookId, sourceId: source.id })
      onClose()
    } catch (e) {
      if (!open.current) return
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
          onChange={(e) => edit({ title: e.target.value })}
          placeholder="Taken from the text when empty"
          aria-describedby={titleCount}
        />
      </label>
      <CharacterCount id={titleCount} value={title} max={LIMITS.titleLength} />
      <label className="field">
        <span>Origin (optional)</span>
        <input
          value={origin}
          onChange={(e) => edit({ origin: e.target.value })}
          placeholder="e.g. apnews.com"
          aria-describedby={originCount}
        />
      </label>
      <CharacterCount id={originCount} value={origin} max={LIMITS.originLength} />
      {mode === 'paste' ? (
        <>
          <label className="field">
            <span>Text</span>
            {/* The first field a person fills: the caret starts here rather than on the tabs. */}
            <textarea
              rows={8}
              value={content}
              onChange={(e) => edit({ content: e.target.value })}
              data-autofocus
            />
          </label>
          <label className="field">
            <span>Format</span>
            {/* Named by aria-label: the wrapping label's name took in every option's text. */}
            <select
              aria-label="Format"
              value={format}
              onChange={(e) => edit({ format: e.target.value as Format })}
            >
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
        {!isEmptyDraft(draft) && (
          <div className="draft-actions">
            <button className="button ghost" disabled={busy} onClick={clear}>
              Clear
            </button>
            {restored && <span className="draft-note">Kept from last time</span>}
          </div>
        )}
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
