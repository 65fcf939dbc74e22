// One open notebook's Y.Doc in the core (docs/LIVE.md, "Many windows in one app"). The store
// stays the keeper of the JSON file; every change it makes to the notebook in memory (a batch
// applied, a reload from disk) is written into the doc as the difference, and the doc's updates
// are what windows (and, later, the team server) receive.
import { isDeepStrictEqual } from 'node:util'
import * as Y from 'yjs'
import {
  LiveProjection,
  notebookToYDoc,
  REPAIR_ORIGIN,
  settle,
  writeNotebookDiff,
  yDocToNotebook,
} from '@shared/live'
import type { Notebook } from '@shared/schema'
import { TeamLink, type TeamConfig } from './team-link'
import { readYDocFile, writeYDocFile } from './ydoc-file'

export const LOCAL_ORIGIN = 'glossa-core'
/** The doc is saved this long after its last change (it is history; the JSON file is durable on its own). */
const SAVE_DELAY_MS = 500

export class LiveNotebook {
  private timer: ReturnType<typeof setTimeout> | undefined
  private saving: Promise<void> = Promise.resolve()
  private projection: LiveProjection | null = null
  link: TeamLink | null = null
  /** Told each notebook a merge of others' changes made (with what was refused or repaired). */
  onRemote: ((notebook: Notebook, notices: string[]) => void) | null = null

  private constructor(
    readonly doc: Y.Doc,
    private current: Notebook,
    private readonly path: string,
  ) {
    // The projection that settles others' changes starts before the first of them is applied:
    // started after, it would take an invalid entity that update brought for one it never had
    // (and drop it, with what refers to it) instead of keeping the last valid version.
    doc.on('beforeTransaction', (tr: Y.Transaction) => {
      if (!this.projection && tr.origin !== LOCAL_ORIGIN && tr.origin !== REPAIR_ORIGIN)
        this.startProjection()
    })
    doc.on('update', (_update: Uint8Array, origin: unknown) => {
      this.scheduleSave()
      // Others' changes are settled at once, before any local edit is written over them.
      if (origin !== LOCAL_ORIGIN && origin !== REPAIR_ORIGIN) this.settleRemote()
    })
  }

  /** Links the doc to a team server (offline edits go out when it is reachable). */
  connect(config: TeamConfig, name?: string): TeamLink {
    this.link?.destroy()
    this.link = new TeamLink(this.doc, this.current.id, config, name)
    return this.link
  }

  /**
   * After a remote update: project, refuse what is invalid, repair what the merge broke, write
   * that back (every replica converges on it), and hand the notebook to the store.
   */
  private settleRemote(): void {
    const projection = this.projection ?? this.startProjection()
    let settled
    try {
      settled = settle(this.doc, projection)
    } catch (error) {
      console.error('[glossa live] a change from the team server could not be read:', error)
      return
    }
    if (settled.notebook === this.current && !settled.notices.length) return
    this.current = settled.notebook
    this.onRemote?.(settled.notebook, settled.notices)
  }

  private startProjection(): LiveProjection {
    this.projection = new LiveProjection(this.doc)
    this.projection.adopt(this.current)
    return this.projection
  }

  /**
   * The doc saved at `path`, brought up to `notebook` (the file, which is the truth): what
   * differs — another program's edit, a doc lost or damaged — is written into it as an edit.
   */
  static async open(path: string, notebook: Notebook): Promise<LiveNotebook> {
    const doc = new Y.Doc()
    const saved = await readYDocFile(path)
    let projected: Notebook | null = null
    if (saved) {
      try {
        Y.applyUpdate(doc, saved, LOCAL_ORIGIN)
        projected = yDocToNotebook(doc).notebook
      } catch {
        projected = null
      }
    }
    if (!projected || projected.id !== notebook.id) {
      const fresh = notebookToYDoc(notebook)
      const live = new LiveNotebook(fresh, notebook, path)
      live.scheduleSave()
      return live
    }
    const live = new LiveNotebook(doc, notebook, path)
    if (!isDeepStrictEqual(projected, notebook)) writeNotebookDiff(doc, projected, notebook, LOCAL_ORIGIN)
    return live
  }

  /** The store changed the notebook in memory (`before` is what the doc last followed). */
  follow(after: Notebook): void {
    writeNotebookDiff(this.doc, this.current, after, LOCAL_ORIGIN)
    this.current = after
  }

  /** Joined with a read-only key: its windows' changes are refused (relay.ts, LiveDocs.guard). */
  get readOnly(): boolean {
    return this.link?.isReadOnly ?? false
  }

  get notebook(): Notebook {
    return this.current
  }

  private scheduleSave(): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.save(), SAVE_DELAY_MS)
  }

  /** Saves the doc now (and waits for a save in progress). */
  save(): Promise<void> {
    clearTimeout(this.timer)
    this.saving = this.saving
      .then(() => writeYDocFile(this.path, Y.encodeStateAsUpdate(this.doc)))
      .catch((error: unknown) => console.error('[glossa live] could not save the live state:', error))
    return this.saving
  }

  async close(): Promise<void> {
    this.link?.destroy()
    await this.save()
    this.doc.destroy()
  }
}
