// The relay between the core and its windows speaks y-protocols' sync messages (the same ones
// Hocuspocus and y-websocket speak): step 1 says what a side has, step 2 answers with what it
// lacks, then updates follow. Windows change the notebook through the contract (applyOps),
// except the note editors bound to their fragments, whose typing reaches the core as updates
// (src/core/live/relay.ts); a read-only notebook ignores them.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as sync from 'y-protocols/sync'
import type * as Y from 'yjs'

/** The first byte of every message (y-websocket's framing: 0 sync, 1 awareness). */
export const MESSAGE_SYNC = 0

export function syncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  sync.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  sync.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

/**
 * Handles one message for `doc`: answers a step 1 (returns the reply), applies a step 2 or an
 * update unless `readOnly`. Throws on a message that is not a sync message.
 */
export function handleSyncMessage(
  doc: Y.Doc,
  message: Uint8Array,
  { readOnly, origin }: { readOnly: boolean; origin: unknown },
): Uint8Array | null {
  const decoder = decoding.createDecoder(message)
  if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) throw new Error('Not a sync message.')
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  const kind = decoding.readVarUint(decoder)
  if (kind === sync.messageYjsSyncStep1) {
    sync.readSyncStep1(decoder, encoder, doc)
    return encoding.toUint8Array(encoder)
  }
  if (kind !== sync.messageYjsSyncStep2 && kind !== sync.messageYjsUpdate)
    throw new Error('Unknown sync message.')
  if (!readOnly) sync.readSyncStep2(decoder, doc, origin)
  return null
}

/** True for a message that carries changes (an update, or a step 2 answering a step 1). */
export function carriesChanges(message: Uint8Array): boolean {
  const decoder = decoding.createDecoder(message)
  if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return false
  const kind = decoding.readVarUint(decoder)
  return kind === sync.messageYjsSyncStep2 || kind === sync.messageYjsUpdate
}

/** Besides sync: the core tells windows a shared notebook's connection state and merge notices. */
export const MESSAGE_STATUS = 100
export const MESSAGE_NOTICES = 101
/**
 * The core tells a window its changes are saved: `through` counts the messages carrying
 * changes (`carriesChanges`) the window sent on this connection whose changes are now in the
 * JSON file; with `error`, the save holding them failed (the store's reason).
 */
export const MESSAGE_SAVED = 102

export interface SavedMessage {
  through: number
  error?: string
}

export function jsonMessage(
  kind: typeof MESSAGE_STATUS | typeof MESSAGE_NOTICES | typeof MESSAGE_SAVED,
  value: unknown,
): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, kind)
  encoding.writeVarString(encoder, JSON.stringify(value))
  return encoding.toUint8Array(encoder)
}

/** The kind and value of a status, notices or saved message, or null for any other message. */
export function readJsonMessage(message: Uint8Array): { kind: number; value: unknown } | null {
  const decoder = decoding.createDecoder(message)
  const kind = decoding.readVarUint(decoder)
  if (kind !== MESSAGE_STATUS && kind !== MESSAGE_NOTICES && kind !== MESSAGE_SAVED) return null
  try {
    return { kind, value: JSON.parse(decoding.readVarString(decoder)) }
  } catch {
    return null
  }
}
