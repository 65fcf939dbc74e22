// A live notebook's link to a team server: a Hocuspocus provider on the core's own doc, so
// edits made offline are in the doc (saved beside the file) and go out when the server is back;
// what comes in is settled (validated, repaired) before the store keeps it (live-notebook.ts).
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WebSocket from 'ws'
import { z } from 'zod'
import { parseNotebookKey, shareToken } from '@shared/live'
import type { TeamStatus } from '@shared/live/status'
import type * as Y from 'yjs'

/** What a shared notebook keeps beside its file: where its team server is and its key(s). */
export const TeamConfigSchema = z.object({
  serverUrl: z.string().regex(/^wss?:\/\/[^\s]+$/, 'a team server address starts with ws:// or wss://'),
  key: z.string().max(300),
  /** Kept by whoever shared the notebook, to show it again. */
  readOnlyKey: z.string().max(300).optional(),
  /** Changes made here the server had not acknowledged when Glossa last stopped. */
  waiting: z.number().int().nonnegative().default(0),
})
export type TeamConfig = z.infer<typeof TeamConfigSchema>

export type { TeamStatus }

export class TeamLink {
  readonly provider: HocuspocusProvider
  private readonly socket: HocuspocusProviderWebsocket
  private connected = false
  private refused: string | undefined
  private restoredWaiting: number
  /** From the key (known offline) and from the server's answer (scope). */
  private readOnly: boolean
  private readonly listeners = new Set<() => void>()

  constructor(doc: Y.Doc, notebookId: string, config: TeamConfig, name = 'Glossa') {
    this.restoredWaiting = config.waiting
    this.readOnly = parseNotebookKey(config.key)?.role === 'ro'
    this.socket = new HocuspocusProviderWebsocket({
      url: config.serverUrl,
      WebSocketPolyfill: WebSocket,
      // Offline for hours is normal: keep trying, at most every 10 s.
      maxAttempts: 0,
      maxDelay: 10_000,
    })
    this.provider = new HocuspocusProvider({
      name: notebookId,
      document: doc,
      websocketProvider: this.socket,
      token: shareToken(config.key, config.readOnlyKey),
      onAuthenticated: ({ scope }) => {
        this.refused = undefined
        this.readOnly = this.readOnly || scope === 'readonly'
        this.changed()
      },
      onAuthenticationFailed: ({ reason }) => {
        this.refused = reason
        this.changed()
      },
      onSynced: () => {
        if (!this.provider.hasUnsyncedChanges) this.restoredWaiting = 0
        this.changed()
      },
      onUnsyncedChanges: () => {
        if (!this.provider?.hasUnsyncedChanges && this.provider?.isSynced) this.restoredWaiting = 0
        this.changed()
      },
      onAwarenessChange: () => this.changed(),
    })
    this.provider.attach()
    // The socket's own events: the provider forwards its status only while attached and open.
    this.socket.on('status', ({ status }: { status: string }) => {
      this.connected = status === 'connected'
      this.changed()
    })
    this.socket.on('close', () => {
      this.connected = false
      this.changed()
    })
    this.provider.awareness?.setLocalStateField('user', { name })
  }

  get status(): TeamStatus {
    const waiting = this.restoredWaiting + this.provider.unsyncedChanges
    const state = this.refused
      ? 'refused'
      : !this.connected
        ? 'offline'
        : !this.provider.isSynced || this.provider.hasUnsyncedChanges
          ? 'syncing'
          : 'online'
    return { state, waiting, reason: this.refused, readOnly: this.readOnly, peers: this.peers() }
  }

  /** True when this copy was joined with a read-only key: the server drops its changes. */
  get isReadOnly(): boolean {
    return this.readOnly
  }

  /** Says which source this app's windows are reading (presence). */
  setReading(source: string | undefined): void {
    this.provider.awareness?.setLocalStateField('source', source)
  }

  private peers(): TeamStatus['peers'] {
    const awareness = this.provider.awareness
    if (!awareness) return []
    return [...awareness.getStates()]
      .filter(([client]) => client !== awareness.clientID)
      .map(([, state]) => ({
        name: typeof state.user?.name === 'string' ? state.user.name.slice(0, 80) : 'Someone',
        source: typeof state.source === 'string' ? state.source.slice(0, 80) : undefined,
      }))
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private changed(): void {
    for (const l of this.listeners) l()
  }

  /**
   * Resolves when the first sync is done (with `acknowledged`, once the server has also
   * acknowledged every change sent since); rejects with the server's reason if it refuses the key.
   */
  firstSync(timeoutMs = 120_000, acknowledged = false): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.refused) done(new Error(this.refused))
        else if (this.provider.isSynced && !(acknowledged && this.provider.hasUnsyncedChanges)) done()
      }
      const timer = setTimeout(
        () => done(new Error(`The team server did not answer within ${timeoutMs / 1000} s.`)),
        timeoutMs,
      )
      const stop = this.onChange(check)
      const done = (error?: Error) => {
        clearTimeout(timer)
        stop()
        if (error) reject(error)
        else resolve()
      }
      check()
    })
  }

  destroy(): void {
    this.provider.destroy()
    this.socket.destroy()
  }
}
