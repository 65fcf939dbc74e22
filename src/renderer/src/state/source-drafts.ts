// What was typed into "Add source → Paste text" and not added yet, per notebook. Closing the
// dialog (Escape, Cancel) keeps it, so a pasted text is never lost without the user choosing
// "Clear"; a successful add forgets it. Kept for the window's life only: a draft can be
// megabytes, too much for localStorage, and it is not part of the notebook.

export type SourceFormat = 'text' | 'markdown' | 'html'
export interface SourceDraft {
  title: string
  origin: string
  content: string
  format: SourceFormat
}

export const EMPTY_DRAFT: SourceDraft = { title: '', origin: '', content: '', format: 'text' }

const drafts = new Map<string, SourceDraft>()

export const isEmptyDraft = (d: SourceDraft): boolean =>
  !d.title.trim() && !d.origin.trim() && !d.content.trim()

export function sourceDraft(notebookId: string): SourceDraft {
  return drafts.get(notebookId) ?? EMPTY_DRAFT
}

/** Keeps `draft` for the notebook, or forgets it when nothing is typed. */
export function keepSourceDraft(notebookId: string, draft: SourceDraft): void {
  if (isEmptyDraft(draft)) drafts.delete(notebookId)
  else drafts.set(notebookId, draft)
}
