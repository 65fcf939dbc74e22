// The live docs of the notebooks windows follow: opened on the first window's request, kept
// in step with the store's notebook from then on, and linked to a team server when the
// notebook is shared (share and join are here too).
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as Y from 'yjs'
import { GlossaError } from '@shared/errors'
import { LiveProjection, makeNotebookKeys, parseNotebookKey, settle } from '@shared/live'
import type { NotebookSummary } from '@shared/schema'
import type { Library } from '../store/library'
import type { OpenNotebook } from '../store/open-notebook'
import { LiveNotebook, LOCAL_ORIGIN } from './live-notebook'
import { TeamConfigSchema, TeamLink, type TeamConfig, type TeamStatus } from './team-link'
import { writeFreshYDoc, writeYDocFile, ydocPath } from './ydoc-file'

interface Entry {
  handle: OpenNotebook
  live: Promise<LiveNotebook>
  unwatch?: () => void
}

/** What windows of a notebook are told besides the doc (relay.ts sends it). */
export interface LiveEvents {
  status(id: string, status: TeamStatus): void
  notices(id: string, notices: string[]): void
  /** The notebook was just shared: windows waiting alone on it now follow its doc. */
  shared(id: string): void
}

export class LiveDocs {
  private readonly entries = new Map<string, Entry>()
  events: LiveEvents | null = null

  constructor(
    private readonly library: Library,
    /** How this app introduces itself to teammates (presence). */
    private readonly name = 'Glossa',
  ) {}

  /** The live doc of notebook `id` (opening the notebook if needed). */
  async get(id: string): Promise<LiveNotebook> {
    const handle = await this.library.openNotebook(id)
    const entry = this.entries.get(id)
    if (entry?.handle === handle) return entry.live
    // A new handle (first use, or the notebook was trashed and restored): a new doc follows it.
    if (entry) void this.drop(id, entry)
    const fresh: Entry = { handle, live: this.open(handle) }
    this.entries.set(id, fresh)
    fresh.live.then(
      (live) => (fresh.unwatch = handle.watch((nb) => live.follow(nb))),
      () => this.entries.delete(id),
    )
    return fresh.live
  }

  private async open(handle: OpenNotebook): Promise<LiveNotebook> {
    const id = handle.data.id
    const live = await LiveNotebook.open(ydocPath(this.library.notebooksDir, id), handle.data)
    // Edits applied while the doc was being read.
    live.follow(handle.data)
    live.onRemote = (notebook, notices) => {
      if (notices.length) this.events?.notices(id, notices)
      return handle.replace(notebook)
    }
    const config = await this.readConfig(id)
    if (config) this.link(id, live, config)
    return live
  }

  private link(id: string, live: LiveNotebook, config: TeamConfig): TeamLink {
    const link = live.connect(config, this.name)
    let waiting = config.waiting
    link.onChange(() => {
      const status = link.status
      this.events?.status(id, status)
      // Changes still waiting are remembered across a restart.
      if (status.waiting !== waiting) {
        waiting = status.waiting
        void this.writeConfig(id, { ...config, waiting }).catch(() => {})
      }
    })
    return link
  }

  /**
   * Refuses a change to a notebook joined with a read-only key: the team server would drop it,
   * and the copy here would drift from the team's (the windows show it read-only too).
   */
  async assertWritable(id: string): Promise<void> {
    const config = await this.readConfig(id)
    if (config && parseNotebookKey(config.key)?.role === 'ro')
      throw new GlossaError(
        'team/read-only',
        'This notebook was joined with a read-only key: it can be read here but not changed.',
      )
  }

  /** Whether notebook `id` is shared with a team server. */
  async shared(id: string): Promise<boolean> {
    return (await this.readConfig(id)) !== null
  }

  /** A shared notebook's connection state (null when it is not shared). */
  async status(id: string): Promise<TeamStatus | null> {
    if (!(await this.readConfig(id))) return null
    return (await this.get(id)).link?.status ?? null
  }

  /**
   * Publishes notebook `id` to the team server at `serverUrl` with two new keys (read-write,
   * read-only), once the server has taken it.
   */
  async share(id: string, serverUrl: string): Promise<{ readWrite: string; readOnly: string }> {
    const live = await this.get(id)
    const current = await this.readConfig(id)
    if (current?.readOnlyKey && current.serverUrl === serverUrl)
      return { readWrite: current.key, readOnly: current.readOnlyKey }
    const keys = makeNotebookKeys(id)
    const config = TeamConfigSchema.parse({ serverUrl, key: keys.readWrite, readOnlyKey: keys.readOnly })
    const link = this.link(id, live, config)
    try {
      await link.firstSync()
      // What the first sync sent (the whole notebook) is not acknowledged on its own; a change
      // sent after it is, and the server handles a connection's messages in order: once that
      // one is acknowledged, the server holds the notebook and a teammate can join at once.
      live.doc.transact(() => live.doc.getMap('team').set('sharedAt', new Date().toISOString()), LOCAL_ORIGIN)
      await link.firstSync(undefined, true)
    } catch (error) {
      link.destroy()
      live.link = null
      throw new GlossaError(
        'team/refused',
        `The team server did not take the notebook: ${(error as Error).message}`,
      )
    }
    await this.writeConfig(id, config)
    this.events?.shared(id)
    return keys
  }

  /** Creates the local copy of a notebook shared on `serverUrl`, which `key` opens. */
  async join(serverUrl: string, key: string): Promise<NotebookSummary> {
    const parsed = parseNotebookKey(key)
    if (!parsed)
      throw new GlossaError('team/bad-key', 'This is not a Glossa notebook key (it starts with “glossa.”).')
    const { notebooks } = await this.library.list()
    if (notebooks.some((n) => n.id === parsed.notebookId))
      throw new GlossaError('team/already', 'This notebook is already in your library.')
    const config = TeamConfigSchema.parse({ serverUrl, key: parsed.text })
    const doc = new Y.Doc()
    const link = new TeamLink(doc, parsed.notebookId, config, this.name)
    try {
      await link.firstSync()
    } catch (error) {
      throw new GlossaError('team/refused', `Could not join: ${(error as Error).message}`)
    } finally {
      link.destroy()
    }
    const projection = new LiveProjection(doc)
    let notebook
    try {
      notebook = settle(doc, projection).notebook
    } catch (error) {
      throw new GlossaError(
        'team/unreadable',
        `The shared notebook cannot be read: ${(error as Error).message}`,
      )
    }
    if (notebook.id !== parsed.notebookId)
      throw new GlossaError('team/unreadable', 'The team server sent another notebook than the key names.')
    const summary = await this.library.add(notebook)
    await writeFreshYDoc(ydocPath(this.library.notebooksDir, notebook.id), Y.encodeStateAsUpdate(doc))
    await this.writeConfig(notebook.id, config)
    return summary
  }

  private configPath(id: string): string {
    return join(this.library.notebooksDir, '.live', `${id}.team.json`)
  }

  /** Configs read once (every applyOps asks whether its notebook is read-only). */
  private readonly configs = new Map<string, Promise<TeamConfig | null>>()

  private readConfig(id: string): Promise<TeamConfig | null> {
    const known = this.configs.get(id)
    if (known) return known
    const read = readFile(this.configPath(id), 'utf8')
      .then((text) => TeamConfigSchema.parse(JSON.parse(text)))
      .catch(() => null)
    this.configs.set(id, read)
    return read
  }

  private async writeConfig(id: string, config: TeamConfig): Promise<void> {
    const path = this.configPath(id)
    this.configs.set(id, Promise.resolve(config))
    await writeYDocFile(path, new TextEncoder().encode(JSON.stringify(config, null, 2)))
  }

  private async drop(id: string, entry: Entry): Promise<void> {
    entry.unwatch?.()
    if (this.entries.get(id) === entry) this.entries.delete(id)
    await (await entry.live).close()
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.entries].map(([id, e]) => this.drop(id, e).catch(() => {})))
  }
}
